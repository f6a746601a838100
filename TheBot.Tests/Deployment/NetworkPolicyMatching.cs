using System.Text.Json;

namespace TheBot.Tests.Deployment;

/// <summary>Whether a NetworkPolicy's <c>podSelector</c> selects a pod with these labels (matchLabels and matchExpressions).</summary>
internal static class NetworkPolicyMatching
{
    public static bool Selects(JsonElement selector, JsonElement labels)
    {
        if (selector.TryGetProperty("matchLabels", out var matchLabels)
            && matchLabels.EnumerateObject().Any(l => !labels.TryGetProperty(l.Name, out var value) || value.GetString() != l.Value.GetString()))
        {
            return false;
        }

        if (!selector.TryGetProperty("matchExpressions", out var expressions))
        {
            return true;
        }

        return expressions.EnumerateArray().All(e =>
        {
            var has = labels.TryGetProperty(e.GetProperty("key").GetString()!, out var value);
            var values = e.TryGetProperty("values", out var v) ? v.EnumerateArray().Select(x => x.GetString()).ToList() : [];
            return e.GetProperty("operator").GetString() switch
            {
                "In" => has && values.Contains(value.GetString()),
                "NotIn" => !has || !values.Contains(value.GetString()),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => throw new InvalidOperationException(e.ToString()),
            };
        });
    }
}
