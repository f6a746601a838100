using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TheBot.AppHost.Infrastructure.Telegram;

/// <summary>
/// The local Telegram stand-in, served by the AppHost itself on a loopback port: the Bot API for api, and pages for
/// the developer. It lives as long as the AppHost.
/// </summary>
public sealed class TelegramStandInServer(TelegramStandInOptions options, int port) : IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>Where it listens (<c>http://127.0.0.1:{port}</c>), once started.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public async Task StartAsync(CancellationToken ct)
    {
        if (_app is not null)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TelegramStandInChats>();
        // One webhook registration for the whole stand-in (a typed HttpClient would be transient: one per consumer).
        builder.Services.AddHttpClient(nameof(TelegramStandInWebhook), http => http.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton(services => new TelegramStandInWebhook(
            services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(TelegramStandInWebhook)), TimeProvider.System));
        builder.Services.AddSingleton<TelegramStandInBotApi>();
        builder.Services.AddSingleton<TelegramStandInPages>();
        var app = builder.Build();

        app.MapGet("/", (TelegramStandInPages pages) => pages.Home());
        app.MapGet("/api/chats", (TelegramStandInPages pages) => pages.Json());
        app.MapPost("/chats", (HttpContext http, TelegramStandInPages pages) => pages.StartAsync(http));
        app.MapGet("/chats/{id:long}", (long id, TelegramStandInPages pages) => pages.Chat(id));
        app.MapGet("/chats/{id:long}/log", (long id, TelegramStandInPages pages) => pages.ChatLog(id));
        app.MapPost("/chats/{id:long}/messages", (long id, HttpContext http, TelegramStandInPages pages) => pages.SendAsync(id, http));
        app.MapGet("/{username}", (string username, string? start, TelegramStandInPages pages) => pages.DeepLink(username, start));
        // The bot token has a colon, which a "bot{token}" route segment does not reliably match: parsed by hand.
        app.MapPost("/{**path}", (string path, HttpContext http, TelegramStandInBotApi bot) => bot.HandleAsync(path, http));

        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
        _app = app;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
