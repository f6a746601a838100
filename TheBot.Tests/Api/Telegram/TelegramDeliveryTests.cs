using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Telegram;

/// <summary>
/// Notifications in the linked Telegram chat through the outbox, against the fake Bot API
/// (<see cref="FakeTelegramBotApi"/>): the parent's invoice arrives once with its link; Telegram's 429 is retried after
/// its retry_after; quiet hours delay it; a blocked bot stops further messages and shows on the profile; the choice of
/// types applies; nobody unlinked gets a Telegram delivery.
/// </summary>
public sealed class TelegramDeliveryTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_linked_parent_gets_the_invoice_in_telegram_once_and_the_unlinked_tutor_gets_no_telegram_delivery()
    {
        var setup = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        using (var language = await setup.Parent.Client.PatchAsJsonAsync("/api/auth/me", new { language = "en" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, language);
        }

        var chatId = await fixture.LinkTelegramAsync(setup.Parent);
        var invoice = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id, 2750m);
        await Billing.SendAsync(setup.Tutor, invoice.Id);

        var message = await fixture.Telegram.WaitForMessageAsync(chatId, m => m.Text.Contains("INV-", StringComparison.Ordinal));
        Assert.StartsWith("Invoice INV-", message.Text, StringComparison.Ordinal);
        Assert.Contains("2750.00 RUB", message.Text, StringComparison.Ordinal);
        Assert.Equal($"{TestSmtpServer.AppBaseUrl}/invoices/{invoice.Id}", message.ButtonUrls()["Pay"]);

        var delivery = await WaitForDeliveryAsync(setup.Parent.Id, d => d.GetProperty("status").GetString() == "sent");
        Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        Assert.Single(fixture.Telegram.To(chatId), m => m.Text.Contains("INV-", StringComparison.Ordinal));
        Assert.DoesNotContain(await DeliveriesAsync(setup.Tutor.Id), d => d.GetProperty("channel").GetString() == "telegram");
    }

    [Fact]
    public async Task Telegrams_429_is_retried_after_its_retry_after_and_the_message_arrives_once()
    {
        var setup = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        var chatId = await fixture.LinkTelegramAsync(setup.Parent);
        // Longer than the outbox's own first backoff here (1 s): a message before it would mean retry_after was ignored.
        fixture.Telegram.TooManyRequests(chatId, count: 1, retryAfterSeconds: 4);

        var invoice = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id);
        var sentAt = DateTimeOffset.UtcNow;
        await Billing.SendAsync(setup.Tutor, invoice.Id);

        var waiting = await WaitForDeliveryAsync(setup.Parent.Id, d => d.GetProperty("lastError").GetString()?.StartsWith("429", StringComparison.Ordinal) == true);
        Assert.Equal("pending", waiting.GetProperty("status").GetString());

        var message = await fixture.Telegram.WaitForMessageAsync(chatId, m => m.Text.Contains("INV-", StringComparison.Ordinal));
        Assert.True(message.At - sentAt >= TimeSpan.FromSeconds(3.5), $"The message came {(message.At - sentAt).TotalSeconds:0.0} s after the invoice, before retry_after (4 s) had passed.");
        var sent = await WaitForDeliveryAsync(setup.Parent.Id, d => d.GetProperty("status").GetString() == "sent");
        Assert.Equal(2, sent.GetProperty("attempts").GetInt32());
        Assert.Single(fixture.Telegram.To(chatId), m => m.Text.Contains("INV-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task During_quiet_hours_the_telegram_message_waits_until_they_end()
    {
        var setup = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        var chatId = await fixture.LinkTelegramAsync(setup.Parent);
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));
        using (var put = await setup.Parent.Client.PutAsJsonAsync("/api/notifications/settings", new
               {
                   disabledTypes = Array.Empty<string>(),
                   quietHoursStart = local.AddMinutes(-30).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                   quietHoursEnd = local.AddHours(2).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
               }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, put);
        }

        var invoice = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id);
        await Billing.SendAsync(setup.Tutor, invoice.Id);

        var delivery = Assert.Single(await DeliveriesAsync(setup.Parent.Id), d => d.GetProperty("channel").GetString() == "telegram");
        Assert.Equal("pending", delivery.GetProperty("status").GetString());
        Assert.InRange(delivery.GetProperty("nextAttemptAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(100), DateTimeOffset.UtcNow.AddMinutes(121));
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        Assert.DoesNotContain(fixture.Telegram.To(chatId), m => m.Text.Contains("INV-", StringComparison.Ordinal));

        // The quiet hours are over (the row falls due): it goes out.
        await fixture.Billing.ExecuteSqlAsync("UPDATE notification_deliveries SET next_attempt_at = now() WHERE user_id = $1 AND channel = 'telegram'", setup.Parent.Id);
        await fixture.Telegram.WaitForMessageAsync(chatId, m => m.Text.Contains("INV-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_blocked_bot_stops_further_messages_shows_on_the_profile_and_linking_again_resumes()
    {
        var setup = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        var chatId = await fixture.LinkTelegramAsync(setup.Parent);
        fixture.Telegram.Block(chatId);

        var first = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id);
        await Billing.SendAsync(setup.Tutor, first.Id);
        var failed = await WaitForDeliveryAsync(setup.Parent.Id, d => d.GetProperty("status").GetString() == "failed");
        Assert.StartsWith("403", failed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, failed.GetProperty("attempts").GetInt32());

        var status = await setup.Parent.Client.GetFromJsonAsync<JsonElement>("/api/profile/telegram", Ct);
        Assert.True(status.GetProperty("linked").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, status.GetProperty("blockedAt").ValueKind);
        Assert.Contains("blocked", status.GetProperty("blockedReason").GetString(), StringComparison.Ordinal);

        // Nothing more is tried: the next invoice writes no Telegram delivery at all.
        var second = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id);
        await Billing.SendAsync(setup.Tutor, second.Id);
        Assert.Single(await DeliveriesAsync(setup.Parent.Id), d => d.GetProperty("channel").GetString() == "telegram");

        // Linked again (in a new chat), messages come again and the profile no longer says blocked.
        var newChat = await fixture.LinkTelegramAsync(setup.Parent);
        Assert.Equal(JsonValueKind.Null, (await setup.Parent.Client.GetFromJsonAsync<JsonElement>("/api/profile/telegram", Ct)).GetProperty("blockedAt").ValueKind);
        var third = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id);
        await Billing.SendAsync(setup.Tutor, third.Id);
        await fixture.Telegram.WaitForMessageAsync(newChat, m => m.Text.Contains("INV-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_settings_offer_telegram_once_linked_and_a_type_switched_off_for_telegram_is_not_sent_there()
    {
        var setup = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        var before = await setup.Parent.Client.GetFromJsonAsync<JsonElement>("/api/notifications/settings", Ct);
        Assert.Empty(before.GetProperty("telegramTypesAvailable").EnumerateArray());

        var chatId = await fixture.LinkTelegramAsync(setup.Parent);
        var linked = await setup.Parent.Client.GetFromJsonAsync<JsonElement>("/api/notifications/settings", Ct);
        Assert.Contains("invoice", linked.GetProperty("telegramTypesAvailable").EnumerateArray().Select(t => t.GetString()));
        var defaults = linked.GetProperty("telegramTypes").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Equal(["invoice", "grade", "lessonBooked", "lessonMoved", "lessonCancelled", "broadcast"], defaults);

        using (var invalid = await setup.Parent.Client.PutAsJsonAsync("/api/notifications/settings",
                   new { disabledTypes = Array.Empty<string>(), telegramTypes = new[] { "noSuchType" } }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.BadRequest, invalid);
        }

        using (var put = await setup.Parent.Client.PutAsJsonAsync("/api/notifications/settings",
                   new { disabledTypes = Array.Empty<string>(), telegramTypes = new[] { "grade" } }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, put);
            var saved = await put.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(["grade"], saved.GetProperty("telegramTypes").EnumerateArray().Select(t => t.GetString()));
        }

        var invoice = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id);
        await Billing.SendAsync(setup.Tutor, invoice.Id);
        Assert.Single(await setup.Parent.NotificationsAboutAsync(invoice.Id.ToString()));
        Assert.DoesNotContain(await DeliveriesAsync(setup.Parent.Id), d => d.GetProperty("channel").GetString() == "telegram");
        Assert.Single(fixture.Telegram.To(chatId));
    }

    private async Task<List<JsonElement>> DeliveriesAsync(Guid userId)
    {
        var admin = await fixture.People.AdminAsync();
        var page = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/deliveries?userId={userId}&channel=telegram&pageSize=100", Ct);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private async Task<JsonElement> WaitForDeliveryAsync(Guid userId, Func<JsonElement, bool> match)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var found = (await DeliveriesAsync(userId)).FirstOrDefault(match);
            if (found.ValueKind != JsonValueKind.Undefined)
            {
                return found;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, "The Telegram delivery did not reach the expected state.");
            await Task.Delay(250, Ct);
        }
    }
}
