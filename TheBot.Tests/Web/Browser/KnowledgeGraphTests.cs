using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// Issue #23's "done when", through the SPA against the real API: a teacher writes three elements (a single-choice
/// question, a number problem and a text problem), two lessons and the student's graph with one prerequisite edge drawn
/// by dragging from handle to handle (a second edge that would close a cycle is refused, and the cycle is named); the
/// student opens the first lesson, answers wrong and then right, passes it and sees the second lesson open while the
/// page stays loaded (the realtime event and the answer's response, no reload); the tutor reads the progress.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class KnowledgeGraphTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_teacher_builds_a_graph_the_student_passes_a_lesson_and_the_next_opens_live_and_the_tutor_sees_progress()
    {
        var classroom = await app.Learning.CreateClassroomAsync("Algebra " + Guid.NewGuid().ToString("N")[..6]);
        var studentName = await LessonSchedulingTests.FullNameAsync(classroom.Student);

        // The teacher's element bank: one element of each automatic kind.
        await using var teacherSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var teacher = teacherSession.Page;
        await BrowserSignIn.SignInAsync(teacher, classroom.Teacher.Email, classroom.Teacher.Password);
        await BrowserSignIn.OpenAsync(teacher, "Knowledge");
        await Expect(teacher.GetByRole(AriaRole.Heading, new() { Name = "Knowledge", Level = 1 })).ToBeVisibleAsync();
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Element bank" }).ClickAsync();

        var form = teacher.Locator("[data-element-form]");
        async Task NewElementAsync(string kind, string? check, string title)
        {
            await teacher.GetByRole(AriaRole.Button, new() { Name = "New element" }).ClickAsync();
            await form.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync(kind);
            if (check is not null)
            {
                await form.GetByLabel("Checked by").SelectOptionAsync(check);
            }

            await form.GetByLabel("Title").FillAsync(title);
        }

        await NewElementAsync("question", "single", "Which is larger?");
        await form.GetByLabel("Task text").FillAsync("Which is larger: $\\frac{1}{2}$ or $\\frac{1}{3}$?");
        await Expect(form.Locator("[data-element-preview] .katex")).ToHaveCountAsync(2);
        await form.GetByLabel("Option a", new() { Exact = true }).FillAsync("1/2");
        await form.GetByLabel("Option b", new() { Exact = true }).FillAsync("1/3");
        await form.GetByLabel("Option a is correct").CheckAsync();
        await Screenshots.SaveAsync(teacher, "knowledge-01-teacher-writes-a-question");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create element" }).ClickAsync();
        await Expect(form).ToHaveCountAsync(0);

        await NewElementAsync("problem", "number", "Half of seven");
        await form.GetByLabel("Correct answer").FillAsync("3.5");
        await form.GetByLabel("Tolerance (±)").FillAsync("0.01");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create element" }).ClickAsync();
        await Expect(form).ToHaveCountAsync(0);

        await NewElementAsync("problem", "text", "Capital of France");
        await form.GetByLabel("Accepted answers, one a line").FillAsync("Paris");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create element" }).ClickAsync();
        await Expect(form).ToHaveCountAsync(0);
        await Expect(teacher.Locator("[data-element-bank] [data-element]")).ToHaveCountAsync(3);

        // Two lessons: the question and the number problem, then the text problem.
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Lessons", Exact = true }).ClickAsync();
        var lessonForm = teacher.Locator("[data-lesson-form]");
        async Task NewLessonAsync(string title, params string[] elements)
        {
            await teacher.GetByRole(AriaRole.Button, new() { Name = "New lesson" }).ClickAsync();
            await lessonForm.GetByLabel("Lesson title").FillAsync(title);
            foreach (var element in elements)
            {
                await lessonForm.GetByRole(AriaRole.Button, new() { Name = $"Add {element} to the lesson" }).ClickAsync();
            }

            await Expect(lessonForm.Locator("[data-lesson-element]")).ToHaveCountAsync(elements.Length);
            await lessonForm.GetByRole(AriaRole.Button, new() { Name = "Create lesson" }).ClickAsync();
            await Expect(lessonForm).ToHaveCountAsync(0);
        }

        await NewLessonAsync("Fractions", "Which is larger?", "Half of seven");
        await NewLessonAsync("Geography", "Capital of France");
        await Expect(teacher.Locator("[data-lesson]")).ToHaveCountAsync(2);

        // The student's graph: both lessons, Fractions before Geography, the edge drawn by dragging.
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Graphs", Exact = true }).ClickAsync();
        var newGraph = teacher.Locator("[data-new-graph]");
        await Expect(newGraph.GetByLabel("Student")).ToHaveValueAsync(classroom.Student.Id.ToString());
        await newGraph.GetByLabel("Graph title").FillAsync("Algebra path");
        await newGraph.GetByRole(AriaRole.Button, new() { Name = "Create graph" }).ClickAsync();
        await Expect(teacher.GetByRole(AriaRole.Heading, new() { Name = "Algebra path", Level = 1 })).ToBeVisibleAsync();
        await Expect(teacher.Locator("main")).ToContainTextAsync(studentName);

        var addLesson = teacher.GetByLabel("Lesson to add");
        await addLesson.SelectOptionAsync(new SelectOptionValue { Label = "Fractions" });
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Add to the graph" }).ClickAsync();
        var fractions = teacher.Locator(".react-flow__node").Filter(new() { Has = teacher.Locator("[data-lesson-node='Fractions']") });
        await Expect(fractions).ToBeVisibleAsync();
        await addLesson.SelectOptionAsync(new SelectOptionValue { Label = "Geography" });
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Add to the graph" }).ClickAsync();
        var geography = teacher.Locator(".react-flow__node").Filter(new() { Has = teacher.Locator("[data-lesson-node='Geography']") });
        await Expect(geography).ToBeVisibleAsync();

        // Drag Geography aside: its place is saved when it is dropped.
        await teacher.Locator("[data-graph-canvas]").ScrollIntoViewIfNeededAsync();
        var moved = teacher.WaitForResponseAsync(r => r.Request.Method == "PUT" && r.Url.Contains("/nodes/", StringComparison.Ordinal));
        await DragAsync(teacher, geography.Locator("[data-lesson-node]"), 220, 10);
        Assert.True((await moved).Ok, "Saving the dragged lesson's place failed.");

        // Fractions' lower handle to Geography's upper handle.
        var edgeSaved = teacher.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.EndsWith("/edges", StringComparison.Ordinal));
        await DragBetweenAsync(teacher, fractions.Locator(".react-flow__handle.source"), geography.Locator(".react-flow__handle.target"));
        Assert.Equal(201, (await edgeSaved).Status);
        await Expect(teacher.Locator("[data-graph-edge]")).ToHaveCountAsync(1);
        await Expect(teacher.Locator("[data-graph-edge]")).ToHaveAttributeAsync("data-graph-edge", "Fractions → Geography");
        await Expect(teacher.Locator(".react-flow__edge")).ToHaveCountAsync(1);

        // The way back would close a cycle: refused, and the cycle named.
        await teacher.GetByLabel("Prerequisite", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Geography" });
        await teacher.GetByLabel("Opens", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Fractions" });
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Add prerequisite" }).ClickAsync();
        var refusal = teacher.Locator("[data-graph-editor] .alert--error");
        await Expect(refusal).ToContainTextAsync("would close a cycle");
        await Expect(refusal).ToContainTextAsync("Fractions");
        await Expect(teacher.Locator("[data-graph-edge]")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(teacher, "knowledge-02-teacher-graph-editor");

        // The student: Fractions open, Geography locked.
        await using var studentSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var student = studentSession.Page;
        await BrowserSignIn.SignInAsync(student, classroom.Student.Email, classroom.Student.Password);
        await BrowserSignIn.OpenAsync(student, "Knowledge");
        await student.GetByRole(AriaRole.Link, new() { Name = "Algebra path" }).ClickAsync();
        var list = student.Locator("[data-lesson-list]");
        await Expect(list.Locator("[data-lesson-item='Fractions']")).ToHaveAttributeAsync("data-status", "available");
        await Expect(list.Locator("[data-lesson-item='Geography']")).ToHaveAttributeAsync("data-status", "locked");
        await Expect(list.Locator("[data-lesson-item='Geography']")).ToContainTextAsync("Locked");
        await Expect(student.Locator("[data-lesson-node='Geography']")).ToHaveAttributeAsync("data-status", "locked");
        await Expect(list.Locator("[data-lesson-item='Geography'] a")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(student, "knowledge-03-student-graph");

        // The page is not loaded again from here on: a mark left on the window must survive.
        await student.EvaluateAsync("() => { window.__knowledgeGraphStaysLoaded = true; }");
        await list.GetByRole(AriaRole.Link, new() { Name = "Fractions" }).ClickAsync();
        var player = student.Locator("[data-lesson-player]");
        await Expect(player.GetByRole(AriaRole.Heading, new() { Name = "Fractions", Level = 2 })).ToBeVisibleAsync();
        var question = player.Locator("[data-element='Which is larger?']");
        await Expect(question.Locator(".katex")).ToHaveCountAsync(2);
        var problem = player.Locator("[data-element='Half of seven']");

        await problem.GetByLabel("Your answer").FillAsync("3");
        await problem.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await Expect(problem.Locator("[data-outcome]")).ToHaveAttributeAsync("data-outcome", "wrong");
        await Expect(problem.Locator("[data-outcome]")).ToContainTextAsync("Wrong");
        await Expect(player.Locator("[data-lesson-status]")).ToHaveAttributeAsync("data-lesson-status", "inProgress");
        await Screenshots.SaveAsync(student, "knowledge-04-student-answers-wrong");

        await problem.GetByLabel("Your answer").FillAsync("3,5");
        await problem.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await Expect(problem.Locator("[data-outcome]")).ToHaveAttributeAsync("data-outcome", "correct");
        await question.GetByLabel("1/2", new() { Exact = true }).CheckAsync();
        await question.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await Expect(question.Locator("[data-outcome]")).ToHaveAttributeAsync("data-outcome", "correct");

        await Expect(player.Locator("[data-lesson-status]")).ToHaveAttributeAsync("data-lesson-status", "passed");
        await Expect(player.Locator("[data-unlocked-announcement]")).ToContainTextAsync("Geography");
        await Expect(list.Locator("[data-lesson-item='Geography']")).ToHaveAttributeAsync("data-status", "available", new() { Timeout = 15_000 });
        await Expect(student.Locator("[data-lesson-node='Geography']")).ToHaveAttributeAsync("data-status", "available");
        await Expect(student.Locator("[data-lesson-node='Fractions']")).ToHaveAttributeAsync("data-status", "passed");
        Assert.True(await student.EvaluateAsync<bool>("() => window.__knowledgeGraphStaysLoaded === true"), "The student's page was loaded again.");
        await Screenshots.SaveAsync(student, "knowledge-05-student-passes-and-geography-opens");

        // The teacher's open graph shows the student's statuses live, with the progress table.
        await Expect(teacher.Locator("[data-lesson-node='Fractions']")).ToHaveAttributeAsync("data-status", "passed", new() { Timeout = 15_000 });
        await Expect(teacher.Locator("[data-progress-lesson='Fractions']")).ToContainTextAsync("Passed");

        // The tutor reads the student's graph and progress.
        await using var tutorSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var tutor = tutorSession.Page;
        await BrowserSignIn.SignInAsync(tutor, classroom.Tutor.Email, classroom.Tutor.Password);
        await BrowserSignIn.OpenAsync(tutor, "Knowledge");
        await Expect(tutor.GetByRole(AriaRole.Heading, new() { Name = "Knowledge", Level = 1 })).ToBeVisibleAsync();
        await Expect(tutor.GetByRole(AriaRole.Combobox, new() { Name = "Student", Exact = true })).ToHaveValueAsync(classroom.Student.Id.ToString());
        await tutor.GetByRole(AriaRole.Link, new() { Name = "Algebra path" }).ClickAsync();
        await Expect(tutor.Locator("[data-lesson-node='Fractions']")).ToHaveAttributeAsync("data-status", "passed");
        await Expect(tutor.Locator("[data-lesson-item='Geography']")).ToHaveAttributeAsync("data-status", "available");
        var progress = tutor.Locator("[data-knowledge-progress]");
        await Expect(progress.Locator("[data-progress-lesson='Fractions']")).ToContainTextAsync("Passed");
        await Expect(progress.Locator("[data-progress-lesson='Geography']")).ToContainTextAsync("Available");
        await Expect(progress.Locator("[data-progress-element='Half of seven']")).ToContainTextAsync("3");
        await Expect(progress.GetByRole(AriaRole.Button, new() { Name = "Export to Excel" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(tutor, "knowledge-06-tutor-progress");
        await Accessibility.AssertNoSeriousViolationsAsync(tutor);

        teacherSession.AssertNoPageProblems();
        studentSession.AssertNoPageProblems();
        tutorSession.AssertNoPageProblems();
    }

    /// <summary>Presses on the element's centre and moves the mouse by the given amount in steps, as a hand would.</summary>
    private static async Task DragAsync(IPage page, ILocator what, float dx, float dy)
    {
        var box = await what.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException("Nothing to drag.");
        var (x, y) = (box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x + dx / 2, y + dy / 2, new() { Steps = 8 });
        await page.Mouse.MoveAsync(x + dx, y + dy, new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    /// <summary>Drags from one xyflow handle to another.</summary>
    private static async Task DragBetweenAsync(IPage page, ILocator from, ILocator to)
    {
        var start = await from.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException("The source handle is not on the canvas.");
        var end = await to.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException("The target handle is not on the canvas.");
        await page.Mouse.MoveAsync(start.X + start.Width / 2, start.Y + start.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(start.X + start.Width / 2 + 10, start.Y + start.Height / 2 + 20, new() { Steps = 5 });
        await page.Mouse.MoveAsync(end.X + end.Width / 2, end.Y + end.Height / 2, new() { Steps = 12 });
        await page.Mouse.UpAsync();
    }
}
