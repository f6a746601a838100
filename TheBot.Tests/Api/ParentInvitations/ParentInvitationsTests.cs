using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.ParentInvitations;

/// <summary>
/// A tutor names a student's parent by email; nobody is linked to the student until the person behind
/// that email says yes: an existing parent accepts (or declines) the invitation, a new parent opens it
/// with the code and sets their own password. Until then the tutor can neither bill nor message them
/// about the child, and the parent sees nothing of the child.
/// </summary>
public sealed class ParentInvitationsTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Invited(Guid StudentId, Guid InvitationId, string Code);

    private static async Task<Invited> CreateStudentAsync(SignedIn tutor, string parentEmail, string? parentName = "Named Parent")
    {
        using var response = await tutor.Client.PostAsJsonAsync("/api/tutor/students", new
        {
            student = new { fullName = "Invited Child", email = $"child-{Guid.NewGuid():N}@tests.thebot.local" },
            parent = new { fullName = parentName, email = parentEmail },
        }, Ct);
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var parent = body.GetProperty("parent");
        return new Invited(body.GetProperty("student").GetProperty("id").GetGuid(), parent.GetProperty("invitationId").GetGuid(), parent.GetProperty("code").GetString()!);
    }

    private static async Task<JsonElement> StudentOfAsync(SignedIn tutor, Guid studentId)
    {
        var mine = await tutor.Client.GetFromJsonAsync<JsonElement>("/api/tutor/students?pageSize=100", Ct);
        return Assert.Single(mine.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetGuid() == studentId);
    }

    private static async Task<HttpResponseMessage> InvoiceAsync(SignedIn tutor, Guid studentId, Guid parentId) =>
        await tutor.Client.PostAsJsonAsync("/api/invoices", new
        {
            studentId, parentId, amount = 1000m, description = "Lessons", dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)),
        }, Ct);

    private static async Task<List<Guid>> PendingAsync(SignedIn parent) =>
        [.. (await parent.Client.GetFromJsonAsync<JsonElement>("/api/parent-invitations", Ct)).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetGuid())];

    [Fact]
    public async Task An_existing_parent_is_linked_only_once_they_accept_and_until_then_the_tutor_can_neither_bill_nor_message_them()
    {
        var tutor = await fixture.People.CreateAsync("tutor");
        var parent = await fixture.People.CreateAsync("parent");

        var invited = await CreateStudentAsync(tutor, parent.Email);

        var before = await StudentOfAsync(tutor, invited.StudentId);
        Assert.Empty(before.GetProperty("parents").EnumerateArray());
        var invitation = Assert.Single(before.GetProperty("invitations").EnumerateArray());
        Assert.Equal((parent.Email, "pending"), (invitation.GetProperty("email").GetString(), invitation.GetProperty("status").GetString()));
        using (var invoice = await InvoiceAsync(tutor, invited.StudentId, parent.Id))
        {
            await Expect.ProblemAsync(HttpStatusCode.BadRequest, invoice);
        }

        using (var chat = await tutor.Client.PostAsJsonAsync("/api/chat/rooms", new { participantId = parent.Id }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, chat);
        }

        using (var progress = await parent.Client.GetAsync($"/api/progress/students/{invited.StudentId}", Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, progress);
        }

        // The parent is told, sees who invites them to which child, and accepts.
        var notifications = await parent.Client.GetFromJsonAsync<JsonElement>("/api/notifications", Ct);
        Assert.Contains(notifications.GetProperty("items").EnumerateArray(), n => n.GetProperty("type").GetString() == "parentInvitation");
        var pending = Assert.Single((await parent.Client.GetFromJsonAsync<JsonElement>("/api/parent-invitations", Ct)).GetProperty("items").EnumerateArray());
        Assert.Equal(invited.InvitationId, pending.GetProperty("id").GetGuid());
        Assert.Equal(invited.StudentId, pending.GetProperty("student").GetProperty("id").GetGuid());
        Assert.Equal(tutor.Id, pending.GetProperty("invitedBy").GetProperty("id").GetGuid());
        using (var accept = await parent.Client.PostAsync($"/api/parent-invitations/{invited.InvitationId}/accept", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, accept);
            Assert.Equal("accepted", (await accept.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        }

        var after = await StudentOfAsync(tutor, invited.StudentId);
        Assert.Equal(parent.Id, Assert.Single(after.GetProperty("parents").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Empty(after.GetProperty("invitations").EnumerateArray());
        using (var invoice = await InvoiceAsync(tutor, invited.StudentId, parent.Id))
        {
            await Expect.StatusAsync(HttpStatusCode.Created, invoice);
        }

        await Chatting.StartRoomAsync(tutor, parent.Id);
        using (var progress = await parent.Client.GetAsync($"/api/progress/students/{invited.StudentId}", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, progress);
        }

        Assert.Empty(await PendingAsync(parent));
        using var again = await parent.Client.PostAsync($"/api/parent-invitations/{invited.InvitationId}/accept", null, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Conflict, again);
    }

    [Fact]
    public async Task A_declined_invitation_links_nothing_and_cannot_be_accepted_afterwards()
    {
        var tutor = await fixture.People.CreateAsync("tutor");
        var parent = await fixture.People.CreateAsync("parent");
        var invited = await CreateStudentAsync(tutor, parent.Email);

        using (var decline = await parent.Client.PostAsync($"/api/parent-invitations/{invited.InvitationId}/decline", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, decline);
        }

        using (var accept = await parent.Client.PostAsync($"/api/parent-invitations/{invited.InvitationId}/accept", null, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Conflict, accept);
        }

        var student = await StudentOfAsync(tutor, invited.StudentId);
        Assert.Empty(student.GetProperty("parents").EnumerateArray());
        Assert.Equal("declined", Assert.Single(student.GetProperty("invitations").EnumerateArray()).GetProperty("status").GetString());
        Assert.Empty(await PendingAsync(parent));
        using var invoice = await InvoiceAsync(tutor, invited.StudentId, parent.Id);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, invoice);
    }

    [Fact]
    public async Task Only_the_parent_the_invitation_names_sees_and_answers_it()
    {
        var tutor = await fixture.People.CreateAsync("tutor");
        var parent = await fixture.People.CreateAsync("parent");
        var otherParent = await fixture.People.CreateAsync("parent");
        var invited = await CreateStudentAsync(tutor, parent.Email);

        Assert.Empty(await PendingAsync(otherParent));
        foreach (var action in new[] { "accept", "decline" })
        {
            using var foreign = await otherParent.Client.PostAsync($"/api/parent-invitations/{invited.InvitationId}/{action}", null, Ct);
            await Expect.ProblemAsync(HttpStatusCode.NotFound, foreign);
        }

        using (var asTutor = await tutor.Client.PostAsync($"/api/parent-invitations/{invited.InvitationId}/accept", null, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, asTutor);
        }

        Assert.Equal([invited.InvitationId], await PendingAsync(parent));
    }

    [Fact]
    public async Task A_new_parent_sets_their_own_password_with_the_code_which_then_stops_working()
    {
        var tutor = await fixture.People.CreateAsync("tutor");
        var email = $"new-parent-{Guid.NewGuid():N}@tests.thebot.local";
        var invited = await CreateStudentAsync(tutor, email, parentName: null);
        using var anonymous = fixture.People.CreateAnonymousClient();

        using (var nameless = await anonymous.PostAsJsonAsync("/api/parent-invitations/redeem", new { code = invited.Code, password = People.DefaultPassword }, Ct))
        {
            var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, nameless);
            Assert.True(problem.GetProperty("errors").TryGetProperty("fullName", out _));
        }

        using (var wrong = await anonymous.PostAsJsonAsync("/api/parent-invitations/redeem", new { code = invited.Code + "x", fullName = "Olga", password = People.DefaultPassword }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, wrong);
        }

        await fixture.Learning.RedeemAsync(invited.Code, "Olga Sidorova");
        var parent = await fixture.People.SignInAsync(email, People.DefaultPassword);

        Assert.Equal("parent", parent.Role);
        var student = await StudentOfAsync(tutor, invited.StudentId);
        var linked = Assert.Single(student.GetProperty("parents").EnumerateArray());
        Assert.Equal((parent.Id, "Olga Sidorova"), (linked.GetProperty("id").GetGuid(), linked.GetProperty("fullName").GetString()));
        Assert.Empty(student.GetProperty("invitations").EnumerateArray());
        using var twice = await anonymous.PostAsJsonAsync("/api/parent-invitations/redeem", new { code = invited.Code, fullName = "Olga", password = People.DefaultPassword }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, twice);
    }

    [Fact]
    public async Task A_code_for_an_email_that_already_has_an_account_creates_no_account_and_links_nothing()
    {
        var tutor = await fixture.People.CreateAsync("tutor");
        var teacher = await fixture.People.CreateAsync("teacher");
        var invited = await CreateStudentAsync(tutor, teacher.Email);
        using var anonymous = fixture.People.CreateAnonymousClient();

        using var redeem = await anonymous.PostAsJsonAsync("/api/parent-invitations/redeem", new { code = invited.Code, fullName = "Someone", password = "Another-Horse-7" }, Ct);

        await Expect.ProblemAsync(HttpStatusCode.Conflict, redeem);
        await fixture.People.SignInAsync(teacher.Email, People.DefaultPassword);
        Assert.Empty((await StudentOfAsync(tutor, invited.StudentId)).GetProperty("parents").EnumerateArray());
    }

    [Fact]
    public async Task An_expired_invitation_cannot_be_used_and_the_expiry_job_marks_it_expired()
    {
        var tutor = await fixture.People.CreateAsync("tutor");
        var parent = await fixture.People.CreateAsync("parent");
        var existing = await CreateStudentAsync(tutor, parent.Email);
        var fresh = await CreateStudentAsync(tutor, $"late-{Guid.NewGuid():N}@tests.thebot.local");
        await fixture.Billing.ExecuteSqlAsync(
            "UPDATE parent_invitations SET created_at = created_at - interval '8 days', expires_at = expires_at - interval '8 days' WHERE id = $1 OR id = $2",
            existing.InvitationId, fresh.InvitationId);

        Assert.Empty(await PendingAsync(parent));
        using (var accept = await parent.Client.PostAsync($"/api/parent-invitations/{existing.InvitationId}/accept", null, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Conflict, accept);
        }

        using (var anonymous = fixture.People.CreateAnonymousClient())
        using (var redeem = await anonymous.PostAsJsonAsync("/api/parent-invitations/redeem", new { code = fresh.Code, fullName = "Late", password = People.DefaultPassword }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, redeem);
        }

        var admin = await fixture.People.AdminAsync();
        var run = await admin.RunJobAsync("expire-parent-invitations");

        Assert.Contains("expired", run.GetProperty("summary").GetString(), StringComparison.Ordinal);
        foreach (var studentId in new[] { existing.StudentId, fresh.StudentId })
        {
            var student = await StudentOfAsync(tutor, studentId);
            Assert.Empty(student.GetProperty("parents").EnumerateArray());
            Assert.Equal("expired", Assert.Single(student.GetProperty("invitations").EnumerateArray()).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task A_tutor_invites_a_parent_again_for_their_own_student_and_the_old_code_stops_working()
    {
        var tutor = await fixture.People.CreateAsync("tutor");
        var otherTutor = await fixture.People.CreateAsync("tutor");
        var email = $"again-{Guid.NewGuid():N}@tests.thebot.local";
        var first = await CreateStudentAsync(tutor, email);

        using (var notTheirs = await otherTutor.Client.PostAsJsonAsync($"/api/tutor/students/{first.StudentId}/parent-invitations", new { email }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, notTheirs);
        }

        using var again = await tutor.Client.PostAsJsonAsync($"/api/tutor/students/{first.StudentId}/parent-invitations", new { fullName = "Second Try", email }, Ct);
        await Expect.StatusAsync(HttpStatusCode.Created, again);
        var code = (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString()!;

        using (var anonymous = fixture.People.CreateAnonymousClient())
        using (var old = await anonymous.PostAsJsonAsync("/api/parent-invitations/redeem", new { code = first.Code, password = People.DefaultPassword }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, old);
        }

        await fixture.Learning.RedeemAsync(code);
        var student = await StudentOfAsync(tutor, first.StudentId);
        Assert.Equal("Second Try", Assert.Single(student.GetProperty("parents").EnumerateArray()).GetProperty("fullName").GetString());
    }
}
