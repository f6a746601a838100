using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TheBot.Api;

namespace TheBot.Tests.Fixtures;

/// <summary>
/// api's own registration (<c>AddApiServices</c>, with its appsettings.json) built inside the test process,
/// never started: for checks that look inside what a request does, or at the options api would run with.
/// Connection strings point at a running test host's PostgreSQL and Redis when one is given.
/// </summary>
public static class InProcessApi
{
    public static async Task<WebApplication> BuildAsync(
        TestAppHost? host = null,
        IReadOnlyDictionary<string, string>? environment = null,
        Action<IServiceCollection>? replace = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = Path.Combine(RepositoryRoot.Find(), "TheBot.Api"),
            EnvironmentName = Environments.Production,
        });
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:thebot"] = host is null ? "Host=localhost;Database=unused" : await host.GetConnectionStringAsync("thebot"),
            ["ConnectionStrings:redis"] = host is null ? "localhost:1,abortConnect=false" : await host.GetConnectionStringAsync("redis"),
            ["Jwt:SigningKey"] = host?.Secrets.JwtSigningKey ?? new string('k', 64),
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            // As the host reads environment variables: '__' separates sections, ASPNETCORE_ variables also count without the prefix.
            var key = name.Replace("__", ":", StringComparison.Ordinal);
            settings[key] = value;
            if (key.StartsWith("ASPNETCORE_", StringComparison.Ordinal))
            {
                settings[key["ASPNETCORE_".Length..]] = value;
            }
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddApiServices();
        replace?.Invoke(builder.Services);
        return builder.Build();
    }
}
