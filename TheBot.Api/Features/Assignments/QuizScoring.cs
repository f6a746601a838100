using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using TheBot.Api.Platform.Errors;

namespace TheBot.Api.Features.Assignments;

/// <summary>
/// The quiz grading rules. Single choice, number and short text score all or nothing; multiple choice gives each right
/// option its share of the points and takes a share off for each wrong one (never below 0); open answers wait for
/// the teacher. Short text compares normalised (<see cref="Normalise"/>); a number is right within the tolerance.
/// </summary>
public static class QuizScoring
{
    /// <summary>Trimmed, inner runs of white space made one space, lower case (culture-independent), Unicode NFC.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(' ', words).ToLowerInvariant();
    }

    /// <summary>The student's answers fit the questions: each names a question once, with the field its kind takes.</summary>
    public static ValidationProblem? Check(IReadOnlyList<AnswerRequest?> answers, IReadOnlyList<AssignmentQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(questions);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var seen = new HashSet<Guid>();
        for (var i = 0; i < answers.Count; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"answers[{i}]");
            var answer = answers[i];
            var question = answer is null ? null : questions.FirstOrDefault(q => q.Id == answer.QuestionId);
            if (answer is null || question is null || !seen.Add(question.Id))
            {
                errors[$"{at}.questionId"] = ["Not a question of this assignment, or answered twice."];
                continue;
            }

            var choice = question.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;
            var optionIds = answer.OptionIds ?? [];
            if (!choice && answer.OptionIds is not null)
            {
                errors[$"{at}.optionIds"] = ["Only a choice question takes options."];
            }
            else if (optionIds.Any(id => id is null || !question.Options.Any(o => o.Key == id)) || optionIds.Distinct(StringComparer.Ordinal).Count() != optionIds.Count)
            {
                errors[$"{at}.optionIds"] = ["Choose among the question's options, each once."];
            }
            else if (question.Kind == QuestionKind.SingleChoice && optionIds.Count > 1)
            {
                errors[$"{at}.optionIds"] = ["A single-choice question takes one option."];
            }

            if (question.Kind != QuestionKind.Number && answer.Number is not null)
            {
                errors[$"{at}.number"] = ["Only a number question takes a number."];
            }

            if (question.Kind is not (QuestionKind.ShortText or QuestionKind.Open) && answer.Text is not null)
            {
                errors[$"{at}.text"] = ["Only a short-text or open question takes text."];
            }
            else if (question.Kind == QuestionKind.ShortText && answer.Text?.Length > AssignmentQuestion.MaxShortTextLength)
            {
                errors[$"{at}.text"] = [$"A short answer has at most {AssignmentQuestion.MaxShortTextLength} characters."];
            }
        }

        return errors.Count == 0 ? null : ApiProblems.Invalid(errors);
    }

    /// <summary>One answer per question (checked by <see cref="Check"/>), scored where the server can.</summary>
    public static List<SubmissionAnswer> Score(Guid submissionId, IReadOnlyList<AnswerRequest?> answers, IReadOnlyList<AssignmentQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(questions);
        return questions.OrderBy(q => q.Position).Select(question =>
        {
            var given = answers.FirstOrDefault(a => a?.QuestionId == question.Id);
            var text = string.IsNullOrWhiteSpace(given?.Text) ? null : given.Text.Trim();
            var answer = new SubmissionAnswer
            {
                SubmissionId = submissionId,
                QuestionId = question.Id,
                OptionIds = given?.OptionIds?.ToList() ?? [],
                Number = given?.Number,
                Text = text,
            };
            (answer.Points, answer.Outcome) = Score(question, answer);
            return answer;
        }).ToList();
    }

    /// <summary>What an answer scores; an open answer waits (null points), an empty one scores 0.</summary>
    public static (decimal? Points, AnswerOutcome Outcome) Score(AssignmentQuestion question, SubmissionAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);
        var answered = question.Kind switch
        {
            QuestionKind.SingleChoice or QuestionKind.MultipleChoice => answer.OptionIds.Count > 0,
            QuestionKind.Number => answer.Number is not null,
            _ => answer.Text is not null,
        };
        if (!answered)
        {
            return (0m, AnswerOutcome.Unanswered);
        }

        return question.Kind switch
        {
            QuestionKind.Open => (null, AnswerOutcome.Pending),
            QuestionKind.MultipleChoice => ScoreShare(question, answer.OptionIds),
            QuestionKind.SingleChoice => AllOrNothing(question, question.Options.Any(o => o.IsCorrect && o.Key == answer.OptionIds[0])),
            QuestionKind.Number => AllOrNothing(question, Math.Abs(answer.Number!.Value - question.CorrectNumber!.Value) <= (question.Tolerance ?? 0)),
            _ => AllOrNothing(question, question.AcceptedAnswers.Any(a => Normalise(a) == Normalise(answer.Text!))),
        };
    }

    /// <summary>The teacher's points for an open answer, and what that makes it.</summary>
    public static AnswerOutcome OutcomeOf(decimal points, decimal of) => points >= of ? AnswerOutcome.Right : points > 0 ? AnswerOutcome.Partial : AnswerOutcome.Wrong;

    private static (decimal?, AnswerOutcome) AllOrNothing(AssignmentQuestion question, bool right) =>
        right ? (question.Points, AnswerOutcome.Right) : (0m, AnswerOutcome.Wrong);

    private static (decimal?, AnswerOutcome) ScoreShare(AssignmentQuestion question, List<string> chosen)
    {
        var correct = question.Options.Where(o => o.IsCorrect).Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var right = chosen.Count(correct.Contains);
        var wrong = chosen.Count - right;
        var share = Math.Max(0m, (decimal)(right - wrong) / correct.Count);
        var points = decimal.Round(question.Points * share, 2, MidpointRounding.AwayFromZero);
        return (points, OutcomeOf(points, question.Points));
    }
}
