using System.Diagnostics;

namespace TheBot.AppHost.Infrastructure;

/// <summary>Looks at the real machine: asks the container runtime CLI and searches for server binaries.</summary>
public sealed class MachineInfrastructureProbe(string? containerRuntime) : IInfrastructureProbe
{
    private static readonly TimeSpan ContainerRuntimeTimeout = TimeSpan.FromMilliseconds(900);

    public bool ContainerRuntimeAnswers(out string detail)
    {
        var runtime = string.IsNullOrWhiteSpace(containerRuntime) ? "docker" : containerRuntime.Trim();
        var executable = FindOnPath(runtime);
        if (executable is null)
        {
            detail = $"'{runtime}' is not on PATH";
            return false;
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo(executable, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            if (!process.WaitForExit(ContainerRuntimeTimeout))
            {
                process.Kill(entireProcessTree: true);
                detail = $"'{runtime} info' did not answer within {ContainerRuntimeTimeout.TotalMilliseconds:0} ms";
                return false;
            }

            var error = process.StandardError.ReadToEnd().Trim();
            detail = process.ExitCode == 0
                ? $"{runtime} {process.StandardOutput.ReadToEnd().Trim()}"
                : $"{runtime}: {FirstLine(error)}";
            return process.ExitCode == 0;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            detail = $"{runtime}: {ex.Message}";
            return false;
        }
    }

    public string? FindPostgresBinaries()
    {
        if (FindOnPath("postgres") is { } onPath && File.Exists(Path.Combine(Path.GetDirectoryName(onPath)!, "initdb")))
        {
            return Path.GetDirectoryName(onPath);
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot))
        {
            return null;
        }

        // Newest major version first.
        return Directory.GetDirectories(debianRoot)
            .Select(dir => (Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : 0, Bin: Path.Combine(dir, "bin")))
            .Where(x => x.Version >= 15 && File.Exists(Path.Combine(x.Bin, "postgres")) && File.Exists(Path.Combine(x.Bin, "initdb")))
            .OrderByDescending(x => x.Version)
            .Select(x => x.Bin)
            .FirstOrDefault();
    }

    public string? FindRedisServer() => FindOnPath("redis-server");

    internal static string? FindOnPath(string name)
    {
        if (Path.IsPathRooted(name))
        {
            return File.Exists(name) ? name : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length == 0 ? "no answer" : line;
    }
}
