using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Chat;

/// <summary>
/// Rooms keep each participant's unread count as messages come, go and are read (ChatUnreadCounts);
/// these check the kept count against what the messages themselves say.
/// </summary>
public sealed class UnreadCountTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Posts_deletes_reads_and_joining_later_keep_the_count_right()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.SubjectRoomAsync(c.Student, c.SubjectId);

        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await Chatting.PostAsync(c.Teacher, roomId, $"Lesson note {i}")).Id);
        }

        Assert.Equal(4, await UnreadAsync(c.Student, roomId));
        Assert.Equal(0, await UnreadAsync(c.Teacher, roomId));

        // A deleted message no longer waits to be read; deleting it twice takes it off once.
        for (var i = 0; i < 2; i++)
        {
            using var delete = await c.Teacher.Client.DeleteAsync($"/api/chat/rooms/{roomId}/messages/{ids[3]}", Ct);
            await Expect.StatusAsync(HttpStatusCode.NoContent, delete);
        }

        Assert.Equal(3, await UnreadAsync(c.Student, roomId));

        // Read up to the second message: the third is left; reading never goes back.
        await MarkReadAsync(c.Student, roomId, ids[1]);
        Assert.Equal(1, await UnreadAsync(c.Student, roomId));
        await MarkReadAsync(c.Student, roomId, ids[0]);
        Assert.Equal(1, await UnreadAsync(c.Student, roomId));

        // Deleting a message already read changes nothing.
        using (var deleteRead = await c.Teacher.Client.DeleteAsync($"/api/chat/rooms/{roomId}/messages/{ids[0]}", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, deleteRead);
        }

        Assert.Equal(1, await UnreadAsync(c.Student, roomId));

        // Writing counts as having read the room; the teacher has one new message.
        await Chatting.PostAsync(c.Student, roomId, "Thank you");
        Assert.Equal(0, await UnreadAsync(c.Student, roomId));
        Assert.Equal(1, await UnreadAsync(c.Teacher, roomId));

        // A student who joins the class later finds what is there (two teacher messages, one reply) unread.
        var late = await fixture.Learning.CreateFamilyAsync(c.Tutor);
        await fixture.Learning.EnrollAsync(c.Tutor, late.Student.Id, c.SubjectId, c.Teacher.Id);
        Assert.Equal(3, await UnreadAsync(late.Student, roomId));
        await MarkReadAsync(late.Student, roomId, null);
        Assert.Equal(0, await UnreadAsync(late.Student, roomId));
    }

    [Fact]
    public async Task Concurrent_posts_and_reads_leave_the_count_the_messages_give()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.SubjectRoomAsync(c.Student, c.SubjectId);

        // The teacher and the student write at the same time while the student keeps reading.
        var teacherPosts = Enumerable.Range(0, 15).Select(i => Chatting.PostAsync(c.Teacher, roomId, $"teacher {i}"));
        var studentPosts = Enumerable.Range(0, 15).Select(i => Chatting.PostAsync(c.Student, roomId, $"student {i}"));
        var reads = Enumerable.Range(0, 10).Select(_ => MarkReadAsync(c.Student, roomId, null));
        await Task.WhenAll([.. teacherPosts, .. studentPosts, .. reads]);

        // Now the messages decide: the teacher last read at their own newest message (posting reads the
        // room), so the student's messages after it are the teacher's unread ones.
        var authors = await AuthorsOldestFirstAsync(c.Teacher, roomId);
        Assert.Equal(30, authors.Count);
        var lastOwn = authors.LastIndexOf(c.Teacher.Id);
        Assert.Equal(authors.Skip(lastOwn + 1).Count(a => a != c.Teacher.Id), await UnreadAsync(c.Teacher, roomId));

        // A read up to the newest message leaves nothing, whatever raced before it.
        await MarkReadAsync(c.Student, roomId, null);
        Assert.Equal(0, await UnreadAsync(c.Student, roomId));
    }

    [Fact]
    public async Task Someone_who_leaves_and_comes_back_finds_only_the_others_live_messages_unread()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.SubjectRoomAsync(c.Student, c.SubjectId);
        await Chatting.PostAsync(c.Student, roomId, "My question");
        await Chatting.PostAsync(c.Student, roomId, "And another one");
        await Chatting.PostAsync(c.Teacher, roomId, "An answer");
        var withdrawn = await Chatting.PostAsync(c.Teacher, roomId, "A wrong answer");
        using (var delete = await c.Teacher.Client.DeleteAsync($"/api/chat/rooms/{roomId}/messages/{withdrawn.Id}", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, delete);
        }

        using (var drop = await c.Tutor.Client.PatchAsJsonAsync($"/api/enrollments/{c.EnrollmentId}", new { status = "dropped" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, drop);
        }

        await Chatting.PostAsync(c.Teacher, roomId, "While you were away");

        // Back with a new enrollment: the position starts again at 0, the own messages and the deleted one are not unread.
        await fixture.Learning.EnrollAsync(c.Tutor, c.Student.Id, c.SubjectId, c.Teacher.Id);
        Assert.Equal(2, await UnreadAsync(c.Student, roomId));
        await Chatting.PostAsync(c.Student, roomId, "Thanks");
        Assert.Equal(0, await UnreadAsync(c.Student, roomId));
    }

    private static async Task<List<Guid>> AuthorsOldestFirstAsync(SignedIn caller, Guid roomId)
    {
        var page = await Chatting.MessagesAsync(caller, roomId, "?limit=100");
        return [.. page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("author").GetProperty("id").GetGuid())];
    }

    /// <summary>The room's unread count, which the room list (its own statement, ChatRoomList.PageAsync) must agree with.</summary>
    private static async Task<int> UnreadAsync(SignedIn user, Guid roomId)
    {
        using var response = await user.Client.GetAsync($"/api/chat/rooms/{roomId}", Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        var unread = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("unreadCount").GetInt32();
        using var list = await user.Client.GetAsync("/api/chat/rooms?pageSize=100", Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, list);
        var listed = (await list.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("id").GetGuid() == roomId);
        Assert.Equal(unread, listed.GetProperty("unreadCount").GetInt32());
        return unread;
    }

    private static async Task MarkReadAsync(SignedIn user, Guid roomId, Guid? messageId)
    {
        using var response = await user.Client.PostAsJsonAsync($"/api/chat/rooms/{roomId}/read", new { messageId }, Ct);
        await Expect.StatusAsync(HttpStatusCode.NoContent, response);
    }
}
