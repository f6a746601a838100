using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Web;

/// <summary>Bodies are small everywhere (1 MiB) but on the configured upload routes (51 MiB: a 50 MB file and its form).</summary>
public sealed class RequestBodyLimitTests(TheBotAppFixture fixture)
{
    private const int TwoMegabytes = 2 * 1024 * 1024;

    [Fact]
    public async Task A_big_body_to_a_normal_route_is_refused_with_413_problem_details()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.Host.CreateWebClient();

        using var response = await client.PostAsync("/api/applications", Body(TwoMegabytes), ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":413", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_body_is_read_to_its_end_so_the_client_reads_the_413_and_its_connection_answers_the_next_request()
    {
        // The whole body, then a second request on the same connection, the way a client that does not wait sends them.
        // A door that answered and closed before the body had arrived would reset the connection under the client.
        var exchange = await ExchangeAsync(
            $"POST /api/applications HTTP/1.1\r\nHost: {fixture.Host.WebEndpoint.Authority}\r\nContent-Type: application/octet-stream\r\nContent-Length: {TwoMegabytes}\r\n\r\n",
            new byte[TwoMegabytes],
            $"GET /alive HTTP/1.1\r\nHost: {fixture.Host.WebEndpoint.Authority}\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 413", exchange, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", exchange, StringComparison.Ordinal);
        var second = exchange.IndexOf("HTTP/1.1 ", 1, StringComparison.Ordinal);
        Assert.True(second > 0, $"The connection did not answer the request after the refused body:\n{exchange}");
        Assert.StartsWith("HTTP/1.1 200", exchange[second..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_waiting_for_100_continue_is_refused_before_it_sends_a_big_body()
    {
        var exchange = await ExchangeAsync(
            $"POST /api/applications HTTP/1.1\r\nHost: {fixture.Host.WebEndpoint.Authority}\r\nContent-Type: application/octet-stream\r\nContent-Length: {TwoMegabytes}\r\nExpect: 100-continue\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 413", exchange, StringComparison.Ordinal);
        Assert.DoesNotContain("100 Continue", exchange, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", exchange, StringComparison.Ordinal);
        // The body was never sent, so the connection cannot carry another request, and the door says so.
        Assert.Contains("\r\nConnection: close\r\n", exchange, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_small_body_to_a_normal_route_passes_the_door()
    {
        using var client = fixture.Host.CreateWebClient();

        using var response = await client.PostAsync("/api/system/health", Body(16 * 1024), TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/materials/7d0c1f4e-0000-4000-8000-000000000001/files")]
    [InlineData("/api/assignments/7d0c1f4e-0000-4000-8000-000000000002/submissions/upload")]
    [InlineData("/api/chat/rooms/7d0c1f4e-0000-4000-8000-000000000003/attachments")]
    public async Task A_big_body_to_an_upload_route_passes_the_door(string uploadRoute)
    {
        using var client = fixture.Host.CreateWebClient();

        using var response = await client.PostAsync(uploadRoute, Body(TwoMegabytes), TestContext.Current.CancellationToken);

        // Whatever api answers (it may not have the route yet, or want a token), the door let the body through.
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static ByteArrayContent Body(int size)
    {
        var content = new ByteArrayContent(new byte[size]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    /// <summary>
    /// Writes HTTP/1.1 by hand on one connection (headers, an optional body, an optional next request) while reading
    /// everything the door answers until it closes the connection; a reset ends the reading too.
    /// </summary>
    private async Task<string> ExchangeAsync(string head, byte[]? body = null, string? next = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(fixture.Host.WebEndpoint.Host, fixture.Host.WebEndpoint.Port, timeout.Token);
        var stream = tcp.GetStream();

        var reading = ReadUntilClosedAsync(stream, timeout.Token);
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), timeout.Token);
            if (body is not null)
            {
                await stream.WriteAsync(body, timeout.Token);
            }
            if (next is not null)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(next), timeout.Token);
            }
        }
        catch (IOException)
        {
            // The door stopped taking what was sent; what it answered before is what the client has.
        }

        return await reading;
    }

    private static async Task<string> ReadUntilClosedAsync(NetworkStream stream, CancellationToken ct)
    {
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // A reset: whatever arrived before it stays.
        }

        return Encoding.UTF8.GetString(received.ToArray());
    }
}
