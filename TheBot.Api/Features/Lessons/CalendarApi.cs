using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;

namespace TheBot.Api.Features.Lessons;

/// <summary>
/// A personal iCalendar (RFC 5545) feed of the lessons a person sees, behind a secret token so that
/// Google or Apple Calendar can subscribe without signing in. Only the token's SHA-256 is stored;
/// regenerating it invalidates the old address.
/// </summary>
public static class CalendarApi
{
    public const string ContentType = "text/calendar";

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("Calendar");
        calendar.MapPost("/token", RegenerateAsync).RequireSignedIn()
            .WithName("RegenerateCalendarToken").WithSummary("Make a new secret calendar-feed address (the old one stops working)");
        calendar.MapGet("/{token}.ics", FeedAsync).AllowAnyone()
            .WithName("GetCalendarFeed").WithSummary("The iCalendar feed of the token's owner (lessons from 30 days ago on)")
            .Produces(StatusCodes.Status200OK, contentType: ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<CalendarFeedResponse>> RegenerateAsync(
        HttpContext http, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var userId = caller.Id;
        var token = Base64UrlToken();
        var hash = Hash(token);
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.UserId == userId, ct);
        if (feed is null)
        {
            db.CalendarFeeds.Add(new CalendarFeed { UserId = userId, TokenHash = hash, CreatedAt = clock.GetUtcNow() });
        }
        else
        {
            feed.TokenHash = hash;
            feed.CreatedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new CalendarFeedResponse(token, $"{http.Request.Scheme}://{http.Request.Host}/api/calendar/{token}.ics"));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> FeedAsync(
        string token, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (token.Length is < 20 or > 100)
        {
            return ApiProblems.NotFound("The calendar");
        }

        var hash = Hash(token);
        var owner = await db.CalendarFeeds.AsNoTracking().Where(f => f.TokenHash == hash)
            .Select(f => new { f.UserId, Role = db.Users.Where(u => u.Id == f.UserId && u.IsActive).Select(u => (UserRole?)u.Role).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (owner?.Role is not { } role)
        {
            return ApiProblems.NotFound("The calendar");
        }

        var now = clock.GetUtcNow();
        var since = now.AddDays(-30);
        var lessons = await LessonAccess.Visible(db, owner.UserId, role).AsNoTracking()
            .Where(l => l.EndsAt > since)
            .OrderBy(l => l.StartsAt).ThenBy(l => l.Id)
            .Take(2000)
            .Select(l => new CalendarLesson(l.Id, l.StartsAt, l.EndsAt, l.Status, l.Topic, l.MeetingLink, l.Subject!.Name, l.Teacher!.FullName, l.Student!.FullName, l.UpdatedAt))
            .ToListAsync(ct);
        return TypedResults.Text(ICalendar.Write(lessons, now), ContentType + "; charset=utf-8", Encoding.UTF8);
    }

    private static string Base64UrlToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
