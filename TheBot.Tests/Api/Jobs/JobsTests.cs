using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Jobs;

public sealed class JobsTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admins_see_every_job_with_its_schedule_and_recorded_runs()
    {
        var admin = await fixture.People.AdminAsync();

        var jobs = await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/jobs", Ct);

        var names = jobs.EnumerateArray().Select(j => j.GetProperty("name").GetString()).ToList();
        Assert.Contains("mark-overdue-invoices", names);
        Assert.Contains("purge-expired-sessions", names);
        Assert.Contains("purge-password-resets", names);
        Assert.All(jobs.EnumerateArray(), j =>
        {
            Assert.False(string.IsNullOrEmpty(j.GetProperty("schedule").GetString()));
            Assert.True(j.GetProperty("intervalSeconds").GetInt64() > 0);
            Assert.True(j.GetProperty("nextRunAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddSeconds(-5));
        });
    }

    [Fact]
    public async Task Run_now_marks_invoices_past_due_overdue_and_records_the_run()
    {
        var (setup, invoiceId) = await fixture.Billing.CreateSentInvoiceAsync(fixture.People);
        await fixture.Billing.ExecuteSqlAsync("UPDATE invoices SET due_date = current_date - 3 WHERE id = $1", invoiceId);
        var admin = await fixture.People.AdminAsync();

        var finished = await admin.RunJobAsync("mark-overdue-invoices");
        Assert.Equal("succeeded", finished.GetProperty("outcome").GetString());
        Assert.True(finished.GetProperty("manual").GetBoolean());
        Assert.Contains("marked overdue", finished.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal("invoicesMarkedOverdue", finished.GetProperty("resultCode").GetString());
        Assert.True(finished.GetProperty("counts").GetProperty("marked").GetInt64() >= 1);
        Assert.True(finished.GetProperty("counts").TryGetProperty("reminded", out _));
        var invoice = await setup.Parent.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{invoiceId}", Ct);
        Assert.Equal("overdue", invoice.GetProperty("status").GetString());
        var history = await setup.Tutor.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{invoiceId}/history", Ct);
        var overdue = history.EnumerateArray().Last();
        Assert.Equal("overdue", overdue.GetProperty("to").GetString());
        Assert.Equal(JsonValueKind.Null, overdue.GetProperty("actor").ValueKind);
    }

    [Fact]
    public async Task Schedules_are_data_the_spa_can_word_in_any_language()
    {
        var admin = await fixture.People.AdminAsync();

        var jobs = await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/jobs", Ct);

        var byName = jobs.EnumerateArray().ToDictionary(j => j.GetProperty("name").GetString()!);
        Assert.Equal(86_400, byName["mark-overdue-invoices"].GetProperty("intervalSeconds").GetInt64());
        Assert.Equal(3 * 3600, byName["mark-overdue-invoices"].GetProperty("offsetSeconds").GetInt64());
        Assert.Equal(0, byName["lesson-reminders"].GetProperty("offsetSeconds").GetInt64());
    }

    [Fact]
    public async Task Unknown_jobs_are_404()
    {
        var admin = await fixture.People.AdminAsync();

        using var run = await admin.Client.PostAsync("/api/admin/jobs/no-such-job/run", null, Ct);

        await Expect.ProblemAsync(HttpStatusCode.NotFound, run);
    }
}
