using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;

namespace TheBot.Api.Features.Assignments;

/// <summary>A quiz's questions (set while a draft, read without the answers by students) and the teacher's per-question statistics.</summary>
public static class QuizApi
{
    public static IEndpointRouteBuilder MapQuizApi(this IEndpointRouteBuilder api)
    {
        var quiz = api.MapGroup("/assignments/{id:guid}").WithTags("Assignments");
        quiz.MapGet("/questions", GetQuestionsAsync).RequireSignedIn()
            .WithName("GetAssignmentQuestions")
            .WithSummary("A quiz's questions; students, parents and tutors get the correct answers only after the due date, when the quiz shows them")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        quiz.MapPut("/questions", SetQuestionsAsync).RequireRoles(UserRole.Teacher, UserRole.Admin)
            .WithName("SetAssignmentQuestions")
            .WithSummary("Make a draft a quiz: its questions (single/multiple choice, number, short text, open) replace the ones it had; its maximum score becomes their points' sum")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        quiz.MapGet("/question-stats", GetStatsAsync).RequireRoles(UserRole.Teacher, UserRole.Admin)
            .WithName("GetAssignmentQuestionStats")
            .WithSummary("Per question of a quiz, over each student's latest attempt: how many answered it, got it right, partly right or wrong, how many wait for grading, and the average points")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<QuizResponse>, ProblemHttpResult>> GetQuestionsAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var callerId = caller.Id;
        var quiz = await AssignmentAccess.Visible(db, caller, now).AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                a.MaxScore,
                a.DueAt,
                a.ShowAnswersAfterDue,
                a.TimeLimitMinutes,
                Started = db.AssignmentAttempts.Any(at => at.AssignmentId == a.Id && at.StudentId == callerId),
                Questions = a.Questions.OrderBy(q => q.Position).Select(q => new
                {
                    q.Id, q.Position, q.Kind, q.Prompt, q.Points, q.Tolerance, q.CorrectNumber, q.AcceptedAnswers,
                    Options = q.Options.OrderBy(o => o.Position).Select(o => new { o.Key, o.Text, o.IsCorrect }).ToList(),
                }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (quiz is null)
        {
            return ApiProblems.NotFound("The assignment");
        }

        // A timed quiz's questions are its attempt's: the student reads them once its clock runs.
        if (caller.Role == UserRole.Student && quiz.TimeLimitMinutes is { } limit && !quiz.Started)
        {
            return AttemptRules.NotStarted(limit);
        }

        // ...and nobody else may carry them to the student ahead of the clock: parents and tutors read them after the due date.
        if (caller.Role is UserRole.Parent or UserRole.Tutor && quiz.TimeLimitMinutes is not null && now <= quiz.DueAt)
        {
            return AttemptRules.QuestionsHiddenUntilDue(quiz.DueAt);
        }

        var shown = caller.Role is UserRole.Teacher or UserRole.Admin || (quiz.ShowAnswersAfterDue && now > quiz.DueAt);
        var questions = quiz.Questions.Select(q => new QuestionResponse(
            q.Id, q.Position, q.Kind, q.Prompt, q.Points,
            q.Options.Select(o => new OptionResponse(o.Key, o.Text)).ToList(),
            q.Tolerance,
            shown && q.Options.Count > 0 ? q.Options.Where(o => o.IsCorrect).Select(o => o.Key).ToList() : null,
            shown ? q.CorrectNumber : null,
            shown && q.Kind == QuestionKind.ShortText ? q.AcceptedAnswers : null)).ToList();
        return TypedResults.Ok(new QuizResponse(id, quiz.MaxScore, quiz.ShowAnswersAfterDue, shown, questions));
    }

    private static async Task<Results<Ok<QuizResponse>, ValidationProblem, ProblemHttpResult>> SetQuestionsAsync(
        Guid id, SetQuestionsRequest request, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var assignment = await AssignmentAccess.Visible(db, caller, now).Include(a => a.Questions).ThenInclude(q => q.Options)
            .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assignment is null)
        {
            return ApiProblems.NotFound("The assignment");
        }

        if (assignment.Status != AssignmentStatus.Draft)
        {
            return ApiProblems.Conflict("The assignment has been published: its questions can no longer change.");
        }

        var questions = request.Questions!;
        if (QuizQuestions.Check(questions) is { } invalid)
        {
            return invalid;
        }

        QuizQuestions.Apply(assignment, questions);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiProblems.Conflict("The assignment was changed meanwhile; load it and try again.");
        }

        var saved = await GetQuestionsAsync(id, caller, db, clock, ct);
        return saved.Result is Ok<QuizResponse> ok ? ok : (ProblemHttpResult)saved.Result;
    }

    private static async Task<Results<Ok<QuizStatsResponse>, ProblemHttpResult>> GetStatsAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        // One statement: the assignment (if the caller may see it) and each question's figures over each student's latest
        // handed-in attempt, so a student who tried three times counts once, with where they ended up.
        var latest = db.Submissions.Where(s => !db.Submissions.Any(later =>
            later.AssignmentId == s.AssignmentId && later.StudentId == s.StudentId && later.Attempt > s.Attempt));
        var answers = db.SubmissionAnswers.Where(x => latest.Any(s => s.Id == x.SubmissionId));
        var stats = await AssignmentAccess.Visible(db, caller, clock.GetUtcNow()).AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                Submissions = latest.Count(s => s.AssignmentId == a.Id),
                Questions = a.Questions.OrderBy(q => q.Position).Select(q => new
                {
                    q.Id, q.Position, q.Kind, q.Prompt, q.Points,
                    Right = answers.Count(x => x.QuestionId == q.Id && x.Outcome == AnswerOutcome.Right),
                    Partial = answers.Count(x => x.QuestionId == q.Id && x.Outcome == AnswerOutcome.Partial),
                    Wrong = answers.Count(x => x.QuestionId == q.Id && x.Outcome == AnswerOutcome.Wrong),
                    Pending = answers.Count(x => x.QuestionId == q.Id && x.Outcome == AnswerOutcome.Pending),
                    Average = answers
                        .Where(x => x.QuestionId == q.Id && x.Points != null && x.Outcome != AnswerOutcome.Unanswered)
                        .Average(x => x.Points),
                }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (stats is null)
        {
            return ApiProblems.NotFound("The assignment");
        }

        return TypedResults.Ok(new QuizStatsResponse(id, stats.Submissions, stats.Questions.Select(q => new QuestionStatsResponse(
            q.Id, q.Position, q.Kind, q.Prompt, q.Points, q.Right + q.Partial + q.Wrong + q.Pending, q.Right, q.Partial, q.Wrong, q.Pending,
            q.Average is { } average ? decimal.Round(average, 2, MidpointRounding.AwayFromZero) : null)).ToList()));
    }
}

/// <summary>A quiz's questions as the server scores them.</summary>
internal static class QuizAccess
{
    public static Task<List<AssignmentQuestion>> QuestionsAsync(TheBotDbContext db, Guid assignmentId, CancellationToken ct) =>
        db.AssignmentQuestions.AsNoTracking().Include(q => q.Options).Where(q => q.AssignmentId == assignmentId)
            .OrderBy(q => q.Position).ToListAsync(ct);
}
