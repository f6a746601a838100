using Microsoft.Playwright;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// One browser context with one page, recording what a person would not see but a test must: Content
/// Security Policy violations and uncaught script errors.
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

    /// <summary>Fails the test if the page broke the CSP or threw.</summary>
    public void AssertNoPageProblems()
    {
        lock (_problems)
        {
            Assert.True(_problems.Count == 0, string.Join(Environment.NewLine, _problems));
        }
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
