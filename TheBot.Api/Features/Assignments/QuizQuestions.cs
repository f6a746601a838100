using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.Assignments;

/// <summary>Checks a quiz's questions as the teacher writes them, and makes them the assignment's.</summary>
public static class QuizQuestions
{
    /// <summary>Every field of every question, each error under its own name (<c>questions[2].correctOptionIds</c>).</summary>
    public static ValidationProblem? Check(IReadOnlyList<QuestionRequest?> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < questions.Count; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"questions[{i}]");
            if (questions[i] is not { } question)
            {
                errors[at] = ["A question is required."];
                continue;
            }

            if (string.IsNullOrWhiteSpace(question.Prompt))
            {
                errors[$"{at}.prompt"] = ["The question cannot be blank."];
            }

            switch (WireName.Parse<QuestionKind>(question.Kind))
            {
                case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                    CheckChoices(question, WireName.Parse<QuestionKind>(question.Kind) == QuestionKind.SingleChoice, at, errors);
                    NotFor(question.CorrectNumber, "correctNumber", at, errors);
                    NotFor(question.Tolerance, "tolerance", at, errors);
                    NotFor(question.AcceptedAnswers, "acceptedAnswers", at, errors);
                    break;
                case QuestionKind.Number:
                    if (question.CorrectNumber is null)
                    {
                        errors[$"{at}.correctNumber"] = ["A number question needs its answer."];
                    }

                    NotFor(question.Options, "options", at, errors);
                    NotFor(question.CorrectOptionIds, "correctOptionIds", at, errors);
                    NotFor(question.AcceptedAnswers, "acceptedAnswers", at, errors);
                    break;
                case QuestionKind.ShortText:
                    CheckAccepted(question.AcceptedAnswers, at, errors);
                    NotFor(question.Options, "options", at, errors);
                    NotFor(question.CorrectOptionIds, "correctOptionIds", at, errors);
                    NotFor(question.CorrectNumber, "correctNumber", at, errors);
                    NotFor(question.Tolerance, "tolerance", at, errors);
                    break;
                case QuestionKind.Open:
                    NotFor(question.Options, "options", at, errors);
                    NotFor(question.CorrectOptionIds, "correctOptionIds", at, errors);
                    NotFor(question.CorrectNumber, "correctNumber", at, errors);
                    NotFor(question.Tolerance, "tolerance", at, errors);
                    NotFor(question.AcceptedAnswers, "acceptedAnswers", at, errors);
                    break;
            }
        }

        return errors.Count == 0 ? null : ApiProblems.Invalid(errors);
    }

    /// <summary>Makes the checked questions the assignment's, in order, and its maximum score their sum.</summary>
    public static void Apply(Assignment assignment, IReadOnlyList<QuestionRequest?> questions)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(questions);
        assignment.Questions.Clear();
        foreach (var (request, position) in questions.Select((q, i) => (q!, i)))
        {
            var question = new AssignmentQuestion
            {
                Id = Guid.CreateVersion7(),
                AssignmentId = assignment.Id,
                Position = position,
                Kind = WireName.Parse<QuestionKind>(request.Kind)!.Value,
                Prompt = request.Prompt!.Trim(),
                Points = decimal.Round(request.Points!.Value, 2),
                CorrectNumber = request.CorrectNumber,
                AcceptedAnswers = request.AcceptedAnswers?.Select(a => a.Trim()).ToList() ?? [],
            };
            question.Tolerance = question.Kind == QuestionKind.Number ? request.Tolerance ?? 0 : null;
            var correct = request.CorrectOptionIds?.ToHashSet(StringComparer.Ordinal) ?? [];
            question.Options.AddRange((request.Options ?? []).Select((o, i) => new QuestionOption
            {
                QuestionId = question.Id, Key = o.Id!.Trim(), Position = i, Text = o.Text!.Trim(), IsCorrect = correct.Contains(o.Id!.Trim()),
            }));
            assignment.Questions.Add(question);
        }

        if (assignment.Questions.Count > 0)
        {
            assignment.MaxScore = assignment.Questions.Sum(q => q.Points);
        }
    }

    private static void CheckChoices(QuestionRequest question, bool single, string at, Dictionary<string, string[]> errors)
    {
        var options = question.Options ?? [];
        if (options.Count < 2)
        {
            errors[$"{at}.options"] = ["A choice question needs at least 2 options."];
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i];
            var optionAt = string.Create(CultureInfo.InvariantCulture, $"{at}.options[{i}]");
            if (option is null)
            {
                errors[optionAt] = ["An option is required."];
                continue;
            }

            if (string.IsNullOrWhiteSpace(option.Id) || !ids.Add(option.Id.Trim()))
            {
                errors[$"{optionAt}.id"] = ["Each option needs an id of its own in the question."];
            }

            if (string.IsNullOrWhiteSpace(option.Text))
            {
                errors[$"{optionAt}.text"] = ["An option cannot be blank."];
            }
        }

        var correct = question.CorrectOptionIds ?? [];
        if (correct.Count == 0)
        {
            errors[$"{at}.correctOptionIds"] = ["Mark the correct option."];
        }
        else if (correct.Any(c => c is null || !ids.Contains(c.Trim())) || correct.Distinct(StringComparer.Ordinal).Count() != correct.Count)
        {
            errors[$"{at}.correctOptionIds"] = ["The correct options must be ids of this question's options, each once."];
        }
        else if (single && correct.Count != 1)
        {
            errors[$"{at}.correctOptionIds"] = ["A single-choice question has exactly one correct option."];
        }
    }

    private static void CheckAccepted(IReadOnlyList<string>? accepted, string at, Dictionary<string, string[]> errors)
    {
        if (accepted is null || accepted.Count == 0)
        {
            errors[$"{at}.acceptedAnswers"] = ["A short-text question needs at least one accepted answer."];
            return;
        }

        if (accepted.Any(a => a is null || QuizScoring.Normalise(a).Length == 0 || a.Length > AssignmentQuestion.MaxShortTextLength))
        {
            errors[$"{at}.acceptedAnswers"] = [$"An accepted answer cannot be blank or longer than {AssignmentQuestion.MaxShortTextLength} characters."];
        }
    }

    private static void NotFor<T>(T? value, string field, string at, Dictionary<string, string[]> errors)
    {
        if (value is not null)
        {
            errors[$"{at}.{field}"] = ["This kind of question does not take this field."];
        }
    }
}
