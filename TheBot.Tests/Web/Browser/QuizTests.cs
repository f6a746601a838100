using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// A teacher builds a quiz with one question of each automatic kind and an open one; the student takes it and sees the
/// automatic points at once; the teacher scores the open answer from the grade queue; the student sees the total; the
/// teacher reads the per-question statistics.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class QuizTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_teacher_builds_a_quiz_the_student_takes_it_and_the_teacher_grades_the_open_answer()
    {
        var classroom = await app.Learning.CreateClassroomAsync();
        var studentName = await LessonSchedulingTests.FullNameAsync(classroom.Student);

        await using var teacherSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var teacher = teacherSession.Page;
        await BrowserSignIn.SignInAsync(teacher, classroom.Teacher.Email, classroom.Teacher.Password);
        await BrowserSignIn.OpenAsync(teacher, "Assignments");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "New assignment" }).ClickAsync();
        var subject = teacher.GetByLabel("Subject");
        await Expect(subject.Locator("option")).ToHaveCountAsync(2);
        await subject.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await teacher.GetByLabel("Title").FillAsync("Warm-up quiz");
        await teacher.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync("test");

        var editor = teacher.Locator("[data-quiz-editor]");
        async Task<ILocator> AddAsync(int index, string kind, string prompt, string points)
        {
            await editor.GetByRole(AriaRole.Button, new() { Name = "Add question" }).ClickAsync();
            var question = editor.Locator($"[data-question='{index}']");
            await question.GetByLabel("Kind of question").SelectOptionAsync(kind);
            await question.GetByLabel("Question text").FillAsync(prompt);
            await question.GetByLabel("Points").FillAsync(points);
            return question;
        }

        var single = await AddAsync(0, "singleChoice", "2 + 2 = ?", "1");
        await single.GetByLabel("Option a", new() { Exact = true }).FillAsync("3");
        await single.GetByLabel("Option b", new() { Exact = true }).FillAsync("4");
        await single.GetByLabel("Option b is correct").CheckAsync();
        var multiple = await AddAsync(1, "multipleChoice", "Which are prime?", "2");
        await multiple.GetByLabel("Option a", new() { Exact = true }).FillAsync("2");
        await multiple.GetByLabel("Option b", new() { Exact = true }).FillAsync("3");
        await multiple.GetByRole(AriaRole.Button, new() { Name = "Add option" }).ClickAsync();
        await multiple.GetByLabel("Option c", new() { Exact = true }).FillAsync("4");
        await multiple.GetByLabel("Option a is correct").CheckAsync();
        await multiple.GetByLabel("Option b is correct").CheckAsync();
        var number = await AddAsync(2, "number", "Pi to two places", "3");
        await number.GetByLabel("Correct answer").FillAsync("3.14");
        await number.GetByLabel("Tolerance (±)").FillAsync("0.01");
        var shortText = await AddAsync(3, "shortText", "Capital of France", "4");
        await shortText.GetByLabel("Accepted answers, one a line").FillAsync("Paris");
        await AddAsync(4, "open", "Explain your reasoning", "5");
        await Expect(editor.Locator("[data-quiz-total]")).ToContainTextAsync("15");
        await Screenshots.SaveAsync(teacher, "quiz-01-teacher-builds");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Create assignment" }).ClickAsync();
        var teacherItem = teacher.Locator("[data-assignment]").Filter(new() { HasText = "Warm-up quiz" });
        await Expect(teacherItem.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "published");
        await Expect(teacherItem).ToContainTextAsync("quiz, 5 questions");

        await using var studentSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var student = studentSession.Page;
        await BrowserSignIn.SignInAsync(student, classroom.Student.Email, classroom.Student.Password);
        await BrowserSignIn.OpenAsync(student, "Assignments");
        var item = student.Locator("[data-assignment]").Filter(new() { HasText = "Warm-up quiz" });
        await item.GetByRole(AriaRole.Button, new() { Name = "Take the quiz" }).ClickAsync();
        var form = item.Locator("[data-quiz-form]");
        await form.Locator("[data-question-kind='singleChoice']").GetByLabel("4").CheckAsync();
        await form.Locator("[data-question-kind='multipleChoice']").GetByLabel("2", new() { Exact = true }).CheckAsync();
        await form.Locator("[data-question-kind='number']").GetByLabel("Your answer").FillAsync("3,141");
        await form.Locator("[data-question-kind='shortText']").GetByLabel("Your answer").FillAsync("  paris ");
        await form.Locator("[data-question-kind='open']").GetByLabel("Your answer").FillAsync("Because it divides evenly.");
        await Screenshots.SaveAsync(student, "quiz-02-student-answers");
        await form.GetByRole(AriaRole.Button, new() { Name = "Hand in" }).ClickAsync();

        // The automatic points at once; the open answer waits.
        var result = item.Locator("[data-quiz-result]");
        await Expect(item.Locator("[data-submission-status]")).ToHaveAttributeAsync("data-submission-status", "submitted");
        await Expect(result.Locator("[data-answer]")).ToHaveCountAsync(5);
        await Expect(result.Locator("[data-answer='right']")).ToHaveCountAsync(3);
        await Expect(result.Locator("[data-answer='partial']")).ToContainTextAsync("1 of 2");
        await Expect(result.Locator("[data-answer='pending']")).ToContainTextAsync("waiting for the teacher");
        await Expect(result.Locator("[data-correct-answer]")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(student, "quiz-03-student-automatic-points");

        // The teacher scores only the open answer.
        var queued = teacher.Locator("[data-submission]").Filter(new() { HasText = studentName });
        await Expect(queued).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(queued.GetByRole(AriaRole.Textbox, new() { Name = "Points for this answer", Exact = false })).ToHaveCountAsync(1);
        await Expect(queued.Locator("[data-question-kind='number']")).ToContainTextAsync("3 of 3");
        await queued.GetByLabel("Points for this answer (0–5)").FillAsync("4");
        await queued.GetByLabel("Feedback").FillAsync("Nicely argued.");
        await Screenshots.SaveAsync(teacher, "quiz-04-teacher-grades-open");
        await queued.GetByRole(AriaRole.Button, new() { Name = "Grade", Exact = true }).ClickAsync();
        await Expect(queued).ToHaveCountAsync(0);

        // The student sees the total live: 1 + 1 + 3 + 4 automatic, 4 from the teacher.
        var graded = item.Locator("[data-submission-status='graded']");
        await Expect(graded).ToContainTextAsync("13 of 15", new() { Timeout = 15_000 });
        await Expect(graded).ToContainTextAsync("Nicely argued.");
        await Expect(result.Locator("[data-answer='pending']")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(student, "quiz-05-student-total");

        // The teacher's statistics per question.
        await teacherItem.GetByRole(AriaRole.Button, new() { Name = "Actions for Warm-up quiz" }).ClickAsync();
        await teacherItem.GetByRole(AriaRole.Button, new() { Name = "Question statistics of Warm-up quiz" }).ClickAsync();
        var stats = teacherItem.Locator("[data-quiz-stats]");
        await Expect(stats).ToContainTextAsync("Attempts handed in: 1");
        await Expect(stats.Locator("[data-question-stats]")).ToHaveCountAsync(5);
        await Expect(stats.Locator("[data-question-stats='1']")).ToContainTextAsync("1 / 2");
        await Screenshots.SaveAsync(teacher, "quiz-06-teacher-statistics");

        teacherSession.AssertNoPageProblems();
        studentSession.AssertNoPageProblems();
    }
}
