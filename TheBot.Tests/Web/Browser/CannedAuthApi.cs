using System.Text.Json;
using Microsoft.Playwright;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// Answers the auth contract of issue 3 (login, refresh, me, sessions, logout) and /api/dashboard inside the
/// browser, so the signed-in shell can be exercised before those endpoints exist on this branch. It checks
/// what the SPA sends (credentials, bearer tokens) and, once, rejects a valid-looking token with 401 to make
/// the SPA refresh and retry. Tests against the real API live beside it.
/// </summary>
internal sealed class CannedAuthApi
{
    private readonly List<string> _sessions = ["current", "phone"];
    private int _tokens;
    private bool _signedIn;

    public const string Email = "teacher@thebot.local";
    public const string Password = "Pass123$";
    public const string FullName = "Tatiana Teacher";

    public List<string> Calls { get; } = [];

    /// <summary>The next GET /api/auth/me gets a 401, as if the access token had just expired.</summary>
    public bool ExpireTokenBeforeNextProfile { get; set; }

    public string CurrentToken => $"canned-token-{_tokens}";

    public async Task AttachAsync(IBrowserContext context)
    {
        await context.RouteAsync("**/api/auth/login", async route =>
        {
            Record(route);
            using var body = JsonDocument.Parse(route.Request.PostData ?? "{}");
            var email = body.RootElement.TryGetProperty("email", out var e) ? e.GetString() : null;
            var password = body.RootElement.TryGetProperty("password", out var p) ? p.GetString() : null;
            if (email != Email || password != Password)
            {
                await ProblemAsync(route, 401, "Unauthorized");
                return;
            }
            _signedIn = true;
            await JsonAsync(route, 200, NewSession());
        });
        await context.RouteAsync("**/api/auth/refresh", async route =>
        {
            Record(route);
            if (!_signedIn)
            {
                await ProblemAsync(route, 401, "Unauthorized");
                return;
            }
            await JsonAsync(route, 200, NewSession());
        });
        await context.RouteAsync("**/api/auth/logout", async route =>
        {
            Record(route);
            _signedIn = false;
            await route.FulfillAsync(new RouteFulfillOptions { Status = 204 });
        });
        await context.RouteAsync("**/api/auth/me", async route =>
        {
            Record(route);
            if (ExpireTokenBeforeNextProfile)
            {
                ExpireTokenBeforeNextProfile = false;
                await ProblemAsync(route, 401, "Unauthorized");
                return;
            }
            if (!await AuthorizedAsync(route))
            {
                return;
            }
            await JsonAsync(route, 200, new
            {
                id = "0198c0de-0000-7000-8000-000000000002",
                email = Email,
                fullName = FullName,
                role = "teacher",
                phone = "+7 900 000-00-02",
                timeZone = "Europe/Moscow",
                language = "en",
            });
        });
        await context.RouteAsync("**/api/auth/sessions**", async route =>
        {
            Record(route);
            if (!await AuthorizedAsync(route))
            {
                return;
            }
            if (route.Request.Method == "DELETE")
            {
                _sessions.Remove(route.Request.Url[(route.Request.Url.LastIndexOf('/') + 1)..]);
                await route.FulfillAsync(new RouteFulfillOptions { Status = 204 });
                return;
            }
            await JsonAsync(route, 200, _sessions.Select(id => new
            {
                id,
                device = id == "current" ? "Chromium on Linux" : "Safari on iPhone",
                ipAddress = id == "current" ? "127.0.0.1" : "10.1.2.3",
                createdAt = "2026-03-01T08:00:00Z",
                lastSeenAt = "2026-03-02T09:30:00Z",
                current = id == "current",
            }));
        });
        await context.RouteAsync("**/api/dashboard", async route =>
        {
            Record(route);
            if (!await AuthorizedAsync(route))
            {
                return;
            }
            var subject = new { id = "0198c0de-0000-7000-8000-0000000000a1", name = "Mathematics", color = "#336699" };
            var ivan = new { id = "0198c0de-0000-7000-8000-0000000000b1", fullName = "Ivan Petrov", email = "ivan@example.com" };
            var olga = new { id = "0198c0de-0000-7000-8000-0000000000b2", fullName = "Olga Sidorova", email = "olga@example.com" };
            var me = new { id = "0198c0de-0000-7000-8000-000000000002", fullName = FullName, email = Email };
            await JsonAsync(route, 200, new
            {
                role = "teacher",
                teacher = new
                {
                    todayLessons = new[]
                    {
                        new
                        {
                            id = "0198c0de-0000-7000-8000-0000000000c1", subject, teacher = me, student = ivan,
                            startsAt = "2026-03-03T15:00:00Z", endsAt = "2026-03-03T16:00:00Z", status = "confirmed",
                            topic = (string?)null, meetingLink = (string?)null, cancelReason = (string?)null,
                            createdAt = "2026-03-01T08:00:00Z", updatedAt = "2026-03-01T08:00:00Z",
                        },
                    },
                    submissionsToGradeCount = 3,
                    submissionsToGrade = new[]
                    {
                        Submission("0198c0de-0000-7000-8000-0000000000d1", "Quadratic equations", subject, ivan, late: false),
                        Submission("0198c0de-0000-7000-8000-0000000000d2", "Essay: Pushkin", subject, olga, late: true),
                    },
                },
            });
        });

        // The shell counts unread chat messages on every page.
        await context.RouteAsync("**/api/chat/rooms**", async route =>
        {
            if (!await AuthorizedAsync(route))
            {
                return;
            }
            await JsonAsync(route, 200, new { items = Array.Empty<object>(), page = 1, pageSize = 100, totalCount = 0, totalPages = 0 });
        });

        // The header's notification bell asks for the unread count on every page.
        await context.RouteAsync("**/api/notifications**", async route =>
        {
            if (!await AuthorizedAsync(route))
            {
                return;
            }
            await JsonAsync(route, 200, new { items = Array.Empty<object>(), page = 1, pageSize = 1, totalCount = 0, totalPages = 0, unreadCount = 0 });
        });
    }

    private static object Submission(string id, string title, object subject, object student, bool late) => new
    {
        id, assignmentId = id, assignmentTitle = title, subject, student, attempt = 1, text = "…",
        submittedAt = "2026-03-02T18:00:00Z", isLate = late, penaltyPercent = late ? 10 : 0, status = "submitted",
        score = (decimal?)null, finalScore = (decimal?)null, maxScore = 10m, feedback = (string?)null, gradedAt = (string?)null,
    };

    private object NewSession()
    {
        _tokens++;
        return new
        {
            accessToken = CurrentToken,
            expiresAt = DateTimeOffset.UtcNow.AddMinutes(15).ToString("O"),
            user = new { id = "0198c0de-0000-7000-8000-000000000002", email = Email, fullName = FullName, role = "teacher" },
        };
    }

    private async Task<bool> AuthorizedAsync(IRoute route)
    {
        if (route.Request.Headers.TryGetValue("authorization", out var authorization) && authorization == "Bearer " + CurrentToken)
        {
            return true;
        }
        await ProblemAsync(route, 401, "Unauthorized");
        return false;
    }

    private void Record(IRoute route)
    {
        lock (Calls)
        {
            Calls.Add($"{route.Request.Method} {new Uri(route.Request.Url).AbsolutePath}");
        }
    }

    private static Task JsonAsync(IRoute route, int status, object body) =>
        route.FulfillAsync(new RouteFulfillOptions { Status = status, ContentType = "application/json", Body = JsonSerializer.Serialize(body) });

    private static Task ProblemAsync(IRoute route, int status, string title) =>
        route.FulfillAsync(new RouteFulfillOptions
        {
            Status = status,
            ContentType = "application/problem+json",
            Body = JsonSerializer.Serialize(new { title, status }),
        });
}
