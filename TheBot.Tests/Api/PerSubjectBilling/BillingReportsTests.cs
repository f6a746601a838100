using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.PerSubjectBilling;

/// <summary>Refunds against paid invoices, and the revenue and outstanding report with its Excel export.</summary>
public sealed class BillingReportsTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Revenue_is_paid_less_refunds_and_outstanding_is_what_is_still_unpaid()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        await BillingSteps.SetPriceAsync(classroom.Tutor, classroom.SubjectId, 4000m);
        var paid = await BillingSteps.PayAsync(classroom.Parent, classroom.EnrollmentId);
        await BillingSteps.DecideAsync(fixture.Host, paid.GetProperty("confirmationUrl").GetString()!);
        await BillingSteps.PayAsync(classroom.Parent, classroom.EnrollmentId);
        var paidInvoice = paid.GetProperty("invoiceId").GetGuid();

        using var refund = await classroom.Tutor.Client.PostAsJsonAsync($"/api/invoices/{paidInvoice}/refunds", new { amount = 1000m, reason = "Lessons cancelled in week 4" }, Ct);
        await Expect.StatusAsync(HttpStatusCode.Created, refund);
        using var tooMuch = await classroom.Tutor.Client.PostAsJsonAsync($"/api/invoices/{paidInvoice}/refunds", new { amount = 3000.01m, reason = "More than was paid" }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, tooMuch);
        var refunds = await classroom.Parent.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{paidInvoice}/refunds", Ct);
        Assert.Equal("Lessons cancelled in week 4", Assert.Single(refunds.EnumerateArray()).GetProperty("reason").GetString());

        // From this month to the one the second period falls due in (four weeks on).
        var thisMonth = $"{DateTime.UtcNow:yyyy-MM}";
        var report = await classroom.Tutor.Client.GetFromJsonAsync<JsonElement>($"/api/billing/reports/revenue?from={thisMonth}&to={DateTime.UtcNow.AddDays(40):yyyy-MM}", Ct);
        var paidRow = report.EnumerateArray().Single(r => r.GetProperty("month").GetString() == thisMonth);
        Assert.Equal(classroom.Tutor.Id, paidRow.GetProperty("tutor").GetProperty("id").GetGuid());
        Assert.Equal(4000m, paidRow.GetProperty("paid").GetDecimal());
        Assert.Equal(1000m, paidRow.GetProperty("refunded").GetDecimal());
        Assert.Equal(3000m, paidRow.GetProperty("revenue").GetDecimal());
        // The second period's invoice falls due when the first ends, four weeks on.
        var outstanding = report.EnumerateArray().Sum(r => r.GetProperty("outstanding").GetDecimal());
        Assert.Equal(4000m, outstanding);

        using var export = await classroom.Tutor.Client.GetAsync("/api/billing/reports/revenue/export", Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, export);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);

        // Another tutor's report does not show this one's money.
        var other = await fixture.People.CreateAsync("tutor");
        Assert.Equal(0, (await other.Client.GetFromJsonAsync<JsonElement>("/api/billing/reports/revenue", Ct)).GetArrayLength());
    }

    [Fact]
    public async Task Only_a_paid_invoice_can_be_refunded()
    {
        var (setup, invoiceId) = await fixture.Billing.CreateSentInvoiceAsync(fixture.People);

        using var refund = await setup.Tutor.Client.PostAsJsonAsync($"/api/invoices/{invoiceId}/refunds", new { amount = 10m, reason = "Not paid yet" }, Ct);

        await Expect.ProblemAsync(HttpStatusCode.Conflict, refund);
    }
}
