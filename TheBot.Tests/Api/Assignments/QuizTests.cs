using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Assignments;

/// <summary>Quizzes: questions checked field by field, answers never shown early, automatic grading per kind, the teacher's open questions, statistics.</summary>
public sealed class QuizTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One question of each automatic kind (1 + 2 + 3 + 4 points), and an open one of 5 when asked for.</summary>
    private static object[] Questions(bool withOpen = false)
    {
        object[] automatic =
        [
            new { kind = "singleChoice", prompt = "2 + 2?", points = 1, options = new[] { new { id = "a", text = "3" }, new { id = "b", text = "4" } }, correctOptionIds = new[] { "b" } },
            new
            {
                kind = "multipleChoice", prompt = "Prime numbers?", points = 2,
                options = new[] { new { id = "a", text = "2" }, new { id = "b", text = "3" }, new { id = "c", text = "4" }, new { id = "d", text = "9" } },
                correctOptionIds = new[] { "a", "b" },
            },
            new { kind = "number", prompt = "Pi to two places?", points = 3, correctNumber = 3.14m, tolerance = 0.01m },
            new { kind = "shortText", prompt = "Capital of France?", points = 4, acceptedAnswers = new[] { "Paris", "Paris city" } },
        ];
        return withOpen ? [.. automatic, new { kind = "open", prompt = "Explain why.", points = 5 }] : automatic;
    }

    private async Task<Guid> CreateQuizAsync(
        Classroom c, object[] questions, DateTimeOffset? dueAt = null, bool publish = true, bool showAnswers = false, int penalty = 0, int attempts = 5,
        int? timeLimit = null)
    {
        using var response = await c.Teacher.Client.PostAsJsonAsync("/api/assignments", new
        {
            subjectId = c.SubjectId, title = "Quiz", kind = "test", dueAt = dueAt ?? DateTimeOffset.UtcNow.AddDays(2), latePenaltyPercent = penalty,
            maxAttempts = attempts, publish, showAnswersAfterDue = showAnswers, timeLimitMinutes = timeLimit, questions,
        }, Ct);
        return await Expect.CreatedAsync(response);
    }

    private static async Task<JsonElement> QuestionsAsync(SignedIn viewer, Guid id)
    {
        using var response = await viewer.Client.GetAsync($"/api/assignments/{id}/questions", Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static Guid[] QuestionIds(JsonElement quiz) => [.. quiz.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetGuid())];

    private static async Task<JsonElement> SubmitAsync(SignedIn student, Guid id, object answers, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await student.Client.PostAsJsonAsync($"/api/assignments/{id}/submissions", new { answers }, Ct);
        await Expect.StatusAsync(expected, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static (decimal? Points, string Outcome)[] Scored(JsonElement submission) =>
        [.. submission.GetProperty("answers").EnumerateArray().Select(a => (
            a.GetProperty("points").ValueKind == JsonValueKind.Null ? (decimal?)null : a.GetProperty("points").GetDecimal(),
            a.GetProperty("outcome").GetString()!))];

    /// <summary>Answers to the four automatic questions, in order (null: left out).</summary>
    private static object[] Answers(Guid[] q, string[]? single, string[]? multiple, decimal? number, string? text) =>
        [.. new object?[]
        {
            single is null ? null : new { questionId = q[0], optionIds = single },
            multiple is null ? null : new { questionId = q[1], optionIds = multiple },
            number is null ? null : new { questionId = q[2], number },
            text is null ? null : new { questionId = q[3], text },
        }.OfType<object>()];

    [Fact]
    public async Task Questions_are_checked_field_by_field_and_change_only_while_a_draft()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        using var bad = await c.Teacher.Client.PostAsJsonAsync("/api/assignments", new
        {
            subjectId = c.SubjectId, title = "Broken quiz", kind = "test", dueAt = DateTimeOffset.UtcNow.AddDays(1),
            questions = new object[]
            {
                new { kind = "singleChoice", prompt = "One option", points = 1, options = new[] { new { id = "a", text = "Only" } }, correctOptionIds = new[] { "a" } },
                new { kind = "singleChoice", prompt = "Two right", points = 1, options = new[] { new { id = "a", text = "x" }, new { id = "b", text = "y" } }, correctOptionIds = new[] { "a", "b" } },
                new { kind = "multipleChoice", prompt = "Same ids", points = 1, options = new[] { new { id = "a", text = "x" }, new { id = "a", text = "y" } }, correctOptionIds = new[] { "z" } },
                new { kind = "number", prompt = "No answer", points = 1 },
                new { kind = "shortText", prompt = "Blank accepted", points = 1, acceptedAnswers = new[] { "   " } },
                new { kind = "open", prompt = "With options", points = 1, options = new[] { new { id = "a", text = "x" }, new { id = "b", text = "y" } } },
                new { kind = "number", prompt = "Extra field", points = 1, correctNumber = 1, tolerance = 0.5, acceptedAnswers = new[] { "1" } },
            },
        }, Ct);
        var errors = (await Expect.ProblemAsync(HttpStatusCode.BadRequest, bad)).GetProperty("errors");
        string[] expected =
        [
            "questions[0].options", "questions[1].correctOptionIds", "questions[2].options[1].id", "questions[2].correctOptionIds",
            "questions[3].correctNumber", "questions[4].acceptedAnswers", "questions[5].options", "questions[6].acceptedAnswers",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        using var zeroPoints = await c.Teacher.Client.PostAsJsonAsync("/api/assignments", new
        {
            subjectId = c.SubjectId, title = "Free points", kind = "test", dueAt = DateTimeOffset.UtcNow.AddDays(1),
            questions = new object[] { new { kind = "open", prompt = "Anything", points = 0 } },
        }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, zeroPoints);
        using var wrongMax = await c.Teacher.Client.PostAsJsonAsync("/api/assignments", new
        {
            subjectId = c.SubjectId, title = "Max", kind = "test", dueAt = DateTimeOffset.UtcNow.AddDays(1), maxScore = 50, questions = Questions(),
        }, Ct);
        Assert.True((await Expect.ProblemAsync(HttpStatusCode.BadRequest, wrongMax)).GetProperty("errors").TryGetProperty("maxScore", out _));

        // A draft becomes a quiz; its maximum is the points' sum, which no longer changes by hand.
        var draft = await fixture.Learning.AssignAsync(c, new NewAssignment(Title: "Becomes a quiz", MaxScore: 100, Publish: false));
        using (var set = await c.Teacher.Client.PutAsJsonAsync($"/api/assignments/{draft}/questions", new { questions = Questions(withOpen: true) }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, set);
            var quiz = await set.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(15m, quiz.GetProperty("maxScore").GetDecimal());
            Assert.Equal(
                ["singleChoice", "multipleChoice", "number", "shortText", "open"],
                quiz.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("kind").GetString()));
        }

        var assignment = await c.Teacher.Client.GetFromJsonAsync<JsonElement>($"/api/assignments/{draft}", Ct);
        Assert.Equal((15m, 5), (assignment.GetProperty("maxScore").GetDecimal(), assignment.GetProperty("questionCount").GetInt32()));
        using (var max = await c.Teacher.Client.PatchAsJsonAsync($"/api/assignments/{draft}", new { maxScore = 20 }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.BadRequest, max);
        }

        using (var publish = await c.Teacher.Client.PostAsync($"/api/assignments/{draft}/publish", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, publish);
        }

        using var late = await c.Teacher.Client.PutAsJsonAsync($"/api/assignments/{draft}/questions", new { questions = Questions() }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Conflict, late);
        var stranger = await fixture.Learning.CreateClassroomAsync();
        using var notTheirs = await stranger.Teacher.Client.PutAsJsonAsync($"/api/assignments/{draft}/questions", new { questions = Questions() }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, notTheirs);
        using var strangerReads = await stranger.Student.Client.GetAsync($"/api/assignments/{draft}/questions", Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, strangerReads);
    }

    [Fact]
    public async Task Students_parents_and_tutors_never_get_the_correct_answers_before_they_are_due_to_be_shown()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var id = await CreateQuizAsync(c, Questions(), showAnswers: true);

        foreach (var viewer in new[] { c.Student, c.Parent, c.Tutor })
        {
            using var response = await viewer.Client.GetAsync($"/api/assignments/{id}/questions", Ct);
            await Expect.StatusAsync(HttpStatusCode.OK, response);
            var raw = await response.Content.ReadAsStringAsync(Ct);
            Assert.DoesNotContain("Paris", raw, StringComparison.Ordinal);
            Assert.DoesNotContain("3.14", raw, StringComparison.Ordinal);
            var quiz = JsonSerializer.Deserialize<JsonElement>(raw);
            Assert.False(quiz.GetProperty("answersShown").GetBoolean());
            foreach (var question in quiz.GetProperty("questions").EnumerateArray())
            {
                Assert.Equal(JsonValueKind.Null, question.GetProperty("correctOptionIds").ValueKind);
                Assert.Equal(JsonValueKind.Null, question.GetProperty("correctNumber").ValueKind);
                Assert.Equal(JsonValueKind.Null, question.GetProperty("acceptedAnswers").ValueKind);
            }

            Assert.Equal(["3", "4"], quiz.GetProperty("questions")[0].GetProperty("options").EnumerateArray().Select(o => o.GetProperty("text").GetString()));
        }

        // The student's own result says what each answer scored, not what the right answers were.
        var q = QuestionIds(await QuestionsAsync(c.Student, id));
        using var submitted = await c.Student.Client.PostAsJsonAsync($"/api/assignments/{id}/submissions", new { answers = Answers(q, ["a"], ["c"], 1, "Rome") }, Ct);
        await Expect.StatusAsync(HttpStatusCode.Created, submitted);
        var submission = await submitted.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("Paris", submission, StringComparison.Ordinal);
        Assert.DoesNotContain("3.14", submission, StringComparison.Ordinal);

        var teachers = await QuestionsAsync(c.Teacher, id);
        Assert.True(teachers.GetProperty("answersShown").GetBoolean());
        Assert.Equal(["b"], teachers.GetProperty("questions")[0].GetProperty("correctOptionIds").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(3.14m, teachers.GetProperty("questions")[2].GetProperty("correctNumber").GetDecimal());
        Assert.Equal(["Paris", "Paris city"], teachers.GetProperty("questions")[3].GetProperty("acceptedAnswers").EnumerateArray().Select(o => o.GetString()));

        // A timed quiz's questions come with its attempt: none before the clock starts.
        var timed = await CreateQuizAsync(c, Questions(), timeLimit: 20);
        using (var early = await c.Student.Client.GetAsync($"/api/assignments/{timed}/questions", Ct))
        {
            Assert.Equal("attemptNotStarted", (await Expect.ProblemAsync(HttpStatusCode.Conflict, early)).GetProperty("code").GetString());
        }

        using (var start = await c.Student.Client.PostAsync($"/api/assignments/{timed}/attempts", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.Created, start);
        }

        Assert.Equal(4, (await QuestionsAsync(c.Student, timed)).GetProperty("questions").GetArrayLength());

        // Nor can a parent or tutor carry them to the student ahead of the clock: they read them after the due date.
        foreach (var viewer in new[] { c.Parent, c.Tutor })
        {
            using var hidden = await viewer.Client.GetAsync($"/api/assignments/{timed}/questions", Ct);
            Assert.Equal("questionsHiddenUntilDue", (await Expect.ProblemAsync(HttpStatusCode.Conflict, hidden)).GetProperty("code").GetString());
        }

        var timedAndDue = await CreateQuizAsync(c, Questions(), dueAt: DateTimeOffset.UtcNow.AddHours(-1), timeLimit: 20);
        foreach (var viewer in new[] { c.Parent, c.Tutor })
        {
            Assert.Equal(4, (await QuestionsAsync(viewer, timedAndDue)).GetProperty("questions").GetArrayLength());
        }
    }

    [Fact]
    public async Task Each_automatic_kind_is_scored_at_once_and_the_attempt_graded()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var id = await CreateQuizAsync(c, Questions());
        var q = QuestionIds(await QuestionsAsync(c.Student, id));

        // Right: the number within its tolerance, the text however spaced and cased.
        var right = await SubmitAsync(c.Student, id, Answers(q, ["b"], ["b", "a"], 3.1495m, "  pARIS    City "));
        Assert.Equal("graded", right.GetProperty("status").GetString());
        Assert.Equal([(1m, "right"), (2m, "right"), (3m, "right"), (4m, "right")], Scored(right));
        Assert.Equal((10m, 10m, 10m), (right.GetProperty("score").GetDecimal(), right.GetProperty("finalScore").GetDecimal(), right.GetProperty("maxScore").GetDecimal()));

        // Wrong: just outside the tolerance, another word; one right and one wrong option cancel out.
        var wrong = await SubmitAsync(c.Student, id, Answers(q, ["a"], ["a", "c"], 3.1501m, "Paris, France"));
        Assert.Equal([(0m, "wrong"), (0m, "wrong"), (0m, "wrong"), (0m, "wrong")], Scored(wrong));
        Assert.Equal(0m, wrong.GetProperty("score").GetDecimal());

        // Partly right: one of two right options; the others left out are unanswered.
        var partly = await SubmitAsync(c.Student, id, Answers(q, null, ["b"], null, null));
        Assert.Equal([(0m, "unanswered"), (1m, "partial"), (0m, "unanswered"), (0m, "unanswered")], Scored(partly));
        Assert.Equal(3, partly.GetProperty("attempt").GetInt32());

        // The student and their parent were told of the grade, as for work the teacher grades.
        var graded = await c.Parent.Client.GetFromJsonAsync<JsonElement>($"/api/assignments/submissions?assignmentId={id}&status=graded", Ct);
        Assert.Equal(3, graded.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Answers_must_fit_their_questions()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var id = await CreateQuizAsync(c, Questions());
        var q = QuestionIds(await QuestionsAsync(c.Student, id));

        var problem = await SubmitAsync(c.Student, id, new object[]
        {
            new { questionId = q[0], optionIds = new[] { "a", "b" } },
            new { questionId = q[1], optionIds = new[] { "z" } },
            new { questionId = q[2], text = "three" },
            new { questionId = Guid.NewGuid(), text = "?" },
            new { questionId = q[3], text = "Paris" },
            new { questionId = q[3], text = "Paris" },
        }, HttpStatusCode.BadRequest);
        Assert.Equal(
            ["answers[0].optionIds", "answers[1].optionIds", "answers[2].text", "answers[3].questionId", "answers[5].questionId"],
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        using var upload = new MultipartFormDataContent { { new StringContent("My answers"), "text" } };
        using var uploaded = await c.Student.Client.PostAsync($"/api/assignments/{id}/submissions/upload", upload, Ct);
        await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, uploaded);
        var nothing = await c.Student.Client.GetFromJsonAsync<JsonElement>($"/api/assignments/submissions?assignmentId={id}", Ct);
        Assert.Equal(0, nothing.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task The_late_penalty_applies_to_the_automatic_total()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var id = await CreateQuizAsync(c, Questions(), dueAt: DateTimeOffset.UtcNow.AddHours(-1), penalty: 25);
        var q = QuestionIds(await QuestionsAsync(c.Student, id));

        var late = await SubmitAsync(c.Student, id, Answers(q, ["b"], ["a", "b"], 3.14m, "paris"));
        Assert.True(late.GetProperty("isLate").GetBoolean());
        Assert.Equal((10m, 7.5m), (late.GetProperty("score").GetDecimal(), late.GetProperty("finalScore").GetDecimal()));
    }

    [Fact]
    public async Task A_mixed_quiz_waits_for_the_teacher_who_scores_only_its_open_questions()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var id = await CreateQuizAsync(c, Questions(withOpen: true));
        var q = QuestionIds(await QuestionsAsync(c.Student, id));

        var submission = await SubmitAsync(c.Student, id, (object[])[.. Answers(q, ["b"], ["a"], 3.14m, "Lyon"), new { questionId = q[4], text = "Because." }]);
        Assert.Equal("submitted", submission.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, submission.GetProperty("score").ValueKind);
        Assert.Equal([(1m, "right"), (1m, "partial"), (3m, "right"), (0m, "wrong"), (null, "pending")], Scored(submission));
        var submissionId = submission.GetProperty("id").GetGuid();
        var queue = await c.Teacher.Client.GetFromJsonAsync<JsonElement>("/api/assignments/submissions?status=submitted", Ct);
        Assert.Equal([submissionId], queue.ItemIds());

        async Task<JsonElement> GradeAsync(object body, HttpStatusCode expected)
        {
            using var response = await c.Teacher.Client.PostAsJsonAsync($"/api/assignments/submissions/{submissionId}/grade", body, Ct);
            await Expect.StatusAsync(expected, response);
            return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        }

        await GradeAsync(new { score = 12 }, HttpStatusCode.BadRequest);
        using (var together = await c.Teacher.Client.PostAsJsonAsync("/api/assignments/submissions/grade", new { items = new[] { new { submissionId } }, score = 12 }, Ct))
        {
            var refused = await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, together);
            Assert.True(refused.GetProperty("errors").TryGetProperty("items[0]", out _));
        }

        await GradeAsync(new { feedback = "Nothing scored" }, HttpStatusCode.BadRequest);
        await GradeAsync(new { questionScores = new[] { new { questionId = q[3], points = 4m } } }, HttpStatusCode.BadRequest);
        await GradeAsync(new { questionScores = new[] { new { questionId = q[4], points = 5.5m } } }, HttpStatusCode.BadRequest);

        var graded = await GradeAsync(new { questionScores = new[] { new { questionId = q[4], points = 3.5m } }, feedback = "Half way" }, HttpStatusCode.OK);
        Assert.Equal("graded", graded.GetProperty("status").GetString());
        Assert.Equal([(1m, "right"), (1m, "partial"), (3m, "right"), (0m, "wrong"), (3.5m, "partial")], Scored(graded));
        Assert.Equal((8.5m, 8.5m, 15m), (graded.GetProperty("score").GetDecimal(), graded.GetProperty("finalScore").GetDecimal(), graded.GetProperty("maxScore").GetDecimal()));

        var seen = await c.Student.Client.GetFromJsonAsync<JsonElement>($"/api/assignments/submissions?assignmentId={id}", Ct);
        var mine = Assert.Single(seen.GetProperty("items").EnumerateArray());
        Assert.Equal((8.5m, "Half way"), (mine.GetProperty("score").GetDecimal(), mine.GetProperty("feedback").GetString()));
    }

    [Theory]
    [InlineData(true, -1, true)]
    [InlineData(false, -1, false)]
    [InlineData(true, 1, false)]
    public async Task Correct_answers_are_shown_after_the_due_date_only_when_the_quiz_says_so(bool showAnswers, int dueInHours, bool shown)
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var id = await CreateQuizAsync(c, Questions(), dueAt: DateTimeOffset.UtcNow.AddHours(dueInHours), showAnswers: showAnswers);

        foreach (var viewer in new[] { c.Student, c.Parent })
        {
            var quiz = await QuestionsAsync(viewer, id);
            Assert.Equal(shown, quiz.GetProperty("answersShown").GetBoolean());
            var single = quiz.GetProperty("questions")[0].GetProperty("correctOptionIds");
            var accepted = quiz.GetProperty("questions")[3].GetProperty("acceptedAnswers");
            if (shown)
            {
                Assert.Equal(["b"], single.EnumerateArray().Select(o => o.GetString()));
                Assert.Equal(["Paris", "Paris city"], accepted.EnumerateArray().Select(o => o.GetString()));
            }
            else
            {
                Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (single.ValueKind, accepted.ValueKind));
            }
        }
    }

    [Fact]
    public async Task The_teacher_sees_per_question_statistics_in_one_command()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var (_, second, _) = await fixture.Learning.AddStudentAsync(c);
        var id = await CreateQuizAsync(c, Questions(withOpen: true));
        var q = QuestionIds(await QuestionsAsync(c.Student, id));

        var first = await SubmitAsync(c.Student, id, (object[])[.. Answers(q, ["b"], ["a", "b"], 3.14m, "Paris"), new { questionId = q[4], text = "Long answer" }]);
        await SubmitAsync(second.Student, id, Answers(q, ["a"], ["a"], 3.14m, null));
        // The second student tries again and gets everything right: each student counts once, by their latest attempt.
        await SubmitAsync(second.Student, id, Answers(q, ["b"], ["a", "b"], 3.14m, "Paris"));
        using (var grade = await c.Teacher.Client.PostAsJsonAsync($"/api/assignments/submissions/{first.GetProperty("id").GetGuid()}/grade",
                   new { questionScores = new[] { new { questionId = q[4], points = 5 } } }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, grade);
        }

        var (stats, commands) = await StatsAsync(c.Teacher, id);
        Assert.Equal(1, commands);
        Assert.Equal(2, stats.GetProperty("submissions").GetInt32());
        var rows = stats.GetProperty("questions").EnumerateArray().Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{s.GetProperty("kind").GetString()} answered {s.GetProperty("answered").GetInt32()}: {s.GetProperty("right").GetInt32()} right, {s.GetProperty("partial").GetInt32()} partly, {s.GetProperty("wrong").GetInt32()} wrong, {s.GetProperty("pending").GetInt32()} waiting, average {(s.GetProperty("averagePoints").ValueKind == JsonValueKind.Null ? "-" : s.GetProperty("averagePoints").GetDecimal().ToString("0.##", CultureInfo.InvariantCulture))}"));
        Assert.Equal(
        [
            "singleChoice answered 2: 2 right, 0 partly, 0 wrong, 0 waiting, average 1",
            "multipleChoice answered 2: 2 right, 0 partly, 0 wrong, 0 waiting, average 2",
            "number answered 2: 2 right, 0 partly, 0 wrong, 0 waiting, average 3",
            "shortText answered 2: 2 right, 0 partly, 0 wrong, 0 waiting, average 4",
            "open answered 1: 1 right, 0 partly, 0 wrong, 0 waiting, average 5",
        ], rows);

        var stranger = await fixture.Learning.CreateClassroomAsync();
        using var notTheirs = await stranger.Teacher.Client.GetAsync($"/api/assignments/{id}/question-stats", Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, notTheirs);
        using var student = await c.Student.Client.GetAsync($"/api/assignments/{id}/question-stats", Ct);
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, student);
    }

    /// <summary>The statistics, and the fewer of two calls' commands: a call may also check the caller's session (cached for a minute).</summary>
    private static async Task<(JsonElement Stats, int Commands)> StatsAsync(SignedIn teacher, Guid id)
    {
        var commands = int.MaxValue;
        JsonElement stats = default;
        for (var call = 0; call < 2; call++)
        {
            using var response = await teacher.Client.GetAsync($"/api/assignments/{id}/question-stats", Ct);
            await Expect.StatusAsync(HttpStatusCode.OK, response);
            commands = Math.Min(commands, int.Parse(Assert.Single(response.Headers.GetValues("X-Sql-Commands")), CultureInfo.InvariantCulture));
            stats = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        }

        return (stats, commands);
    }
}
