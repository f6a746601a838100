namespace TheBot.Tests.Fixtures;

/// <summary>
/// A second application run the way operators run it: every service in the <c>Production</c> environment
/// (no demo data, no development-only conveniences). Tests that prove what a deployed system does and
/// does not allow share it; add settings the generated deployment files give every service here, so that
/// what is tested is what operators get.
/// </summary>
public sealed class ProductionAppFixture : IAsyncLifetime
{
    public const string Collection = "production";

    private static readonly Dictionary<string, string> ProductionEnvironment = new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ENVIRONMENT"] = "Production",
    };

    private TestAppHost? _host;
    private People? _people;

    public TestAppHost Host => _host ?? throw new InvalidOperationException("The application has not started.");

    public People People => _people ??= new People(Host);

    public Learning Learning => new(People);

    public Billing Billing => new(Host, Learning);

    public async ValueTask InitializeAsync() => _host = await TestAppHost.StartAsync(
        extraArguments: null,
        serviceEnvironment: new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["api"] = new Dictionary<string, string>(ProductionEnvironment)
            {
                // The suite signs in many people from one address; the per-(IP, email) limit keeps its value.
                ["RateLimiting__SignInPerIpPerMinute"] = "100000",
            },
            ["realtime"] = ProductionEnvironment,
            ["web"] = ProductionEnvironment,
        });

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
