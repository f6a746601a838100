using System.Net;

namespace TheBot.Tests.Api.Platform;

/// <summary>
/// What one sweep saw: every response that was a 5xx, not what the kind of input calls for, or a 4xx without
/// problem details. Sends each request, counts statuses, and reports every offender in one message (method, route,
/// caller, status).
/// </summary>
internal sealed class SweepFindings(string sweep)
{
    private readonly List<string> _failures = [];
    private readonly Dictionary<int, int> _statuses = [];
    private int _requests;

    /// <summary>Refused as the caller's fault (4xx), but not for want of signing in.</summary>
    public static bool Refused(HttpStatusCode status) => (int)status is >= 400 and < 500 && status != HttpStatusCode.Unauthorized;

    /// <summary>Accepted or refused, but not a server error and not for want of signing in.</summary>
    public static bool Answered(HttpStatusCode status) => (int)status < 500 && status != HttpStatusCode.Unauthorized;

    /// <summary>Anything but a server error (anonymous operations answer odd credentials or tokens with 401).</summary>
    public static bool NoServerError(HttpStatusCode status) => (int)status < 500;

    public async Task SendAsync(
        HttpClient client, string who, HttpMethod method, string url, HttpContent? content, string what, Func<HttpStatusCode, bool> acceptable,
        bool bareRefusalByTheHttpServer = false, bool expectContinue = false, bool refusalMayCloseTheConnection = false)
    {
        var ct = TestContext.Current.CancellationToken;
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.ExpectContinue = expectContinue;
        HttpResponseMessage sent;
        try
        {
            sent = await client.SendAsync(request, ct);
        }
        catch (HttpRequestException e) when (e.InnerException is IOException)
        {
            _requests++;
            if (refusalMayCloseTheConnection)
            {
                _statuses[0] = _statuses.GetValueOrDefault(0) + 1;
                return;
            }

            _failures.Add($"{method} {Shown(url)} as {who} with {what}: the connection broke ({e.Message} {e.InnerException.Message})");
            return;
        }

        using var response = sent;
        _requests++;
        var status = (int)response.StatusCode;
        _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        string? problem = null;
        if (status >= 500)
        {
            problem = "a server error";
        }
        else if (!acceptable(response.StatusCode))
        {
            problem = "not the answer this input calls for";
        }
        else if (bareRefusalByTheHttpServer && response.StatusCode == HttpStatusCode.BadRequest && response.Content.Headers.ContentLength == 0)
        {
            // Refused by Kestrel itself (see HostileBodies.NulInUrl).
        }
        else if (status >= 400 && mediaType != "application/problem+json")
        {
            problem = $"a {status} without problem details ({mediaType ?? "no content type"})";
        }

        if (problem is not null)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            _failures.Add($"{method} {Shown(url)} as {who} with {what}: {status} — {problem}: {(body.Length > 300 ? body[..300] + "…" : body)}");
        }
    }

    /// <summary>Logs the summary (requests, operations, statuses) and fails with every offender, if any.</summary>
    public void AssertClean(int minimumOperations, int operations, string? nothingWritten = null)
    {
        var summary = $"{sweep}: {_requests} requests to {operations} operations; statuses {string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Assert.True(operations >= minimumOperations, $"{summary}: only {operations} operations were swept; is the OpenAPI document complete?");
        var failures = nothingWritten is null ? _failures : [.. _failures, nothingWritten];
        Assert.True(failures.Count == 0, $"{summary}{Environment.NewLine}{failures.Count} offenders:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    private static string Shown(string url) => url.Length > 100 ? url[..100] + "…" : url;
}
