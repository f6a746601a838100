using TheBot.Tests.Fixtures;

[assembly: AssemblyFixture(typeof(TheBotAppFixture))]

namespace TheBot.Tests.Fixtures;

/// <summary>The one distributed application every integration test of a run shares.</summary>
public sealed class TheBotAppFixture : IAsyncLifetime
{
    private TestAppHost? _host;

    public TestAppHost Host => _host ?? throw new InvalidOperationException("The application has not started.");

    public async ValueTask InitializeAsync() => _host = await TestAppHost.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
