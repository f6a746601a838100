using System.Net;
using System.Text.Json;

namespace TheBot.Tests.Fixtures;

public static class Expect
{
    /// <summary>Asserts the status and shows the body when it differs (problem details say why).</summary>
    public static async Task StatusAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"Expected {(int)expected} {expected} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}, got {(int)response.StatusCode}: {body}");
        }
    }

    /// <summary>Asserts 201 Created and returns the new resource's id.</summary>
    public static Task<Guid> CreatedAsync(HttpResponseMessage response) => IdAsync(HttpStatusCode.Created, response);

    /// <summary>Asserts 202 Accepted and returns the id of what was started (a run, a broadcast).</summary>
    public static Task<Guid> AcceptedAsync(HttpResponseMessage response) => IdAsync(HttpStatusCode.Accepted, response);

    private static async Task<Guid> IdAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        await StatusAsync(expected, response);
        var created = JsonSerializer.Deserialize<CreatedResource>(await response.Content.ReadAsStringAsync(), People.Json);
        return created?.Id ?? throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)expected} without an id.");
    }

    /// <summary>Asserts an RFC 9457 problem response with the status, and returns its JSON.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        await StatusAsync(expected, response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }
}

/// <summary>What every 201 answer has: the new resource's id.</summary>
public sealed record CreatedResource(Guid Id);
