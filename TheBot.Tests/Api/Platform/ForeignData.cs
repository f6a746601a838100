using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Platform;

/// <summary>
/// Someone else's classroom with a lesson, a material, an assignment, a chat, an invoice, a report, a notification
/// and a session: the ids an outsider must never be served or allowed to change.
/// </summary>
/// <param name="Ids">Each of their resources, by kind.</param>
/// <param name="ByParameter">Ids for a route's second parameter where the first one alone does not say (a message in a room).</param>
/// <param name="OwnerIds">The people whose rows the data fingerprint watches.</param>
internal sealed record ForeignData(IReadOnlyList<(string Kind, Guid Id)> Ids, IReadOnlyDictionary<string, Guid> ByParameter, IReadOnlyList<Guid> OwnerIds)
{
    public static async Task<ForeignData> CreateAsync(TheBotAppFixture fixture)
    {
        var ct = TestContext.Current.CancellationToken;
        var c = await fixture.Learning.CreateClassroomAsync();
        var ids = new List<(string Kind, Guid Id)>
        {
            ("enrollment", c.EnrollmentId), ("student", c.Student.Id), ("teacher", c.Teacher.Id), ("parent", c.Parent.Id), ("tutor", c.Tutor.Id),
        };

        var startsAt = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(20).AddHours(10);
        ids.Add(("lesson", await fixture.Learning.BookLessonAsync(c, startsAt)));
        ids.Add(("material", await fixture.Learning.CreateMaterialAsync(c, "Their chapter", studentIds: [c.Student.Id])));
        ids.Add(("assignment", await fixture.Learning.AssignAsync(c, new NewAssignment("Their homework", DueAt: startsAt, Description: "p. 1"))));
        var monday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-(((int)DateTime.UtcNow.DayOfWeek + 6) % 7));
        ids.Add(("teacher report", await CreatedIdAsync(c.Teacher, "/api/progress/teacher-reports",
            new { studentId = c.Student.Id, subjectId = c.SubjectId, weekStart = monday, summary = "Fine." })));
        ids.Add(("tutor report", await CreatedIdAsync(c.Tutor, "/api/progress/tutor-reports",
            new { studentId = c.Student.Id, weekStart = monday, summary = "Fine." })));
        ids.Add(("invoice", (await fixture.Billing.CreateInvoiceAsync(c.Tutor, c.Student.Id, c.Parent.Id)).Id));
        var room = await Chatting.StartRoomAsync(c.Teacher, c.Student.Id);
        var message = (await Chatting.PostAsync(c.Teacher, room, "Their message")).Id;
        ids.Add(("chat room", room));
        ids.Add(("chat message", message));

        var notifications = await c.Student.Client.GetFromJsonAsync<JsonElement>("/api/notifications", ct);
        ids.Add(("notification", notifications.GetProperty("items").EnumerateArray().First().GetProperty("id").GetGuid()));
        ids.Add(("session", AccessTokens.SessionOf(c.Student.AccessToken)));

        return new ForeignData(
            ids,
            new Dictionary<string, Guid>(StringComparer.Ordinal) { ["messageId"] = message },
            [c.Student.Id, c.Teacher.Id, c.Parent.Id, c.Tutor.Id]);
    }

    private static async Task<Guid> CreatedIdAsync(SignedIn caller, string url, object body)
    {
        using var response = await caller.Client.PostAsJsonAsync(url, body, TestContext.Current.CancellationToken);
        return await Expect.CreatedAsync(response);
    }
}
