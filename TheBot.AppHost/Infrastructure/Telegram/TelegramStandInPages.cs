using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using static System.Net.WebUtility;

namespace TheBot.AppHost.Infrastructure.Telegram;

/// <summary>
/// The developer's side of the stand-in: a page per chat to read what the bot sent (buttons included, edits marked)
/// and to write to the bot as the user would, and the page a profile's "Link Telegram" deep link opens.
/// </summary>
public sealed class TelegramStandInPages(TelegramStandInOptions options, TelegramStandInChats chats, TelegramStandInWebhook webhook, TimeProvider clock)
{
    private const string Style = """
        body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#eef1f5;color:#17212b}
        main{max-width:44rem;margin:0 auto;padding:1rem}
        h1{font-size:1.4rem;margin:.5rem 0}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
        .note{color:#4a5866;font-size:.9rem}
        form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;background:#fff;padding:.75rem;border-radius:.5rem}
        label{display:flex;flex-direction:column;font-size:.85rem;gap:.2rem}
        input,select{font:inherit;padding:.45rem .6rem;min-height:44px;box-sizing:border-box;border:1px solid #9aa6b2;border-radius:.4rem}
        button,.button{font:inherit;min-height:44px;padding:.45rem 1rem;border:0;border-radius:.4rem;background:#2a7ab8;color:#fff;text-decoration:none;display:inline-flex;align-items:center;cursor:pointer}
        ul.chats{list-style:none;padding:0}ul.chats li{background:#fff;margin:.4rem 0;border-radius:.5rem}
        ul.chats a{display:block;padding:.6rem .8rem;color:inherit;text-decoration:none}
        .log{display:flex;flex-direction:column;gap:.4rem;margin:1rem 0}
        .msg{max-width:85%;padding:.5rem .75rem;border-radius:.75rem;background:#fff;white-space:pre-wrap;overflow-wrap:anywhere}
        .msg.user{align-self:flex-end;background:#d8f0c8}
        .meta{display:block;font-size:.75rem;color:#4a5866;margin-top:.2rem}
        .buttons{display:flex;flex-wrap:wrap;gap:.3rem;margin-top:.4rem}
        .buttons .button{background:#e3edf6;color:#17212b}
        """;

    public IResult Home()
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>Telegram stand-in for @{HtmlEncode(options.BotUsername)}</h1>");
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">This page plays Telegram for api on this machine: what the bot sends lands in the chats below, and what you write goes to api's webhook. Webhook: {WebhookState()}.</p>");
        body.Append("<h2>Start a chat</h2>").Append(StartForm(payload: ""));
        body.Append("<h2>Chats</h2>");
        var list = chats.Chats();
        if (list.Count == 0)
        {
            body.Append("<p class=\"note\">No chats yet. In TheBot, open your profile and press “Link Telegram”: the link opens here.</p>");
        }
        else
        {
            body.Append("<ul class=\"chats\">");
            foreach (var chat in list)
            {
                var messages = chats.Messages(chat.Id);
                var last = messages.Count == 0 ? null : messages[^1];
                body.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/chats/{chat.Id}\"><strong>{HtmlEncode(chat.FirstName)}</strong> · chat {chat.Id}<span class=\"meta\">{HtmlEncode(Preview(last))}</span></a></li>");
            }

            body.Append("</ul>");
        }

        return Page("Telegram stand-in", body.ToString());
    }

    /// <summary>Where <c>{LinkBaseUrl}/{bot}?start=…</c> leads: pressing Start as the user would in Telegram.</summary>
    public IResult DeepLink(string username, string? start)
    {
        if (!string.Equals(username, options.BotUsername, StringComparison.OrdinalIgnoreCase))
        {
            return Results.Content(Document("Not found", $"<h1>No bot @{HtmlEncode(username)} here</h1><p><a href=\"/\">The stand-in</a> plays @{HtmlEncode(options.BotUsername)}.</p>"), "text/html; charset=utf-8", statusCode: 404);
        }

        var body = $"<h1>@{HtmlEncode(options.BotUsername)}</h1><p>In Telegram this link opens the bot with a Start button. Press it as the person would; a new chat begins with <code>/start {HtmlEncode(start ?? "")}</code>.</p>{StartForm(start ?? "")}<p class=\"note\"><a href=\"/\">All chats</a></p>";
        return Page("Start the bot", body);
    }

    public async Task<IResult> StartAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var name = form["name"].ToString().Trim();
        var language = form["language"].ToString() == "ru" ? "ru" : "en";
        var chat = chats.Open(name.Length is > 0 and <= 64 ? name : "Telegram user", language);
        var payload = form["start"].ToString().Trim();
        await SayAsync(chat, payload.Length == 0 ? "/start" : $"/start {payload}", http.RequestAborted);
        return Results.Redirect($"/chats/{chat.Id}", permanent: false, preserveMethod: false);
    }

    public IResult Chat(long chatId)
    {
        if (chats.Find(chatId) is not { } chat)
        {
            return Results.Content(Document("Not found", "<h1>No such chat</h1><p><a href=\"/\">All chats</a></p>"), "text/html; charset=utf-8", statusCode: 404);
        }

        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<p><a href=\"/\">All chats</a></p><h1>{HtmlEncode(chat.FirstName)} and @{HtmlEncode(options.BotUsername)}</h1>");
        body.Append(CultureInfo.InvariantCulture, $"<div class=\"log\" id=\"log\" aria-live=\"polite\">{Log(chatId)}</div>");
        body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/chats/{chatId}/messages\"><label style=\"flex:1\">Message to the bot<input name=\"text\" required maxlength=\"4096\" autocomplete=\"off\"></label><button>Send</button></form>");
        body.Append(CultureInfo.InvariantCulture, $"<script>setInterval(async()=>{{const r=await fetch('/chats/{chatId}/log');if(r.ok){{const h=await r.text();const l=document.getElementById('log');if(l.innerHTML!==h)l.innerHTML=h;}}}},2000)</script>");
        return Page($"Chat {chat.FirstName}", body.ToString());
    }

    public IResult ChatLog(long chatId) =>
        chats.Find(chatId) is null ? Results.NotFound() : Results.Content(Log(chatId), "text/html; charset=utf-8");

    public async Task<IResult> SendAsync(long chatId, HttpContext http)
    {
        if (chats.Find(chatId) is not { } chat)
        {
            return Results.NotFound();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var text = form["text"].ToString().Trim();
        if (text.Length is > 0 and <= 4096)
        {
            await SayAsync(chat, text, http.RequestAborted);
        }

        return Results.Redirect($"/chats/{chatId}", permanent: false, preserveMethod: false);
    }

    /// <summary>Everything as JSON (for scripts and tests): the webhook and each chat with its messages.</summary>
    public IResult Json() => Results.Json(new
    {
        bot = options.BotUsername,
        webhook = webhook.Url,
        chats = chats.Chats().Select(c => new { c.Id, c.FirstName, c.LanguageCode, messages = chats.Messages(c.Id) }),
    });

    private async Task SayAsync(StandInChat chat, string text, CancellationToken ct)
    {
        var message = chats.Add(chat.Id, fromBot: false, text, [], clock.GetUtcNow())!;
        chats.NoteDelivery(chat.Id, message.Id, await webhook.PostTextAsync(chat, message.Id, text, ct));
    }

    private string Log(long chatId)
    {
        var html = new StringBuilder();
        foreach (var message in chats.Messages(chatId))
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"msg {(message.FromBot ? "bot" : "user")}\">{HtmlEncode(message.Text)}");
            if (message.Buttons.Count > 0)
            {
                html.Append("<div class=\"buttons\">");
                foreach (var button in message.Buttons)
                {
                    html.Append(button.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var target) && target.Scheme is "http" or "https"
                        ? $"<a class=\"button\" href=\"{HtmlEncode(url)}\" target=\"_blank\" rel=\"noopener\">{HtmlEncode(button.Text)}</a>"
                        : $"<span class=\"button\">{HtmlEncode(button.Text)}</span>");
                }

                html.Append("</div>");
            }

            var meta = message.At.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " UTC"
                + (message.EditedAt is { } edited ? $" · edited {edited.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}" : "")
                + (message.Delivery is { } delivery ? $" · {delivery}" : "");
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"meta\">{HtmlEncode(meta)}</span></div>");
        }

        return html.Length == 0 ? "<p class=\"note\">No messages yet.</p>" : html.ToString();
    }

    private static string StartForm(string payload) =>
        $"<form method=\"post\" action=\"/chats\"><label>Your first name<input name=\"name\" value=\"Parent\" maxlength=\"64\" required></label>"
        + "<label>Telegram language<select name=\"language\"><option value=\"en\">English</option><option value=\"ru\">Русский</option></select></label>"
        + $"<label>Start parameter<input name=\"start\" value=\"{HtmlEncode(payload)}\" maxlength=\"64\"></label><button>Start</button></form>";

    private string WebhookState() =>
        webhook.Url is { } url ? $"<code>{HtmlEncode(url.ToString())}</code>" : "not registered yet (api registers it when it starts)";

    private static string Preview(StandInMessage? message) =>
        message is null ? "no messages" : (message.FromBot ? "bot: " : "you: ") + (message.Text.Length > 80 ? message.Text[..80] + "…" : message.Text);

    private static IResult Page(string title, string body) => Results.Content(Document(title, body), "text/html; charset=utf-8");

    private static string Document(string title, string body) =>
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{HtmlEncode(title)} · Telegram stand-in</title><style>{Style}</style></head><body><main>{body}</main></body></html>";
}
