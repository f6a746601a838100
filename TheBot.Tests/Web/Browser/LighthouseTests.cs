using System.Diagnostics;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// Issue #20, measured: Lighthouse (the SPA's pinned devDependency, driving Debian's Chromium through
/// scripts/lighthouse.mjs) audits the sign-in page, a student's dashboard and a teacher's calendar at desktop and
/// mobile settings against the booted app. Accessibility and best practices must score at least 95. Performance
/// has a much lower floor, a guard against a collapse rather than the target: Lighthouse times the page on this
/// machine's CPU, and on a shared 2-core machine the same build scored 30 to 80 as the load changed (the app, its
/// databases and the browser all run here during the test). docs/web.md "Measured" records the figures and the
/// machine's load. The scores and metrics are saved as lighthouse.json beside the screenshots.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class LighthouseTests(TheBotAppFixture app)
{
    private const int QualityFloor = 95;
    private const int PerformanceFloor = 25;

    [Fact]
    public async Task The_sign_in_page_dashboard_and_calendar_score_at_least_the_floor_at_desktop_and_mobile_settings()
    {
        var ct = TestContext.Current.CancellationToken;
        var classroom = await app.Learning.CreateClassroomAsync();
        await app.Learning.BookLessonAsync(classroom, DateTimeOffset.UtcNow.Date.AddDays(1).AddHours(9), topic: "Fractions");
        var clientApp = Path.Combine(RepositoryRoot.Find(), "TheBot.Web", "ClientApp");
        Assert.True(Directory.Exists(Path.Combine(clientApp, "node_modules", "lighthouse")), "Build TheBot.Web first: it installs the SPA's packages.");
        Directory.CreateDirectory(Screenshots.Folder);
        var scores = Path.Combine(Screenshots.Folder, "lighthouse.json");

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = clientApp,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                "scripts/lighthouse.mjs",
                "--base", app.Host.WebEndpoint.ToString(),
                "--student", $"{classroom.Student.Email}:{classroom.Student.Password}",
                "--teacher", $"{classroom.Teacher.Email}:{classroom.Teacher.Password}",
                "--out", scores,
            },
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        var log = await output + await errors;
        TestContext.Current.TestOutputHelper?.WriteLine(log);
        Assert.True(process.ExitCode == 0, "Lighthouse failed:\n" + log);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(scores, ct));
        var results = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(6, results.Count);
        var low = new List<string>();
        foreach (var result in results)
        {
            var name = $"{result.GetProperty("page").GetString()} ({result.GetProperty("formFactor").GetString()})";
            Check(result, name, "accessibility", QualityFloor, low);
            Check(result, name, "bestPractices", QualityFloor, low);
            Check(result, name, "performance", PerformanceFloor, low);
        }

        TestContext.Current.AddAttachment("lighthouse.json", json.RootElement.ToString());
        Assert.True(low.Count == 0, string.Join(Environment.NewLine, low) + Environment.NewLine + log);
    }

    private static void Check(JsonElement result, string name, string category, int floor, List<string> low)
    {
        var score = result.GetProperty(category).GetInt32();
        if (score < floor)
        {
            low.Add($"{name}: {category} {score} < {floor}; failed audits: {result.GetProperty("failed")}; opportunities: {result.GetProperty("opportunities")}");
        }
    }
}
