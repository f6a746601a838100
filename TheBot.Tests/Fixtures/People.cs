using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TheBot.Tests.Fixtures;

/// <summary>
/// Makes the people a test needs through the real API (the bootstrap admin creates them) and signs
/// them in. Every call makes new people with unique emails, so tests never share users.
/// </summary>
public sealed class People(TestAppHost host) : IDisposable
{
    public const string DefaultPassword = "Correct-Horse-9";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly SemaphoreSlim _adminLock = new(1, 1);
    private SignedIn? _admin;

    public void Dispose() => _adminLock.Dispose();

    /// <summary>The bootstrap admin, signed in (shared; use it only to arrange data).</summary>
    public async Task<SignedIn> AdminAsync()
    {
        await _adminLock.WaitAsync();
        try
        {
            if (_admin is null || _admin.ExpiresAt < DateTimeOffset.UtcNow.AddMinutes(2))
            {
                _admin = await SignInAsync(host.Secrets.AdminEmail, host.Secrets.AdminPassword);
            }

            return _admin;
        }
        finally
        {
            _adminLock.Release();
        }
    }

    /// <summary>Creates a user with the role and signs them in.</summary>
    public async Task<SignedIn> CreateAsync(string role, string? namePrefix = null)
    {
        var user = await CreateAccountAsync(role, namePrefix);
        return await SignInAsync(user.Email, DefaultPassword);
    }

    /// <summary>Creates a user with the role, without signing in.</summary>
    public async Task<CreatedUser> CreateAccountAsync(string role, string? namePrefix = null)
    {
        var admin = await AdminAsync();
        var email = $"{role}-{Guid.NewGuid():N}@tests.thebot.local";
        using var response = await admin.Client.PostAsJsonAsync("/api/admin/users", new
        {
            email,
            fullName = $"{namePrefix ?? role} {email[..12]}",
            role,
            password = DefaultPassword,
        });
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        return new CreatedUser(body.GetProperty("user").GetProperty("id").GetGuid(), email, role);
    }

    /// <summary>A client of the front door with no one signed in.</summary>
    public HttpClient CreateAnonymousClient() => host.CreateWebClient();

    public async Task<SignedIn> SignInAsync(string email, string password)
    {
        var cookies = new CookieContainer();
        var client = host.CreateWebClient(cookies);
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        var token = body.GetProperty("accessToken").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var user = body.GetProperty("user");
        return new SignedIn(
            user.GetProperty("id").GetGuid(), email, password, user.GetProperty("role").GetString()!,
            token, body.GetProperty("expiresAt").GetDateTimeOffset(), client, cookies);
    }
}

public sealed record CreatedUser(Guid Id, string Email, string Role);

/// <summary>A signed-in person: their client sends the access token and keeps the refresh cookie.</summary>
public sealed record SignedIn(
    Guid Id, string Email, string Password, string Role, string AccessToken, DateTimeOffset ExpiresAt, HttpClient Client, CookieContainer Cookies)
{
    public string RefreshCookie => Cookies.GetAllCookies().Single(c => c.Name == "thebot_refresh").Value;
}
