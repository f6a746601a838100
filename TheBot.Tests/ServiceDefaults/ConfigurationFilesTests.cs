using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TheBot.Api.Data;
using TheBot.ServiceDefaults.Authentication;
using TheBot.ServiceDefaults.Configuration;

namespace TheBot.Tests.ServiceDefaults;

/// <summary>
/// Deployments hand the services their secrets as files (docs/deployment.md, "Secrets as files"): every service
/// reads a folder of files through AddServiceDefaults, a file wins over the environment, Kubernetes' own entries
/// are ignored, and a connection string takes its password from a file of its own.
/// </summary>
public sealed class ConfigurationFilesTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("thebot-secrets-");

    [Fact]
    public void A_service_binds_a_secret_from_a_file_named_after_its_key_over_the_environments_value()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "Jwt__SigningKey"), "from-the-file-" + new string('k', 40) + "\n");
        File.WriteAllText(Path.Combine(_folder.FullName, "ConnectionPasswords__thebot"), "p4ssw0rd");

        var builder = Builder(new()
        {
            [ConfigurationFiles.PathKey] = _folder.FullName,
            ["Jwt:SigningKey"] = "from-the-environment-" + new string('e', 40),
        });
        builder.AddServiceDefaults();

        var jwt = builder.Configuration.GetSection(JwtOptions.SectionName).Get<JwtOptions>()!;
        Assert.Equal("from-the-file-" + new string('k', 40), jwt.SigningKey);
        Assert.Equal("p4ssw0rd", ConnectionPasswords.Of(builder.Configuration, "thebot"));
    }

    [Fact]
    public void Kubernetes_entries_beside_the_files_are_not_settings()
    {
        // A Secret volume: the files are links into '..data', a link to the timestamped folder that holds them.
        var data = Directory.CreateDirectory(Path.Combine(_folder.FullName, "..2026_01_01_00_00_00.000000001"));
        File.WriteAllText(Path.Combine(data.FullName, "Bootstrap__AdminEmail"), "admin@school.example");
        File.CreateSymbolicLink(Path.Combine(_folder.FullName, "..data"), data.FullName);
        File.CreateSymbolicLink(Path.Combine(_folder.FullName, "Bootstrap__AdminEmail"), Path.Combine("..data", "Bootstrap__AdminEmail"));
        File.WriteAllText(Path.Combine(_folder.FullName, ".hidden"), "x");

        var builder = Builder(new() { [ConfigurationFiles.PathKey] = _folder.FullName });
        builder.AddConfigurationFiles();

        Assert.Equal("admin@school.example", builder.Configuration["Bootstrap:AdminEmail"]);
        Assert.Equal(
            ["Bootstrap", ConfigurationFiles.PathKey.Split(':')[0]],
            builder.Configuration.GetChildren().Select(c => c.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Without_the_folder_the_environment_is_all_there_is()
    {
        var builder = Builder(new()
        {
            [ConfigurationFiles.PathKey] = Path.Combine(_folder.FullName, "absent"),
            ["Jwt:SigningKey"] = "from-the-environment",
        });
        builder.AddConfigurationFiles();

        Assert.Equal("from-the-environment", builder.Configuration["Jwt:SigningKey"]);
        Assert.Null(ConnectionPasswords.Of(builder.Configuration, "thebot"));
    }

    [Fact]
    public void A_password_kept_apart_joins_the_PostgreSQL_connection_string_and_none_leaves_it_as_it_is()
    {
        const string withoutPassword = "Host=postgres;Port=5432;Username=postgres;Database=thebot;Maximum Pool Size=20";

        var joined = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseConnectionTuning.WithPassword(withoutPassword, "p4ssw0rd"));

        Assert.Equal("p4ssw0rd", joined.Password);
        Assert.Equal("postgres", joined.Host);
        Assert.Equal(20, joined.MaxPoolSize);
        Assert.Equal(withoutPassword, DatabaseConnectionTuning.WithPassword(withoutPassword, null));
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static HostApplicationBuilder Builder(Dictionary<string, string?> environment)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(environment);
        return builder;
    }
}
