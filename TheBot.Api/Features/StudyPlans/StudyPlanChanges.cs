namespace TheBot.Api.Features.StudyPlans;

/// <summary>What an edit did to a plan's items, by title: what the student is told after the plan was sent.</summary>
public sealed record StudyPlanChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Changed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0 && !Reordered;

    /// <summary>Only the order changed.</summary>
    public bool Reordered { get; init; }

    public string Describe(bool russian)
    {
        var parts = new List<string>();
        if (Added.Count > 0)
        {
            parts.Add((russian ? "Добавлено: " : "Added: ") + string.Join(", ", Added));
        }

        if (Removed.Count > 0)
        {
            parts.Add((russian ? "Убрано: " : "Removed: ") + string.Join(", ", Removed));
        }

        if (Changed.Count > 0)
        {
            parts.Add((russian ? "Изменено: " : "Changed: ") + string.Join(", ", Changed));
        }

        if (parts.Count == 0)
        {
            parts.Add(russian ? "Изменён порядок пунктов" : "The order of the items changed");
        }

        return string.Join(". ", parts) + ".";
    }
}
