using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.StudyPlans;

public sealed class StudyPlansTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A Monday well away from the other tests' weeks, so each test's plans are its own.</summary>
    private static string Week(int weeksFromNow)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7)).AddDays(7 * weeksFromNow);
        return monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static object[] Items(params (string Kind, string Title, string? Url)[] items) =>
        [.. items.Select(i => new { kind = i.Kind, title = i.Title, details = (string?)null, url = i.Url })];

    private static async Task<JsonElement> CreateAsync(Classroom c, string week, params (string Kind, string Title, string? Url)[] items)
    {
        using var response = await c.Teacher.Client.PostAsJsonAsync("/api/study-plans",
            new { studentId = c.Student.Id, subjectId = c.SubjectId, weekStart = week, items = Items(items) }, Ct);
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<JsonElement> SendAsync(SignedIn teacher, string planId)
    {
        using var response = await teacher.Client.PostAsync($"/api/study-plans/{planId}/send", null, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<List<JsonElement>> PlansSeenBy(SignedIn viewer, Guid studentId) =>
        [.. (await viewer.Client.GetFromJsonAsync<JsonElement>($"/api/study-plans?studentId={studentId}", Ct)).GetProperty("items").EnumerateArray()];

    private static async Task<List<JsonElement>> StudyPlanNotices(SignedIn user) =>
        [.. (await user.NotificationsAsync()).Where(n => n.GetProperty("type").GetString() == "studyPlan")];

    [Fact]
    public async Task A_teacher_writes_and_sends_a_plan_the_student_parent_and_tutor_see_and_the_student_ticks()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var plan = await CreateAsync(c, Week(0),
            ("topic", "Quadratic equations", null), ("task", "Exercises 1-10", null), ("link", "Video", "https://example.org/video"));
        var planId = plan.GetProperty("id").GetString()!;
        Assert.Equal("draft", plan.GetProperty("status").GetString());
        Assert.Equal(Week(0), plan.GetProperty("weekStart").GetString());
        Assert.Equal(["Quadratic equations", "Exercises 1-10", "Video"], plan.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));

        foreach (var viewer in new[] { c.Student, c.Parent, c.Tutor })
        {
            Assert.Empty(await PlansSeenBy(viewer, c.Student.Id));   // a draft is the teacher's
        }

        Assert.Empty(await StudyPlanNotices(c.Student));
        var sent = await SendAsync(c.Teacher, planId);
        Assert.Equal("sent", sent.GetProperty("status").GetString());

        foreach (var viewer in new[] { c.Student, c.Parent, c.Tutor, c.Teacher })
        {
            var seen = Assert.Single(await PlansSeenBy(viewer, c.Student.Id));
            Assert.Equal(planId, seen.GetProperty("id").GetString());
            Assert.Equal(3, seen.GetProperty("items").GetArrayLength());
        }

        var studentNotice = Assert.Single(await StudyPlanNotices(c.Student));
        Assert.Equal("/my-week", studentNotice.GetProperty("link").GetString());
        Assert.Equal("/study-plans", Assert.Single(await StudyPlanNotices(c.Parent)).GetProperty("link").GetString());
        Assert.Empty(await StudyPlanNotices(c.Teacher));

        using (var again = await c.Teacher.Client.PostAsync($"/api/study-plans/{planId}/send", null, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Conflict, again);
        }

        var itemId = sent.GetProperty("items")[1].GetProperty("id").GetString();
        using (var tick = await c.Student.Client.PostAsJsonAsync($"/api/study-plans/{planId}/items/{itemId}/done", new { done = true }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, tick);
        }

        var afterTick = await c.Parent.Client.GetFromJsonAsync<JsonElement>($"/api/study-plans/{planId}", Ct);
        Assert.NotEqual(JsonValueKind.Null, afterTick.GetProperty("items")[1].GetProperty("doneAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, afterTick.GetProperty("items")[0].GetProperty("doneAt").ValueKind);

        var stranger = await fixture.People.CreateAsync("parent");
        Assert.Empty(await PlansSeenBy(stranger, c.Student.Id));
        using var hidden = await stranger.Client.GetAsync($"/api/study-plans/{planId}", Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, hidden);
    }

    [Fact]
    public async Task Another_teacher_may_not_plan_for_the_student_nor_see_or_change_the_plan()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var plan = await CreateAsync(c, Week(0), ("task", "Read chapter 2", null));
        var planId = plan.GetProperty("id").GetString()!;
        var other = await fixture.People.CreateAsync("teacher");
        await fixture.Learning.TeachAsync(other, c.SubjectId);

        using (var create = await other.Client.PostAsJsonAsync("/api/study-plans",
                   new { studentId = c.Student.Id, subjectId = c.SubjectId, weekStart = Week(1), items = Items(("task", "Mine", null)) }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, create);
        }

        using (var copy = await other.Client.PostAsJsonAsync("/api/study-plans/copy-previous",
                   new { studentId = c.Student.Id, subjectId = c.SubjectId, weekStart = Week(1) }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, copy);
        }

        using (var edit = await other.Client.PutAsJsonAsync($"/api/study-plans/{planId}", new { items = Items(("task", "Changed", null)) }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, edit);
        }

        using (var send = await other.Client.PostAsync($"/api/study-plans/{planId}/send", null, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, send);
        }

        Assert.Empty(await PlansSeenBy(other, c.Student.Id));
    }

    [Fact]
    public async Task Editing_a_sent_plan_tells_the_student_what_changed()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        using (var english = await c.Student.Client.PatchAsJsonAsync("/api/auth/me", new { language = "en" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, english);
        }

        var plan = await CreateAsync(c, Week(0), ("topic", "Fractions", null), ("task", "Worksheet A", null), ("task", "Worksheet B", null));
        var planId = plan.GetProperty("id").GetString()!;
        var ids = plan.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();

        // Edits of a draft tell nobody.
        using (var draftEdit = await c.Teacher.Client.PutAsJsonAsync($"/api/study-plans/{planId}", new
               {
                   items = new object[]
                   {
                       new { id = ids[0], kind = "topic", title = "Fractions", details = "Chapter 4", url = (string?)null },
                       new { id = ids[1], kind = "task", title = "Worksheet A", details = (string?)null, url = (string?)null },
                       new { id = ids[2], kind = "task", title = "Worksheet B", details = (string?)null, url = (string?)null },
                   },
               }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, draftEdit);
        }

        await SendAsync(c.Teacher, planId);
        var firstNotices = (await StudyPlanNotices(c.Student)).Count;
        using (var tick = await c.Student.Client.PostAsJsonAsync($"/api/study-plans/{planId}/items/{ids[1]}/done", new { done = true }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, tick);
        }

        using (var edit = await c.Teacher.Client.PutAsJsonAsync($"/api/study-plans/{planId}", new
               {
                   items = new object[]
                   {
                       new { id = ids[0], kind = "topic", title = "Fractions and decimals", details = "Chapter 4", url = (string?)null },
                       new { id = ids[1], kind = "task", title = "Worksheet A", details = (string?)null, url = (string?)null },
                       new { id = (string?)null, kind = "link", title = "Practice online", details = (string?)null, url = "https://example.org/practice" },
                   },
               }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, edit);
            var edited = await edit.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.NotEqual(JsonValueKind.Null, edited.GetProperty("editedAt").ValueKind);
            Assert.Equal(["Fractions and decimals", "Worksheet A", "Practice online"],
                edited.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
            Assert.NotEqual(JsonValueKind.Null, edited.GetProperty("items")[1].GetProperty("doneAt").ValueKind);   // the tick is kept
        }

        var notices = await StudyPlanNotices(c.Student);
        Assert.Equal(firstNotices + 1, notices.Count);
        var change = notices.OrderByDescending(n => n.GetProperty("createdAt").GetDateTimeOffset()).First();
        Assert.StartsWith("Study plan changed", change.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("Added: Practice online. Removed: Worksheet B. Changed: Fractions and decimals.", change.GetProperty("body").GetString());
        Assert.Single(await StudyPlanNotices(c.Parent));   // parents hear of the sending, not of each edit

        // Saving the same items again changes nothing and tells nobody.
        var current = await c.Teacher.Client.GetFromJsonAsync<JsonElement>($"/api/study-plans/{planId}", Ct);
        using (var same = await c.Teacher.Client.PutAsJsonAsync($"/api/study-plans/{planId}", new
               {
                   items = current.GetProperty("items").EnumerateArray().Select(i => new
                   {
                       id = i.GetProperty("id").GetString(),
                       kind = i.GetProperty("kind").GetString(),
                       title = i.GetProperty("title").GetString(),
                       details = i.GetProperty("details").GetString(),
                       url = i.GetProperty("url").GetString(),
                   }).ToArray(),
               }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, same);
        }

        Assert.Equal(firstNotices + 1, (await StudyPlanNotices(c.Student)).Count);
    }

    [Fact]
    public async Task Copying_the_previous_week_starts_a_draft_with_its_items_and_no_ticks()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        using (var none = await c.Teacher.Client.PostAsJsonAsync("/api/study-plans/copy-previous",
                   new { studentId = c.Student.Id, subjectId = c.SubjectId, weekStart = Week(-1) }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, none);
        }

        var previous = await CreateAsync(c, Week(-2), ("topic", "Verbs", null), ("file", "Handout", null));
        var previousId = previous.GetProperty("id").GetString()!;
        var fileItem = previous.GetProperty("items")[1].GetProperty("id").GetString();
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n" + new string('x', 2000)));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", "handout.pdf");
            using var upload = await c.Teacher.Client.PostAsync($"/api/study-plans/{previousId}/items/{fileItem}/file", form, Ct);
            await Expect.StatusAsync(HttpStatusCode.OK, upload);
        }

        await SendAsync(c.Teacher, previousId);
        using (var tick = await c.Student.Client.PostAsJsonAsync($"/api/study-plans/{previousId}/items/{fileItem}/done", new { done = true }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, tick);
        }

        using var copy = await c.Teacher.Client.PostAsJsonAsync("/api/study-plans/copy-previous",
            new { studentId = c.Student.Id, subjectId = c.SubjectId, weekStart = Week(-1) }, Ct);
        await Expect.StatusAsync(HttpStatusCode.Created, copy);
        var copied = await copy.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("draft", copied.GetProperty("status").GetString());
        Assert.Equal(Week(-1), copied.GetProperty("weekStart").GetString());
        Assert.Equal(["Verbs", "Handout"], copied.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        Assert.All(copied.GetProperty("items").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("doneAt").ValueKind));
        Assert.Equal("handout.pdf", copied.GetProperty("items")[1].GetProperty("file").GetProperty("fileName").GetString());
        Assert.NotEqual(previousId, copied.GetProperty("id").GetString());

        // The student downloads the file of the sent plan; nobody else's.
        using (var download = await c.Student.Client.GetAsync($"/api/study-plans/{previousId}/items/{fileItem}/file", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, download);
        }

        using (var again = await c.Teacher.Client.PostAsJsonAsync("/api/study-plans/copy-previous",
                   new { studentId = c.Student.Id, subjectId = c.SubjectId, weekStart = Week(-1) }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Conflict, again);
        }
    }

    [Fact]
    public async Task One_plan_per_student_subject_and_week()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        await CreateAsync(c, Week(3), ("task", "First", null));
        using var second = await c.Teacher.Client.PostAsJsonAsync("/api/study-plans",
            new { studentId = c.Student.Id, subjectId = c.SubjectId, weekStart = Week(3), items = Items(("task", "Second", null)) }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Conflict, second);

        var plans = await PlansSeenBy(c.Teacher, c.Student.Id);
        Assert.Equal("First", Assert.Single(plans).GetProperty("items")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Invalid_plans_are_refused_with_the_field_named()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var tuesday = DateOnly.ParseExact(Week(0), "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        async Task<JsonElement> Refused(object body)
        {
            using var response = await c.Teacher.Client.PostAsJsonAsync("/api/study-plans", body, Ct);
            return (await Expect.ProblemAsync(HttpStatusCode.BadRequest, response)).GetProperty("errors");
        }

        Assert.True((await Refused(new { studentId = c.Student.Id, subjectId = c.SubjectId, weekStart = tuesday, items = Items() })).TryGetProperty("weekStart", out _));
        var noUrl = await Refused(new { studentId = c.Student.Id, subjectId = c.SubjectId, weekStart = Week(0), items = Items(("link", "Video", null)) });
        Assert.True(noUrl.TryGetProperty("items[0].url", out _));
        var badUrl = await Refused(new { studentId = c.Student.Id, subjectId = c.SubjectId, weekStart = Week(0), items = Items(("task", "T", "javascript:alert(1)")) });
        Assert.True(badUrl.TryGetProperty("items[0].url", out _));
        using (var badKind = await c.Teacher.Client.PostAsJsonAsync("/api/study-plans",
                   new { studentId = c.Student.Id, subjectId = c.SubjectId, weekStart = Week(0), items = Items(("song", "T", null)) }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.BadRequest, badKind);
        }

        using (var noStudent = await c.Teacher.Client.PostAsJsonAsync("/api/study-plans", new { subjectId = c.SubjectId, weekStart = Week(0) }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.BadRequest, noStudent);
        }

        var empty = await CreateAsync(c, Week(0));
        using (var sendEmpty = await c.Teacher.Client.PostAsync($"/api/study-plans/{empty.GetProperty("id").GetString()}/send", null, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.BadRequest, sendEmpty);
        }

        using var foreignId = await c.Teacher.Client.PutAsJsonAsync($"/api/study-plans/{empty.GetProperty("id").GetString()}",
            new { items = new object[] { new { id = Guid.NewGuid(), kind = "task", title = "T", details = (string?)null, url = (string?)null } } }, Ct);
        Assert.True((await Expect.ProblemAsync(HttpStatusCode.BadRequest, foreignId)).GetProperty("errors").TryGetProperty("items[0].id", out _));
    }
}
