using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.PerSubjectBilling;

/// <summary>A parent pays a child's subject through the sandbox; the paid period, the statuses and who sees what.</summary>
public sealed class EnrollmentPaymentTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Paying_issues_or_reuses_the_periods_invoice_and_extends_paid_until_once()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        await BillingSteps.SetPriceAsync(classroom.Tutor, classroom.SubjectId, 4400m);
        var before = await BillingSteps.BillingOfAsync(classroom.Parent, classroom.EnrollmentId);
        Assert.Equal("unpaid", before.GetProperty("status").GetString());
        Assert.Equal(4, before.GetProperty("periodWeeks").GetInt32());

        var first = await BillingSteps.PayAsync(classroom.Parent, classroom.EnrollmentId);
        var second = await BillingSteps.PayAsync(classroom.Parent, classroom.EnrollmentId);

        Assert.Equal(first.GetProperty("invoiceId").GetGuid(), second.GetProperty("invoiceId").GetGuid());
        Assert.Equal(first.GetProperty("confirmationUrl").GetString(), second.GetProperty("confirmationUrl").GetString());
        Assert.Equal(4400m, first.GetProperty("amount").GetDecimal());
        var invoiceId = first.GetProperty("invoiceId").GetGuid();
        var invoice = await classroom.Parent.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{invoiceId}", Ct);
        Assert.Equal("sent", invoice.GetProperty("status").GetString());
        Assert.Equal(classroom.EnrollmentId, invoice.GetProperty("enrollmentId").GetGuid());
        Assert.Equal(invoiceId, (await BillingSteps.BillingOfAsync(classroom.Tutor, classroom.EnrollmentId)).GetProperty("openInvoiceId").GetGuid());

        await BillingSteps.DecideAsync(fixture.Host, first.GetProperty("confirmationUrl").GetString()!);
        // The provider's duplicate notifications change nothing more.
        var providerId = new Uri(first.GetProperty("confirmationUrl").GetString()!).Segments[^1];
        using var client = fixture.Host.CreateWebClient();
        await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var replay = await client.PostAsJsonAsync("/api/payments/webhooks/sandbox",
                new { type = "notification", @event = "payment.succeeded", @object = new { id = providerId } }, Ct);
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        }));

        var after = await BillingSteps.BillingOfAsync(classroom.Parent, classroom.EnrollmentId);
        Assert.Equal(BillingSteps.Today.AddDays(28), BillingSteps.PaidUntil(after));
        Assert.Equal("paid", after.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("openInvoiceId").ValueKind);

        // The next period starts where the paid one ends.
        var next = await BillingSteps.PayAsync(classroom.Parent, classroom.EnrollmentId);
        Assert.NotEqual(invoiceId, next.GetProperty("invoiceId").GetGuid());
        await BillingSteps.DecideAsync(fixture.Host, next.GetProperty("confirmationUrl").GetString()!);
        Assert.Equal(BillingSteps.Today.AddDays(56), BillingSteps.PaidUntil(await BillingSteps.BillingOfAsync(classroom.Tutor, classroom.EnrollmentId)));
    }

    [Fact]
    public async Task Statuses_follow_the_paid_until_date_and_teachers_see_only_whether_it_is_paid()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        await BillingSteps.SetPriceAsync(classroom.Tutor, classroom.SubjectId, 5000m);

        async Task<(string Status, bool TeacherSeesPaid, JsonElement TeacherRow)> At(int daysFromToday)
        {
            await fixture.Billing.ExecuteSqlAsync("UPDATE enrollments SET paid_until = $1 WHERE id = $2", BillingSteps.Today.AddDays(daysFromToday), classroom.EnrollmentId);
            var status = (await BillingSteps.BillingOfAsync(classroom.Parent, classroom.EnrollmentId)).GetProperty("status").GetString()!;
            var teaching = await classroom.Teacher.Client.GetFromJsonAsync<JsonElement>("/api/billing/enrollments/teaching", Ct);
            var row = teaching.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("enrollmentId").GetGuid() == classroom.EnrollmentId);
            return (status, row.GetProperty("paid").GetBoolean(), row);
        }

        var far = await At(10);
        Assert.Equal(("paid", true), (far.Status, far.TeacherSeesPaid));
        var soon = await At(3);
        Assert.Equal(("due", true), (soon.Status, soon.TeacherSeesPaid));
        var lastDay = await At(0);
        Assert.Equal(("due", true), (lastDay.Status, lastDay.TeacherSeesPaid));
        var past = await At(-1);
        Assert.Equal(("overdue", false), (past.Status, past.TeacherSeesPaid));

        // The teacher's shape has no amounts, no dates, no prices; and the amounts' list is not the teacher's.
        Assert.Equal(["enrollmentId", "paid", "student", "subject"], far.TeacherRow.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        using var amounts = await classroom.Teacher.Client.GetAsync("/api/billing/enrollments", Ct);
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, amounts);
    }

    [Fact]
    public async Task Without_a_price_paying_is_refused_and_another_familys_enrollment_is_not_found()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        var otherParent = await fixture.People.CreateAsync("parent");

        using var noPrice = await classroom.Parent.Client.PostAsync($"/api/billing/enrollments/{classroom.EnrollmentId}/pay", null, Ct);
        using var notMine = await otherParent.Client.PostAsync($"/api/billing/enrollments/{classroom.EnrollmentId}/pay", null, Ct);

        await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, noPrice);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, notMine);
    }

    [Fact]
    public async Task A_tutor_sees_students_with_lessons_booked_beyond_their_paid_period()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        var inPeriod = await fixture.Learning.BookLessonAsync(classroom, new DateTimeOffset(DateTime.UtcNow.Date.AddDays(2).AddHours(9), TimeSpan.Zero));
        await fixture.Learning.BookLessonAsync(classroom, new DateTimeOffset(DateTime.UtcNow.Date.AddDays(9).AddHours(9), TimeSpan.Zero));
        await fixture.Learning.BookLessonAsync(classroom, new DateTimeOffset(DateTime.UtcNow.Date.AddDays(10).AddHours(9), TimeSpan.Zero));
        Assert.NotEqual(Guid.Empty, inPeriod);
        await fixture.Billing.ExecuteSqlAsync("UPDATE enrollments SET paid_until = $1 WHERE id = $2", BillingSteps.Today.AddDays(5), classroom.EnrollmentId);

        var page = await classroom.Tutor.Client.GetFromJsonAsync<JsonElement>("/api/billing/lessons-beyond-paid", Ct);

        var row = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(classroom.EnrollmentId, row.GetProperty("enrollmentId").GetGuid());
        Assert.Equal(2, row.GetProperty("lessons").GetInt32());
        Assert.Equal(BillingSteps.Today.AddDays(5), BillingSteps.PaidUntil(row));
    }
}
