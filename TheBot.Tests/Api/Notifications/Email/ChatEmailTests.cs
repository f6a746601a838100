using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Notifications.Email;

/// <summary>
/// Chat by e-mail, for those who ask for it: one "new chat messages" e-mail per room, only if the room is still unread
/// <c>Deliveries:ChatEmailDelay</c> (10 minutes) after the first message, never one per message; again only after the
/// reader has read the room. Time is moved on by making the outbox row due, as in the quiet-hours test.
/// </summary>
public sealed class ChatEmailTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unread_chat_messages_come_as_one_email_per_room_after_the_delay_and_again_only_after_reading()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        await WantChatByEmailAsync(c.Teacher);
        var roomId = await Chatting.StartRoomAsync(c.Student, c.Teacher.Id);

        for (var i = 1; i <= 3; i++)
        {
            await Chatting.PostAsync(c.Student, roomId, $"Question {i} about the homework");
        }

        var waiting = Assert.Single(await EmailDeliveriesAsync(c.Teacher.Id));
        Assert.Equal("pending", waiting.GetProperty("status").GetString());
        Assert.InRange(waiting.GetProperty("nextAttemptAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(8), DateTimeOffset.UtcNow.AddMinutes(11));

        await MakeDueAsync(c.Teacher.Id);
        var mail = await fixture.Smtp.WaitForAsync(c.Teacher.Email);
        Assert.StartsWith("New chat messages: ", mail.Message.Subject, StringComparison.Ordinal);
        Assert.Contains("Question 1 about the homework", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"{TestSmtpServer.AppBaseUrl}/chat/{roomId}", mail.Text, StringComparison.Ordinal);
        await WaitForEmailDeliveryAsync(c.Teacher.Id, "sent");

        // Still unread: more messages raise nothing and queue nothing.
        await Chatting.PostAsync(c.Student, roomId, "Question 4 about the homework");
        var sent = Assert.Single(await EmailDeliveriesAsync(c.Teacher.Id));
        Assert.Equal("sent", sent.GetProperty("status").GetString());

        // Read, then a new message: the room's e-mail is due again, after the delay.
        using (var read = await c.Teacher.Client.PostAsync($"/api/chat/rooms/{roomId}/read", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, read);
        }

        await Chatting.PostAsync(c.Student, roomId, "One more thing");
        var again = Assert.Single(await EmailDeliveriesAsync(c.Teacher.Id));
        Assert.Equal("pending", again.GetProperty("status").GetString());
        Assert.InRange(again.GetProperty("nextAttemptAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(8), DateTimeOffset.UtcNow.AddMinutes(11));
        Assert.Single(fixture.Smtp.To(c.Teacher.Email));

        // The student did not ask for chat e-mails (not a default for anyone): the teacher's answer queues none for them.
        await Chatting.PostAsync(c.Teacher, roomId, "Let us look at it in the lesson");
        Assert.Empty(await EmailDeliveriesAsync(c.Student.Id));
    }

    [Fact]
    public async Task A_room_read_before_the_delay_is_over_sends_no_email()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        await WantChatByEmailAsync(c.Teacher);
        var roomId = await Chatting.StartRoomAsync(c.Student, c.Teacher.Id);
        await Chatting.PostAsync(c.Student, roomId, "Are we meeting tomorrow?");
        Assert.Single(await EmailDeliveriesAsync(c.Teacher.Id));

        using (var read = await c.Teacher.Client.PostAsync($"/api/chat/rooms/{roomId}/read", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, read);
        }

        await MakeDueAsync(c.Teacher.Id);
        var suppressed = await WaitForEmailDeliveryAsync(c.Teacher.Id, "suppressed");
        Assert.Equal("Read in the app before it went out.", suppressed.GetProperty("lastError").GetString());
        Assert.Empty(fixture.Smtp.To(c.Teacher.Email));
    }

    private static async Task WantChatByEmailAsync(SignedIn person)
    {
        using (var language = await person.Client.PatchAsJsonAsync("/api/auth/me", new { language = "en" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, language);
        }

        using var put = await person.Client.PutAsJsonAsync("/api/notifications/settings",
            new { disabledTypes = Array.Empty<string>(), emailTypes = new[] { "chatMessage" } }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, put);
        var settings = await put.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("chatMessage", settings.GetProperty("emailTypesAvailable").EnumerateArray().Select(t => t.GetString()));
    }

    private Task MakeDueAsync(Guid userId) =>
        fixture.Billing.ExecuteSqlAsync("UPDATE notification_deliveries SET next_attempt_at = now() WHERE user_id = $1 AND channel = 'email'", userId);

    private Task<List<JsonElement>> EmailDeliveriesAsync(Guid userId) => OutboxDeliveries.OfAsync(fixture.People, userId, "email");

    private Task<JsonElement> WaitForEmailDeliveryAsync(Guid userId, string status) =>
        OutboxDeliveries.WaitForAsync(fixture.People, userId, d => d.GetProperty("status").GetString() == status, "email");
}
