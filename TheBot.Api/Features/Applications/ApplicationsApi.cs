using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using TheBot.Api.Data;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.RateLimiting;

namespace TheBot.Api.Features.Applications;

public static class ApplicationsApi
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(90);

    public static IEndpointRouteBuilder MapApplicationsApi(this IEndpointRouteBuilder api)
    {
        var open = api.MapGroup("/applications").WithTags("Sign-up applications");
        open.MapPost("/", SubmitAsync).AllowAnyone()
            .WithName("SubmitApplication").WithSummary("Apply to join; returns the tracking token")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        open.MapGet("/{token}", GetStatusAsync).AllowAnyone()
            .WithName("GetApplicationStatus").WithSummary("Follow an application by its tracking token");

        var admin = api.MapGroup("/admin/applications").WithTags("Admin: sign-up applications").RequireRoles(UserRole.Admin);
        admin.MapGet("/", ListAsync).WithName("ListApplications").WithSummary("Applications, newest first, optionally by status");
        admin.MapPost("/{id:guid}/approve", ApproveAsync).WithName("ApproveApplication")
            .WithSummary("Approve: creates the account and returns its one-time initial password");
        admin.MapPost("/{id:guid}/reject", RejectAsync).WithName("RejectApplication").WithSummary("Reject with an optional note the applicant sees");

        return api;
    }

    private static async Task<Results<Created<SubmittedApplicationResponse>, ValidationProblem, ProblemHttpResult, TooManyRequestsResult>> SubmitAsync(
        SubmitApplicationRequest request, HttpContext http, [AsParameters] ApplicationServices services, RedisWindowCounter counter,
        IOptionsMonitor<RateLimitingOptions> limits, CancellationToken ct)
    {
        var (db, clock, _) = services;
        if (request.DesiredRole == UserRole.Admin)
        {
            return ApiProblems.Invalid("desiredRole", "Admins are appointed, not applied for.");
        }

        if (await counter.HitAsync($"applications:net:{http.GetClientNetwork()}", limits.CurrentValue.ApplicationsPerIpPerHour, TimeSpan.FromHours(1)) is { } wait)
        {
            return ApiProblems.TooManyRequests(wait, "Too many applications from this address. Try again later.");
        }

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
        var now = clock.GetUtcNow();
        db.SignupApplications.Add(new SignupApplication
        {
            Id = Guid.CreateVersion7(),
            TrackingTokenHash = Hash(token),
            FullName = request.FullName.Trim(),
            Email = request.Email.Trim().ToLowerInvariant(),
            Phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim(),
            DesiredRole = request.DesiredRole!.Value,
            Message = string.IsNullOrWhiteSpace(request.Message) ? null : request.Message.Trim(),
            CreatedAt = now,
            TokenExpiresAt = now + TokenLifetime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return ApiProblems.Conflict("An application for this email is already waiting for a decision.");
        }

        return TypedResults.Created($"/api/applications/{token}", new SubmittedApplicationResponse(token, ApplicationStatus.Pending));
    }

    private static async Task<Results<Ok<ApplicationStatusResponse>, ProblemHttpResult>> GetStatusAsync(
        string token, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (token.Length is < 16 or > 64)
        {
            return ApiProblems.NotFound("The application");
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow();
        var status = await db.SignupApplications.AsNoTracking()
            .Where(a => a.TrackingTokenHash == hash && a.TokenExpiresAt > now)
            .Select(a => new ApplicationStatusResponse(a.Status, a.FullName, a.DesiredRole, a.CreatedAt, a.DecidedAt, a.DecisionNote))
            .FirstOrDefaultAsync(ct);
        return status is null ? ApiProblems.NotFound("The application") : TypedResults.Ok(status);
    }

    private static async Task<Ok<PagedResult<AdminApplicationItem>>> ListAsync([AsParameters] AdminApplicationQuery query, TheBotDbContext db, CancellationToken ct)
    {
        var applications = db.SignupApplications.AsNoTracking();
        applications = applications.FilteredBy(query.StatusFilter, status => a => a.Status == status);

        var page = await applications
            .OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new AdminApplicationItem(a.Id, a.FullName, a.Email, a.Phone, a.DesiredRole, a.Message, a.Status, a.CreatedAt, a.DecidedAt, a.DecisionNote, a.CreatedUserId))
            .ToPageAsync(query.Paging, ct);
        return TypedResults.Ok(page);
    }

    private static async Task<Results<Ok<ApprovedApplicationResponse>, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        Guid id, ApproveApplicationRequest? request, CurrentUser caller, [AsParameters] ApplicationServices services, UserAccounts accounts, CancellationToken ct)
    {
        var (db, clock, notices) = services;
        var application = await db.SignupApplications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return ApiProblems.NotFound("The application");
        }

        if (application.Status != ApplicationStatus.Pending)
        {
            return ApiProblems.Conflict($"The application was already {application.Status.ToString().ToLowerInvariant()}.");
        }

        var role = request?.Role ?? application.DesiredRole;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await accounts.CreateAsync(new NewUser(application.Email, application.FullName, role, application.Phone), ct);
        if (!created.Succeeded)
        {
            return created.Errors!.ContainsKey("email")
                ? ApiProblems.Conflict("An account with this email already exists.")
                : ApiProblems.Invalid(created.Errors!);
        }

        application.Status = ApplicationStatus.Approved;
        application.DecidedAt = clock.GetUtcNow();
        application.DecidedById = caller.Id;
        application.DecisionNote = request?.Note;
        application.CreatedUserId = created.User!.Id;
        await notices.StageDecidedAsync(application, caller.Id, created.User.Id, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await notices.PublishAsync(ct);

        return TypedResults.Ok(new ApprovedApplicationResponse(created.User.Id, created.User.Email!, role, created.InitialPassword!));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RejectAsync(
        Guid id, RejectApplicationRequest? request, CurrentUser caller, [AsParameters] ApplicationServices services, CancellationToken ct)
    {
        var (db, clock, notices) = services;
        var application = await db.SignupApplications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return ApiProblems.NotFound("The application");
        }

        if (application.Status != ApplicationStatus.Pending)
        {
            return ApiProblems.Conflict($"The application was already {application.Status.ToString().ToLowerInvariant()}.");
        }

        application.Status = ApplicationStatus.Rejected;
        application.DecidedAt = clock.GetUtcNow();
        application.DecidedById = caller.Id;
        application.DecisionNote = request?.Note;
        await notices.StageDecidedAsync(application, caller.Id, newUserId: null, ct);
        await db.SaveChangesAsync(ct);
        await notices.PublishAsync(ct);
        return TypedResults.NoContent();
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}

/// <summary>What changing an application needs: the database, the clock and the notifications a decision stores.</summary>
internal sealed record ApplicationServices(TheBotDbContext Db, TimeProvider Clock, ApplicationNotices Notices);
