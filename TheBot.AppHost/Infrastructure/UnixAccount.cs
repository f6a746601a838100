namespace TheBot.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL refuses to run as root. When the AppHost is root, its servers run as the
/// <c>postgres</c> account through <c>setpriv</c>, which replaces itself with the server process.
/// </summary>
internal static class UnixAccount
{
    public const string PostgresUser = "postgres";
    private const string SetPriv = "/usr/bin/setpriv";

    public static bool IsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    /// <summary>The command and arguments that run <paramref name="program"/> as the postgres account when needed.</summary>
    public static (string Command, string[] Arguments) AsPostgresUser(string program, params string[] arguments)
    {
        if (!IsRoot)
        {
            return (program, arguments);
        }

        if (!File.Exists(SetPriv))
        {
            throw new InfrastructureUnavailableException(
                $"The AppHost runs as root and PostgreSQL refuses to; {SetPriv} (util-linux) is needed to drop to the '{PostgresUser}' user.");
        }

        return (SetPriv, [$"--reuid={PostgresUser}", $"--regid={PostgresUser}", "--init-groups", "--", program, .. arguments]);
    }

    /// <summary>Whether the postgres account can reach <paramref name="directory"/> (every ancestor searchable by others).</summary>
    public static bool OthersCanTraverse(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            if (dir.Exists && (dir.UnixFileMode & UnixFileMode.OtherExecute) == 0)
            {
                return false;
            }
        }

        return true;
    }
}
