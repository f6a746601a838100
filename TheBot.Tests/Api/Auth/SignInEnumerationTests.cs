using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Auth;

/// <summary>What a stranger learns from sign-in answers, in the configuration operators run.</summary>
[Collection(ProductionAppFixture.Collection)]
public sealed class SignInEnumerationTests(ProductionAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unknown_email_wrong_password_deactivated_and_attacked_accounts_get_the_same_answer()
    {
        var known = await app.People.CreateAccountAsync("teacher");
        var deactivated = await app.People.CreateAccountAsync("student");
        var attacked = await app.People.CreateAccountAsync("tutor");
        var admin = await app.People.AdminAsync();
        using (var deactivate = await admin.Client.DeleteAsync($"/api/admin/users/{deactivated.Id}", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, deactivate);
        }

        using (var attacker = FrontDoorStandIn.ApiClientFor(app.Host, $"{FrontDoorStandIn.NewIPv6Network()}::bad"))
        {
            for (var attempt = 1; attempt <= 8; attempt++)
            {
                using var guess = await attacker.PostAsJsonAsync("/api/auth/login", new { email = attacked.Email, password = "guess-" + attempt }, Ct);
                Assert.True(guess.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"attempt {attempt}: {guess.StatusCode}");
            }
        }

        var answers = new List<(string Case, string Answer)>
        {
            ("unknown email", await AnswerAsync($"nobody-{Guid.NewGuid():N}@tests.thebot.local", "not-the-password")),
            ("wrong password", await AnswerAsync(known.Email, "not-the-password")),
            ("deactivated, right password", await AnswerAsync(deactivated.Email, People.DefaultPassword)),
            ("deactivated, wrong password", await AnswerAsync(deactivated.Email, "not-the-password")),
            ("attacked from elsewhere, wrong password", await AnswerAsync(attacked.Email, "not-the-password")),
        };

        Assert.Contains("401", answers[0].Answer, StringComparison.Ordinal);
        foreach (var (name, answer) in answers.Skip(1))
        {
            Assert.True(answer == answers[0].Answer, $"{name} is told apart from an unknown email:\n{answer}\n---- unknown email:\n{answers[0].Answer}");
        }
    }

    /// <summary>Status, every header but Date, and the body without its per-request trace id.</summary>
    private async Task<string> AnswerAsync(string email, string password)
    {
        using var client = app.Host.CreateWebClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password }, Ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
        body.Remove("traceId");
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key != "Date")
            .OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}");
        return $"{(int)response.StatusCode}\n{string.Join('\n', headers)}\n{body.ToJsonString(new JsonSerializerOptions { WriteIndented = false })}";
    }
}
