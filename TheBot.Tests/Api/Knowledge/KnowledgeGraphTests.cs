using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using MiniExcelLibs;
using TheBot.Tests.Fixtures;
using TheBot.Tests.Realtime;

namespace TheBot.Tests.Api.Knowledge;

public sealed class KnowledgeGraphTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> PostAsync(SignedIn user, string url, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await user.Client.PostAsJsonAsync(url, body, Ct);
        await Expect.StatusAsync(expected, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<Guid> ElementAsync(Classroom c, object element) =>
        (await PostAsync(c.Teacher, "/api/knowledge/elements", element)).GetProperty("id").GetGuid();

    /// <summary>A theory element, a single-choice question (b right), a number problem (42 ± 0.5) and a text problem ("Paris").</summary>
    private static async Task<Guid[]> FourElementsAsync(Classroom c) =>
    [
        await ElementAsync(c, new { subjectId = c.SubjectId, kind = "theory", title = "What a capital is", body = "A capital is $x^2$ …" }),
        await ElementAsync(c, new
        {
            subjectId = c.SubjectId, kind = "question", check = "single", title = "Pick the even number", points = 1, difficulty = 2,
            options = new[] { new { text = "Three", correct = false }, new { text = "Four", correct = true }, new { text = "Five", correct = false } },
        }),
        await ElementAsync(c, new { subjectId = c.SubjectId, kind = "problem", check = "number", title = "Six times seven", correctNumber = 42m, tolerance = 0.5m, points = 2 }),
        await ElementAsync(c, new { subjectId = c.SubjectId, kind = "problem", check = "text", title = "Capital of France", acceptedAnswers = new[] { "Paris", "Paris, France" }, points = 1 }),
    ];

    private static async Task<Guid> LessonAsync(Classroom c, string title, params Guid[] elementIds) =>
        (await PostAsync(c.Teacher, "/api/knowledge/lessons", new { subjectId = c.SubjectId, title, passPercent = 80, elementIds })).GetProperty("id").GetGuid();

    private static async Task<Guid> GraphAsync(Classroom c, Guid? studentId, string title = "Algebra path") =>
        (await PostAsync(c.Teacher, "/api/knowledge/graphs", new { subjectId = c.SubjectId, studentId, title })).GetProperty("id").GetGuid();

    private static async Task<Guid> NodeAsync(SignedIn teacher, Guid graphId, Guid lessonId, double x = 10, double y = 20) =>
        (await PostAsync(teacher, $"/api/knowledge/graphs/{graphId}/nodes", new { lessonId, x, y })).GetProperty("id").GetGuid();

    private static async Task<Guid> EdgeAsync(SignedIn teacher, Guid graphId, Guid from, Guid to) =>
        (await PostAsync(teacher, $"/api/knowledge/graphs/{graphId}/edges", new { fromNodeId = from, toNodeId = to })).GetProperty("id").GetGuid();

    private static Task<JsonElement> AnswerAsync(SignedIn student, Guid graphId, Guid nodeId, object answer) =>
        PostAsync(student, $"/api/knowledge/graphs/{graphId}/nodes/{nodeId}/answers", answer, HttpStatusCode.OK);

    private static async Task<string> StatusOf(SignedIn reader, Guid graphId, Guid nodeId)
    {
        var graph = await reader.Client.GetFromJsonAsync<JsonElement>($"/api/knowledge/graphs/{graphId}", Ct);
        return graph.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetGuid() == nodeId).GetProperty("status").GetString()!;
    }

    /// <summary>Two lessons (the first with the four elements, the second with the theory) on the student's graph, first → second.</summary>
    private async Task<(Classroom C, Guid[] Elements, Guid Graph, Guid First, Guid Second)> GraphWithTwoLessonsAsync()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var elements = await FourElementsAsync(c);
        var basics = await LessonAsync(c, "Basics", elements);
        var next = await LessonAsync(c, "Next steps", elements[0]);
        var graph = await GraphAsync(c, c.Student.Id);
        var first = await NodeAsync(c.Teacher, graph, basics);
        var second = await NodeAsync(c.Teacher, graph, next, 200, 20);
        await EdgeAsync(c.Teacher, graph, first, second);
        return (c, elements, graph, first, second);
    }

    private static Task<JsonElement> ProgressEvent(HubConnection connection, string status)
    {
        var seen = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<JsonElement>("knowledgeProgressChanged", e =>
        {
            if (e.GetProperty("status").GetString() == status)
            {
                seen.TrySetResult(e);
            }
        });
        return seen.Task;
    }

    [Fact]
    public async Task A_student_works_through_a_lesson_without_seeing_keys_and_passing_it_opens_the_next_live()
    {
        var (c, elements, graph, first, second) = await GraphWithTwoLessonsAsync();
        Assert.Equal("available", await StatusOf(c.Student, graph, first));
        Assert.Equal("locked", await StatusOf(c.Student, graph, second));

        // The author sees the key.
        var teacherView = await c.Teacher.Client.GetStringAsync($"/api/knowledge/elements/{elements[2]}", Ct);
        Assert.Contains("\"correctNumber\":42", teacherView, StringComparison.Ordinal);

        using (var locked = await c.Student.Client.GetAsync($"/api/knowledge/graphs/{graph}/nodes/{second}/lesson", Ct))
        {
            var problem = await Expect.ProblemAsync(HttpStatusCode.Conflict, locked);
            Assert.Equal("lessonLocked", problem.GetProperty("code").GetString());
            Assert.DoesNotContain("What a capital is", problem.GetRawText(), StringComparison.Ordinal);
        }

        using (var lockedAnswer = await c.Student.Client.PostAsJsonAsync($"/api/knowledge/graphs/{graph}/nodes/{second}/answers",
                   new { elementId = elements[1], optionIds = new[] { "b" } }, Ct))
        {
            Assert.Equal("lessonLocked", (await Expect.ProblemAsync(HttpStatusCode.Conflict, lockedAnswer)).GetProperty("code").GetString());
        }

        var raw = await c.Student.Client.GetStringAsync($"/api/knowledge/graphs/{graph}/nodes/{first}/lesson", Ct);
        foreach (var key in new[] { "\"correct\"", "correctNumber", "tolerance", "acceptedAnswers", "Paris" })
        {
            Assert.DoesNotContain(key, raw, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotMatch(@"[:\[,]\s*42(\.0+)?\s*[,\]}]", raw);   // the number's answer as a JSON value (ids may hold "42")

        var lesson = JsonDocument.Parse(raw).RootElement;
        Assert.Equal(["theory", "question", "problem", "problem"], lesson.GetProperty("elements").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(["a", "b", "c"], lesson.GetProperty("elements")[1].GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
        Assert.Equal("inProgress", lesson.GetProperty("status").GetString());
        Assert.Equal("inProgress", await StatusOf(c.Student, graph, first));

        await using var socket = RealtimeProbe.Connect(fixture.Host, c.Student.AccessToken);
        var passedLive = ProgressEvent(socket, "passed");
        await socket.StartJoinedAsync(Ct);

        var wrong = await AnswerAsync(c.Student, graph, first, new { elementId = elements[1], optionIds = new[] { "a" } });
        Assert.Equal("wrong", wrong.GetProperty("outcome").GetString());
        Assert.Equal(0m, wrong.GetProperty("points").GetDecimal());
        Assert.Equal("inProgress", wrong.GetProperty("status").GetString());

        var right = await AnswerAsync(c.Student, graph, first, new { elementId = elements[1], optionIds = new[] { "b" } });
        Assert.Equal("correct", right.GetProperty("outcome").GetString());
        Assert.Equal(25m, right.GetProperty("scorePercent").GetDecimal());   // 1 of 4 points: the latest answer counts

        Assert.Equal("wrong", (await AnswerAsync(c.Student, graph, first, new { elementId = elements[2], number = 40 })).GetProperty("outcome").GetString());
        var number = await AnswerAsync(c.Student, graph, first, new { elementId = elements[2], number = 42.3m });
        Assert.Equal("correct", number.GetProperty("outcome").GetString());
        Assert.Equal(2m, number.GetProperty("maxPoints").GetDecimal());
        Assert.Empty(number.GetProperty("unlocked").EnumerateArray());

        var text = await AnswerAsync(c.Student, graph, first, new { elementId = elements[3], text = "  pARIS " });
        Assert.Equal("correct", text.GetProperty("outcome").GetString());
        Assert.Equal("passed", text.GetProperty("status").GetString());
        Assert.Equal(100m, text.GetProperty("scorePercent").GetDecimal());
        Assert.Equal([second], text.GetProperty("unlocked").EnumerateArray().Select(u => u.GetGuid()));
        Assert.Equal("available", await StatusOf(c.Student, graph, second));

        var live = await passedLive.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        Assert.Equal(first, live.GetProperty("nodeId").GetGuid());
        Assert.Equal([second], live.GetProperty("unlockedNodeIds").EnumerateArray().Select(u => u.GetGuid()));

        // Passing is for good; the answer I gave comes back with the lesson, still without keys.
        var later = await AnswerAsync(c.Student, graph, first, new { elementId = elements[3], text = "Lyon" });
        Assert.Equal("passed", later.GetProperty("status").GetString());
        var again = await c.Student.Client.GetStringAsync($"/api/knowledge/graphs/{graph}/nodes/{first}/lesson", Ct);
        Assert.DoesNotContain("Paris", again, StringComparison.Ordinal);
        Assert.Contains("Lyon", again, StringComparison.Ordinal);

        var passedNotice = Assert.Single(await c.Teacher.NotificationsAsync(), n => n.GetProperty("type").GetString() == "knowledgeLessonPassed");
        Assert.Contains("Basics", passedNotice.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains(await c.Tutor.NotificationsAsync(), n => n.GetProperty("type").GetString() == "knowledgeLessonPassed");
    }

    [Fact]
    public async Task Answers_sent_at_once_to_a_lesson_never_opened_are_all_counted_and_open_the_next_lesson_once()
    {
        var (c, elements, graph, first, second) = await GraphWithTwoLessonsAsync();
        object[] answers =
        [
            new { elementId = elements[1], optionIds = new[] { "b" } },
            new { elementId = elements[2], number = 42 },
            new { elementId = elements[3], text = "  paris " },
        ];

        var responses = await Task.WhenAll(answers.Select(answer => AnswerAsync(c.Student, graph, first, answer)));

        Assert.All(responses, r => Assert.Equal("correct", r.GetProperty("outcome").GetString()));
        var opened = Assert.Single(responses, r => r.GetProperty("unlocked").GetArrayLength() > 0);
        Assert.Equal(second, opened.GetProperty("unlocked")[0].GetGuid());
        Assert.Equal(100m, opened.GetProperty("scorePercent").GetDecimal());
        Assert.Equal("passed", await StatusOf(c.Student, graph, first));
        Assert.Equal("available", await StatusOf(c.Student, graph, second));
    }

    [Fact]
    public async Task Answers_of_the_wrong_shape_are_refused()
    {
        var (c, elements, graph, first, _) = await GraphWithTwoLessonsAsync();
        foreach (var bad in new object[]
                 {
                     new { elementId = elements[1], optionIds = new[] { "a", "b" } },
                     new { elementId = elements[1], optionIds = new[] { "z" } },
                     new { elementId = elements[2], text = "42" },
                     new { elementId = elements[0], text = "read it" },
                     new { elementId = Guid.NewGuid(), number = 1 },
                 })
        {
            using var response = await c.Student.Client.PostAsJsonAsync($"/api/knowledge/graphs/{graph}/nodes/{first}/answers", bad, Ct);
            await Expect.ProblemAsync(HttpStatusCode.BadRequest, response);
        }
    }

    [Fact]
    public async Task An_edge_that_would_close_a_cycle_is_refused_with_the_cycle()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var theory = await ElementAsync(c, new { subjectId = c.SubjectId, kind = "theory", title = "Read" });
        var graph = await GraphAsync(c, c.Student.Id);
        var a = await NodeAsync(c.Teacher, graph, await LessonAsync(c, "A", theory));
        var b = await NodeAsync(c.Teacher, graph, await LessonAsync(c, "B", theory));
        var d = await NodeAsync(c.Teacher, graph, await LessonAsync(c, "C", theory));
        await EdgeAsync(c.Teacher, graph, a, b);
        await EdgeAsync(c.Teacher, graph, b, d);

        using (var cycle = await c.Teacher.Client.PostAsJsonAsync($"/api/knowledge/graphs/{graph}/edges", new { fromNodeId = d, toNodeId = a }, Ct))
        {
            var problem = await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, cycle);
            Assert.Equal("graphCycle", problem.GetProperty("code").GetString());
            Assert.Equal(["C", "A", "B", "C"], problem.GetProperty("cycle").EnumerateArray().Select(t => t.GetString()));
        }

        foreach (var (from, to) in new[] { (a, a), (a, b), (a, Guid.NewGuid()) })
        {
            using var refused = await c.Teacher.Client.PostAsJsonAsync($"/api/knowledge/graphs/{graph}/edges", new { fromNodeId = from, toNodeId = to }, Ct);
            var problem = await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, refused);
            Assert.Single(problem.GetProperty("errors").EnumerateObject());
        }

        Assert.Equal(2, (await c.Teacher.Client.GetFromJsonAsync<JsonElement>($"/api/knowledge/graphs/{graph}", Ct)).GetProperty("edges").GetArrayLength());
    }

    [Fact]
    public async Task Others_may_neither_read_nor_change_a_graph()
    {
        var (c, elements, graph, first, _) = await GraphWithTwoLessonsAsync();
        var otherTeacher = await fixture.People.CreateAsync("teacher");
        await fixture.Learning.TeachAsync(otherTeacher, c.SubjectId);
        var otherClass = await fixture.Learning.CreateClassroomAsync();
        var strangerParent = otherClass.Parent;
        var otherStudent = otherClass.Student;

        foreach (var outsider in new[] { otherTeacher, strangerParent, otherStudent, otherClass.Tutor })
        {
            using var read = await outsider.Client.GetAsync($"/api/knowledge/graphs/{graph}", Ct);
            await Expect.ProblemAsync(HttpStatusCode.NotFound, read);
            var list = await outsider.Client.GetFromJsonAsync<JsonElement>($"/api/knowledge/graphs?studentId={c.Student.Id}", Ct);
            Assert.Equal(0, list.GetProperty("items").GetArrayLength());
        }

        using (var lesson = await otherStudent.Client.GetAsync($"/api/knowledge/graphs/{graph}/nodes/{first}/lesson", Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, lesson);
        }

        using (var answer = await otherStudent.Client.PostAsJsonAsync($"/api/knowledge/graphs/{graph}/nodes/{first}/answers", new { elementId = elements[2], number = 42 }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, answer);
        }

        using (var parentLesson = await c.Parent.Client.GetAsync($"/api/knowledge/graphs/{graph}/nodes/{first}/lesson", Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, parentLesson);
        }

        using (var node = await otherTeacher.Client.PostAsJsonAsync($"/api/knowledge/graphs/{graph}/nodes", new { lessonId = Guid.NewGuid(), x = 1, y = 1 }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, node);
        }

        using (var element = await otherTeacher.Client.GetAsync($"/api/knowledge/elements/{elements[1]}", Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, element);   // not shared
        }

        using (var progress = await otherClass.Tutor.Client.GetAsync($"/api/knowledge/graphs/{graph}/progress", Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, progress);
        }

        using (var foreignGraph = await otherTeacher.Client.PostAsJsonAsync("/api/knowledge/graphs", new { subjectId = c.SubjectId, studentId = c.Student.Id, title = "Mine" }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, foreignGraph);
        }

        // The student's own family reads it; keys stay away from them too.
        foreach (var reader in new[] { c.Student, c.Parent, c.Tutor })
        {
            var raw = await reader.Client.GetStringAsync($"/api/knowledge/graphs/{graph}", Ct);
            Assert.DoesNotContain("correctNumber", raw, StringComparison.Ordinal);
            Assert.Contains("Basics", raw, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_tutor_reads_progress_and_its_workbook()
    {
        var (c, elements, graph, first, _) = await GraphWithTwoLessonsAsync();
        await AnswerAsync(c.Student, graph, first, new { elementId = elements[3], text = "Lyon" });
        await AnswerAsync(c.Student, graph, first, new { elementId = elements[3], text = "lyon " });
        await AnswerAsync(c.Student, graph, first, new { elementId = elements[1], optionIds = new[] { "b" } });

        var report = await c.Tutor.Client.GetFromJsonAsync<JsonElement>($"/api/knowledge/graphs/{graph}/progress", Ct);
        var basics = report.GetProperty("lessons").EnumerateArray().Single(l => l.GetProperty("nodeId").GetGuid() == first);
        Assert.Equal("inProgress", basics.GetProperty("status").GetString());
        Assert.Equal(3, basics.GetProperty("attempts").GetInt32());
        Assert.Equal(25m, basics.GetProperty("scorePercent").GetDecimal());
        var capital = basics.GetProperty("elements").EnumerateArray().Single(e => e.GetProperty("elementId").GetGuid() == elements[3]);
        Assert.Equal("wrong", capital.GetProperty("latestOutcome").GetString());
        var common = Assert.Single(capital.GetProperty("commonWrongAnswers").EnumerateArray());
        Assert.Equal(("lyon", 2), (common.GetProperty("answer").GetString(), common.GetProperty("count").GetInt32()));
        Assert.DoesNotContain("Paris", report.GetRawText(), StringComparison.Ordinal);

        using (var export = await c.Tutor.Client.GetAsync($"/api/knowledge/graphs/{graph}/progress.xlsx", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, export);
            await using var workbook = new MemoryStream(await export.Content.ReadAsByteArrayAsync(Ct));
            var rows = (await workbook.QueryAsync(useHeaderRow: true, cancellationToken: Ct)).Cast<IDictionary<string, object>>().ToList();
            var row = Assert.Single(rows, r => (string)r["Lesson"] == "Basics");
            Assert.Equal("inProgress", row["Status"]);
            Assert.Equal(3, Convert.ToInt32(row["Attempts"], CultureInfo.InvariantCulture));
            Assert.Contains(rows, r => (string)r["Lesson"] == "Next steps" && (string)r["Status"] == "locked");
        }

        using (var parent = await c.Parent.Client.GetAsync($"/api/knowledge/graphs/{graph}/progress", Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, parent);
        }
    }

    [Fact]
    public async Task A_free_answer_waits_for_the_teacher_whose_mark_passes_the_lesson()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var essay = await ElementAsync(c, new { subjectId = c.SubjectId, kind = "problem", check = "free", title = "Explain why", points = 3 });
        var theory = await ElementAsync(c, new { subjectId = c.SubjectId, kind = "theory", title = "Read me" });
        var graph = await GraphAsync(c, c.Student.Id);
        var first = await NodeAsync(c.Teacher, graph, await LessonAsync(c, "Essay", essay));
        var second = await NodeAsync(c.Teacher, graph, await LessonAsync(c, "Afterwards", theory));
        await EdgeAsync(c.Teacher, graph, first, second);

        var answer = await AnswerAsync(c.Student, graph, first, new { elementId = essay, text = "Because it is." });
        Assert.Equal("pending", answer.GetProperty("outcome").GetString());
        Assert.Equal("inProgress", answer.GetProperty("status").GetString());

        var waiting = await c.Teacher.Client.GetFromJsonAsync<JsonElement>("/api/knowledge/reviews", Ct);
        var review = Assert.Single(waiting.GetProperty("items").EnumerateArray());
        var attemptId = review.GetProperty("attemptId").GetGuid();
        Assert.Equal(answer.GetProperty("attemptId").GetGuid(), attemptId);
        Assert.Equal("Because it is.", review.GetProperty("text").GetString());

        var otherTeacher = await fixture.People.CreateAsync("teacher");
        using (var foreign = await otherTeacher.Client.PostAsJsonAsync($"/api/knowledge/reviews/{attemptId}", new { correct = true }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, foreign);
        }

        var marked = await PostAsync(c.Teacher, $"/api/knowledge/reviews/{attemptId}", new { correct = true }, HttpStatusCode.OK);
        Assert.Equal("correct", marked.GetProperty("outcome").GetString());
        Assert.Equal("passed", marked.GetProperty("status").GetString());
        Assert.Equal([second], marked.GetProperty("unlocked").EnumerateArray().Select(u => u.GetGuid()));
        Assert.Equal("available", await StatusOf(c.Student, graph, second));

        using (var twice = await c.Teacher.Client.PostAsJsonAsync($"/api/knowledge/reviews/{attemptId}", new { correct = false }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Conflict, twice);
        }

        // A lesson with nothing to answer passes on opening.
        var opened = await c.Student.Client.GetFromJsonAsync<JsonElement>($"/api/knowledge/graphs/{graph}/nodes/{second}/lesson", Ct);
        Assert.Equal("passed", opened.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_template_applied_to_two_students_gives_each_its_lessons_and_edges()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var (_, classmate, _) = await fixture.Learning.AddStudentAsync(c);
        var theory = await ElementAsync(c, new { subjectId = c.SubjectId, kind = "theory", title = "Read" });
        var one = await LessonAsync(c, "One", theory);
        var two = await LessonAsync(c, "Two", theory);
        var template = await GraphAsync(c, null, "Standard path");
        var a = await NodeAsync(c.Teacher, template, one);
        var b = await NodeAsync(c.Teacher, template, two, 100, 0);
        await EdgeAsync(c.Teacher, template, a, b);

        // The first student already has a graph with lesson One.
        var existing = await GraphAsync(c, c.Student.Id, "Own");
        await NodeAsync(c.Teacher, existing, one);

        var applied = await PostAsync(c.Teacher, $"/api/knowledge/graphs/{template}/apply",
            new { studentIds = new[] { c.Student.Id, classmate.Student.Id } }, HttpStatusCode.OK);
        Assert.Equal(2, applied.GetArrayLength());
        Assert.Contains(existing, applied.EnumerateArray().Select(g => g.GetProperty("id").GetGuid()));

        foreach (var student in new[] { c.Student, classmate.Student })
        {
            var list = await student.Client.GetFromJsonAsync<JsonElement>("/api/knowledge/graphs", Ct);
            var id = Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid();
            var graph = await student.Client.GetFromJsonAsync<JsonElement>($"/api/knowledge/graphs/{id}", Ct);
            Assert.Equal(["One", "Two"], graph.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("lessonTitle").GetString()).Order());
            Assert.Single(graph.GetProperty("edges").EnumerateArray());
            Assert.Equal(["available", "locked"], graph.GetProperty("nodes").EnumerateArray()
                .OrderBy(n => n.GetProperty("lessonTitle").GetString()).Select(n => n.GetProperty("status").GetString()));
        }

        var stranger = (await fixture.Learning.CreateClassroomAsync()).Student;
        using var refused = await c.Teacher.Client.PostAsJsonAsync($"/api/knowledge/graphs/{template}/apply", new { studentIds = new[] { stranger.Id } }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, refused);
    }

    [Fact]
    public async Task Elements_and_lessons_in_use_cannot_be_deleted_and_elements_are_validated()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var theory = await ElementAsync(c, new { subjectId = c.SubjectId, kind = "theory", title = "Read", shared = true });
        var lesson = await LessonAsync(c, "Uses it", theory);
        using (var element = await c.Teacher.Client.DeleteAsync($"/api/knowledge/elements/{theory}", Ct))
        {
            Assert.Equal("elementInUse", (await Expect.ProblemAsync(HttpStatusCode.Conflict, element)).GetProperty("code").GetString());
        }

        var graph = await GraphAsync(c, null, "Template");
        await NodeAsync(c.Teacher, graph, lesson);
        using (var inUse = await c.Teacher.Client.DeleteAsync($"/api/knowledge/lessons/{lesson}", Ct))
        {
            Assert.Equal("lessonInUse", (await Expect.ProblemAsync(HttpStatusCode.Conflict, inUse)).GetProperty("code").GetString());
        }

        var spare = await ElementAsync(c, new { subjectId = c.SubjectId, kind = "theory", title = "Spare" });
        using (var gone = await c.Teacher.Client.DeleteAsync($"/api/knowledge/elements/{spare}", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, gone);
        }

        foreach (var bad in new object[]
                 {
                     new { subjectId = c.SubjectId, kind = "question", check = "single", title = "Two right", options = new[] { new { text = "x", correct = true }, new { text = "y", correct = true } } },
                     new { subjectId = c.SubjectId, kind = "question", check = "multiple", title = "None right", options = new[] { new { text = "x", correct = false }, new { text = "y", correct = false } } },
                     new { subjectId = c.SubjectId, kind = "question", check = "single", title = "One option", options = new[] { new { text = "x", correct = true } } },
                     new { subjectId = c.SubjectId, kind = "problem", check = "number", title = "Negative", correctNumber = 1, tolerance = -1 },
                     new { subjectId = c.SubjectId, kind = "problem", check = "text", title = "No answers", acceptedAnswers = Array.Empty<string>() },
                     new { subjectId = c.SubjectId, kind = "problem", check = "number", title = "Zero points", correctNumber = 1, points = 0 },
                     new { subjectId = c.SubjectId, kind = "video", title = "Not a URL", videoUrl = "javascript:alert(1)" },
                     new { subjectId = c.SubjectId, kind = "theory", title = "Too hard", difficulty = 6 },
                 })
        {
            using var response = await c.Teacher.Client.PostAsJsonAsync("/api/knowledge/elements", bad, Ct);
            await Expect.ProblemAsync(HttpStatusCode.BadRequest, response);
        }

        // Another teacher of the subject sees the shared element and may use it, but not change it.
        var other = await fixture.People.CreateAsync("teacher");
        await fixture.Learning.TeachAsync(other, c.SubjectId);
        var theirStudent = await fixture.Learning.CreateFamilyAsync(c.Tutor);
        await fixture.Learning.EnrollAsync(c.Tutor, theirStudent.Student.Id, c.SubjectId, other.Id);
        var bank = await other.Client.GetFromJsonAsync<JsonElement>($"/api/knowledge/elements?subjectId={c.SubjectId}", Ct);
        Assert.Contains(theory, bank.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
        using (var edit = await other.Client.PutAsJsonAsync($"/api/knowledge/elements/{theory}", new { subjectId = c.SubjectId, kind = "theory", title = "Mine now" }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, edit);
        }

        var theirs = await PostAsync(other, "/api/knowledge/lessons", new { subjectId = c.SubjectId, title = "Borrowed", elementIds = new[] { theory } });
        Assert.Equal(80, theirs.GetProperty("passPercent").GetInt32());
    }

    [Fact]
    public async Task The_teacher_edits_a_lesson_moves_a_node_and_removing_an_edge_opens_what_follows_live()
    {
        var (c, elements, graph, first, second) = await GraphWithTwoLessonsAsync();
        var basics = (await c.Teacher.Client.GetFromJsonAsync<JsonElement>($"/api/knowledge/graphs/{graph}", Ct))
            .GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetGuid() == first).GetProperty("lessonId").GetGuid();
        using (var edit = await c.Teacher.Client.PutAsJsonAsync($"/api/knowledge/lessons/{basics}",
                   new { subjectId = c.SubjectId, title = "Basics, again", passPercent = 50, elementIds = new[] { elements[3], elements[1] } }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, edit);
            var lesson = await edit.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal([elements[3], elements[1]], lesson.GetProperty("elements").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
            Assert.Equal(50, lesson.GetProperty("passPercent").GetInt32());
        }

        using (var element = await c.Teacher.Client.PutAsJsonAsync($"/api/knowledge/elements/{elements[2]}",
                   new { subjectId = c.SubjectId, kind = "problem", check = "number", title = "Six times six", correctNumber = 36, points = 1 }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, element);
            Assert.Equal(36m, (await element.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("correctNumber").GetDecimal());
        }

        await using var socket = RealtimeProbe.Connect(fixture.Host, c.Student.AccessToken);
        var changed = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        socket.On<JsonElement>("knowledgeGraphChanged", e => changed.TrySetResult(e));
        await socket.StartJoinedAsync(Ct);
        using (var move = await c.Teacher.Client.PutAsJsonAsync($"/api/knowledge/graphs/{graph}/nodes/{second}", new { x = 300.5, y = 40 }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, move);
        }

        Assert.Equal(graph, (await changed.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct)).GetProperty("graphId").GetGuid());
        var edgeId = (await c.Teacher.Client.GetFromJsonAsync<JsonElement>($"/api/knowledge/graphs/{graph}", Ct)).GetProperty("edges")[0].GetProperty("id").GetGuid();
        Assert.Equal("locked", await StatusOf(c.Student, graph, second));
        using (var remove = await c.Teacher.Client.DeleteAsync($"/api/knowledge/graphs/{graph}/edges/{edgeId}", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, remove);
        }

        Assert.Equal("available", await StatusOf(c.Student, graph, second));
        var moved = (await c.Student.Client.GetFromJsonAsync<JsonElement>($"/api/knowledge/graphs/{graph}", Ct))
            .GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetGuid() == second);
        Assert.Equal(300.5, moved.GetProperty("x").GetDouble());
    }
}
