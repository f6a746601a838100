using System.Text;
using System.Text.RegularExpressions;

namespace TheBot.Tests.Deployment;

/// <summary>
/// Runs the <c>bash</c> blocks of docs/deployment.md the way an operator would, section by section, each block
/// from the repository's root, in a copy of the committed deploy/ folder. What needs no container engine or cluster runs
/// for real; <c>docker</c>, <c>kubectl</c> (but <c>kustomize</c> and client-side dry runs) and <c>dotnet</c>
/// (but the AppHost's publishing and <c>msbuild</c> queries) are stand-ins that check instead of acting:
/// deploy/validation/compose-config.mjs for Compose, kubectl kustomize + validate-kubernetes.mjs +
/// check-applied.mjs for every <c>kubectl apply -k</c>.
/// </summary>
internal sealed partial class DeploymentGuide
{
    private DeploymentGuide(string root, IReadOnlyList<Section> sections)
    {
        Root = root;
        Sections = sections;
    }

    /// <summary>The copy the commands run in: deploy/ (without the operator's secret files and node_modules).</summary>
    public string Root { get; }

    public IReadOnlyList<Section> Sections { get; }

    public sealed record Section(string Title, string Script);

    public static async Task<DeploymentGuide> CopyAsync(Func<string, string>? editGuide = null)
    {
        var guide = await File.ReadAllTextAsync(Path.Combine(Tool.Root, "docs", "deployment.md"), TestContext.Current.CancellationToken);
        guide = editGuide?.Invoke(guide) ?? guide;

        var root = Directory.CreateTempSubdirectory("thebot-guide-").FullName;
        var source = Path.Combine(Tool.Root, "deploy");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.StartsWith("validation/node_modules/", StringComparison.Ordinal) || GeneratedDeployment.IsOperatorSecret(relative))
            {
                continue;
            }

            var target = Path.Combine(root, "deploy", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Directory.CreateDirectory(Path.Combine(root, "TheBot.AppHost"));
        File.Copy(Path.Combine(Tool.Root, "Directory.Build.props"), Path.Combine(root, "Directory.Build.props"));
        return new DeploymentGuide(root, Parse(guide));
    }

    /// <summary>The <c>bash</c> blocks of each <c>##</c> section (the part before the first is "Regenerating").</summary>
    public static IReadOnlyList<Section> Parse(string guide)
    {
        var sections = new List<Section>();
        var title = "Regenerating";
        var script = new StringBuilder();
        var inBash = false;
        foreach (var line in guide.Split('\n'))
        {
            if (!inBash && line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                title = line[3..].Trim();
            }
            else if (!inBash && line.Trim() == "```bash")
            {
                script.Append("(\n");
                inBash = true;
            }
            else if (inBash && line.Trim() == "```")
            {
                // Each block starts from the repository's root, as the guide's cd commands assume.
                script.Append(")\n");
                inBash = false;
            }
            else if (inBash)
            {
                script.Append(line).Append('\n');
            }
        }

        Flush();
        return sections;

        void Flush()
        {
            if (script.Length > 0)
            {
                sections.Add(new Section(title, script.ToString()));
                script.Clear();
            }
        }
    }

    public Section this[string titleStart] => Sections.Single(s => s.Title.StartsWith(titleStart, StringComparison.Ordinal));

    /// <summary>Runs one section's commands from the copy's root, with the stand-ins first on PATH.</summary>
    public async Task<Tool.Result> RunAsync(Section section)
    {
        await Tool.NodeAsync("yaml-to-json.mjs", Path.Combine(Tool.Root, "deploy", "compose", "docker-compose.yaml")); // installs the validators once
        var bin = Path.Combine(Root, ".stand-ins");
        Directory.CreateDirectory(bin);
        foreach (var (name, script) in StandIns)
        {
            var path = Path.Combine(bin, name);
            await File.WriteAllTextAsync(path, script.ReplaceLineEndings("\n"), TestContext.Current.CancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
            }
        }

        var scriptFile = Path.Combine(Root, $".section-{Slug().Replace(section.Title, "-")}.sh");
        await File.WriteAllTextAsync(scriptFile, "set -euo pipefail\n" + section.Script, TestContext.Current.CancellationToken);
        return await Tool.RunAsync("bash", [scriptFile], Root, timeLimit: TimeSpan.FromMinutes(10), environment: new Dictionary<string, string>
        {
            ["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}",
            ["THEBOT_GUIDE_ROOT"] = Root,
            ["THEBOT_REPOSITORY"] = Tool.Root,
            ["THEBOT_VALIDATION"] = Tool.ValidationDirectory,
            ["THEBOT_APPHOST"] = AppHostAssembly.Path,
            ["REAL_KUBECTL"] = Which("kubectl"),
            ["REAL_DOTNET"] = Which("dotnet"),
        });
    }

    private static string Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{tool} is not on PATH");

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex Slug();

    private static readonly Dictionary<string, string> StandIns = new()
    {
        ["docker"] = """
            #!/usr/bin/env bash
            # Stand-in for docker: Compose commands are interpolated and schema-checked where they would start something.
            set -euo pipefail
            echo "docker $*" >&2
            [[ "${1:-}" == compose ]] || exit 0
            shift
            while [[ "${1:-}" == --profile || "${1:-}" == -f ]]; do shift 2; done
            case "${1:-}" in
              config|up|start|restart) node "$THEBOT_VALIDATION/compose-config.mjs" "$PWD" > /dev/null ;;
              exec)
                shift; args=()
                for a in "$@"; do [[ "$a" == -T ]] || args+=("$a"); done
                node "$THEBOT_VALIDATION/compose-config.mjs" "$PWD" --exec "${args[@]}" > /dev/null ;;
            esac
            """,
        ["kubectl"] = """
            #!/usr/bin/env bash
            # Stand-in for kubectl: renders and checks what `apply -k` would send; client-side work runs for real.
            set -euo pipefail
            echo "kubectl $*" >&2
            args=("$@")
            for ((i = 0; i < ${#args[@]}; i++)); do
              if [[ "${args[$i]}" == kustomize || "${args[$i]}" == --dry-run=client ]]; then exec "$REAL_KUBECTL" "$@"; fi
              if [[ "${args[$i]}" == -k ]]; then
                dir="${args[$((i + 1))]}"
                rendered="$(mktemp --suffix=.yaml)"
                "$REAL_KUBECTL" kustomize "$dir" > "$rendered"
                node "$THEBOT_VALIDATION/validate-kubernetes.mjs" "$rendered" >&2
                node "$THEBOT_VALIDATION/check-applied.mjs" "$rendered" >&2
                exit 0
              fi
            done
            [[ " $* " == *" -f - "* ]] && cat > /dev/null
            exit 0
            """,
        ["dotnet"] = """
            #!/usr/bin/env bash
            # Stand-in for dotnet: the AppHost publishes into the copy; msbuild queries go to the repository; the rest is shown.
            set -euo pipefail
            echo "dotnet $*" >&2
            case "${1:-}" in
              run)
                args=("$@"); rest=(); seen=false
                for a in "${args[@]}"; do if $seen; then rest+=("$a"); elif [[ "$a" == -- ]]; then seen=true; fi; done
                for ((i = 0; i < ${#rest[@]}; i++)); do
                  if [[ "${rest[$i]}" == --output-path ]]; then rest[$((i + 1))]="$(realpath -m "$THEBOT_GUIDE_ROOT/TheBot.AppHost/${rest[$((i + 1))]}")"; fi
                done
                exec "$REAL_DOTNET" "$THEBOT_APPHOST" "${rest[@]}" ;;
              msbuild) cd "$THEBOT_REPOSITORY" && exec "$REAL_DOTNET" "$@" ;;
              *) exit 0 ;;
            esac
            """,
    };
}
