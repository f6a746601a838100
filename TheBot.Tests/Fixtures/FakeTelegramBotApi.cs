using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TheBot.Tests.Fixtures;

/// <summary>
/// Telegram's Bot API as <c>https://core.telegram.org/bots/api</c> describes its HTTP shape, in process:
/// <c>POST /bot{token}/{method}</c> with a JSON body, answering <c>{"ok":true,"result":…}</c> or
/// <c>{"ok":false,"error_code":…,"description":…,"parameters":{"retry_after":…}}</c>. It records every
/// <c>sendMessage</c> and <c>editMessageText</c>, and can answer a chat's next messages with 429 (retry_after) or
/// with 403 (the user blocked the bot).
/// </summary>
public sealed class FakeTelegramBotApi : IAsyncDisposable
{
    public const string BotToken = "123456789:TEST-bot_token";
    public const string BotUsername = "TheBotTestBot";
    public const string WebhookSecret = "test-webhook-secret_1";

    /// <summary>The admins' group (<c>Telegram:AdminChatId</c>): negative like a real group's, so no user's chat (<see cref="NewChatId"/>) is it.</summary>
    public const long AdminChatId = -1001000000001;

    /// <summary>The admin log channel (<c>Telegram:LogChatId</c>).</summary>
    public const long LogChatId = -1001000000002;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<BotMessage> _sent = new();
    private readonly ConcurrentQueue<BotEdit> _edits = new();
    private readonly ConcurrentDictionary<long, (int Count, int RetryAfter)> _tooManyRequests = new();
    private readonly ConcurrentDictionary<long, bool> _blocked = new();
    private readonly ConcurrentDictionary<long, (int Code, string Description)> _refused = new();
    private readonly ConcurrentQueue<string> _calls = new();
    private int _nextMessageId = 100;

    private FakeTelegramBotApi(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = default!;

    /// <summary>Every method called, in order (sendMessage, editMessageText, setWebhook…).</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    public IReadOnlyList<BotMessage> Sent => [.. _sent];

    public IReadOnlyList<BotEdit> Edits => [.. _edits];

    /// <summary>The api settings that make its bot this fake.</summary>
    public Dictionary<string, string> ApiSettings() => new()
    {
        ["Telegram__BotToken"] = BotToken,
        ["Telegram__BotUsername"] = BotUsername,
        ["Telegram__WebhookSecret"] = WebhookSecret,
        ["Telegram__ApiBaseUrl"] = BaseUrl.ToString(),
        ["Telegram__AdminChatId"] = AdminChatId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Telegram__LogChatId"] = LogChatId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Telegram__GroupLanguage"] = "en",
    };

    public static async Task<FakeTelegramBotApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeTelegramBotApi(app);
        // Parsed by hand: the token has a colon, which a route template segment "bot{token}" does not reliably match.
        app.MapPost("/{**path}", (string path, HttpContext http) => fake.RouteAsync(path, http));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/'));
        return fake;
    }

    /// <summary>A chat id no other test uses.</summary>
    public static long NewChatId() => Random.Shared.NextInt64(1_000_000_000, 9_000_000_000);

    /// <summary>The next <paramref name="count"/> messages to the chat are answered 429 with <c>retry_after</c>.</summary>
    public void TooManyRequests(long chatId, int count, int retryAfterSeconds) => _tooManyRequests[chatId] = (count, retryAfterSeconds);

    /// <summary>How many of the 429s set by <see cref="TooManyRequests"/> the chat has not given out yet.</summary>
    public int TooManyRequestsLeft(long chatId) => _tooManyRequests.TryGetValue(chatId, out var limit) ? limit.Count : 0;

    /// <summary>From now on the chat answers 403 "bot was blocked by the user".</summary>
    public void Block(long chatId) => _blocked[chatId] = true;

    /// <summary>Until <see cref="Accept"/>, messages to the chat are answered with this error (e.g. 400 "Bad Request: chat not found").</summary>
    public void Refuse(long chatId, int code, string description) => _refused[chatId] = (code, description);

    /// <summary>Messages to the chat are accepted again after <see cref="Refuse"/>.</summary>
    public void Accept(long chatId) => _refused.TryRemove(chatId, out _);

    public List<BotMessage> To(long chatId) => [.. _sent.Where(m => m.ChatId == chatId)];

    public List<BotEdit> EditsIn(long chatId) => [.. _edits.Where(m => m.ChatId == chatId)];

    /// <summary>A message sent to the chat, waited for up to <paramref name="timeout"/> (60 s by default).</summary>
    public async Task<BotMessage> WaitForMessageAsync(long chatId, Func<BotMessage, bool>? match = null, TimeSpan? timeout = null) =>
        await WaitAsync(() => To(chatId).FirstOrDefault(m => match?.Invoke(m) ?? true), $"No message to chat {chatId} arrived.", timeout);

    /// <summary>An edit of a message in the chat, waited for up to <paramref name="timeout"/> (60 s by default).</summary>
    public async Task<BotEdit> WaitForEditAsync(long chatId, Func<BotEdit, bool>? match = null, TimeSpan? timeout = null) =>
        await WaitAsync(() => EditsIn(chatId).FirstOrDefault(m => match?.Invoke(m) ?? true), $"No edit in chat {chatId} arrived.", timeout);

    /// <summary>The update Telegram posts when a user sends <paramref name="text"/> to the bot in their private chat.</summary>
    public static JsonObject TextUpdate(long chatId, string text, string languageCode = "en", string? username = "test_user") => new()
    {
        ["update_id"] = Random.Shared.Next(1, int.MaxValue),
        ["message"] = new JsonObject
        {
            ["message_id"] = Random.Shared.Next(1, 100_000),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Test" },
            ["from"] = new JsonObject { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = "Test", ["username"] = username, ["language_code"] = languageCode },
            ["text"] = text,
            ["entities"] = text.StartsWith('/')
                ? new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = text.Split(' ')[0].Length })
                : new JsonArray(),
        },
    };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task<T> WaitAsync<T>(Func<T?> find, string failure, TimeSpan? timeout)
        where T : class
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            if (find() is { } found)
            {
                return found;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException(failure);
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private Task<IResult> RouteAsync(string path, HttpContext http)
    {
        var slash = path.LastIndexOf('/');
        return !path.StartsWith("bot", StringComparison.Ordinal) || slash < 0
            ? Task.FromResult(Error(404, "Not Found"))
            : HandleAsync(path[3..slash], path[(slash + 1)..], http);
    }

    private async Task<IResult> HandleAsync(string token, string method, HttpContext http)
    {
        _calls.Enqueue(method);
        if (token != BotToken)
        {
            return Error(401, "Unauthorized");
        }

        var body = http.Request.HasJsonContentType()
            ? await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject ?? []
            : [];
        switch (method)
        {
            case "getMe":
                return Ok(new JsonObject { ["id"] = 123456789, ["is_bot"] = true, ["first_name"] = "TheBot", ["username"] = BotUsername });
            case "setWebhook" or "deleteWebhook":
                return Ok(true);
            case "sendMessage" or "editMessageText":
                break;
            default:
                return Error(404, "Not Found: method not found");
        }

        var chatId = body["chat_id"]?.GetValue<long>() ?? 0;
        if (_blocked.ContainsKey(chatId))
        {
            return Error(403, "Forbidden: bot was blocked by the user");
        }

        if (_refused.TryGetValue(chatId, out var refusal))
        {
            return Error(refusal.Code, refusal.Description);
        }

        if (_tooManyRequests.TryGetValue(chatId, out var limit) && limit.Count > 0)
        {
            _tooManyRequests[chatId] = (limit.Count - 1, limit.RetryAfter);
            return Error(429, $"Too Many Requests: retry after {limit.RetryAfter}", new JsonObject { ["retry_after"] = limit.RetryAfter });
        }

        var text = body["text"]?.GetValue<string>() ?? "";
        var markup = body["reply_markup"]?.DeepClone();
        int messageId;
        if (method == "sendMessage")
        {
            messageId = Interlocked.Increment(ref _nextMessageId);
            _sent.Enqueue(new BotMessage(messageId, chatId, text, markup, DateTimeOffset.UtcNow));
        }
        else
        {
            messageId = body["message_id"]?.GetValue<int>() ?? 0;
            if (!_sent.Any(m => m.ChatId == chatId && m.MessageId == messageId))
            {
                return Error(400, "Bad Request: message to edit not found");
            }

            _edits.Enqueue(new BotEdit(messageId, chatId, text, markup, DateTimeOffset.UtcNow));
        }

        return Ok(new JsonObject
        {
            ["message_id"] = messageId,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" },
            ["text"] = text,
        });
    }

    private static IResult Ok(JsonNode result) =>
        Results.Text(new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString(), "application/json");

    private static IResult Error(int code, string description, JsonObject? parameters = null)
    {
        var error = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (parameters is not null)
        {
            error["parameters"] = parameters;
        }

        return Results.Text(error.ToJsonString(), "application/json", statusCode: code);
    }
}

/// <summary>A message the bot sent: its text and inline keyboard (<c>reply_markup</c>) as posted.</summary>
public sealed record BotMessage(int MessageId, long ChatId, string Text, JsonNode? ReplyMarkup, DateTimeOffset At)
{
    /// <summary>The URLs of the message's inline buttons, by their text.</summary>
    public Dictionary<string, string> ButtonUrls() => ButtonsOf(ReplyMarkup);

    internal static Dictionary<string, string> ButtonsOf(JsonNode? markup) =>
        markup?["inline_keyboard"]?.AsArray().SelectMany(row => row!.AsArray())
            .Where(b => b?["url"] is not null)
            .ToDictionary(b => b!["text"]!.GetValue<string>(), b => b!["url"]!.GetValue<string>()) ?? [];
}

/// <summary>An edit of a message the bot sent.</summary>
public sealed record BotEdit(int MessageId, long ChatId, string Text, JsonNode? ReplyMarkup, DateTimeOffset At)
{
    public Dictionary<string, string> ButtonUrls() => BotMessage.ButtonsOf(ReplyMarkup);
}
