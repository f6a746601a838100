using Microsoft.Playwright;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// One browser context with one page, recording what a person would not see but a test must: Content
/// Security Policy violations, uncaught script errors and realtime events the page had no handler for.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> _problems = [];

    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        Page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (_problems)
                {
                    _problems.Add("CSP: " + message.Text);
                }
            }
            else if (message.Text.Contains("No client method with the name", StringComparison.Ordinal))
            {
                // The SignalR client's warning for an event the server sent and nothing on the page handles.
                lock (_problems)
                {
                    _problems.Add("Unhandled realtime event: " + message.Text);
                }
            }
        };
        Page.PageError += (_, error) =>
        {
            lock (_problems)
            {
                _problems.Add("Script error: " + error);
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    internal static async Task<BrowserSession> StartAsync(IBrowserContext context) => new(context, await context.NewPageAsync());

    /// <summary>Fails the test if the page broke the CSP, threw or ignored a realtime event.</summary>
    public void AssertNoPageProblems()
    {
        lock (_problems)
        {
            Assert.True(_problems.Count == 0, string.Join(Environment.NewLine, _problems));
        }
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
