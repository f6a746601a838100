using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TheBot.Tests.Fixtures;

/// <summary>Linking people's Telegram chats through the API and the bot's webhook, as a user does it.</summary>
public static class Telegramming
{
    /// <summary>The deep link <paramref name="person"/>'s profile gives them: its <c>link_…</c> start payload.</summary>
    public static async Task<string> CreateTelegramLinkAsync(this SignedIn person)
    {
        ArgumentNullException.ThrowIfNull(person);
        using var response = await person.Client.PostAsync("/api/profile/telegram/link", null, TestContext.Current.CancellationToken);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        var link = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var url = new Uri(link.GetProperty("url").GetString()!);
        return url.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("start=", StringComparison.Ordinal))["start=".Length..];
    }

    /// <summary>Posts an update to the bot's webhook as Telegram does (with the secret header).</summary>
    public static async Task<HttpResponseMessage> PostTelegramUpdateAsync(this TheBotAppFixture fixture, JsonObject update, string? secret = FakeTelegramBotApi.WebhookSecret)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        using var anonymous = fixture.People.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/telegram/webhook") { Content = JsonContent.Create(update) };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return await anonymous.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Links a new chat to <paramref name="person"/> (the link, then /start in the chat); returns the chat id once the bot has answered.</summary>
    public static async Task<long> LinkTelegramAsync(this TheBotAppFixture fixture, SignedIn person)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var payload = await person.CreateTelegramLinkAsync();
        var chatId = FakeTelegramBotApi.NewChatId();
        using var response = await fixture.PostTelegramUpdateAsync(FakeTelegramBotApi.TextUpdate(chatId, "/start " + payload));
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        await fixture.Telegram.WaitForMessageAsync(chatId);
        return chatId;
    }
}
