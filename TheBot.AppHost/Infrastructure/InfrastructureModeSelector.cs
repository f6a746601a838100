using System.Text;

namespace TheBot.AppHost.Infrastructure;

/// <summary>Turns the requested mode into the one that will run, or explains why none can.</summary>
public static class InfrastructureModeSelector
{
    public const string PostgresInstallHint = "sudo apt-get install -y postgresql";

    public static InfrastructureMode Resolve(InfrastructureMode requested, IInfrastructureProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);

        switch (requested)
        {
            case InfrastructureMode.External:
                return InfrastructureMode.External;

            case InfrastructureMode.Containers:
                if (!probe.ContainerRuntimeAnswers(out var containerDetail))
                {
                    throw new InfrastructureUnavailableException(Explain(
                        $"--infra containers was asked for, but no container runtime answered ({containerDetail}).", postgresMissing: false));
                }

                return InfrastructureMode.Containers;

            case InfrastructureMode.Local:
                if (probe.FindPostgresBinaries() is null)
                {
                    throw new InfrastructureUnavailableException(Explain(
                        "--infra local was asked for, but no PostgreSQL server binaries were found (looked on PATH and in /usr/lib/postgresql/*/bin).",
                        postgresMissing: true));
                }

                return InfrastructureMode.Local;

            default:
                if (probe.ContainerRuntimeAnswers(out var autoDetail))
                {
                    return InfrastructureMode.Containers;
                }

                if (probe.FindPostgresBinaries() is not null)
                {
                    return InfrastructureMode.Local;
                }

                throw new InfrastructureUnavailableException(Explain(
                    $"TheBot needs PostgreSQL and Redis, but no container runtime answered ({autoDetail}) and no PostgreSQL server binaries were found (looked on PATH and in /usr/lib/postgresql/*/bin).",
                    postgresMissing: true));
        }
    }

    private static string Explain(string problem, bool postgresMissing)
    {
        var text = new StringBuilder();
        text.AppendLine(problem);
        text.AppendLine("Three ways out:");
        text.AppendLine("  1. Containers: start Docker or Podman, then");
        text.AppendLine("       dotnet run --project TheBot.AppHost -- --infra containers");
        text.AppendLine(postgresMissing
            ? $"  2. Local processes: install PostgreSQL 15+ server binaries ({PostgresInstallHint}; Redis is optional, Garnet stands in), then"
            : "  2. Local processes: PostgreSQL 15+ server binaries on PATH or in /usr/lib/postgresql/*/bin (Redis is optional, Garnet stands in), then");
        text.AppendLine("       dotnet run --project TheBot.AppHost -- --infra local");
        text.AppendLine("  3. Servers you already have: give their connection strings, then");
        text.Append("       dotnet run --project TheBot.AppHost -- --infra external --ConnectionStrings:thebot \"Host=...;Port=5432;Database=thebot;Username=...;Password=...\" --ConnectionStrings:redis \"host:6379,password=...\"");
        return text.ToString();
    }
}
