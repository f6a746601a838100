using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.PerSubjectBilling;

/// <summary>Subject prices, teachers' prices and a tutor's per-enrollment override, as the enrollment's billing shows them.</summary>
public sealed class PricesTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_teachers_price_wins_over_the_subjects_and_an_override_wins_over_both()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        var tutor = classroom.Tutor;
        Assert.Equal(JsonValueKind.Null, (await BillingSteps.BillingOfAsync(tutor, classroom.EnrollmentId)).GetProperty("price").ValueKind);

        await BillingSteps.SetPriceAsync(tutor, classroom.SubjectId, 4000m);
        var subjectPrice = (await BillingSteps.BillingOfAsync(classroom.Parent, classroom.EnrollmentId)).GetProperty("price");
        Assert.Equal(4000m, subjectPrice.GetProperty("amount").GetDecimal());
        Assert.Equal("subject", subjectPrice.GetProperty("source").GetString());

        await BillingSteps.SetPriceAsync(tutor, classroom.SubjectId, 4800.505m, classroom.Teacher.Id);
        var teacherPrice = (await BillingSteps.BillingOfAsync(tutor, classroom.EnrollmentId)).GetProperty("price");
        Assert.Equal(4800.50m, teacherPrice.GetProperty("amount").GetDecimal());
        Assert.Equal("teacher", teacherPrice.GetProperty("source").GetString());

        using var discount = await tutor.Client.PutAsJsonAsync($"/api/billing/enrollments/{classroom.EnrollmentId}/price-override",
            new { amount = 3000m, reason = "Second child in the family" }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, discount);
        var billing = await BillingSteps.BillingOfAsync(classroom.Parent, classroom.EnrollmentId);
        Assert.Equal(3000m, billing.GetProperty("price").GetProperty("amount").GetDecimal());
        Assert.Equal("override", billing.GetProperty("price").GetProperty("source").GetString());
        Assert.Equal("Second child in the family", billing.GetProperty("override").GetProperty("reason").GetString());

        using var removed = await tutor.Client.DeleteAsync($"/api/billing/enrollments/{classroom.EnrollmentId}/price-override", Ct);
        await Expect.StatusAsync(HttpStatusCode.NoContent, removed);
        Assert.Equal("teacher", (await BillingSteps.BillingOfAsync(tutor, classroom.EnrollmentId)).GetProperty("price").GetProperty("source").GetString());

        // Setting the same (subject, teacher) again changes that price; it does not add a second.
        await BillingSteps.SetPriceAsync(tutor, classroom.SubjectId, 4100m);
        var prices = await tutor.Client.GetFromJsonAsync<JsonElement>($"/api/billing/prices?subjectId={classroom.SubjectId}", Ct);
        Assert.Equal(2, prices.GetProperty("items").GetArrayLength());
        Assert.Contains(prices.GetProperty("items").EnumerateArray(), p => p.GetProperty("amount").GetDecimal() == 4100m
            && p.GetProperty("teacher").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task Prices_and_overrides_are_validated()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        var tutor = classroom.Tutor;
        var otherTeacher = await fixture.People.CreateAsync("teacher");

        using var zero = await tutor.Client.PutAsJsonAsync("/api/billing/prices", new { subjectId = classroom.SubjectId, amount = 0m }, Ct);
        using var badCurrency = await tutor.Client.PutAsJsonAsync("/api/billing/prices", new { subjectId = classroom.SubjectId, amount = 10m, currency = "rub" }, Ct);
        using var notTeaching = await tutor.Client.PutAsJsonAsync("/api/billing/prices", new { subjectId = classroom.SubjectId, teacherId = otherTeacher.Id, amount = 10m }, Ct);
        using var noReason = await tutor.Client.PutAsJsonAsync($"/api/billing/enrollments/{classroom.EnrollmentId}/price-override", new { amount = 10m }, Ct);
        var stranger = await fixture.People.CreateAsync("tutor");
        using var notMine = await stranger.Client.PutAsJsonAsync($"/api/billing/enrollments/{classroom.EnrollmentId}/price-override", new { amount = 10m, reason = "Because" }, Ct);

        await Expect.ProblemAsync(HttpStatusCode.BadRequest, zero);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, badCurrency);
        await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, notTeaching);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, noReason);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, notMine);
    }
}
