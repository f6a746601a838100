using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TheBot.Api.Platform.Errors;

namespace TheBot.Api.Features.Assignments;

/// <summary>The teacher's part of grading a quiz: the open answers only; the automatic ones keep their points.</summary>
public static class QuizGrading
{
    /// <summary>
    /// Sets the points of the open answers named (every answered one still waiting must be), each within its question's
    /// points; the submission's answers and questions are loaded. Null when done; else the fields at fault.
    /// </summary>
    public static ValidationProblem? ScoreOpenAnswers(Submission submission, GradeRequest request)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Score is not null)
        {
            return ApiProblems.Invalid("score", "A quiz's score is the sum of its answers' points: give questionScores for its open questions instead.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var scores = request.QuestionScores ?? [];
        var given = new Dictionary<SubmissionAnswer, decimal>();
        for (var i = 0; i < scores.Count; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"questionScores[{i}]");
            var score = scores[i];
            var answer = submission.Answers.FirstOrDefault(a => a.QuestionId == score?.QuestionId);
            if (score is null || answer is null || answer.Question!.Kind != QuestionKind.Open || answer.Outcome == AnswerOutcome.Unanswered
                || given.ContainsKey(answer))
            {
                errors[$"{at}.questionId"] = ["Not an answered open question of this submission, or scored twice."];
                continue;
            }

            var points = decimal.Round(score.Points!.Value, 2);
            if (points > answer.Question.Points)
            {
                errors[$"{at}.points"] = [string.Create(CultureInfo.InvariantCulture, $"This question is worth at most {answer.Question.Points:0.##} points.")];
                continue;
            }

            given[answer] = points;
        }

        var missing = submission.Answers.Count(a => a.Outcome == AnswerOutcome.Pending && !given.ContainsKey(a));
        if (errors.Count == 0 && missing > 0)
        {
            errors["questionScores"] = [$"Score every answered open question: {missing} still waiting."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        foreach (var (answer, points) in given)
        {
            answer.Points = points;
            answer.Outcome = QuizScoring.OutcomeOf(points, answer.Question!.Points);
        }

        return null;
    }
}
