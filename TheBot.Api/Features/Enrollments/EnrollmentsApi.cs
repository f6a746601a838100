using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TheBot.Api.Data;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Realtime;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Enrollments;

public static class EnrollmentsApi
{
    public static IEndpointRouteBuilder MapEnrollmentsApi(this IEndpointRouteBuilder api)
    {
        var enrollments = api.MapGroup("/enrollments").WithTags("Enrollments");
        enrollments.MapGet("/", ListAsync).RequireSignedIn()
            .WithName("ListEnrollments").WithSummary("Enrollments the caller may see (own, children's, students', or all for admins)");
        enrollments.MapPost("/", EnrollAsync).RequireRoles(UserRole.Tutor, UserRole.Admin)
            .WithName("Enroll").WithSummary("Enrol a student in a subject with a teacher (tutors: own students only)")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        enrollments.MapPatch("/{id:guid}", UpdateAsync).RequireRoles(UserRole.Tutor, UserRole.Admin)
            .WithName("UpdateEnrollment").WithSummary("Complete, drop or reactivate an enrollment")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Ok<PagedResult<EnrollmentResponse>>> ListAsync(
        [AsParameters] EnrollmentQuery query, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var enrollments = EnrollmentAccess.Visible(db, caller).AsNoTracking();
        enrollments = enrollments.FilteredBy(query.StudentId, studentId => e => e.StudentId == studentId);
        enrollments = enrollments.FilteredBy(query.TeacherId, teacherId => e => e.TeacherId == teacherId);
        enrollments = enrollments.FilteredBy(query.SubjectId, subjectId => e => e.SubjectId == subjectId);
        enrollments = enrollments.FilteredBy(query.StatusFilter, status => e => e.Status == status);

        return TypedResults.Ok(await enrollments
            .OrderBy(e => e.Student!.FullName).ThenBy(e => e.Subject!.Name).ThenBy(e => e.Id)
            .Select(EnrollmentAccess.Projection)
            .ToPageAsync(query.Paging, ct));
    }

    private static async Task<Results<Created<EnrollmentResponse>, ValidationProblem, ProblemHttpResult>> EnrollAsync(
        EnrollRequest request, CurrentUser caller, [AsParameters] EnrollmentServices services, CancellationToken ct)
    {
        var (db, realtime, changes, clock) = services;
        var callerId = caller.Id;
        var studentId = request.StudentId!.Value;
        var student = await db.Users.AsNoTracking()
            .Where(u => u.Id == studentId && u.Role == UserRole.Student)
            .Select(u => new { u.IsActive, TutorId = u.StudentProfile!.TutorId })
            .FirstOrDefaultAsync(ct);
        if (student is null || (!caller.IsAdmin && student.TutorId != callerId))
        {
            return ApiProblems.NotFound("The student");
        }

        if (!student.IsActive)
        {
            return ApiProblems.Unprocessable("The student's account is deactivated.");
        }

        var subjectId = request.SubjectId!.Value;
        var teacherId = request.TeacherId!.Value;
        if (!await db.Subjects.AnyAsync(s => s.Id == subjectId && s.IsActive, ct))
        {
            return ApiProblems.Invalid("subjectId", "No active subject has this id.");
        }

        if (!await db.Users.AnyAsync(u => u.Id == teacherId && u.Role == UserRole.Teacher && u.IsActive, ct))
        {
            return ApiProblems.Invalid("teacherId", "No active teacher has this id.");
        }

        if (!await db.TeacherSubjects.AnyAsync(ts => ts.TeacherId == teacherId && ts.SubjectId == subjectId, ct))
        {
            return ApiProblems.Unprocessable("This teacher does not teach this subject.");
        }

        var enrollment = new Enrollment
        {
            Id = Guid.CreateVersion7(),
            StudentId = studentId,
            SubjectId = subjectId,
            TeacherId = teacherId,
            CreatedById = callerId,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Enrollments.Add(enrollment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return ApiProblems.Conflict("The student already has an active enrollment in this subject.");
        }

        await PublishAsync(realtime, enrollment, student.TutorId, ct);
        await changes.ChangedAsync(enrollment.SubjectId, enrollment.TeacherId, studentId, ct);
        var response = await db.Enrollments.AsNoTracking().Where(e => e.Id == enrollment.Id).Select(EnrollmentAccess.Projection).FirstAsync(ct);
        return TypedResults.Created($"/api/enrollments/{enrollment.Id}", response);
    }

    private static async Task<Results<Ok<EnrollmentResponse>, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateEnrollmentRequest request, CurrentUser caller, [AsParameters] EnrollmentServices services, CancellationToken ct)
    {
        var (db, realtime, changes, clock) = services;
        var callerId = caller.Id;
        var enrollment = await db.Enrollments.FirstOrDefaultAsync(e => e.Id == id, ct);
        var tutorId = enrollment is null ? null
            : await db.StudentProfiles.Where(p => p.UserId == enrollment.StudentId).Select(p => p.TutorId).FirstOrDefaultAsync(ct);
        if (enrollment is null || (!caller.IsAdmin && tutorId != callerId))
        {
            return ApiProblems.NotFound("The enrollment");
        }

        var status = Enum.Parse<EnrollmentStatus>(request.Status!, ignoreCase: true);
        enrollment.Status = status;
        enrollment.EndedAt = status == EnrollmentStatus.Active ? null : clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return ApiProblems.Conflict("The student already has another active enrollment in this subject.");
        }

        await PublishAsync(realtime, enrollment, tutorId, ct);
        await changes.ChangedAsync(enrollment.SubjectId, enrollment.TeacherId, enrollment.StudentId, ct);
        return TypedResults.Ok(await db.Enrollments.AsNoTracking().Where(e => e.Id == id).Select(EnrollmentAccess.Projection).FirstAsync(ct));
    }

    private static Task PublishAsync(IRealtimePublisher realtime, Enrollment e, Guid? tutorId, CancellationToken ct)
    {
        Guid[] audience = tutorId is { } tutor ? [e.StudentId, e.TeacherId, tutor] : [e.StudentId, e.TeacherId];
        return realtime.PublishAsync(EnrollmentEventNames.EnrollmentChanged, RealtimeAudience.ToUsers(audience),
            new EnrollmentChangedEvent(e.Id, e.StudentId, e.SubjectId, e.TeacherId, e.Status), ct);
    }
}

/// <summary>What changing an enrollment needs: the database, the live events, the followers of enrollments and the clock.</summary>
internal sealed record EnrollmentServices(TheBotDbContext Db, IRealtimePublisher Realtime, EnrollmentChanges Changes, TimeProvider Clock);
