using System.Globalization;

namespace TheBot.Tests.Fixtures;

/// <summary>
/// A second application run the way operators run it: every service in the <c>Production</c> environment
/// (no demo data, no development-only conveniences) with the settings the generated compose file gives it
/// (<see cref="ComposeEnvironment"/>), so that what is tested is what operators get. Tests that prove what a
/// deployed system does and does not allow share it.
/// </summary>
public sealed class ProductionAppFixture : IAsyncLifetime
{
    public const string Collection = "production";

    /// <summary>A path with a stricter edge rule of its own (2 requests a minute), which only the edge-limit tests use.</summary>
    public const string RateLimitProbePath = "/_frontdoor/rate-limit-probe";

    private const string TrustedNetworksPrefix = "ForwardedHeaders__TrustedNetworks__";

    private static readonly Dictionary<string, string> ProductionEnvironment = new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ENVIRONMENT"] = "Production",
    };

    /// <summary>What the tests need on top: each value says why.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> TestSettings = new()
    {
        ["api"] = new()
        {
            // The suite signs in many people from one address; the per-(account, address) limits keep their values.
            ["RateLimiting__SignInPerIpPerMinute"] = "100000",
        },
        ["realtime"] = [],
        ["web"] = new()
        {
            ["FrontDoor__RateLimiting__Rules__0__Path"] = RateLimitProbePath,
            ["FrontDoor__RateLimiting__Rules__0__PermitLimit"] = "2",
            ["FrontDoor__RateLimiting__Rules__0__Window"] = "00:01:00",
        },
    };

    private TestAppHost? _host;
    private People? _people;

    public TestAppHost Host => _host ?? throw new InvalidOperationException("The application has not started.");

    public People People => _people ??= new People(Host);

    public Learning Learning => new(People);

    public Billing Billing => new(Host, Learning);

    /// <summary>The environment each service runs with: Production, the compose file's settings, then the tests' own.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ServiceEnvironment()
    {
        var environment = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var (service, extra) in TestSettings)
        {
            var settings = new Dictionary<string, string>(ProductionEnvironment);
            foreach (var (name, value) in ComposeEnvironment.SettingsOf(service))
            {
                settings[name] = value;
            }

            if (service == "api")
            {
                // In compose, api believes X-Forwarded-For from the network it shares with web; in the test host web
                // reaches api over loopback, which is therefore web's network here.
                var next = settings.Keys.Count(k => k.StartsWith(TrustedNetworksPrefix, StringComparison.Ordinal));
                settings[string.Create(CultureInfo.InvariantCulture, $"{TrustedNetworksPrefix}{next}")] = "127.0.0.0/8";
                settings[string.Create(CultureInfo.InvariantCulture, $"{TrustedNetworksPrefix}{next + 1}")] = "::1/128";
            }

            foreach (var (name, value) in extra)
            {
                settings[name] = value;
            }

            environment[service] = settings;
        }

        return environment;
    }

    public async ValueTask InitializeAsync() => _host = await TestAppHost.StartAsync(extraArguments: null, serviceEnvironment: ServiceEnvironment());

    public async ValueTask DisposeAsync()
    {
        _people?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

[CollectionDefinition(ProductionAppFixture.Collection)]
public sealed class ProductionGroup : ICollectionFixture<ProductionAppFixture>;
