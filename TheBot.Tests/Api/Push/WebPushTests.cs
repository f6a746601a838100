using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Push;

/// <summary>
/// Web Push through the outbox against a push service in the test (<see cref="FakePushService"/>), which checks the
/// VAPID signature and decrypts each payload with the subscribed browser's private key: a parent's invoice reaches
/// their browser once, in their language, leading to the invoice; a 410 removes the subscription; 429 and 500 are
/// retried; a type switched off for push is not pushed; subscriptions are validated and limited per user.
/// </summary>
public sealed class WebPushTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_public_key_is_the_configured_VAPID_key_and_needs_a_signed_in_caller()
    {
        var student = await fixture.People.CreateAsync("student");
        var key = await student.Client.GetFromJsonAsync<JsonElement>("/api/push/public-key", Ct);
        Assert.Equal(fixture.Push.VapidPublicKey, key.GetProperty("publicKey").GetString());

        using var anonymous = fixture.People.CreateAnonymousClient();
        using var response = await anonymous.GetAsync("/api/push/public-key", Ct);
        await Expect.StatusAsync(HttpStatusCode.Unauthorized, response);
    }

    [Fact]
    public async Task A_subscription_must_have_an_https_endpoint_and_the_browsers_keys()
    {
        var student = await fixture.People.CreateAsync("student");
        var browser = fixture.Push.Subscribe();

        await RefusedAsync(student, new { endpoint = "http://push.example.com/send/abc", p256dh = browser.P256dh, auth = browser.Auth }, "endpoint");
        await RefusedAsync(student, new { endpoint = "https://user:secret@push.example.com/send/abc", p256dh = browser.P256dh, auth = browser.Auth }, "endpoint");
        await RefusedAsync(student, new { endpoint = "not a url", p256dh = browser.P256dh, auth = browser.Auth }, "endpoint");
        await RefusedAsync(student, new { endpoint = browser.Endpoint, p256dh = browser.Auth, auth = browser.Auth }, "p256dh");
        // 65 bytes starting with 4, but not a point on the curve.
        await RefusedAsync(student, new { endpoint = browser.Endpoint, p256dh = "BA" + new string('A', 85), auth = browser.Auth }, "p256dh");
        await RefusedAsync(student, new { endpoint = browser.Endpoint, p256dh = browser.P256dh, auth = "c2hvcnQ" }, "auth");
        await RefusedAsync(student, new { endpoint = browser.Endpoint, p256dh = browser.P256dh }, "auth");

        // An https endpoint of any push service is fine.
        using var ok = await student.Client.PutAsJsonAsync("/api/push/subscriptions",
            new { endpoint = $"https://push.example.com/send/{Guid.NewGuid():N}", p256dh = browser.P256dh, auth = browser.Auth }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, ok);
    }

    [Fact]
    public async Task A_parents_invoice_reaches_their_browser_once_encrypted_signed_and_in_their_language()
    {
        var setup = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        var browser = await SubscribeAsync(setup.Parent);
        var phone = await SubscribeAsync(setup.Parent);
        var settings = await setup.Parent.Client.GetFromJsonAsync<JsonElement>("/api/notifications/settings", Ct);
        Assert.Contains("invoice", settings.GetProperty("pushTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("grade", settings.GetProperty("pushTypesAvailable").EnumerateArray().Select(t => t.GetString()));

        var invoice = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id, 3100m);
        await Billing.SendAsync(setup.Tutor, invoice.Id);

        foreach (var device in new[] { browser, phone })
        {
            var push = await device.WaitForDeliveredAsync();
            Assert.Null(push.VapidProblem);
            Assert.StartsWith("vapid t=", push.Authorization, StringComparison.Ordinal);
            Assert.Equal("aes128gcm", push.ContentEncoding);
            Assert.True(int.Parse(push.Ttl, System.Globalization.CultureInfo.InvariantCulture) > 0);
            Assert.NotNull(push.Payload);
            var payload = push.Json;
            // The demo families read Russian (the default language of a new account).
            Assert.StartsWith("Новый счёт INV-", payload.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.Contains("3100,00 RUB", payload.GetProperty("body").GetString(), StringComparison.Ordinal);
            Assert.Equal($"/invoices/{invoice.Id}", payload.GetProperty("url").GetString());
            Assert.Equal("ru", payload.GetProperty("lang").GetString());
            Assert.StartsWith("notification-", payload.GetProperty("tag").GetString(), StringComparison.Ordinal);
        }

        var delivery = await WaitForPushDeliveryAsync(setup.Parent.Id, d => d.GetProperty("status").GetString() == "sent");
        Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
        // Sent is final: the outbox will not send it again.
        Assert.Single(browser.Received);
        Assert.Single(phone.Received);
    }

    [Fact]
    public async Task An_english_reader_gets_the_push_in_english()
    {
        var setup = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        using (var language = await setup.Parent.Client.PatchAsJsonAsync("/api/auth/me", new { language = "en" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, language);
        }

        var browser = await SubscribeAsync(setup.Parent);
        var invoice = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id);
        await Billing.SendAsync(setup.Tutor, invoice.Id);

        var payload = (await browser.WaitForDeliveredAsync()).Json;
        Assert.StartsWith("New invoice INV-", payload.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("en", payload.GetProperty("lang").GetString());
    }

    [Fact]
    public async Task A_subscription_the_push_service_calls_gone_is_deleted_and_gets_nothing_more()
    {
        var setup = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        var browser = await SubscribeAsync(setup.Parent);
        browser.AlwaysAnswer(HttpStatusCode.Gone);

        var first = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id);
        await Billing.SendAsync(setup.Tutor, first.Id);
        var failed = await WaitForPushDeliveryAsync(setup.Parent.Id, d => d.GetProperty("status").GetString() == "failed");
        Assert.StartsWith("410", failed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, failed.GetProperty("attempts").GetInt32());

        // The subscription is gone: the next invoice is in the app but writes no push delivery at all.
        var second = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id);
        await Billing.SendAsync(setup.Tutor, second.Id);
        Assert.Single(await setup.Parent.NotificationsAboutAsync(second.Id.ToString()));
        Assert.Single(await PushDeliveriesAsync(setup.Parent.Id));
        Assert.Single(browser.Received);
    }

    [Fact]
    public async Task Too_many_requests_and_server_errors_are_retried_until_the_push_is_accepted_once()
    {
        var setup = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        var browser = await SubscribeAsync(setup.Parent);
        browser.AnswerWith(HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError);

        var invoice = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id);
        await Billing.SendAsync(setup.Tutor, invoice.Id);

        var push = await browser.WaitForDeliveredAsync();
        Assert.Equal($"/invoices/{invoice.Id}", push.Json.GetProperty("url").GetString());
        var sent = await WaitForPushDeliveryAsync(setup.Parent.Id, d => d.GetProperty("status").GetString() == "sent");
        Assert.Equal(3, sent.GetProperty("attempts").GetInt32());
        Assert.Equal([429, 500, 201], browser.Received.Select(p => p.Status));
        Assert.Single(browser.Delivered);
    }

    [Fact]
    public async Task A_type_switched_off_for_push_stays_in_the_app_and_is_not_pushed()
    {
        var setup = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        var browser = await SubscribeAsync(setup.Parent);
        using (var put = await setup.Parent.Client.PutAsJsonAsync("/api/notifications/settings",
                   new { disabledTypes = Array.Empty<string>(), pushTypes = new[] { "grade", "lessonMoved" } }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, put);
            var saved = await put.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(["grade", "lessonMoved"], saved.GetProperty("pushTypes").EnumerateArray().Select(t => t.GetString()));
        }

        var invoice = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id);
        await Billing.SendAsync(setup.Tutor, invoice.Id);
        Assert.Single(await setup.Parent.NotificationsAboutAsync(invoice.Id.ToString()));
        // The outbox rows are written with the notification: none for push.
        Assert.Empty(await PushDeliveriesAsync(setup.Parent.Id));
        Assert.Empty(browser.Received);

        using var unknown = await setup.Parent.Client.PutAsJsonAsync("/api/notifications/settings",
            new { disabledTypes = Array.Empty<string>(), pushTypes = new[] { "everything" } }, Ct);
        await Expect.StatusAsync(HttpStatusCode.BadRequest, unknown);
    }

    [Fact]
    public async Task A_deleted_subscription_gets_no_push_and_a_user_keeps_at_most_ten_browsers()
    {
        var setup = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        var browser = await SubscribeAsync(setup.Parent);
        using (var delete = await setup.Parent.Client.DeleteAsync($"/api/push/subscriptions?endpoint={Uri.EscapeDataString(browser.Endpoint)}", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, delete);
        }

        var invoice = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id);
        await Billing.SendAsync(setup.Tutor, invoice.Id);
        Assert.Single(await setup.Parent.NotificationsAboutAsync(invoice.Id.ToString()));
        Assert.Empty(await PushDeliveriesAsync(setup.Parent.Id));

        // Renewing one endpoint keeps one subscription; the eleventh browser replaces the oldest.
        var subscriptions = 0;
        for (var i = 0; i < 11; i++)
        {
            var device = fixture.Push.Subscribe();
            for (var renewal = 0; renewal < (i == 0 ? 2 : 1); renewal++)
            {
                using var put = await setup.Parent.Client.PutAsJsonAsync("/api/push/subscriptions", device.Subscription, Ct);
                await Expect.StatusAsync(HttpStatusCode.OK, put);
                subscriptions = (await put.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("subscriptions").GetInt32();
            }

            Assert.Equal(Math.Min(i + 1, 10), subscriptions);
        }

        using var missing = await setup.Parent.Client.DeleteAsync("/api/push/subscriptions", Ct);
        await Expect.StatusAsync(HttpStatusCode.BadRequest, missing);
    }

    private async Task<FakeBrowser> SubscribeAsync(SignedIn person)
    {
        var browser = fixture.Push.Subscribe();
        using var put = await person.Client.PutAsJsonAsync("/api/push/subscriptions", browser.Subscription, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, put);
        return browser;
    }

    private static async Task RefusedAsync(SignedIn person, object subscription, string field)
    {
        using var put = await person.Client.PutAsJsonAsync("/api/push/subscriptions", subscription, Ct);
        await Expect.StatusAsync(HttpStatusCode.BadRequest, put);
        var problem = await put.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"No error for {field}: {problem}");
    }

    private async Task<List<JsonElement>> PushDeliveriesAsync(Guid userId)
    {
        var admin = await fixture.People.AdminAsync();
        var page = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/deliveries?userId={userId}&pageSize=100", Ct);
        return [.. page.GetProperty("items").EnumerateArray().Where(d => d.GetProperty("channel").GetString() == "push")];
    }

    private async Task<JsonElement> WaitForPushDeliveryAsync(Guid userId, Func<JsonElement, bool> match)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var found = (await PushDeliveriesAsync(userId)).FirstOrDefault(match);
            if (found.ValueKind != JsonValueKind.Undefined)
            {
                return found;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, "The push delivery did not reach the expected state.");
            await Task.Delay(250, Ct);
        }
    }
}
