using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Notifications.Email;

/// <summary>
/// Notifications by e-mail through the outbox, against a real SMTP server (<see cref="TestSmtpServer"/>): the
/// parent's invoice arrives once in their language with a link to it and a working unsubscribe link; quiet hours
/// delay it; a refused address stops e-mail and shows in the settings; admins see the deliveries.
/// </summary>
public sealed class EmailDeliveryTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_invoice_sent_to_a_parent_arrives_by_email_once_in_the_parents_language()
    {
        var setup = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        await SetLanguageAsync(setup.Parent, "en");
        var invoice = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id, 2750m);
        await Billing.SendAsync(setup.Tutor, invoice.Id);

        var mail = await fixture.Smtp.WaitForAsync(setup.Parent.Email);
        Assert.StartsWith("New invoice INV-", mail.Message.Subject, StringComparison.Ordinal);
        Assert.Contains("2750.00 RUB", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"{TestSmtpServer.AppBaseUrl}/invoices/{invoice.Id}", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"href=\"{TestSmtpServer.AppBaseUrl}/invoices/{invoice.Id}\"", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Stop these e-mails", mail.Text, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Message.Headers["List-Unsubscribe-Post"]);

        // Once: the delivery is recorded sent after one attempt, and nothing more arrives.
        var delivery = await WaitForDeliveryAsync(setup.Parent.Id, d => d.GetProperty("status").GetString() == "sent");
        Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal("email", delivery.GetProperty("channel").GetString());
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        Assert.Single(fixture.Smtp.To(setup.Parent.Email));
    }

    [Fact]
    public async Task A_russian_reader_gets_the_email_in_russian_and_the_tutor_gets_none_by_default_for_a_sent_invoice()
    {
        var (setup, invoiceId) = await fixture.Billing.CreateSentInvoiceAsync(fixture.People, 1200m);

        var mail = await fixture.Smtp.WaitForAsync(setup.Parent.Email);
        Assert.StartsWith("Новый счёт INV-", mail.Message.Subject, StringComparison.Ordinal);
        Assert.Contains("Открыть в TheBot", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Больше не присылать такие письма", mail.Html, StringComparison.Ordinal);
        Assert.Contains($"/invoices/{invoiceId}", mail.Text, StringComparison.Ordinal);
        Assert.Empty(fixture.Smtp.To(setup.Tutor.Email));
        Assert.Empty(fixture.Smtp.To(setup.Student.Email));
    }

    [Fact]
    public async Task The_unsubscribe_link_works_without_signing_in_and_stops_that_type_only()
    {
        var (setup, _) = await fixture.Billing.CreateSentInvoiceAsync(fixture.People);
        var mail = await fixture.Smtp.WaitForAsync(setup.Parent.Email);

        using var anonymous = fixture.People.CreateAnonymousClient();
        using (var page = await anonymous.GetAsync(new Uri(mail.UnsubscribePath, UriKind.Relative), Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, page);
            Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        // One click, as a mail client does it (RFC 8058): a POST with no session.
        using (var click = await anonymous.PostAsync(new Uri(mail.UnsubscribePath, UriKind.Relative),
                   new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, click);
        }

        var settings = await setup.Parent.Client.GetFromJsonAsync<JsonElement>("/api/notifications/settings", Ct);
        var emailTypes = settings.GetProperty("emailTypes").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.DoesNotContain("invoice", emailTypes);
        Assert.Contains("grade", emailTypes);

        // The next invoice is still notified in the app, but not e-mailed.
        var next = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id);
        await Billing.SendAsync(setup.Tutor, next.Id);
        Assert.Single(await setup.Parent.NotificationsAboutAsync(next.Id.ToString()));
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        Assert.Single(fixture.Smtp.To(setup.Parent.Email));
        Assert.DoesNotContain(await DeliveriesAsync(setup.Parent.Id), d => d.GetProperty("status").GetString() == "pending");

        // A forged token changes nothing.
        using var forged = await anonymous.PostAsync(new Uri(mail.UnsubscribePath[..^4] + "AAAA", UriKind.Relative), null, Ct);
        await Expect.StatusAsync(HttpStatusCode.BadRequest, forged);
    }

    [Fact]
    public async Task During_quiet_hours_the_email_waits_until_they_end()
    {
        var setup = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        // Quiet for the next two hours, in the parent's own time zone.
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));
        var start = local.AddMinutes(-30).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var end = local.AddHours(2).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        using (var put = await setup.Parent.Client.PutAsJsonAsync("/api/notifications/settings",
                   new { disabledTypes = Array.Empty<string>(), quietHoursStart = start, quietHoursEnd = end }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, put);
        }

        var invoice = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id);
        await Billing.SendAsync(setup.Tutor, invoice.Id);

        var delivery = Assert.Single(await DeliveriesAsync(setup.Parent.Id));
        Assert.Equal("pending", delivery.GetProperty("status").GetString());
        var due = delivery.GetProperty("nextAttemptAt").GetDateTimeOffset();
        Assert.InRange(due, DateTimeOffset.UtcNow.AddMinutes(100), DateTimeOffset.UtcNow.AddMinutes(121));
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        Assert.Empty(fixture.Smtp.To(setup.Parent.Email));
        Assert.Equal(0, Assert.Single(await DeliveriesAsync(setup.Parent.Id)).GetProperty("attempts").GetInt32());

        // When the quiet hours are over (time moved on: the row falls due), it goes out.
        await fixture.Billing.ExecuteSqlAsync("UPDATE notification_deliveries SET next_attempt_at = now() WHERE user_id = $1", setup.Parent.Id);
        await fixture.Smtp.WaitForAsync(setup.Parent.Email);
    }

    [Fact]
    public async Task A_permanently_refused_address_gets_no_more_email_and_the_refusal_shows_in_the_settings()
    {
        var setup = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        fixture.Smtp.Refuse(setup.Parent.Email);

        var first = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id);
        await Billing.SendAsync(setup.Tutor, first.Id);
        var failed = await WaitForDeliveryAsync(setup.Parent.Id, d => d.GetProperty("status").GetString() == "failed");
        Assert.StartsWith("550", failed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, failed.GetProperty("attempts").GetInt32());

        var settings = await setup.Parent.Client.GetFromJsonAsync<JsonElement>("/api/notifications/settings", Ct);
        Assert.Equal(setup.Parent.Email, settings.GetProperty("emailRefused").GetProperty("address").GetString(), StringComparer.OrdinalIgnoreCase);

        var second = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id);
        await Billing.SendAsync(setup.Tutor, second.Id);
        var deliveries = await DeliveriesAsync(setup.Parent.Id);
        Assert.Equal(2, deliveries.Count);
        Assert.Single(deliveries, d => d.GetProperty("status").GetString() == "suppressed");
    }

    [Fact]
    public async Task While_the_mail_server_is_down_the_email_is_retried_and_arrives_once_when_it_is_back()
    {
        var setup = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        await fixture.Smtp.StopAsync();
        try
        {
            var invoice = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id);
            await Billing.SendAsync(setup.Tutor, invoice.Id);
            var failing = await WaitForDeliveryAsync(setup.Parent.Id, d => IsInvoice(d) && d.GetProperty("attempts").GetInt32() >= 2);
            Assert.Equal("pending", failing.GetProperty("status").GetString());
            Assert.False(string.IsNullOrEmpty(failing.GetProperty("lastError").GetString()));
        }
        finally
        {
            fixture.Smtp.Start();
        }

        await fixture.Smtp.WaitForAsync(setup.Parent.Email);
        var sent = await WaitForDeliveryAsync(setup.Parent.Id, d => IsInvoice(d) && d.GetProperty("status").GetString() == "sent");
        // At least one attempt failed before it went: the second may be the one that was under way when the server came back.
        Assert.True(sent.GetProperty("attempts").GetInt32() >= 2);
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        Assert.Single(fixture.Smtp.To(setup.Parent.Email));
    }

    [Fact]
    public async Task Admins_list_deliveries_by_status_and_no_one_else_may()
    {
        var (setup, _) = await fixture.Billing.CreateSentInvoiceAsync(fixture.People);
        await WaitForDeliveryAsync(setup.Parent.Id, d => d.GetProperty("status").GetString() == "sent");
        var admin = await fixture.People.AdminAsync();

        var sent = await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/deliveries?status=sent&pageSize=5", Ct);
        Assert.All(sent.GetProperty("items").EnumerateArray(), d => Assert.Equal("sent", d.GetProperty("status").GetString()));
        Assert.True(sent.GetProperty("totalCount").GetInt32() >= 1);

        using var invalid = await admin.Client.GetAsync("/api/admin/deliveries?status=lost", Ct);
        await Expect.StatusAsync(HttpStatusCode.BadRequest, invalid);
        using var parent = await setup.Parent.Client.GetAsync("/api/admin/deliveries", Ct);
        await Expect.StatusAsync(HttpStatusCode.Forbidden, parent);
    }

    /// <summary>The invoice's delivery, not another one the family's setup may have caused.</summary>
    private static bool IsInvoice(JsonElement delivery) => delivery.GetProperty("type").GetString() == "invoice";

    private static async Task SetLanguageAsync(SignedIn person, string language)
    {
        using var response = await person.Client.PatchAsJsonAsync("/api/auth/me", new { language }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
    }

    private Task<List<JsonElement>> DeliveriesAsync(Guid userId) => OutboxDeliveries.OfAsync(fixture.People, userId);

    private Task<JsonElement> WaitForDeliveryAsync(Guid userId, Func<JsonElement, bool> match) =>
        OutboxDeliveries.WaitForAsync(fixture.People, userId, match);
}
