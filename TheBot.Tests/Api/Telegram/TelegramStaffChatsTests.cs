using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TheBot.Api.Features.Telegram;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Telegram;

/// <summary>
/// The staff chats: payments go to the admin log channel (<c>Telegram:LogChatId</c>); the <c>telegram</c> health check
/// says whether the bot's token works; the chat settings are checked at startup.
/// </summary>
public sealed class TelegramStaffChatsTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sandbox_payment_is_posted_to_the_log_channel_with_amount_invoice_and_payer()
    {
        var (setup, invoiceId) = await fixture.Billing.CreateSentInvoiceAsync(fixture.People, 2750m);
        using var pay = await setup.Parent.Client.PostAsync($"/api/invoices/{invoiceId}/pay", null, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, pay);
        var confirmation = new Uri((await pay.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("confirmationUrl").GetString()!);
        using var client = fixture.Host.CreateWebClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["outcome"] = "succeed" });
        using var decided = await client.PostAsync($"/api/payments/sandbox/{confirmation.Segments[^1]}", form, Ct);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var invoice = await setup.Parent.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{invoiceId}", Ct);
        var number = invoice.GetProperty("displayNumber").GetString()!;

        var logged = await fixture.Telegram.WaitForMessageAsync(FakeTelegramBotApi.LogChatId, m => m.Text.Contains(number, StringComparison.Ordinal));

        Assert.Contains("Payment: 2750.00 RUB", logged.Text, StringComparison.Ordinal);
        var admin = await fixture.People.AdminAsync();
        var payer = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/users/{setup.Parent.Id}", Ct);
        Assert.Contains($"Paid by {payer.GetProperty("fullName").GetString()}", logged.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Telegram.To(FakeTelegramBotApi.AdminChatId), m => m.Text.Contains(number, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_job_run_is_posted_to_the_log_channel()
    {
        // A retry that is due for a job no replica has: the runner fails it ("No job named …"), for the last time.
        var job = $"missing-{Guid.NewGuid():N}";
        await fixture.Billing.ExecuteSqlAsync(
            "INSERT INTO job_runs (id, job_name, occurrence_key, outcome, attempt, manual, started_at, lease_until, retry_at) "
            + "VALUES ($1, $2, 'log-channel-test', 'Failed', 100, false, now() - interval '1 minute', now() - interval '1 minute', now() - interval '1 minute')",
            Guid.NewGuid(), job);

        var logged = await fixture.Telegram.WaitForMessageAsync(FakeTelegramBotApi.LogChatId, m => m.Text.Contains(job, StringComparison.Ordinal));

        Assert.StartsWith($"Job {job} failed (log-channel-test, attempt 101)", logged.Text, StringComparison.Ordinal);
        Assert.Contains("No job named", logged.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_telegram_health_check_is_healthy_when_the_bot_answers()
    {
        var admin = await fixture.People.AdminAsync();

        var health = await admin.Client.GetFromJsonAsync<JsonElement>("/api/system/health", Ct);

        var telegram = health.GetProperty("dependencies").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "telegram");
        Assert.Equal("Healthy", telegram.GetProperty("status").GetString());
        Assert.Contains("getMe", fixture.Telegram.Calls);
    }

    [Fact]
    public async Task A_refused_token_makes_the_check_degraded_with_the_reason_and_no_token_is_healthy_not_configured()
    {
        using var refused = Check(new TelegramOptions
        {
            BotToken = "987654321:refused-token", BotUsername = FakeTelegramBotApi.BotUsername, WebhookSecret = "x", ApiBaseUrl = fixture.Telegram.BaseUrl,
        });
        using var missing = Check(new TelegramOptions());

        var refusedResult = await refused.CheckHealthAsync(new HealthCheckContext(), Ct);
        var calls = fixture.Telegram.Calls.Count;
        var cached = await refused.CheckHealthAsync(new HealthCheckContext(), Ct);
        var missingResult = await missing.CheckHealthAsync(new HealthCheckContext(), Ct);

        Assert.Equal(HealthStatus.Degraded, refusedResult.Status);
        Assert.Contains("refused the bot token (401", refusedResult.Description, StringComparison.Ordinal);
        Assert.Equal(refusedResult, cached);
        Assert.Equal(calls, fixture.Telegram.Calls.Count);
        Assert.Equal(HealthStatus.Healthy, missingResult.Status);
        Assert.Contains("not configured", missingResult.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L, null, "AdminChatId")]
    [InlineData(null, "payment,nonsense", "LogEvents")]
    [InlineData(-1001L, null, "BotToken")]
    public void Staff_chat_settings_are_checked(long? adminChat, string? logEvents, string member)
    {
        var options = new TelegramOptions { AdminChatId = adminChat, LogEvents = logEvents?.Split(',') };

        var results = options.Validate(new ValidationContext(options)).ToList();

        Assert.Contains(results, r => r.MemberNames.Contains(member));
    }

    [Fact]
    public void Every_known_log_event_is_accepted()
    {
        var options = new TelegramOptions { LogEvents = [.. TelegramLogEvents.All] };

        Assert.Empty(options.Validate(new ValidationContext(options)));
    }

    private static TelegramHealthCheck Check(TelegramOptions options) =>
        new(new TelegramBot(Options.Create(options), new PlainHttpClients()), TimeProvider.System);

    private sealed class PlainHttpClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }
}
