namespace TheBot.Realtime.Contracts;

/// <summary>
/// <c>studyPlanChanged</c>: a study plan was sent or edited after sending (to the student, their parents and tutor),
/// or the student ticked an item (also to the plan's teacher). <see cref="Change"/> is sent, edited or ticked;
/// <see cref="WeekStart"/> the Monday of the plan's week (yyyy-MM-dd).
/// </summary>
public sealed record StudyPlanChangedEvent(
    Guid PlanId, Guid StudentId, Guid SubjectId, Guid TeacherId, string WeekStart, string Change, int Added, int Removed, int Changed);

public static class StudyPlanEventNames
{
    public const string StudyPlanChanged = "studyPlanChanged";
}
