using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace TheBot.AppHost.Infrastructure;

/// <summary>
/// Prepares a local PostgreSQL data directory before the server starts: <c>initdb</c> on first run,
/// and the superuser password brought in line with the AppHost's secret when that secret changed.
/// </summary>
internal sealed class PostgresClusterInitializer(string binDirectory, string rootDirectory)
{
    public string DataDirectory => Path.Combine(rootDirectory, "pgdata");

    private string PasswordMarker => Path.Combine(rootDirectory, "password.sha256");

    public async Task EnsureReadyAsync(string password, ILogger logger, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(rootDirectory);
        if (UnixAccount.IsRoot)
        {
            await ProcessRunner.RunAsync("chown", [$"{UnixAccount.PostgresUser}:{UnixAccount.PostgresUser}", rootDirectory], logger, cancellationToken);
        }

        var passwordHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(password)));

        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            InfrastructureLog.CreatingCluster(logger, DataDirectory);
            await InitDbAsync(password, logger, cancellationToken);
        }
        else if (!File.Exists(PasswordMarker) || await File.ReadAllTextAsync(PasswordMarker, cancellationToken) != passwordHash)
        {
            InfrastructureLog.UpdatingPassword(logger);
            await SetPasswordAsync(password, logger, cancellationToken);
        }

        await File.WriteAllTextAsync(PasswordMarker, passwordHash, cancellationToken);
    }

    private async Task InitDbAsync(string password, ILogger logger, CancellationToken cancellationToken)
    {
        var passwordFile = Path.Combine(rootDirectory, "initdb.pw");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            if (UnixAccount.IsRoot)
            {
                await ProcessRunner.RunAsync("chown", [UnixAccount.PostgresUser, passwordFile], logger, cancellationToken);
            }

            var (command, arguments) = UnixAccount.AsPostgresUser(
                Path.Combine(binDirectory, "initdb"),
                "-D", DataDirectory,
                "-U", LocalPostgresServerResource.SuperUser,
                $"--pwfile={passwordFile}",
                "--auth-host=scram-sha-256",
                "--auth-local=scram-sha-256",
                "-E", "UTF8",
                "--locale=C.UTF-8",
                "--no-sync");
            await ProcessRunner.RunAsync(command, arguments, logger, cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private async Task SetPasswordAsync(string password, ILogger logger, CancellationToken cancellationToken)
    {
        var (command, arguments) = UnixAccount.AsPostgresUser(
            Path.Combine(binDirectory, "postgres"), "--single", "-D", DataDirectory, "postgres");
        var literal = password.Replace("'", "''", StringComparison.Ordinal);
        await ProcessRunner.RunAsync(command, arguments, logger, cancellationToken,
            standardInput: $"ALTER USER {LocalPostgresServerResource.SuperUser} PASSWORD '{literal}';\n");
    }
}
