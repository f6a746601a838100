using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Api.Audit;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.PerSubjectBilling;

/// <summary>
/// Issue #22's walk through billing, read back from the audit log as an admin: the tutor's price and period length, the
/// parent's subscription and payment, the sandbox's confirmation and the renewal job's charge (TheBot itself), each a row
/// with its actor and before → after; and a declined renewal's failed charges and past-due subscription.
/// </summary>
public sealed class BillingAuditTests(TheBotAppFixture fixture)
{
    private const string Job = "renew-subscriptions";
    private static readonly Guid SystemId = Guid.Empty;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Each_step_from_the_tutors_price_to_the_renewal_charge_is_in_the_audit_log_with_its_actor()
    {
        var admin = await fixture.People.CreateAsync("admin");
        var classroom = await fixture.Learning.CreateClassroomAsync();

        // The tutor sets the subject's price, then changes it, and makes one payment cover two weeks.
        var price = await BillingSteps.SetPriceAsync(classroom.Tutor, classroom.SubjectId, 4000m);
        await BillingSteps.SetPriceAsync(classroom.Tutor, classroom.SubjectId, 4200m);
        using (var weeks = await classroom.Tutor.Client.PatchAsJsonAsync($"/api/billing/enrollments/{classroom.EnrollmentId}", new { periodWeeks = 2 }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, weeks);
        }

        // The parent subscribes, paying the first period in the sandbox; the job renews two days before it ends.
        var subscribed = await BillingSteps.SubscribeAsync(classroom.Parent, classroom.EnrollmentId, everyWeeks: 2);
        var subscriptionId = subscribed.GetProperty("subscription").GetProperty("id").GetGuid();
        var firstInvoiceId = subscribed.GetProperty("payment").GetProperty("invoiceId").GetGuid();
        await BillingSteps.DecideAsync(fixture.Host, subscribed.GetProperty("payment").GetProperty("confirmationUrl").GetString()!);
        await fixture.Billing.ExecuteSqlAsync("UPDATE enrollments SET paid_until = $1 WHERE id = $2", BillingSteps.Today.AddDays(2), classroom.EnrollmentId);
        await admin.RunJobAsync(Job);
        await admin.RunJobAsync(Job);

        var priceRows = await AuditLog.OfEntityAsync(admin, price.GetProperty("id").GetGuid(), "&entityType=price");
        var created = Assert.Single(priceRows, r => r.GetProperty("action").GetString() == "create");
        AuditLog.ActedBy(created, classroom.Tutor, "tutor");
        Assert.Equal((null, "4000.00"), AuditLog.Change(created, "amount"));
        var changed = Assert.Single(priceRows, r => r.GetProperty("action").GetString() == "update");
        Assert.Equal(("4000.00", "4200.00"), AuditLog.Change(changed, "amount"));

        var enrollmentRows = await AuditLog.OfEntityAsync(admin, classroom.EnrollmentId);
        var period = Assert.Single(enrollmentRows, r => r.GetProperty("action").GetString() == "update");
        AuditLog.ActedBy(period, classroom.Tutor, "tutor");
        Assert.Equal(("4", "2"), AuditLog.Change(period, "periodWeeks"));
        var confirmed = enrollmentRows.Where(r => r.GetProperty("action").GetString() == "payment-confirmed").ToList();
        Assert.Equal(2, confirmed.Count);
        Assert.All(confirmed, ActedBySystem);
        // Newest first: the renewal moved the paid period on from its end, the sandbox payment from nothing.
        Assert.Equal((Day(BillingSteps.Today.AddDays(2)), Day(BillingSteps.Today.AddDays(16))), AuditLog.Change(confirmed[0], "paidUntil"));
        Assert.Equal((null, Day(BillingSteps.Today.AddDays(14))), AuditLog.Change(confirmed[1], "paidUntil"));

        var issued = await AuditLog.SingleAsync(admin, firstInvoiceId, "issue");
        AuditLog.ActedBy(issued, classroom.Parent, "parent");
        Assert.Equal((null, "4200.00"), AuditLog.Change(issued, "amount"));
        Assert.Equal((null, "sent"), AuditLog.Change(issued, "status"));
        var renewalIssued = await AuditLog.SingleAsync(admin, await RenewalInvoiceAsync(subscriptionId), "issue");
        ActedBySystem(renewalIssued);
        Assert.Equal((null, subscriptionId.ToString()), AuditLog.Change(renewalIssued, "subscription"));

        var subscriptionRows = await AuditLog.OfEntityAsync(admin, subscriptionId, "&entityType=subscription");
        var subscribe = Assert.Single(subscriptionRows, r => r.GetProperty("action").GetString() == "subscribe");
        AuditLog.ActedBy(subscribe, classroom.Parent, "parent");
        Assert.Equal((null, "2"), AuditLog.Change(subscribe, "everyWeeks"));
        Assert.Equal((null, "active"), AuditLog.Change(subscribe, "status"));
        var charge = Assert.Single(subscriptionRows, r => r.GetProperty("action").GetString() == "charge-succeeded");
        ActedBySystem(charge);
        Assert.Equal((null, "1"), AuditLog.Change(charge, "attempt"));
        Assert.Equal((null, "4200.00"), AuditLog.Change(charge, "amount"));

        // The actor filter finds TheBot's rows.
        var systemRows = await AuditLog.OfEntityAsync(admin, subscriptionId, $"&actorId={SystemId}");
        Assert.Equal("charge-succeeded", Assert.Single(systemRows).GetProperty("action").GetString());

        using (var cancel = await classroom.Parent.Client.DeleteAsync($"/api/billing/enrollments/{classroom.EnrollmentId}/subscription", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, cancel);
        }

        var cancelled = await AuditLog.SingleAsync(admin, subscriptionId, "cancel");
        AuditLog.ActedBy(cancelled, classroom.Parent, "parent");
        Assert.Equal(("active", "cancelled"), AuditLog.Change(cancelled, "status"));
        Assert.Equal((null, Day(BillingSteps.Today.AddDays(16))), AuditLog.Change(cancelled, "endsOn"));
    }

    [Fact]
    public async Task A_declined_renewal_shows_each_failed_charge_and_the_past_due_subscription()
    {
        var admin = await fixture.People.CreateAsync("admin");
        var (classroom, subscriptionId) = await BillingSteps.SubscribedAndPaidAsync(fixture.Learning, fixture.Host, 3000m, everyWeeks: 4);
        await fixture.Billing.ExecuteSqlAsync("UPDATE billing_subscriptions SET payment_method_id = 'sbx_pm_declined_' || left(id::text, 8) WHERE id = $1", subscriptionId);
        await fixture.Billing.ExecuteSqlAsync("UPDATE enrollments SET paid_until = $1 WHERE id = $2", BillingSteps.Today.AddDays(1), classroom.EnrollmentId);

        await admin.RunJobAsync(Job);

        var failed = await AuditLog.SingleAsync(admin, subscriptionId, "charge-failed");
        ActedBySystem(failed);
        Assert.Equal((null, "1"), AuditLog.Change(failed, "attempt"));
        Assert.False(string.IsNullOrEmpty(AuditLog.Change(failed, "error").After));
        Assert.NotNull(AuditLog.Change(failed, "nextAttemptAt").After);

        for (var attempt = 2; attempt <= 3; attempt++)
        {
            await fixture.Billing.ExecuteSqlAsync("UPDATE subscription_charges SET next_attempt_at = now() - interval '1 minute' WHERE subscription_id = $1", subscriptionId);
            await admin.RunJobAsync(Job);
        }

        var rows = await AuditLog.OfEntityAsync(admin, subscriptionId);
        Assert.Equal(["1", "2", "3"], rows.Where(r => r.GetProperty("action").GetString() == "charge-failed")
            .Select(r => AuditLog.Change(r, "attempt").After).Order(StringComparer.Ordinal));
        var pastDue = Assert.Single(rows, r => r.GetProperty("action").GetString() == "past-due");
        ActedBySystem(pastDue);
        Assert.Equal(("active", "pastDue"), AuditLog.Change(pastDue, "status"));
        Assert.DoesNotContain(rows, r => r.GetProperty("action").GetString() == "charge-succeeded");
    }

    private static void ActedBySystem(JsonElement row)
    {
        var actor = row.GetProperty("actor");
        Assert.Equal(SystemId, actor.GetProperty("id").GetGuid());
        Assert.Equal("TheBot", actor.GetProperty("name").GetString());
        Assert.Equal("system", actor.GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("clientIp").ValueKind);
    }

    private async Task<Guid> RenewalInvoiceAsync(Guid subscriptionId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(await fixture.Host.GetConnectionStringAsync("thebot"));
        await connection.OpenAsync(Ct);
        await using var command = new Npgsql.NpgsqlCommand("SELECT invoice_id FROM subscription_charges WHERE subscription_id = $1", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = subscriptionId });
        return (Guid)(await command.ExecuteScalarAsync(Ct))!;
    }
}
