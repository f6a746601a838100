using System.Net.Http.Json;
using System.Text.Json;

namespace TheBot.Tests.Fixtures;

/// <summary>A user's rows of the notification outbox, as admins see them (GET /api/admin/deliveries).</summary>
public static class OutboxDeliveries
{
    public static async Task<List<JsonElement>> OfAsync(People people, Guid userId, string? channel = null)
    {
        ArgumentNullException.ThrowIfNull(people);
        var admin = await people.AdminAsync();
        var filter = channel is null ? "" : $"&channel={channel}";
        var page = await admin.Client.GetFromJsonAsync<JsonElement>(
            $"/api/admin/deliveries?userId={userId}{filter}&pageSize=100", TestContext.Current.CancellationToken);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    /// <summary>Polls (within a minute) until one of the user's deliveries matches.</summary>
    public static async Task<JsonElement> WaitForAsync(People people, Guid userId, Func<JsonElement, bool> match, string? channel = null)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var found = (await OfAsync(people, userId, channel)).FirstOrDefault(match);
            if (found.ValueKind != JsonValueKind.Undefined)
            {
                return found;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, "The delivery did not reach the expected state.");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }
}
