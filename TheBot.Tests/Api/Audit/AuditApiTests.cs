using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Audit;

/// <summary>Only admins read the audit log; it filters and pages; nothing in the API changes or deletes a row.</summary>
public sealed class AuditApiTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("tutor")]
    [InlineData("teacher")]
    [InlineData("parent")]
    [InlineData("student")]
    public async Task Only_admins_read_the_log(string role)
    {
        var someone = await fixture.People.CreateAsync(role);

        using var response = await someone.Client.GetAsync("/api/audit", Ct);

        await Expect.ProblemAsync(HttpStatusCode.Forbidden, response);
    }

    [Fact]
    public async Task Rows_cannot_be_changed_or_deleted_through_the_api()
    {
        var admin = await fixture.People.AdminAsync();
        var user = await fixture.People.CreateAccountAsync("student");
        var row = await AuditLog.SingleAsync(admin, user.Id, "create");
        var rowId = row.GetProperty("id").GetGuid();

        foreach (var method in new[] { HttpMethod.Delete, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Post })
        {
            foreach (var path in new[] { "/api/audit", $"/api/audit/{rowId}" })
            {
                using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(new { action = "tampered" }) };
                using var response = await admin.Client.SendAsync(request, Ct);
                Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{method} {path}: {(int)response.StatusCode}");
            }
        }

        Assert.Equal(row.GetRawText(), (await AuditLog.SingleAsync(admin, user.Id, "create")).GetRawText());
    }

    [Fact]
    public async Task Filters_combine_and_a_range_must_run_forwards()
    {
        var admin = await fixture.People.AdminAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var user = await fixture.People.CreateAccountAsync("student");

        var rows = await AuditLog.OfEntityAsync(admin, user.Id, $"&entityType=user&action=create&actorId={admin.Id}&from={Uri.EscapeDataString(before.ToString("O"))}");
        Assert.Single(rows);
        Assert.Empty(await AuditLog.OfEntityAsync(admin, user.Id, "&action=delete"));
        Assert.Empty(await AuditLog.OfEntityAsync(admin, user.Id, "&entityType=invoice"));
        Assert.Empty(await AuditLog.OfEntityAsync(admin, user.Id, $"&to={Uri.EscapeDataString(before.ToString("O"))}"));

        using var backwards = await admin.Client.GetAsync(
            $"/api/audit?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"))}&to={Uri.EscapeDataString(before.ToString("O"))}", Ct);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, backwards);

        using var paged = await admin.Client.GetAsync("/api/audit?pageSize=2&page=1", Ct);
        var page = await paged.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        var times = page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.True(times[0] >= times[1], "newest first");
    }

    [Fact]
    public async Task The_purge_job_deletes_only_rows_older_than_the_retention()
    {
        var admin = await fixture.People.AdminAsync();
        var old = await fixture.People.CreateAccountAsync("student");
        var young = await fixture.People.CreateAccountAsync("student");
        await fixture.Billing.ExecuteSqlAsync("UPDATE audit_entries SET at = now() - interval '366 days' WHERE entity_id = $1", old.Id);
        await fixture.Billing.ExecuteSqlAsync("UPDATE audit_entries SET at = now() - interval '364 days' WHERE entity_id = $1", young.Id);

        var run = await admin.RunJobAsync("purge-audit-log");

        Assert.True(run.GetProperty("counts").GetProperty("deleted").GetInt64() >= 1);
        Assert.Empty(await AuditLog.OfEntityAsync(admin, old.Id));
        Assert.Single(await AuditLog.OfEntityAsync(admin, young.Id));
    }
}
