using System.Buffers.Binary;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TheBot.Tests.Fixtures;

/// <summary>
/// A push service (RFC 8030) on 127.0.0.1, as a browser vendor runs it, with the browsers subscribed to it: each
/// <see cref="Subscribe"/> makes a browser's key pair and auth secret (RFC 8291). Every push it receives is kept with
/// its VAPID check (RFC 8292: the <c>vapid t=…, k=…</c> header, the ES256 signature, audience and expiry) and its
/// payload DECRYPTED (aes128gcm, RFC 8188) with the browser's private key, so a test sees what the browser would show.
/// A subscription can be told to answer with given statuses first (410, 429, 500…).
/// </summary>
public sealed class FakePushService : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, FakeBrowser> _browsers = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public FakePushService()
    {
        (VapidPublicKey, VapidPrivateKey) = TheBot.Api.Features.Push.VapidKeys.Create();
    }

    /// <summary>The api's VAPID key pair in tests (made fresh for each run).</summary>
    public string VapidPublicKey { get; }

    public string VapidPrivateKey { get; }

    public const string VapidSubject = "mailto:push-tests@thebot.test";

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The api settings that turn Web Push on with this service's keys (plain http allowed to 127.0.0.1 only).</summary>
    public Dictionary<string, string> ApiSettings() => new()
    {
        ["Push__VapidPublicKey"] = VapidPublicKey,
        ["Push__VapidPrivateKey"] = VapidPrivateKey,
        ["Push__VapidSubject"] = VapidSubject,
        ["Push__InsecureEndpointHosts__0"] = "127.0.0.1",
    };

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/push/{id}", (Delegate)ReceiveAsync);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>A new browser subscribed to this service: its endpoint and keys, as <c>PushSubscription.toJSON()</c> has them.</summary>
    public FakeBrowser Subscribe()
    {
        var id = Guid.NewGuid().ToString("N");
        var browser = new FakeBrowser(new Uri(BaseUrl, $"push/{id}").ToString());
        _browsers[id] = browser;
        return browser;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        foreach (var browser in _browsers.Values)
        {
            browser.Dispose();
        }
    }

    private async Task<IResult> ReceiveAsync(string id, HttpContext http)
    {
        if (!_browsers.TryGetValue(id, out var browser))
        {
            return Results.StatusCode(StatusCodes.Status404NotFound);
        }

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var status = browser.NextStatus();
        var push = new ReceivedPush(
            (int)status,
            http.Request.Headers.Authorization.ToString(),
            CheckVapid(http.Request.Headers.Authorization.ToString(), browser.Endpoint),
            http.Request.Headers.ContentEncoding.ToString(),
            http.Request.Headers["TTL"].ToString(),
            http.Request.Headers["Topic"].ToString(),
            http.Request.Headers["Urgency"].ToString(),
            browser.Decrypt(body));
        browser.Record(push);
        return status == HttpStatusCode.Created ? Results.Created() : Results.StatusCode((int)status);
    }

    /// <summary>Null when the header is a valid VAPID authorization by this service's api key for the endpoint's origin; otherwise what is wrong.</summary>
    private string? CheckVapid(string authorization, string endpoint)
    {
        if (!authorization.StartsWith("vapid ", StringComparison.Ordinal))
        {
            return $"not the vapid scheme: '{authorization}'";
        }

        var parameters = authorization["vapid ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!parameters.TryGetValue("t", out var token) || !parameters.TryGetValue("k", out var key))
        {
            return "t or k is missing";
        }

        if (key != VapidPublicKey)
        {
            return "k is not the api's VAPID public key";
        }

        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return "t is not a JWT";
        }

        var point = Base64Url.DecodeFromChars(key);
        using var verifier = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = point[1..33], Y = point[33..] },
        });
        if (!verifier.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256))
        {
            return "the JWT's ES256 signature does not verify with k";
        }

        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        if (header.RootElement.GetProperty("alg").GetString() != "ES256")
        {
            return "alg is not ES256";
        }

        // The origin of the endpoint (RFC 8292 §2); Lib.Net.Http.WebPush leaves the port out, which push services on 443 never have.
        var uri = new Uri(endpoint);
        var origin = uri.GetLeftPart(UriPartial.Authority);
        var audience = claims.RootElement.GetProperty("aud").GetString();
        if (audience != origin && audience != $"{uri.Scheme}://{uri.Host}")
        {
            return $"aud {claims.RootElement.GetProperty("aud").GetString()} is not the endpoint's origin {origin}";
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(claims.RootElement.GetProperty("exp").GetInt64());
        if (expires <= DateTimeOffset.UtcNow || expires > DateTimeOffset.UtcNow.AddHours(24))
        {
            return $"exp {expires:O} is not within the next 24 hours";
        }

        return claims.RootElement.GetProperty("sub").GetString() == VapidSubject ? null : "sub is not the configured subject";
    }
}

/// <summary>One subscribed browser: its keys, the statuses its push service answers with, the pushes it got.</summary>
public sealed class FakeBrowser : IDisposable
{
    private readonly ECDiffieHellman _key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _auth = RandomNumberGenerator.GetBytes(16);
    private readonly ConcurrentQueue<HttpStatusCode> _answers = new();
    private readonly ConcurrentQueue<ReceivedPush> _received = new();

    public FakeBrowser(string endpoint)
    {
        Endpoint = endpoint;
        var q = _key.ExportParameters(false).Q;
        P256dh = Base64Url.EncodeToString([0x04, .. q.X!, .. q.Y!]);
        Auth = Base64Url.EncodeToString(_auth);
    }

    public string Endpoint { get; }

    public string P256dh { get; }

    public string Auth { get; }

    /// <summary>What to PUT to /api/push/subscriptions.</summary>
    public object Subscription => new { endpoint = Endpoint, p256dh = P256dh, auth = Auth };

    /// <summary>Every push that reached the service for this browser, in order (accepted or not).</summary>
    public IReadOnlyList<ReceivedPush> Received => [.. _received];

    /// <summary>The pushes the service accepted (201): what the browser shows.</summary>
    public IReadOnlyList<ReceivedPush> Delivered => [.. _received.Where(p => p.Status == 201)];

    /// <summary>The next pushes are answered with these statuses, in order; then 201 again.</summary>
    public void AnswerWith(params HttpStatusCode[] statuses)
    {
        foreach (var status in statuses)
        {
            _answers.Enqueue(status);
        }
    }

    /// <summary>Every push from now on is answered with <paramref name="status"/> (a subscription the browser dropped: 410).</summary>
    public void AlwaysAnswer(HttpStatusCode status) => Always = status;

    private HttpStatusCode? Always { get; set; }

    public async Task<ReceivedPush> WaitForDeliveredAsync(Func<ReceivedPush, bool>? match = null, int count = 1)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var found = Delivered.Where(p => match is null || match(p)).ToList();
            if (found.Count >= count)
            {
                return found[count - 1];
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"No push reached {Endpoint} (received {_received.Count}).");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public void Dispose() => _key.Dispose();

    internal HttpStatusCode NextStatus() => Always ?? (_answers.TryDequeue(out var status) ? status : HttpStatusCode.Created);

    internal void Record(ReceivedPush push) => _received.Enqueue(push);

    /// <summary>The payload as the browser reads it (RFC 8291 keys, RFC 8188 aes128gcm, one record), or null when it does not decrypt.</summary>
    internal string? Decrypt(byte[] body)
    {
        try
        {
            var salt = body[..16];
            var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
            var idLength = body[20];
            var serverKey = body[21..(21 + idLength)];
            var cipher = body[(21 + idLength)..];
            if (cipher.Length > recordSize)
            {
                return null;
            }

            using var server = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = serverKey[1..33], Y = serverKey[33..] },
            });
            var shared = _key.DeriveRawSecretAgreement(server.PublicKey);
            byte[] keyInfo = [.. "WebPush: info"u8, 0, .. Base64Url.DecodeFromChars(P256dh), .. serverKey];
            var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, _auth, keyInfo);
            var cek = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 16, salt, [.. "Content-Encoding: aes128gcm"u8, 0]);
            var nonce = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 12, salt, [.. "Content-Encoding: nonce"u8, 0]);
            var plain = new byte[cipher.Length - 16];
            using (var aes = new AesGcm(cek, 16))
            {
                aes.Decrypt(nonce, cipher[..^16], cipher[^16..], plain);
            }

            // The last record: the data, the delimiter 2, then zero padding.
            var end = Array.FindLastIndex(plain, b => b != 0);
            return end >= 0 && plain[end] == 2 ? Encoding.UTF8.GetString(plain, 0, end) : null;
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}

/// <param name="VapidProblem">Null when the VAPID authorization is valid; otherwise what is wrong with it.</param>
/// <param name="Payload">The decrypted payload (null when it did not decrypt).</param>
public sealed record ReceivedPush(
    int Status, string Authorization, string? VapidProblem, string ContentEncoding, string Ttl, string Topic, string Urgency, string? Payload)
{
    public JsonElement Json => JsonDocument.Parse(Payload ?? throw new InvalidOperationException("The payload did not decrypt.")).RootElement;
}
