using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace TheBot.AppHost.Infrastructure.Telegram;

/// <summary>
/// The part of Telegram's Bot API that api uses (<c>POST /bot{token}/{method}</c>, JSON in, <c>{"ok":…}</c> out):
/// getMe, setWebhook, deleteWebhook, getWebhookInfo, sendMessage, editMessageText. Messages land in the stand-in's
/// chats, where the developer reads them.
/// </summary>
public sealed class TelegramStandInBotApi(TelegramStandInOptions options, TelegramStandInChats chats, TelegramStandInWebhook webhook, TimeProvider clock)
{
    public async Task<IResult> HandleAsync(string path, HttpContext http)
    {
        var slash = path.LastIndexOf('/');
        if (!path.StartsWith("bot", StringComparison.Ordinal) || slash < 0)
        {
            return Error(404, "Not Found");
        }

        if (path[3..slash] != options.BotToken)
        {
            return Error(401, "Unauthorized");
        }

        var body = await ReadBodyAsync(http);
        return path[(slash + 1)..] switch
        {
            "getMe" => Ok(new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "TheBot", ["username"] = options.BotUsername }),
            "setWebhook" => SetWebhook(body),
            "deleteWebhook" => DeleteWebhook(),
            "getWebhookInfo" => Ok(new JsonObject { ["url"] = webhook.Url?.ToString() ?? "", ["has_custom_certificate"] = false, ["pending_update_count"] = 0 }),
            "sendMessage" => Send(body),
            "editMessageText" => Edit(body),
            var method => Error(404, $"Not Found: method {method} is not in the local stand-in"),
        };
    }

    private long BotId => long.Parse(options.BotToken.AsSpan(0, options.BotToken.IndexOf(':', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);

    private IResult SetWebhook(JsonObject body)
    {
        if (!Uri.TryCreate(body["url"]?.GetValue<string>(), UriKind.Absolute, out var url))
        {
            return Error(400, "Bad Request: bad webhook: an absolute URL is required");
        }

        webhook.Register(url, body["secret_token"]?.GetValue<string>());
        return Ok(true);
    }

    private IResult DeleteWebhook()
    {
        webhook.Remove();
        return Ok(true);
    }

    private IResult Send(JsonObject body)
    {
        var chatId = ChatId(body);
        var text = body["text"]?.GetValue<string>();
        if (string.IsNullOrEmpty(text))
        {
            return Error(400, "Bad Request: message text is empty");
        }

        var message = chats.Add(chatId, fromBot: true, text, Buttons(body), clock.GetUtcNow());
        return message is null ? Error(400, "Bad Request: chat not found") : Ok(MessageJson(chatId, message.Id, text));
    }

    private IResult Edit(JsonObject body)
    {
        var chatId = ChatId(body);
        var messageId = (int)Number(body["message_id"]);
        var text = body["text"]?.GetValue<string>() ?? "";
        return chats.Edit(chatId, messageId, text, Buttons(body), clock.GetUtcNow())
            ? Ok(MessageJson(chatId, messageId, text))
            : Error(400, "Bad Request: message to edit not found");
    }

    private JsonObject MessageJson(long chatId, int messageId, string text) => new()
    {
        ["message_id"] = messageId,
        ["date"] = clock.GetUtcNow().ToUnixTimeSeconds(),
        ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" },
        ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "TheBot", ["username"] = options.BotUsername },
        ["text"] = text,
    };

    private static long ChatId(JsonObject body) => Number(body["chat_id"]);

    /// <summary>A number as JSON gives it, or as a string (form posts).</summary>
    private static long Number(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<long>(out var id) => id,
        JsonValue value when long.TryParse(value.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out var id) => id,
        _ => 0,
    };

    private static List<StandInButton> Buttons(JsonObject body) =>
        body["reply_markup"]?["inline_keyboard"] is JsonArray rows
            ? [.. rows.OfType<JsonArray>().SelectMany(row => row.OfType<JsonObject>())
                .Select(b => new StandInButton(b["text"]?.GetValue<string>() ?? "", b["url"]?.GetValue<string>()))]
            : [];

    private static async Task<JsonObject> ReadBodyAsync(HttpContext http)
    {
        if (http.Request.HasJsonContentType())
        {
            return await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject ?? [];
        }

        if (!http.Request.HasFormContentType)
        {
            return [];
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var body = new JsonObject();
        foreach (var (key, value) in form)
        {
            body[key] = key == "reply_markup" ? JsonNode.Parse(value.ToString()) : JsonValue.Create(value.ToString());
        }

        return body;
    }

    private static IResult Ok(JsonNode result) =>
        Results.Text(new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString(), "application/json");

    private static IResult Error(int code, string description) =>
        Results.Text(new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description }.ToJsonString(), "application/json", statusCode: code);
}
