using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using TheBot.Api.Features.Chat;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Chat;

/// <summary>The rule for every pair of roles (in both orders), then each rule with and without its relationship through the API.</summary>
public sealed class ChatPermissionsTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<UserRole, UserRole, ChatRelationRule> EveryPairOfRoles()
    {
        var expected = new Dictionary<(UserRole, UserRole), ChatRelationRule>
        {
            [(UserRole.Student, UserRole.Student)] = ChatRelationRule.Never,
            [(UserRole.Student, UserRole.Teacher)] = ChatRelationRule.ActiveEnrollment,
            [(UserRole.Student, UserRole.Tutor)] = ChatRelationRule.AssignedTutor,
            [(UserRole.Student, UserRole.Parent)] = ChatRelationRule.Never,
            [(UserRole.Student, UserRole.Admin)] = ChatRelationRule.Always,
            [(UserRole.Teacher, UserRole.Teacher)] = ChatRelationRule.Never,
            [(UserRole.Teacher, UserRole.Tutor)] = ChatRelationRule.SharedStudent,
            [(UserRole.Teacher, UserRole.Parent)] = ChatRelationRule.SharedChild,
            [(UserRole.Teacher, UserRole.Admin)] = ChatRelationRule.Always,
            [(UserRole.Tutor, UserRole.Tutor)] = ChatRelationRule.Never,
            [(UserRole.Tutor, UserRole.Parent)] = ChatRelationRule.SharedChild,
            [(UserRole.Tutor, UserRole.Admin)] = ChatRelationRule.Always,
            [(UserRole.Parent, UserRole.Parent)] = ChatRelationRule.Never,
            [(UserRole.Parent, UserRole.Admin)] = ChatRelationRule.Always,
            [(UserRole.Admin, UserRole.Admin)] = ChatRelationRule.Always,
        };
        var data = new TheoryData<UserRole, UserRole, ChatRelationRule>();
        foreach (var a in Enum.GetValues<UserRole>())
        {
            foreach (var b in Enum.GetValues<UserRole>())
            {
                data.Add(a, b, expected.TryGetValue((a, b), out var rule) ? rule : expected[(b, a)]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPairOfRoles))]
    public void Every_pair_of_roles_has_its_rule_in_both_directions(UserRole a, UserRole b, ChatRelationRule rule) =>
        Assert.Equal(rule, ChatAccess.RuleFor(a, b));

    [Fact]
    public async Task Each_rule_allows_with_its_relationship_and_refuses_without_it()
    {
        // Classroom: tutor T, teacher Te, student S (parent P) enrolled with Te. A second, unrelated one.
        var c = await fixture.Learning.CreateClassroomAsync();
        var other = await fixture.Learning.CreateClassroomAsync();
        var admin = await fixture.People.AdminAsync();
        (SignedIn From, SignedIn To, bool Allowed, string Why)[] cases =
        [
            (c.Student, c.Teacher, true, "student - teacher with an active enrollment"),
            (c.Student, other.Teacher, false, "student - teacher without an enrollment"),
            (c.Student, c.Tutor, true, "student - assigned tutor"),
            (c.Student, other.Tutor, false, "student - another tutor"),
            (c.Teacher, c.Parent, true, "teacher - parent of an enrolled child"),
            (c.Teacher, other.Parent, false, "teacher - parent without a shared child"),
            (c.Tutor, c.Parent, true, "tutor - parent of own student"),
            (c.Tutor, other.Parent, false, "tutor - parent of another tutor's student"),
            (c.Teacher, c.Tutor, true, "teacher - tutor sharing a student"),
            (other.Teacher, c.Tutor, false, "teacher - tutor without a shared student"),
            (c.Student, c.Parent, false, "student - own parent: never"),
            (c.Student, other.Student, false, "student - student: never"),
            (c.Teacher, other.Teacher, false, "teacher - teacher: never"),
            (c.Tutor, other.Tutor, false, "tutor - tutor: never"),
            (c.Parent, other.Parent, false, "parent - parent: never"),
            (admin, c.Student, true, "admin - student"),
            (c.Parent, admin, true, "parent - admin"),
        ];

        foreach (var (from, to, allowed, why) in cases)
        {
            using var forward = await from.Client.PostAsJsonAsync("/api/chat/rooms", new { participantId = to.Id }, Ct);
            using var backward = await to.Client.PostAsJsonAsync("/api/chat/rooms", new { participantId = from.Id }, Ct);
            if (allowed)
            {
                Assert.True(forward.StatusCode is HttpStatusCode.Created, $"{why}: {forward.StatusCode}");
                // The other way round finds the same room.
                Assert.True(backward.StatusCode is HttpStatusCode.OK, $"{why} (reverse): {backward.StatusCode}");
            }
            else
            {
                Assert.True(forward.StatusCode is HttpStatusCode.Forbidden, $"{why}: {forward.StatusCode}");
                Assert.True(backward.StatusCode is HttpStatusCode.Forbidden, $"{why} (reverse): {backward.StatusCode}");
            }
        }

        // Relationships end: a dropped enrollment no longer lets a new pair start.
        using var drop = await c.Tutor.Client.PatchAsJsonAsync($"/api/enrollments/{c.EnrollmentId}", new { status = "dropped" }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, drop);
        var newTeacher = await fixture.People.CreateAsync("teacher");
        using var unrelated = await c.Student.Client.PostAsJsonAsync("/api/chat/rooms", new { participantId = newTeacher.Id }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, unrelated);
        using var nobody = await c.Student.Client.PostAsJsonAsync("/api/chat/rooms", new { participantId = Guid.NewGuid() }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, nobody);
        using var self = await c.Student.Client.PostAsJsonAsync("/api/chat/rooms", new { participantId = c.Student.Id }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, self);
    }

    [Fact]
    public async Task A_direct_chat_is_closed_for_posting_and_reading_once_the_enrollment_ends_and_reopens_with_a_new_one()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(c.Student, c.Teacher.Id);
        var parentRoomId = await Chatting.StartRoomAsync(c.Teacher, c.Parent.Id);
        var tutorRoomId = await Chatting.StartRoomAsync(c.Teacher, c.Tutor.Id);
        var first = await Chatting.PostAsync(c.Student, roomId, "Before the enrollment ends");

        using (var drop = await c.Tutor.Client.PatchAsJsonAsync($"/api/enrollments/{c.EnrollmentId}", new { status = "dropped" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, drop);
        }

        // Every way into the room is refused for both people (403: they know the room), in every room the enrollment carried.
        foreach (var (caller, room) in new[] { (c.Student, roomId), (c.Teacher, roomId), (c.Teacher, parentRoomId), (c.Parent, parentRoomId), (c.Tutor, tutorRoomId) })
        {
            using var post = await caller.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/messages", new { text = "After" }, Ct);
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, post);
            using var read = await caller.Client.GetAsync($"/api/chat/rooms/{room}/messages", Ct);
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, read);
            using var open = await caller.Client.GetAsync($"/api/chat/rooms/{room}", Ct);
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, open);
        }

        using (var reopen = await c.Student.Client.PostAsJsonAsync("/api/chat/rooms", new { participantId = c.Teacher.Id }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, reopen);
        }

        using (var edit = await c.Student.Client.PatchAsJsonAsync(
            $"/api/chat/rooms/{roomId}/messages/{first.Id}", new { text = "Edited after" }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, edit);
        }

        using (var attachment = new MultipartFormDataContent { { new ByteArrayContent("plain text"u8.ToArray()), "file", "note.txt" } })
        using (var upload = await c.Student.Client.PostAsync($"/api/chat/rooms/{roomId}/attachments", attachment, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, upload);
        }

        // A new enrollment with the same teacher opens the same room again, history included.
        await fixture.Learning.EnrollAsync(c.Tutor, c.Student.Id, c.SubjectId, c.Teacher.Id);
        Assert.Equal(roomId, await Chatting.StartRoomAsync(c.Student, c.Teacher.Id));
        await Chatting.PostAsync(c.Teacher, roomId, "Welcome back");
        var messages = await Chatting.MessagesAsync(c.Student, roomId);
        Assert.Equal(["Before the enrollment ends", "Welcome back"], messages.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task A_direct_chat_with_a_former_tutor_is_closed_when_an_admin_gives_the_student_another_tutor()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var studentRoom = await Chatting.StartRoomAsync(c.Tutor, c.Student.Id);
        var parentRoom = await Chatting.StartRoomAsync(c.Tutor, c.Parent.Id);
        var newTutor = await fixture.People.CreateAsync("tutor");
        var admin = await fixture.People.AdminAsync();

        using (var reassign = await admin.Client.PatchAsJsonAsync($"/api/admin/users/{c.Student.Id}", new { tutorId = newTutor.Id }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, reassign);
        }

        foreach (var (caller, room) in new[] { (c.Tutor, studentRoom), (c.Student, studentRoom), (c.Tutor, parentRoom), (c.Parent, parentRoom) })
        {
            using var post = await caller.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/messages", new { text = "Still there?" }, Ct);
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, post);
        }

        var fresh = await Chatting.StartRoomAsync(newTutor, c.Student.Id);
        await Chatting.PostAsync(c.Student, fresh, "Hello, new tutor");
    }

    [Fact]
    public async Task Realtime_forgets_a_direct_room_whose_relationship_ended_so_typing_into_it_is_refused()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(c.Student, c.Teacher.Id);
        await using (var before = await Chatting.ListenAsync(fixture.Host, c.Student, Ct))
        {
            await before.Connection.InvokeAsync("Typing", roomId, Ct);
        }

        using (var drop = await c.Tutor.Client.PatchAsJsonAsync($"/api/enrollments/{c.EnrollmentId}", new { status = "dropped" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, drop);
        }

        foreach (var person in new[] { c.Student, c.Teacher })
        {
            await using var after = await Chatting.ListenAsync(fixture.Host, person, Ct);
            await Assert.ThrowsAsync<HubException>(() => after.Connection.InvokeAsync("Typing", roomId, Ct));
        }
    }
}
