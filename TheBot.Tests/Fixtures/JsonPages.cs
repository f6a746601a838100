using System.Text.Json;

namespace TheBot.Tests.Fixtures;

/// <summary>Reading the API's list pages (<c>{ items: [...] }</c>) as JSON.</summary>
public static class JsonPages
{
    /// <summary>The ids of the page's items, in order.</summary>
    public static IEnumerable<Guid> ItemIds(this JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid());
}
