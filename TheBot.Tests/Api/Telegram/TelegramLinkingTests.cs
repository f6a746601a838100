using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Telegram;

/// <summary>
/// Linking an account to Telegram against a fake Bot API (<see cref="FakeTelegramBotApi"/>): the profile's one-time
/// deep link, the bot's webhook receiving <c>/start link_…</c> (secret header checked) and answering in the chat, the
/// status, unlinking, and the job that deletes expired links.
/// </summary>
public sealed class TelegramLinkingTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_parent_links_telegram_with_the_deep_link_and_the_bot_answers_in_the_chat()
    {
        var parent = await fixture.People.CreateAsync("parent");
        using (var language = await parent.Client.PatchAsJsonAsync("/api/auth/me", new { language = "en" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, language);
        }

        var before = await StatusAsync(parent);
        Assert.True(before.GetProperty("available").GetBoolean());
        Assert.False(before.GetProperty("linked").GetBoolean());
        Assert.Equal(FakeTelegramBotApi.BotUsername, before.GetProperty("botUsername").GetString());

        using (var create = await parent.Client.PostAsync("/api/profile/telegram/link", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, create);
            var link = await create.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Matches($"^https://t\\.me/{FakeTelegramBotApi.BotUsername}\\?start=link_[A-Za-z0-9_-]{{43}}$", link.GetProperty("url").GetString());
            Assert.InRange(link.GetProperty("expiresAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(9), DateTimeOffset.UtcNow.AddMinutes(10.5));
        }

        var payload = await parent.CreateTelegramLinkAsync();
        var chatId = FakeTelegramBotApi.NewChatId();
        using (var start = await fixture.PostTelegramUpdateAsync(FakeTelegramBotApi.TextUpdate(chatId, "/start " + payload, username: "parent_tg")))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, start);
        }

        var answer = await fixture.Telegram.WaitForMessageAsync(chatId);
        Assert.Contains("linked", answer.Text, StringComparison.OrdinalIgnoreCase);
        var after = await StatusAsync(parent);
        Assert.True(after.GetProperty("linked").GetBoolean());
        Assert.Equal("parent_tg", after.GetProperty("username").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("blockedAt").ValueKind);

        // The link works once: sent again (Telegram redelivers, or someone else got it), it links nothing.
        var otherChat = FakeTelegramBotApi.NewChatId();
        using (var again = await fixture.PostTelegramUpdateAsync(FakeTelegramBotApi.TextUpdate(otherChat, "/start " + payload)))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, again);
        }

        var refusal = await fixture.Telegram.WaitForMessageAsync(otherChat);
        Assert.Contains("not valid", refusal.Text, StringComparison.Ordinal);
        Assert.Equal("parent_tg", (await StatusAsync(parent)).GetProperty("username").GetString());
    }

    [Fact]
    public async Task The_bot_answers_in_the_language_of_the_account_it_linked()
    {
        // Accounts are Russian unless changed; the chat's own language (English here) does not matter.
        var parent = await fixture.People.CreateAsync("parent");
        var chatId = await fixture.LinkTelegramAsync(parent);
        Assert.StartsWith("Готово", Assert.Single(fixture.Telegram.To(chatId)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_link_links_nothing_and_the_cleanup_job_deletes_it()
    {
        var parent = await fixture.People.CreateAsync("parent");
        var payload = await parent.CreateTelegramLinkAsync();
        await fixture.Billing.ExecuteSqlAsync("UPDATE telegram_link_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = $1", parent.Id);

        var chatId = FakeTelegramBotApi.NewChatId();
        using (var start = await fixture.PostTelegramUpdateAsync(FakeTelegramBotApi.TextUpdate(chatId, "/start " + payload, languageCode: "ru")))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, start);
        }

        var refusal = await fixture.Telegram.WaitForMessageAsync(chatId);
        Assert.Contains("больше не действует", refusal.Text, StringComparison.Ordinal);
        Assert.False((await StatusAsync(parent)).GetProperty("linked").GetBoolean());

        var admin = await fixture.People.AdminAsync();
        var run = await admin.RunJobAsync("delete-expired-telegram-links");
        Assert.Equal("telegramLinksDeleted", run.GetProperty("resultCode").GetString());
        Assert.True(run.GetProperty("counts").GetProperty("deleted").GetInt64() >= 1);
    }

    [Fact]
    public async Task Unlinking_forgets_the_chat()
    {
        var parent = await fixture.People.CreateAsync("parent");
        await fixture.LinkTelegramAsync(parent);
        Assert.True((await StatusAsync(parent)).GetProperty("linked").GetBoolean());

        using (var unlink = await parent.Client.DeleteAsync("/api/profile/telegram", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, unlink);
        }

        Assert.False((await StatusAsync(parent)).GetProperty("linked").GetBoolean());
    }

    [Fact]
    public async Task The_webhook_wants_the_secret_header_and_ignores_updates_it_does_not_handle()
    {
        var update = FakeTelegramBotApi.TextUpdate(FakeTelegramBotApi.NewChatId(), "/start link_whatever");
        using (var missing = await fixture.PostTelegramUpdateAsync(update, secret: null))
        {
            await Expect.ProblemAsync(HttpStatusCode.Unauthorized, missing);
        }

        using (var wrong = await fixture.PostTelegramUpdateAsync(update, secret: "not-the-secret"))
        {
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, wrong);
        }

        // A plain chat message, and an update of a kind the bot does not handle (an edited message): 200, nothing said.
        var chatId = FakeTelegramBotApi.NewChatId();
        using (var chatter = await fixture.PostTelegramUpdateAsync(FakeTelegramBotApi.TextUpdate(chatId, "hello")))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, chatter);
        }

        var edited = new JsonObject { ["update_id"] = 42, ["edited_message"] = FakeTelegramBotApi.TextUpdate(chatId, "hello!")["message"]!.DeepClone() };
        using (var other = await fixture.PostTelegramUpdateAsync(edited))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, other);
        }

        // A bare /start is answered with how to link: the first and only message in this chat.
        using (var start = await fixture.PostTelegramUpdateAsync(FakeTelegramBotApi.TextUpdate(chatId, "/start")))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, start);
        }

        var help = await fixture.Telegram.WaitForMessageAsync(chatId);
        Assert.Contains("Link Telegram", help.Text, StringComparison.Ordinal);
        Assert.Single(fixture.Telegram.To(chatId));
    }

    [Fact]
    public async Task Linking_needs_a_signed_in_user()
    {
        using var anonymous = fixture.People.CreateAnonymousClient();
        using var link = await anonymous.PostAsync("/api/profile/telegram/link", null, Ct);
        await Expect.StatusAsync(HttpStatusCode.Unauthorized, link);
        using var status = await anonymous.GetAsync("/api/profile/telegram", Ct);
        await Expect.StatusAsync(HttpStatusCode.Unauthorized, status);
    }

    private static async Task<JsonElement> StatusAsync(SignedIn person) =>
        await person.Client.GetFromJsonAsync<JsonElement>("/api/profile/telegram", Ct);
}
