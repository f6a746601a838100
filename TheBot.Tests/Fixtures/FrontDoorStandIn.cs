namespace TheBot.Tests.Fixtures;

/// <summary>
/// Talks to api directly the way web does: from web's network (loopback in the test host) with
/// <c>X-Forwarded-For</c> naming the client. Lets a test be many clients, IPv6 ones included, which a
/// real client on 127.0.0.1 cannot be.
/// </summary>
public static class FrontDoorStandIn
{
    public static HttpClient ApiClientFor(TestAppHost host, string clientAddress)
    {
        ArgumentNullException.ThrowIfNull(host);
        var client = new HttpClient { BaseAddress = host.App.GetEndpoint("api", "http"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return client;
    }

    /// <summary>A /64 of the documentation prefix (2001:db8::/32) no other test uses, as "2001:db8:x:y".</summary>
    public static string NewIPv6Network() =>
        $"2001:db8:{Random.Shared.Next(0x1000, 0x10000):x}:{Random.Shared.Next(0x1000, 0x10000):x}";

    /// <summary>An IPv4 address of TEST-NET-3 (203.0.113.0/24) with a random host part.</summary>
    public static string NewIPv4Address() => $"203.0.113.{Random.Shared.Next(1, 255)}";
}
