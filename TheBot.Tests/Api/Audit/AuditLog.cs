using System.Net;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Audit;

/// <summary>Reading the audit log as an admin, for the audit and moderation tests.</summary>
internal static class AuditLog
{
    /// <summary>The rows about one thing, newest first.</summary>
    public static async Task<List<JsonElement>> OfEntityAsync(SignedIn admin, Guid entityId, string? query = null)
    {
        using var response = await admin.Client.GetAsync($"/api/audit?entityId={entityId}&pageSize=100{query}", TestContext.Current.CancellationToken);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    /// <summary>The one row with this action about the thing.</summary>
    public static async Task<JsonElement> SingleAsync(SignedIn admin, Guid entityId, string action)
    {
        var rows = await OfEntityAsync(admin, entityId);
        return Assert.Single(rows, r => r.GetProperty("action").GetString() == action);
    }

    /// <summary>The field's change in a row: (before, after).</summary>
    public static (string? Before, string? After) Change(JsonElement row, string field)
    {
        var change = row.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == field);
        return (change.GetProperty("before").GetString(), change.GetProperty("after").GetString());
    }

    public static bool HasChange(JsonElement row, string field) =>
        row.GetProperty("changes").EnumerateArray().Any(c => c.GetProperty("field").GetString() == field);

    public static void ActedBy(JsonElement row, SignedIn actor, string role)
    {
        Assert.Equal(actor.Id, row.GetProperty("actor").GetProperty("id").GetGuid());
        Assert.Equal(role, row.GetProperty("actor").GetProperty("role").GetString());
        Assert.False(string.IsNullOrEmpty(row.GetProperty("actor").GetProperty("name").GetString()));
        Assert.False(string.IsNullOrEmpty(row.GetProperty("clientIp").GetString()));
    }
}
