using Microsoft.Extensions.Configuration;

namespace TheBot.ServiceDefaults.Configuration;

/// <summary>
/// A server's password kept apart from its connection string: deployments give <c>ConnectionStrings:&lt;name&gt;</c>
/// without it (a plain setting) and the password alone as the secret <c>ConnectionPasswords:&lt;name&gt;</c>
/// (a file, see <see cref="ConfigurationFiles"/>), which the client registration sets in the way its driver
/// takes one. Absent (development, a whole managed connection string), the connection string is used as it is.
/// </summary>
public static class ConnectionPasswords
{
    public const string SectionName = "ConnectionPasswords";

    public static string? Of(IConfiguration configuration, string connectionName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[$"{SectionName}:{connectionName}"] is { Length: > 0 } password ? password : null;
    }
}
