using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// Issue #20, measured: every page of the SPA's route table (<see cref="SpaRoutes"/>), for every role that may open it
/// and for a visitor, at desktop (1280×800) and phone (390×844) size. Each page renders (a heading, no loading or
/// error state, no failed request, no console error), axe finds no serious or critical violation (WCAG 2.1 AA and
/// best practices; lesser ones are written to the test output), and a full-page
/// screenshot is saved as <c>&lt;role&gt;-&lt;page&gt;-&lt;desktop|phone&gt;.png</c> in the screenshots folder.
/// Pages with ids open real items made for the run (a lesson, a chat room, an invoice, an application, a payment).
/// One signed-in browser context per role and size visits its pages in sequence, following the history after the first
/// (as links do) rather than reloading; the output gives the time spent opening, scanning and photographing.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class EveryPageTests(TheBotAppFixture app, BrowserFixture browser)
{
    public const string Visitor = "visitor";

    private static readonly SemaphoreSlim WorldLock = new(1, 1);
    private static World? _world;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> RolesAndSizes()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in SpaRoutes.Roles.Append(Visitor))
        {
            data.Add(role, "desktop");
            data.Add(role, "phone");
        }

        return data;
    }

    [Fact]
    public void The_route_table_is_read_from_the_SPA_whole()
    {
        var features = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "TheBot.Web", "ClientApp", "src", "app", "featureRoutes.ts"));
        var lazyPages = features.Split("Page: page(").Length - 1;
        Assert.Equal(lazyPages, SpaRoutes.Pages.Count(p => !p.IsPublic));
        Assert.Contains(SpaRoutes.Public, p => p.Path == "sign-in");
        foreach (var role in SpaRoutes.Roles)
        {
            Assert.Contains(SpaRoutes.OpenTo(role), p => p.Path == "dashboard");
        }

        Assert.Contains(SpaRoutes.OpenTo("admin"), p => p.Path == "admin/users");
        Assert.DoesNotContain(SpaRoutes.OpenTo("student"), p => p.Path == "admin/users");
    }

    [Theory]
    [MemberData(nameof(RolesAndSizes))]
    public async Task Every_page_of_a_role_renders_has_no_accessibility_violations_and_is_photographed(string role, string size)
    {
        var world = await WorldAsync();
        var pages = role == Visitor ? SpaRoutes.Public.ToList() : SpaRoutes.OpenTo(role).ToList();
        Assert.NotEmpty(pages);
        var (width, height) = size == "phone" ? (390, 844) : (1280, 800);

        var clock = Stopwatch.StartNew();
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint, width: width, height: height);
        var page = session.Page;
        var watch = new PageWatch(page, signedIn: role != Visitor);
        if (role != Visitor)
        {
            var person = world.People[role];
            await BrowserSignIn.SignInAsync(page, person.Email, person.Password);
        }

        var signingIn = clock.Elapsed;
        TimeSpan opening = default, scanning = default, photographing = default;
        var problems = new List<string>();
        var lesser = new List<string>();
        SpaRoute? previous = null;
        foreach (var route in pages)
        {
            var url = "/" + string.Join('/', route.Path.Split('/').Select(segment => segment.StartsWith(':') ? world.Id(role, segment[1..]) : segment));
            var step = Stopwatch.StartNew();
            try
            {
                // The same component (chat, then a chat room) may keep its heading: that page is loaded afresh instead.
                await VisitAsync(page, watch, url, reload: previous is null || previous.Component == route.Component);
                opening += step.Elapsed;
                step.Restart();
                lesser.AddRange((await Accessibility.AssertNoSeriousViolationsAsync(page)).Select(v => $"{url}: {v}"));
                scanning += step.Elapsed;
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException or PlaywrightException or TimeoutException)
            {
                problems.Add($"{url}: {e.Message}");
            }

            previous = route;
            step.Restart();
            await Screenshots.SaveAsync(page, $"{role}-{route.Name}-{size}");
            photographing += step.Elapsed;
        }

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"{role} at {size}: {pages.Count} pages in {clock.Elapsed.TotalSeconds:F1} s (signing in {signingIn.TotalSeconds:F1} s, " +
            $"opening {opening.TotalSeconds:F1} s, axe {scanning.TotalSeconds:F1} s, screenshots {photographing.TotalSeconds:F1} s)");
        foreach (var violation in lesser)
        {
            output?.WriteLine("minor or moderate: " + violation);
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, problems));
        session.AssertNoPageProblems();
    }

    /// <summary>
    /// Opens the page and waits until it has settled (its own heading, nothing loading); then checks it is whole. The
    /// first page of a context is loaded from the address; the others are opened in the running app as a link would
    /// (the router follows the history), which spares a reload, a token refresh and the bundle's start per page.
    /// </summary>
    private static async Task VisitAsync(IPage page, PageWatch watch, string url, bool reload)
    {
        if (reload)
        {
            watch.Reset();
            var response = await page.GotoAsync(url);
            Assert.True(response is null || response.Ok, $"The page answered {response?.Status}.");
        }
        else
        {
            // The previous page's heading is marked, so that the wait below is for the new page's.
            await page.EvaluateAsync("() => document.querySelectorAll('main h1').forEach(h => h.setAttribute('data-previous-page', ''))");
            watch.Reset();
            await page.EvaluateAsync("url => { history.pushState(null, '', url); dispatchEvent(new PopStateEvent('popstate')); }", url);
        }

        await Expect(page.Locator("main h1:not([data-previous-page])").First).ToBeAttachedAsync();
        await Expect(page.Locator(".state--loading")).ToHaveCountAsync(0);
        await Expect(page.Locator("main .state--error")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("access-denied")).ToHaveCountAsync(0);
        await Expect(page.Locator("main h1").First).Not.ToHaveTextAsync("Page not found");
        Assert.True(watch.Problems.Count == 0, string.Join(Environment.NewLine, watch.Problems));
    }

    private async Task<World> WorldAsync()
    {
        await WorldLock.WaitAsync(Ct);
        try
        {
            return _world ??= await CreateWorldAsync();
        }
        finally
        {
            WorldLock.Release();
        }
    }

    /// <summary>One of everything a page can show: a class with a lesson, work, a material, chats, invoices, an application.</summary>
    private async Task<World> CreateWorldAsync()
    {
        var c = await app.Learning.CreateClassroomAsync("Geometry " + Guid.NewGuid().ToString("N")[..6]);
        var admin = await app.People.CreateAsync("admin");

        var lessonId = await app.Learning.BookLessonAsync(c, DateTimeOffset.UtcNow.Date.AddDays(1).AddHours(10), topic: "Triangles");
        var assignmentId = await app.Learning.AssignAsync(c, new NewAssignment(Title: "Angles of a triangle"));
        await app.Learning.SubmitAsync(c.Student, assignmentId, "180 degrees");
        await app.Learning.CreateMaterialAsync(c, "Chapter 3: triangles");

        var invoice = await app.Billing.CreateInvoiceAsync(c.Tutor, c.Student.Id, c.Parent.Id);
        await Billing.SendAsync(c.Tutor, invoice.Id);
        var toPay = await app.Billing.CreateInvoiceAsync(c.Tutor, c.Student.Id, c.Parent.Id, 1200m);
        await Billing.SendAsync(c.Tutor, toPay.Id);
        using var pay = await c.Parent.Client.PostAsync($"/api/invoices/{toPay.Id}/pay", null, Ct);
        await Fixtures.Expect.StatusAsync(HttpStatusCode.OK, pay);
        var confirmation = new Uri((await pay.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("confirmationUrl").GetString()!);

        var subjectRoom = await Chatting.SubjectRoomAsync(c.Teacher, c.SubjectId);
        await Chatting.PostAsync(c.Teacher, subjectRoom, "Welcome to geometry.");
        var familyRoom = await Chatting.StartRoomAsync(c.Tutor, c.Parent.Id);
        await Chatting.PostAsync(c.Parent, familyRoom, "Thank you for the invoice.");
        var staffRoom = await Chatting.StartRoomAsync(admin, c.Teacher.Id);
        await Chatting.PostAsync(admin, staffRoom, "The new timetable is out.");

        using var anonymous = app.People.CreateAnonymousClient();
        using var applied = await anonymous.PostAsJsonAsync("/api/applications",
            new { fullName = "Applicant " + Guid.NewGuid().ToString("N")[..8], email = $"applicant-{Guid.NewGuid():N}@tests.thebot.local", desiredRole = "parent" }, Ct);
        await Fixtures.Expect.StatusAsync(HttpStatusCode.Created, applied);
        var token = (await applied.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("trackingToken").GetString()!;

        var (graphId, nodeId) = await KnowledgeGraphAsync(c);

        var people = new Dictionary<string, SignedIn>
        {
            ["student"] = c.Student, ["teacher"] = c.Teacher, ["tutor"] = c.Tutor, ["parent"] = c.Parent, ["admin"] = admin,
        };
        var rooms = new Dictionary<string, Guid>
        {
            ["student"] = subjectRoom, ["teacher"] = subjectRoom, ["tutor"] = familyRoom, ["parent"] = familyRoom, ["admin"] = staffRoom,
        };
        var shared = new Dictionary<string, string>
        {
            ["lessonId"] = lessonId.ToString(),
            ["invoiceId"] = invoice.Id.ToString(),
            ["token"] = token,
            ["paymentId"] = confirmation.Segments[^1],
            ["graphId"] = graphId.ToString(),
            ["nodeId"] = nodeId.ToString(),
        };
        return new World(people, rooms, shared);
    }

    /// <summary>The student's knowledge graph: one lesson of one theory element (with a formula), open to them.</summary>
    private static async Task<(Guid GraphId, Guid NodeId)> KnowledgeGraphAsync(Classroom c)
    {
        var teacher = c.Teacher.Client;
        using var element = await teacher.PostAsJsonAsync("/api/knowledge/elements", new
        {
            subjectId = c.SubjectId,
            kind = "theory",
            check = "none",
            title = "Angles of a triangle",
            body = "The angles of a triangle add up to $180^\\circ$.",
            difficulty = 1,
            tags = new[] { "triangles" },
            shared = false,
        }, Ct);
        var elementId = await Fixtures.Expect.CreatedAsync(element);
        using var lesson = await teacher.PostAsJsonAsync("/api/knowledge/lessons", new
        {
            subjectId = c.SubjectId,
            title = "Triangles",
            passPercent = 80,
            elementIds = new[] { elementId },
        }, Ct);
        var lessonId = await Fixtures.Expect.CreatedAsync(lesson);
        using var graph = await teacher.PostAsJsonAsync("/api/knowledge/graphs", new { subjectId = c.SubjectId, studentId = c.Student.Id, title = "Geometry path" }, Ct);
        var graphId = await Fixtures.Expect.CreatedAsync(graph);
        using var node = await teacher.PostAsJsonAsync($"/api/knowledge/graphs/{graphId}/nodes", new { lessonId, x = 0, y = 0 }, Ct);
        return (graphId, await Fixtures.Expect.CreatedAsync(node));
    }

    private sealed record World(IReadOnlyDictionary<string, SignedIn> People, IReadOnlyDictionary<string, Guid> Rooms, IReadOnlyDictionary<string, string> Ids)
    {
        /// <summary>The item a route's parameter names, as the role would open it.</summary>
        public string Id(string role, string parameter) =>
            parameter == "roomId" && Rooms.TryGetValue(role, out var room) ? room.ToString()
            : Ids.TryGetValue(parameter, out var id) ? id
            : throw new Xunit.Sdk.XunitException(
                $"A page takes ':{parameter}', which EveryPageTests does not know how to make: create such an item in CreateWorldAsync.");
    }

    /// <summary>What the page did wrong since the last <see cref="Reset"/>: failed requests, error answers, console errors.</summary>
    private sealed class PageWatch
    {
        private readonly Lock _lock = new();
        private readonly List<string> _problems = [];

        /// <param name="signedIn">Whether someone is signed in; for a visitor the SPA's session refresh answers 401, as it should.</param>
        public PageWatch(IPage page, bool signedIn)
        {
            page.RequestFailed += (_, request) =>
            {
                // A request the next navigation cut short is not a failure of the page.
                if (request.Failure is { } failure && !failure.Contains("ERR_ABORTED", StringComparison.Ordinal))
                {
                    Add($"{request.Method} {request.Url} failed: {failure}");
                }
            };
            page.Response += (_, response) =>
            {
                var visitorsRefresh = !signedIn && response.Status == 401 && new Uri(response.Url).AbsolutePath == "/api/auth/refresh";
                if (response.Status >= 400 && !visitorsRefresh)
                {
                    Add($"{response.Request.Method} {response.Url} answered {response.Status}");
                }
            };
            page.Console += (_, message) =>
            {
                // Chromium's "Failed to load resource" repeats an error answer, which the Response handler judges.
                if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                {
                    Add($"console error: {message.Text}");
                }
            };
        }

        public IReadOnlyList<string> Problems
        {
            get
            {
                lock (_lock)
                {
                    return [.. _problems];
                }
            }
        }

        public void Reset()
        {
            lock (_lock)
            {
                _problems.Clear();
            }
        }

        private void Add(string problem)
        {
            lock (_lock)
            {
                _problems.Add(problem);
            }
        }
    }
}
