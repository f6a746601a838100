using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Platform;

/// <summary>
/// Who calls each operation in a sweep: one signed-in person per role (fresh, the sweep's own), plus fresh ones for
/// each /api/auth operation, which may end sessions; anonymous operations are called by a client with no one signed in.
/// </summary>
internal sealed class SweepCallers
{
    private static readonly string[] Roles = ["admin", "student", "teacher", "tutor", "parent"];
    private readonly Dictionary<string, SignedIn> _byRole;
    private readonly Dictionary<(string Operation, string Role), SignedIn> _dedicated;
    private readonly HttpClient _anonymous;

    private SweepCallers(Dictionary<string, SignedIn> byRole, Dictionary<(string, string), SignedIn> dedicated, HttpClient anonymous)
    {
        _byRole = byRole;
        _dedicated = dedicated;
        _anonymous = anonymous;
    }

    public SignedIn Admin => _byRole["admin"];

    public IReadOnlyList<Guid> Ids => [.. _byRole.Values.Concat(_dedicated.Values).Select(s => s.Id)];

    public static async Task<SweepCallers> CreateAsync(TheBotAppFixture fixture, ApiSurface surface)
    {
        var byRole = new Dictionary<string, SignedIn>(StringComparer.Ordinal);
        foreach (var role in Roles)
        {
            byRole[role] = await fixture.People.CreateAsync(role, "Sweep");
        }

        var dedicated = new Dictionary<(string, string), SignedIn>();
        foreach (var operation in surface.Operations.Where(SessionSensitive))
        {
            foreach (var role in RolesFor(operation).Append(OutsiderRole(operation)).OfType<string>().Distinct())
            {
                dedicated[(operation.Name, role)] = await fixture.People.CreateAsync(role, "Sweep");
            }
        }

        var anonymous = fixture.Host.CreateWebClient();
        // Telegram's webhook is anonymous but answers only Telegram, which sends this header: with it, the sweep's
        // bodies reach the webhook's own checks (without it: 401, as TelegramLinkingTests proves).
        anonymous.DefaultRequestHeaders.Add("X-Telegram-Bot-Api-Secret-Token", FakeTelegramBotApi.WebhookSecret);
        return new SweepCallers(byRole, dedicated, anonymous);
    }

    /// <summary>The admin (who may call most routes) and a student where they may call it, else the first role that may.</summary>
    public IEnumerable<(string Who, HttpClient Client)> For(ApiOperation operation)
    {
        if (operation.Anonymous)
        {
            yield return ("anonymous", _anonymous);
            yield break;
        }

        foreach (var role in RolesFor(operation))
        {
            var caller = SessionSensitive(operation) ? _dedicated[(operation.Name, role)] : _byRole[role];
            yield return (role, caller.Client);
        }
    }

    /// <summary>A caller who may call the route but is not the admin (who sees everyone's data by design).</summary>
    public (string Who, HttpClient Client)? Outsider(ApiOperation operation)
    {
        if (operation.Anonymous)
        {
            return ("anonymous", _anonymous);
        }

        if (OutsiderRole(operation) is not { } role)
        {
            return null;
        }

        var caller = SessionSensitive(operation) ? _dedicated[(operation.Name, role)] : _byRole[role];
        return (role, caller.Client);
    }

    private static string? OutsiderRole(ApiOperation operation) => Roles.Skip(1).FirstOrDefault(operation.Access.Contains);

    private static bool SessionSensitive(ApiOperation operation) =>
        !operation.Anonymous && operation.Path.StartsWith("/api/auth/", StringComparison.Ordinal);

    private static List<string> RolesFor(ApiOperation operation)
    {
        var roles = new[] { "admin", "student" }.Where(operation.Access.Contains).ToList();
        if (roles.Count == 0)
        {
            roles.AddRange(Roles.Where(operation.Access.Contains).Take(1));
        }

        return roles.Count == 0 ? ["admin"] : roles;
    }
}
