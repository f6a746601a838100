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
            .WithSummary("Approve: creates the account (and a student's named parent, linked), e-mails each their sign-in details and returns the initial passwords once");
        admin.MapPost("/{id:guid}/reject", RejectAsync).WithName("RejectApplication").WithSummary("Reject with an optional note the applicant sees");

        return api;
    }

    private static async Task<Results<Created<SubmittedApplicationResponse>, ValidationProblem, ProblemHttpResult, TooManyRequestsResult>> SubmitAsync(
        SubmitApplicationRequest request, HttpContext http, [AsParameters] ApplicationServices services, RedisWindowCounter counter,
        IOptionsMonitor<RateLimitingOptions> limits, CancellationToken ct)
    {
        var (db, clock, notices, observers) = services;
        if (request.DesiredRole == UserRole.Admin)
        {
            return ApiProblems.Invalid("desiredRole", "Admins are appointed, not applied for.");
        }

        var parentName = string.IsNullOrWhiteSpace(request.ParentFullName) ? null : request.ParentFullName.Trim();
        var parentEmail = string.IsNullOrWhiteSpace(request.ParentEmail) ? null : request.ParentEmail.Trim().ToLowerInvariant();
        var email = request.Email.Trim().ToLowerInvariant();
        if (ParentProblem(request.DesiredRole!.Value, parentName, parentEmail, email) is { } parentProblem)
        {
            return parentProblem;
        }

        if (await counter.HitAsync($"applications:net:{http.GetClientNetwork()}", limits.CurrentValue.ApplicationsPerIpPerHour, TimeSpan.FromHours(1)) is { } wait)
        {
            return ApiProblems.TooManyRequests(wait, "Too many applications from this address. Try again later.");
        }

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
        var now = clock.GetUtcNow();
        var application = new SignupApplication
        {
            Id = Guid.CreateVersion7(),
            TrackingTokenHash = Hash(token),
            FullName = request.FullName.Trim(),
            Email = email,
            Phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim(),
            DesiredRole = request.DesiredRole!.Value,
            Message = string.IsNullOrWhiteSpace(request.Message) ? null : request.Message.Trim(),
            ParentFullName = parentName,
            ParentEmail = parentEmail,
            Language = request.Language ?? "ru",
            CreatedAt = now,
            TokenExpiresAt = now + TokenLifetime,
        };
        db.SignupApplications.Add(application);

        // Announced with it (one save): the admins' bell and, through the observers, e.g. the admins' Telegram group.
        await notices.StageSubmittedAsync(application, ct);
        foreach (var observer in observers)
        {
            await observer.SubmittedAsync(application, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return ApiProblems.Conflict("An application for this email is already waiting for a decision.");
        }

        await notices.PublishAsync(ct);
        foreach (var observer in observers)
        {
            observer.Committed();
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
            .Select(a => new AdminApplicationItem(a.Id, a.FullName, a.Email, a.Phone, a.DesiredRole, a.Message, a.Status, a.CreatedAt, a.DecidedAt, a.DecisionNote,
                a.CreatedUserId, a.ParentFullName, a.ParentEmail, a.CreatedParentId, a.Language))
            .ToPageAsync(query.Paging, ct);
        return TypedResults.Ok(page);
    }

    private static async Task<Results<Ok<ApprovedApplicationResponse>, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        Guid id, ApproveApplicationRequest? request, CurrentUser caller, [AsParameters] ApplicationServices services, FamilyAccounts family,
        CancellationToken ct)
    {
        var (db, clock, notices, _) = services;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The row lock serialises two admins approving at once: the second finds it decided (409).
        var application = await db.SignupApplications.FromSql($"SELECT * FROM signup_applications WHERE id = {id} FOR UPDATE").FirstOrDefaultAsync(ct);
        if (application is null)
        {
            return ApiProblems.NotFound("The application");
        }

        if (application.Status != ApplicationStatus.Pending)
        {
            return ApiProblems.Conflict($"The application was already {application.Status.ToString().ToLowerInvariant()}.");
        }

        var role = request?.Role ?? application.DesiredRole;
        if (role == UserRole.Admin)
        {
            return ApiProblems.Invalid("role", "Admins are appointed, not approved from an application.");
        }

        var created = await family.CreateAsync(application, role, ct);
        if (created.Conflict is { } conflict)
        {
            return conflict;
        }

        if (created.Invalid is { } invalid)
        {
            return invalid;
        }

        application.Status = ApplicationStatus.Approved;
        application.DecidedAt = clock.GetUtcNow();
        application.DecidedById = caller.Id;
        application.DecisionNote = request?.Note;
        application.CreatedUserId = created.Applicant!.UserId;
        application.CreatedParentId = created.Parent?.UserId;
        await notices.StageDecidedAsync(application, caller.Id, created.Applicant.UserId, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await notices.PublishAsync(ct);
        family.Committed();

        var applicant = created.Applicant;
        return TypedResults.Ok(new ApprovedApplicationResponse(applicant.UserId, applicant.Email, applicant.Role, applicant.InitialPassword, created.Parent));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RejectAsync(
        Guid id, RejectApplicationRequest? request, CurrentUser caller, [AsParameters] ApplicationServices services, CancellationToken ct)
    {
        var (db, clock, notices, _) = services;
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

    /// <summary>A parent is named in full (name and e-mail), only for a student, and with an address of their own.</summary>
    private static ValidationProblem? ParentProblem(UserRole role, string? parentName, string? parentEmail, string email)
    {
        if (parentName is null && parentEmail is null)
        {
            return null;
        }

        if (role != UserRole.Student)
        {
            return ApiProblems.Invalid("parentEmail", "Only a student's application names a parent.");
        }

        if (parentName is null || parentEmail is null)
        {
            return ApiProblems.Invalid(parentName is null ? "parentFullName" : "parentEmail", "Name the parent with both their name and e-mail.");
        }

        return parentEmail == email
            ? ApiProblems.Invalid("parentEmail", "The parent needs an e-mail address of their own: it is their sign-in.")
            : null;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}

/// <summary>
/// What changing an application needs: the database, the clock, the notifications it stores and the other features
/// that follow it.
/// </summary>
internal sealed record ApplicationServices(TheBotDbContext Db, TimeProvider Clock, ApplicationNotices Notices, IEnumerable<IApplicationObserver> Observers);
