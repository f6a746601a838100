using System.Globalization;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.StudyPlans;

/// <summary>Checks a plan's list of items as the teacher sends it and applies it, saying what changed.</summary>
public static class StudyPlanItems
{
    /// <summary>Ids must be the plan's own (each once); a link needs an http(s) address, and any address must be one.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem? Check(IReadOnlyList<StudyPlanItemRequest> items, StudyPlan? existing)
    {
        ArgumentNullException.ThrowIfNull(items);
        var errors = new Dictionary<string, string[]>();
        var seen = new HashSet<Guid>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"items[{i}]");
            if (item is null)
            {
                errors[at] = ["An item is required."];
                continue;
            }

            if (item.Id is { } id && (existing is null || !existing.Items.Any(x => x.Id == id) || !seen.Add(id)))
            {
                errors[$"{at}.id"] = ["Not an item of this plan (or given twice); leave it out for a new item."];
            }

            var url = Trimmed(item.Url);
            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            {
                errors[$"{at}.url"] = ["An address must be an absolute http:// or https:// one."];
            }
            else if (url is null && WireName.Parse<StudyPlanItemKind>(item.Kind) == StudyPlanItemKind.Link)
            {
                errors[$"{at}.url"] = ["A link item needs its address."];
            }
        }

        return errors.Count == 0 ? null : ApiProblems.Invalid(errors);
    }

    /// <summary>Makes the plan's items the given list (checked by <see cref="Check"/>), in its order.</summary>
    public static StudyPlanChanges Apply(StudyPlan plan, IReadOnlyList<StudyPlanItemRequest> items)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(items);
        var kept = items.Where(r => r.Id is not null).Select(r => r.Id!.Value).ToHashSet();
        var removed = plan.Items.Where(i => !kept.Contains(i.Id)).ToList();
        foreach (var item in removed)
        {
            plan.Items.Remove(item);
        }

        List<string> added = [], changed = [];
        var reordered = false;
        for (var position = 0; position < items.Count; position++)
        {
            var request = items[position];
            var kind = WireName.Parse<StudyPlanItemKind>(request.Kind)!.Value;
            var title = request.Title!.Trim();
            var details = Trimmed(request.Details);
            var url = Trimmed(request.Url);
            var item = request.Id is { } id ? plan.Items.First(i => i.Id == id) : null;
            if (item is null)
            {
                plan.Items.Add(new StudyPlanItem { Id = Guid.CreateVersion7(), Position = position, Kind = kind, Title = title, Details = details, Url = url });
                added.Add(title);
                continue;
            }

            if (item.Kind != kind || item.Title != title || item.Details != details || item.Url != url)
            {
                changed.Add(title);
            }

            reordered |= item.Position != position;
            (item.Position, item.Kind, item.Title, item.Details, item.Url) = (position, kind, title, details, url);
            if (kind != StudyPlanItemKind.File)
            {
                (item.FileKey, item.FileName, item.FileContentType, item.FileLength, item.FileSha256) = (null, null, null, null, null);
            }
        }

        return new StudyPlanChanges(added, [.. removed.Select(i => i.Title)], changed) { Reordered = reordered };
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
