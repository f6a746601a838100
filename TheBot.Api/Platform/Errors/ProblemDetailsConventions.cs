using System.Text.Json;

namespace TheBot.Api.Platform.Errors;

/// <summary>Every problem response carries the trace id; validation errors are keyed like the JSON fields.</summary>
public static class ProblemDetailsConventions
{
    public static void Apply(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        if (context.ProblemDetails is HttpValidationProblemDetails validation && validation.Errors.Count > 0)
        {
            var renamed = validation.Errors.ToDictionary(e => ToJsonPath(e.Key), e => e.Value, StringComparer.Ordinal);
            validation.Errors.Clear();
            foreach (var (key, messages) in renamed)
            {
                validation.Errors[key] = messages;
            }
        }
    }

    /// <summary><c>Student.Email</c> → <c>student.email</c>, <c>Items[0].Name</c> → <c>items[0].name</c>.</summary>
    public static string ToJsonPath(string memberPath) =>
        string.Join('.', memberPath.Split('.').Select(segment => JsonNamingPolicy.CamelCase.ConvertName(segment)));
}
