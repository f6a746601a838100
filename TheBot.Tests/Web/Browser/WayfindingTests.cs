using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// Issue #20, bug 5: a page the role may not open says so with a heading and the ways back; the phone menu closes when
/// the open page is tapped; people pickers follow the reader's collation and narrow as one types; dashboard counts link
/// to what they count; the invoice overview labels counts as counts and money as money.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class WayfindingTests(TheBotAppFixture app, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_page_the_role_may_not_open_says_so_with_a_heading_and_the_ways_back()
    {
        var student = await app.People.CreateAsync("student");
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, student.Email, student.Password);

        await page.GotoAsync("/admin/users");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("not open to your role (Student)");
        await Screenshots.SaveAsync(page, "access-denied");
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to my dashboard" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/dashboard$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task On_a_phone_tapping_the_open_page_in_the_menu_closes_the_menu()
    {
        var teacher = await app.People.CreateAsync("teacher");
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint, width: 390, height: 844);
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, teacher.Email, teacher.Password);
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "More" });
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });

        await menu.ClickAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true }).ClickAsync();

        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true })).Not.ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/dashboard$"));
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task A_tutors_student_picker_follows_russian_collation_narrows_as_one_types_and_the_overview_separates_counts_from_money()
    {
        var tutor = await app.People.CreateAsync("tutor");
        var tag = Guid.NewGuid().ToString("N")[..6];
        // Real names in Cyrillic and test accounts in Latin letters, added in no particular order.
        string[] names = [$"student {tag}", $"Яков Орлов {tag}", $"Zed Test {tag}", $"анна Белова {tag}", $"Борис Ёлкин {tag}", $"Alpha Test {tag}",
            $"Ёжик Ветров {tag}", $"Вера Ильина {tag}"];
        foreach (var name in names)
        {
            var email = $"student-{Guid.NewGuid():N}@tests.thebot.local";
            using var created = await tutor.Client.PostAsJsonAsync("/api/tutor/students", new
            {
                student = new { fullName = name, email },
                parent = new { email = $"parent-{Guid.NewGuid():N}@tests.thebot.local" },
            }, Ct);
            await Fixtures.Expect.StatusAsync(System.Net.HttpStatusCode.Created, created);
        }

        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, tutor.Email, tutor.Password);
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Русский", Exact = true }).ClickAsync(),
            response => response.Request.Method == "PATCH" && response.Url.EndsWith("/api/auth/me", StringComparison.Ordinal) && response.Ok);
        await page.GotoAsync("/invoices");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");

        // The overview: how many invoices under count labels, money under amount labels.
        await Expect(page.GetByTestId("invoice-counts")).ToContainTextAsync("Счетов оплачено в этом месяце");
        await Expect(page.GetByTestId("invoice-counts")).Not.ToContainTextAsync("Сумма");

        await page.GetByRole(AriaRole.Button, new() { Name = "Новый счёт" }).ClickAsync();
        var picker = page.Locator("select#studentId");
        await Expect(picker.Locator("option")).ToHaveCountAsync(names.Length + 1);
        var shown = (await picker.Locator("option").AllTextContentsAsync()).Skip(1).ToList();
        // ru collation: Cyrillic before Latin, ё with е, case ignored.
        Assert.Equal(
            [$"анна Белова {tag}", $"Борис Ёлкин {tag}", $"Вера Ильина {tag}", $"Ёжик Ветров {tag}", $"Яков Орлов {tag}", $"Alpha Test {tag}",
                $"student {tag}", $"Zed Test {tag}"],
            shown);

        // Eight people or more: a search box narrows the list.
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Найти в списке" }).FillAsync("белов");
        await Expect(picker.Locator("option")).ToHaveCountAsync(2);
        await Expect(picker.Locator("option").Nth(1)).ToHaveTextAsync($"анна Белова {tag}");
        await Screenshots.SaveAsync(page, "picker-search-ru");
        await picker.SelectOptionAsync(new SelectOptionValue { Label = $"анна Белова {tag}" });
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task Dashboard_items_are_links_to_what_they_count()
    {
        var classroom = await app.Learning.CreateClassroomAsync();
        var work = await app.Learning.AssignAsync(classroom, new NewAssignment("Fractions " + Guid.NewGuid().ToString("N")[..6]));
        await app.Learning.SubmitAsync(classroom.Student, work);
        var admin = await app.People.AdminAsync();
        await using (var adminSession = await browser.NewSessionAsync(app.Host.WebEndpoint))
        {
            var page = adminSession.Page;
            await BrowserSignIn.SignInAsync(page, admin.Email, admin.Password);
            await page.GetByRole(AriaRole.Link, new() { Name = "Active students" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/admin/users\\?role=student&active=true$"));
            await Expect(page.Locator("select#roleFilter")).ToHaveValueAsync("student");
            await Expect(page.Locator("select#activeFilter")).ToHaveValueAsync("true");

            // Active enrollments open the list of active enrollments; work awaiting grading opens the grading queue.
            await page.GotoAsync("/dashboard");
            await page.GetByRole(AriaRole.Link, new() { Name = "Active enrollments" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/admin/enrollments\\?status=active$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enrollments", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.Locator("select#enrollmentStatus")).ToHaveValueAsync("active");
            await Expect(page.Locator("[data-enrollment]").First).ToBeVisibleAsync();
            await Expect(page.Locator("[data-enrollment] [data-status]:not([data-status='active'])")).ToHaveCountAsync(0);
            await page.GotoAsync("/dashboard");
            await page.GetByRole(AriaRole.Link, new() { Name = "Awaiting grading" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/admin/grading$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Awaiting grading", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Waiting for grading", Level = 2 })).ToBeVisibleAsync();
            await Expect(page.Locator("[data-submission]").First).ToBeVisibleAsync();
            adminSession.AssertNoPageProblems();
        }

        await using var teacherSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var teacher = teacherSession.Page;
        await BrowserSignIn.SignInAsync(teacher, classroom.Teacher.Email, classroom.Teacher.Password);
        await teacher.Locator(".item-list__item").GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(teacher).ToHaveURLAsync(new Regex("/assignments$"));
        teacherSession.AssertNoPageProblems();
    }
}
