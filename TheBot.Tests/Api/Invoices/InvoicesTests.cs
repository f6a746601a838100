using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Invoices;

public sealed class InvoicesTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tutor_drafts_and_sends_and_the_parent_views_with_every_step_in_the_history()
    {
        var setup = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        var invoice = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id, 12345.67m);
        var id = invoice.Id;
        Assert.Equal("draft", invoice.Status);
        Assert.Equal(12345.67m, invoice.Amount);
        Assert.Equal("RUB", invoice.Currency);
        Assert.Matches("^INV-\\d{6}$", invoice.DisplayNumber);

        using (var hidden = await setup.Parent.Client.GetAsync($"/api/invoices/{id}", Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, hidden);
        }

        await Billing.SendAsync(setup.Tutor, id);
        using var viewed = await setup.Parent.Client.PostAsync($"/api/invoices/{id}/viewed", null, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, viewed);
        using var viewedAgain = await setup.Parent.Client.PostAsync($"/api/invoices/{id}/viewed", null, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, viewedAgain);

        var seen = await setup.Parent.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{id}", Ct);
        Assert.Equal("viewed", seen.GetProperty("status").GetString());
        Assert.True(seen.GetProperty("viewedAt").GetDateTimeOffset() >= seen.GetProperty("sentAt").GetDateTimeOffset());
        var history = await setup.Tutor.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{id}/history", Ct);
        Assert.Equal(["draft", "sent", "viewed"], history.EnumerateArray().Select(h => h.GetProperty("to").GetString()!));
        Assert.Equal(setup.Parent.Id, history[2].GetProperty("actor").GetProperty("id").GetGuid());
        Assert.Equal("sent", history[2].GetProperty("from").GetString());
    }

    [Fact]
    public async Task Only_the_tutor_and_the_addressed_parent_see_an_invoice()
    {
        var (setup, id) = await fixture.Billing.CreateSentInvoiceAsync(fixture.People);
        var otherTutor = await fixture.People.CreateAsync("tutor");
        var otherParent = await fixture.People.CreateAsync("parent");

        foreach (var stranger in new[] { otherTutor, otherParent })
        {
            using var get = await stranger.Client.GetAsync($"/api/invoices/{id}", Ct);
            await Expect.ProblemAsync(HttpStatusCode.NotFound, get);
            var list = await stranger.Client.GetFromJsonAsync<JsonElement>("/api/invoices", Ct);
            Assert.DoesNotContain(id, list.ItemIds());
        }

        using var otherTutorSends = await otherTutor.Client.PostAsync($"/api/invoices/{id}/cancel", null, Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, otherTutorSends);
        using var studentList = await setup.Student.Client.GetAsync("/api/invoices", Ct);
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, studentList);
        using var parentCancels = await setup.Parent.Client.PostAsync($"/api/invoices/{id}/cancel", null, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, parentCancels);
        var admin = await fixture.People.AdminAsync();
        using var adminGet = await admin.Client.GetAsync($"/api/invoices/{id}", Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, adminGet);
    }

    [Fact]
    public async Task Tutors_invoice_only_parents_of_their_own_students_with_positive_amounts_due_in_the_future()
    {
        var setup = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        var otherTutor = await fixture.People.CreateAsync("tutor");
        var unrelatedParent = await fixture.People.CreateAccountAsync("parent");
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7));

        async Task<JsonElement> RefusedAsync(SignedIn tutor, object body)
        {
            using var response = await tutor.Client.PostAsJsonAsync("/api/invoices", body, Ct);
            return await Expect.ProblemAsync(HttpStatusCode.BadRequest, response);
        }

        var notMine = await RefusedAsync(otherTutor, new { studentId = setup.Student.Id, parentId = setup.Parent.Id, amount = 100, description = "x", dueDate = due });
        var notTheParent = await RefusedAsync(setup.Tutor, new { studentId = setup.Student.Id, parentId = unrelatedParent.Id, amount = 100, description = "x", dueDate = due });
        var zero = await RefusedAsync(setup.Tutor, new { studentId = setup.Student.Id, parentId = setup.Parent.Id, amount = 0, description = "x", dueDate = due });
        var past = await RefusedAsync(setup.Tutor, new { studentId = setup.Student.Id, parentId = setup.Parent.Id, amount = 100, description = "x", dueDate = due.AddDays(-30) });
        var currency = await RefusedAsync(setup.Tutor, new { studentId = setup.Student.Id, parentId = setup.Parent.Id, amount = 100, currency = "rubles", description = "x", dueDate = due });

        Assert.True(notMine.GetProperty("errors").TryGetProperty("studentId", out _));
        Assert.True(notTheParent.GetProperty("errors").TryGetProperty("parentId", out _));
        Assert.True(zero.GetProperty("errors").TryGetProperty("amount", out _));
        Assert.True(past.GetProperty("errors").TryGetProperty("dueDate", out _));
        Assert.True(currency.GetProperty("errors").TryGetProperty("currency", out _));
    }

    [Fact]
    public async Task Only_drafts_change_and_paid_or_cancelled_invoices_cannot_be_cancelled()
    {
        var setup = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        var id = (await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id)).Id;

        using var edit = await setup.Tutor.Client.PatchAsJsonAsync($"/api/invoices/{id}", new { amount = 999.5m, description = "Поправлено" }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, edit);
        Assert.Equal(999.5m, (await edit.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("amount").GetDecimal());
        await Billing.SendAsync(setup.Tutor, id);
        using var editSent = await setup.Tutor.Client.PatchAsJsonAsync($"/api/invoices/{id}", new { amount = 1 }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Conflict, editSent);
        using var sendAgain = await setup.Tutor.Client.PostAsync($"/api/invoices/{id}/send", null, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Conflict, sendAgain);
        using var cancel = await setup.Tutor.Client.PostAsJsonAsync($"/api/invoices/{id}/cancel", new { reason = "Ошибка" }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, cancel);
        using var cancelAgain = await setup.Tutor.Client.PostAsync($"/api/invoices/{id}/cancel", null, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Conflict, cancelAgain);
        using var pay = await setup.Parent.Client.PostAsync($"/api/invoices/{id}/pay", null, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Conflict, pay);
    }

    [Fact]
    public async Task Statistics_and_the_Excel_export_hold_the_tutors_invoices()
    {
        var setup = await fixture.Billing.CreateFamilyWithTutorAsync(fixture.People);
        await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id, 1000m);
        foreach (var amount in new[] { 2000m, 3000.25m })
        {
            var sent = await fixture.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id, amount);
            await Billing.SendAsync(setup.Tutor, sent.Id);
        }

        var statistics = await setup.Tutor.Client.GetFromJsonAsync<JsonElement>("/api/invoices/statistics", Ct);
        Assert.Equal(1, statistics.GetProperty("drafts").GetInt32());
        Assert.Equal(2, statistics.GetProperty("outstanding").GetInt32());
        var rub = Assert.Single(statistics.GetProperty("totals").EnumerateArray());
        Assert.Equal(5000.25m, rub.GetProperty("outstanding").GetDecimal());

        using var export = await setup.Tutor.Client.GetAsync("/api/invoices/export", Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, export);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        await using var workbook = new MemoryStream(await export.Content.ReadAsByteArrayAsync(Ct));
        var rows = (await workbook.QueryAsync(useHeaderRow: true, cancellationToken: Ct)).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal([1000m, 2000m, 3000.25m], rows.Select(r => Convert.ToDecimal(r["Amount"], System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.All(rows, r => Assert.Matches("^INV-\\d{6}$", (string)r["Number"]));
        Assert.Equal(["draft", "sent", "sent"], rows.Select(r => (string)r["Status"]).Order(StringComparer.Ordinal));
    }
}
