using Microsoft.Extensions.Options;

namespace TheBot.Api.Features.Progress;

/// <summary>
/// The <c>WeeklyReports</c> section: from which day of the ISO week (Monday first) the <c>weekly-report-reminders</c>
/// job reminds teachers, then tutors, who have not sent the week's reports (checked at startup).
/// </summary>
public sealed class WeeklyReportOptions
{
    public const string SectionName = "WeeklyReports";

    /// <summary>From this day, a teacher without a sent report on each student and subject they teach is reminded.</summary>
    public DayOfWeek TeacherReminderDay { get; set; } = DayOfWeek.Friday;

    /// <summary>From this day (not before the teachers' day), a tutor without a sent report on each active student is reminded.</summary>
    public DayOfWeek TutorReminderDay { get; set; } = DayOfWeek.Sunday;
}

internal sealed class WeeklyReportOptionsValidation : IValidateOptions<WeeklyReportOptions>
{
    public ValidateOptionsResult Validate(string? name, WeeklyReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.TeacherReminderDay) || !Enum.IsDefined(options.TutorReminderDay))
        {
            return ValidateOptionsResult.Fail("WeeklyReports:TeacherReminderDay and WeeklyReports:TutorReminderDay must be days of the week (Monday … Sunday).");
        }

        return ReportWeeks.DayIndex(options.TutorReminderDay) < ReportWeeks.DayIndex(options.TeacherReminderDay)
            ? ValidateOptionsResult.Fail("WeeklyReports:TutorReminderDay must not come before WeeklyReports:TeacherReminderDay in the week (Monday first): tutors write after teachers.")
            : ValidateOptionsResult.Success;
    }
}
