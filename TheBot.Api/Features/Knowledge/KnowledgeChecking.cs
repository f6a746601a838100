using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TheBot.Api.Features.Assignments;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.Knowledge;

/// <summary>
/// What an element may hold, and how an answer to it is checked: choices, numbers and texts by the quiz rules
/// (<see cref="QuizScoring"/>), except that a multiple-choice answer is right only with exactly the correct set.
/// </summary>
public static class KnowledgeChecking
{
    private static readonly Dictionary<KnowledgeElementKind, KnowledgeCheck[]> ChecksOf = new()
    {
        [KnowledgeElementKind.Theory] = [KnowledgeCheck.None],
        [KnowledgeElementKind.Video] = [KnowledgeCheck.None],
        [KnowledgeElementKind.Question] = [KnowledgeCheck.Single, KnowledgeCheck.Multiple],
        [KnowledgeElementKind.Problem] = [KnowledgeCheck.Number, KnowledgeCheck.Text, KnowledgeCheck.Free],
    };

    /// <summary>Checks the request and, when it is whole, writes it onto <paramref name="element"/>.</summary>
    public static ValidationProblem? Apply(KnowledgeElementRequest request, KnowledgeElement element)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(element);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var kind = WireName.Parse<KnowledgeElementKind>(request.Kind)!.Value;
        var check = request.Check is null
            ? ChecksOf[kind][0]
            : WireName.Parse<KnowledgeCheck>(request.Check)!.Value;
        if (!ChecksOf[kind].Contains(check))
        {
            errors["check"] = [$"A {request.Kind} is checked by one of: {string.Join(", ", ChecksOf[kind].Select(WireName.Of))}."];
        }

        var options = (request.Options ?? []).Select((o, i) => new KnowledgeOption
        {
            Id = string.IsNullOrWhiteSpace(o?.Id) ? ((char)('a' + i)).ToString() : o.Id.Trim(),
            Text = o?.Text?.Trim() ?? "",
            Correct = o?.Correct ?? false,
        }).ToList();
        var accepted = (request.AcceptedAnswers ?? []).Select(a => a?.Trim() ?? "").ToList();
        var tags = (request.Tags ?? []).Select(t => t?.Trim() ?? "").ToList();
        var choice = check is KnowledgeCheck.Single or KnowledgeCheck.Multiple;
        if (choice)
        {
            if (options.Count is < 2 or > KnowledgeElement.MaxOptions)
            {
                errors["options"] = [$"A question has 2 to {KnowledgeElement.MaxOptions} options."];
            }
            else if (options.Any(o => o.Text.Length == 0) || options.Select(o => o.Id).Distinct(StringComparer.Ordinal).Count() != options.Count)
            {
                errors["options"] = ["Each option needs text and an id of its own."];
            }
            else if (!options.Any(o => o.Correct))
            {
                errors["options"] = ["Mark at least one option correct."];
            }
            else if (check == KnowledgeCheck.Single && options.Count(o => o.Correct) > 1)
            {
                errors["options"] = ["A single-choice question has one correct option."];
            }
        }
        else if (options.Count > 0)
        {
            errors["options"] = ["Only a question has options."];
        }

        Expect(errors, "correctNumber", check == KnowledgeCheck.Number, request.CorrectNumber is not null, "A number problem needs its answer; nothing else takes one.");
        if (request.Tolerance is { } tolerance && (check != KnowledgeCheck.Number || tolerance < 0))
        {
            errors["tolerance"] = ["A number problem's tolerance is 0 or more; nothing else takes one."];
        }

        Expect(errors, "acceptedAnswers", check == KnowledgeCheck.Text, accepted.Count > 0, "A text problem needs accepted answers; nothing else takes them.");
        if (accepted.Any(a => a.Length is 0 or > 200))
        {
            errors["acceptedAnswers"] = ["An accepted answer has 1 to 200 characters."];
        }

        var answerable = check != KnowledgeCheck.None;
        if (request.Points is { } points && (!answerable || points <= 0 || points > 1000))
        {
            errors["points"] = ["Points are more than 0 (at most 1000), and only for questions and problems."];
        }

        if (request.VideoUrl is { } url && (kind != KnowledgeElementKind.Video || !IsHttpUrl(url)))
        {
            errors["videoUrl"] = ["A video's URL is an http(s) address; only a video takes one."];
        }
        else if (kind == KnowledgeElementKind.Video && request.VideoUrl is null)
        {
            errors["videoUrl"] = ["A video needs its URL."];
        }

        if (tags.Any(t => t.Length is 0 or > KnowledgeElement.MaxTag))
        {
            errors["tags"] = [$"A tag has 1 to {KnowledgeElement.MaxTag} characters."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        element.SubjectId = request.SubjectId!.Value;
        element.Kind = kind;
        element.Check = check;
        element.Title = request.Title!.Trim();
        element.Body = request.Body;
        element.VideoUrl = request.VideoUrl;
        element.Options = options;
        element.CorrectNumber = request.CorrectNumber;
        element.Tolerance = check == KnowledgeCheck.Number ? request.Tolerance ?? 0 : null;
        element.AcceptedAnswers = accepted;
        element.Points = answerable ? request.Points ?? 1 : null;
        element.Difficulty = request.Difficulty ?? 1;
        element.Tags = [.. tags.Distinct(StringComparer.OrdinalIgnoreCase)];
        element.EstimatedMinutes = request.EstimatedMinutes;
        element.Shared = request.Shared;
        return null;
    }

    private static void Expect(Dictionary<string, string[]> errors, string field, bool wanted, bool given, string message)
    {
        if (wanted != given)
        {
            errors[field] = [message];
        }
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>The answer gives what the element's check takes, and nothing else.</summary>
    public static ValidationProblem? CheckAnswer(KnowledgeElement element, KnowledgeAnswerRequest answer)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(answer);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var choice = element.Check is KnowledgeCheck.Single or KnowledgeCheck.Multiple;
        var optionIds = answer.OptionIds ?? [];
        if (!element.Answerable)
        {
            errors["elementId"] = ["This element is read or watched, not answered."];
        }
        else if (choice != optionIds.Count > 0
            || optionIds.Any(id => id is null || !element.Options.Any(o => o.Id == id))
            || optionIds.Distinct(StringComparer.Ordinal).Count() != optionIds.Count
            || (element.Check == KnowledgeCheck.Single && optionIds.Count > 1))
        {
            errors["optionIds"] = [choice ? "Choose among the question's options (one for a single choice), each once." : "Only a question takes options."];
        }

        if ((element.Check == KnowledgeCheck.Number) != answer.Number is not null)
        {
            errors["number"] = ["A number problem takes a number; nothing else does."];
        }

        var text = element.Check is KnowledgeCheck.Text or KnowledgeCheck.Free;
        if (text != !string.IsNullOrWhiteSpace(answer.Text))
        {
            errors["text"] = ["A text or free problem takes text; nothing else does."];
        }

        return errors.Count == 0 ? null : ApiProblems.Invalid(errors);
    }

    /// <summary>The outcome and points of a checked answer; a free answer waits for the teacher.</summary>
    public static (KnowledgeOutcome Outcome, decimal Points) Score(KnowledgeElement element, KnowledgeAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(attempt);
        if (element.Check == KnowledgeCheck.Free)
        {
            return (KnowledgeOutcome.Pending, 0m);
        }

        var question = new AssignmentQuestion
        {
            Kind = element.Check switch
            {
                KnowledgeCheck.Single => QuestionKind.SingleChoice,
                KnowledgeCheck.Multiple => QuestionKind.MultipleChoice,
                KnowledgeCheck.Number => QuestionKind.Number,
                _ => QuestionKind.ShortText,
            },
            Prompt = element.Title,
            Points = element.Points ?? 1,
            CorrectNumber = element.CorrectNumber,
            Tolerance = element.Tolerance,
            AcceptedAnswers = element.AcceptedAnswers,
        };
        question.Options.AddRange(element.Options.Select((o, i) => new QuestionOption { Key = o.Id, Text = o.Text, IsCorrect = o.Correct, Position = i }));
        var (_, outcome) = QuizScoring.Score(question, new SubmissionAnswer { OptionIds = attempt.OptionIds, Number = attempt.Number, Text = attempt.Text });
        return outcome == AnswerOutcome.Right ? (KnowledgeOutcome.Correct, question.Points) : (KnowledgeOutcome.Wrong, 0m);
    }

    /// <summary>The answer as the student gave it, for the teacher's list of common wrong answers.</summary>
    public static string Given(KnowledgeAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return attempt.Number is { } number ? number.ToString(CultureInfo.InvariantCulture)
            : attempt.OptionIds.Count > 0 ? string.Join(", ", attempt.OptionIds.Order(StringComparer.Ordinal))
            : QuizScoring.Normalise(attempt.Text ?? "");
    }
}
