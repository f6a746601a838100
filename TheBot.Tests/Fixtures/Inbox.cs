using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TheBot.Tests.Fixtures;

/// <summary>A user's stored notifications and admin "run now" of scheduled jobs, as the API shows them.</summary>
public static class Inbox
{
    public static async Task<List<JsonElement>> NotificationsAsync(this SignedIn user, bool archived = false)
    {
        var page = await user.Client.GetFromJsonAsync<JsonElement>(
            $"/api/notifications?pageSize=100&archived={(archived ? "true" : "false")}", TestContext.Current.CancellationToken);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    /// <summary>The user's notifications whose link points at <paramref name="linkFragment"/>.</summary>
    public static async Task<List<JsonElement>> NotificationsAboutAsync(this SignedIn user, string linkFragment, bool archived = false) =>
        [.. (await user.NotificationsAsync(archived)).Where(n =>
            n.TryGetProperty("link", out var link) && link.ValueKind == JsonValueKind.String
            && link.GetString()!.Contains(linkFragment, StringComparison.Ordinal))];

    /// <summary>Runs a scheduled job now as <paramref name="admin"/> and waits for the run to finish; returns the run.</summary>
    public static async Task<JsonElement> RunJobAsync(this SignedIn admin, string job)
    {
        var ct = TestContext.Current.CancellationToken;
        using var run = await admin.Client.PostAsync($"/api/admin/jobs/{job}/run", null, ct);
        var runId = await Expect.AcceptedAsync(run);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var runs = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/jobs/{job}/runs?pageSize=100", timeout.Token);
            var found = runs.GetProperty("items").EnumerateArray().FirstOrDefault(r => r.GetProperty("id").GetGuid() == runId);
            if (found.ValueKind != JsonValueKind.Undefined && found.GetProperty("outcome").GetString() != "running")
            {
                Assert.Equal("succeeded", found.GetProperty("outcome").GetString());
                return found;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }
}
