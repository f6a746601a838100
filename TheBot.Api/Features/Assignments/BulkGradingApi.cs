using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;

namespace TheBot.Api.Features.Assignments;

/// <summary>
/// Grading several submissions from the grade queue in one request: one score for all (or a score per row) and one
/// comment. All or nothing: when any row cannot be graded, none is, and the answer names every row that failed.
/// Each student (and their parents) is told as when one submission is graded.
/// </summary>
public static class BulkGradingApi
{
    public const int MaxItems = 100;

    public static IEndpointRouteBuilder MapBulkGradingApi(this IEndpointRouteBuilder api)
    {
        api.MapGroup("/assignments").WithTags("Assignments")
            .MapPost("/submissions/grade", GradeManyAsync).RequireRoles(UserRole.Teacher, UserRole.Admin)
            .WithName("GradeSubmissions")
            .WithSummary($"Grade up to {MaxItems} submissions at once (one score or one per row, one comment); all or nothing, 422 names the rows that failed")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static async Task<Results<Ok<List<SubmissionResponse>>, ValidationProblem, ProblemHttpResult>> GradeManyAsync(
        BulkGradeRequest request, CurrentUser caller, [AsParameters] AssignmentServices services, CancellationToken ct)
    {
        var (db, realtime, notices, clock) = services;
        var items = request.Items!;
        if (items.Count is 0 or > MaxItems)
        {
            return ApiProblems.Invalid("items", $"Choose 1 to {MaxItems} submissions.");
        }

        var ids = items.Select(i => i.SubmissionId!.Value).ToList();
        if (ids.Distinct().Count() != ids.Count)
        {
            return ApiProblems.Invalid("items", "A submission is listed twice.");
        }

        var submissions = await AssignmentAccess.VisibleSubmissions(db, caller).Include(s => s.Assignment)
            .Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, ct);
        var missing = ids.Where(id => !submissions.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            // Another teacher's work is as unknown here as work that does not exist.
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: $"{missing.Count} of the submissions were not found among those you grade; nothing was graded.",
                extensions: new Dictionary<string, object?> { ["missing"] = missing });
        }

        // A quiz's score is the sum of its answers' points: its open answers are scored one by one (GradeAsync).
        var quizzes = await db.SubmissionAnswers.AsNoTracking().Where(a => ids.Contains(a.SubmissionId))
            .Select(a => a.SubmissionId).Distinct().ToListAsync(ct);
        var failures = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var graded = new List<(Submission Submission, decimal Score)>(items.Count);
        for (var row = 0; row < items.Count; row++)
        {
            var submission = submissions[ids[row]];
            var key = string.Create(CultureInfo.InvariantCulture, $"items[{row}]");
            if (AssignmentWorkflow.CanGrade(submission) is { Succeeded: false } refused)
            {
                failures[key] = [refused.Error ?? "This submission cannot be graded now."];
            }
            else if (quizzes.Contains(submission.Id))
            {
                failures[key] = ["A quiz is scored answer by answer: grade its open answers on their own."];
            }
            else if ((items[row].Score ?? request.Score) is not { } given)
            {
                failures[key + ".score"] = ["Give this row a score, or one score for all rows."];
            }
            else if (decimal.Round(given, 2) > submission.Assignment!.MaxScore)
            {
                failures[key + ".score"] = [string.Create(CultureInfo.InvariantCulture, $"The score cannot exceed this assignment's maximum of {submission.Assignment.MaxScore:0.##}.")];
            }
            else
            {
                graded.Add((submission, decimal.Round(given, 2)));
            }
        }

        if (failures.Count > 0)
        {
            return ApiProblems.Unprocessable(
                $"{failures.Count} of the {items.Count} rows cannot be graded; nothing was graded.",
                new Dictionary<string, object?> { ["errors"] = failures });
        }

        var now = clock.GetUtcNow();
        foreach (var (submission, score) in graded)
        {
            AssignmentWorkflow.Grade(submission, score, request.Feedback, caller.Id, now);
            await notices.StageGradeAsync(submission, ct);
        }

        await db.SaveChangesAsync(ct);
        foreach (var (submission, _) in graded)
        {
            await AssignmentsApi.PublishGradedAsync(db, realtime, submission, ct);
        }

        await notices.PublishAsync(ct);
        var results = await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(AssignmentAccess.SubmissionProjection).ToDictionaryAsync(s => s.Id, ct);
        return TypedResults.Ok(ids.Select(id => results[id]).ToList());
    }
}

/// <summary>The rows to grade; a row's own score wins over <see cref="Score"/>; <see cref="Feedback"/> goes to every row.</summary>
public sealed record BulkGradeRequest(
    [property: Required, MinLength(1), MaxLength(BulkGradingApi.MaxItems)] IReadOnlyList<BulkGradeItem>? Items,
    [property: Range(0, 100000)] decimal? Score,
    [property: MaxLength(4000)] string? Feedback);

public sealed record BulkGradeItem([property: Required] Guid? SubmissionId, [property: Range(0, 100000)] decimal? Score);
