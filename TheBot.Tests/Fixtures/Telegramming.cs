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
    public static Task<HttpResponseMessage> PostTelegramUpdateAsync(this TheBotAppFixture fixture, JsonObject update, string? secret = FakeTelegramBotApi.WebhookSecret)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return PostUpdateAsync(fixture.People, update, secret);
    }

    /// <summary>Links a new chat to <paramref name="person"/> (the link, then /start in the chat); returns the chat id once the bot has answered.</summary>
    public static Task<long> LinkTelegramAsync(this TheBotAppFixture fixture, SignedIn person)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return LinkAsync(fixture.People, fixture.Telegram, person);
    }

    /// <inheritdoc cref="LinkTelegramAsync(TheBotAppFixture, SignedIn)"/>
    public static Task<long> LinkTelegramAsync(this ScaleOutAppFixture app, SignedIn person)
    {
        ArgumentNullException.ThrowIfNull(app);
        return LinkAsync(app.People, app.Telegram, person);
    }

    private static async Task<HttpResponseMessage> PostUpdateAsync(People people, JsonObject update, string? secret)
    {
        using var anonymous = people.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/telegram/webhook") { Content = JsonContent.Create(update) };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return await anonymous.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<long> LinkAsync(People people, FakeTelegramBotApi telegram, SignedIn person)
    {
        var payload = await person.CreateTelegramLinkAsync();
        var chatId = FakeTelegramBotApi.NewChatId();
        using var response = await PostUpdateAsync(people, FakeTelegramBotApi.TextUpdate(chatId, "/start " + payload), FakeTelegramBotApi.WebhookSecret);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        await telegram.WaitForMessageAsync(chatId);
        return chatId;
    }
}
