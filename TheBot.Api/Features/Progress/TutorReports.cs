using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Platform.Errors;

namespace TheBot.Api.Features.Progress;

/// <summary>Checks and applies a tutor's per-subject notes, and the rule every report's figures keep.</summary>
public static class TutorReports
{
    public const int MaxNotes = 20;

    /// <summary>Each subject once, and one that exists.</summary>
    public static async Task<ValidationProblem?> CheckNotesAsync(TheBotDbContext db, IReadOnlyList<TutorReportNoteRequest> notes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(notes);
        var errors = new Dictionary<string, string[]>();
        var ids = notes.Where(n => n?.SubjectId is not null).Select(n => n.SubjectId!.Value).Distinct().ToList();
        var known = await db.Subjects.Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
        var seen = new HashSet<Guid>();
        for (var i = 0; i < notes.Count; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"notes[{i}]");
            if (notes[i] is not { SubjectId: { } subjectId })
            {
                errors[at] = ["A note needs its subject."];
            }
            else if (!known.Contains(subjectId) || !seen.Add(subjectId))
            {
                errors[$"{at}.subjectId"] = ["Not a subject, or a subject noted twice."];
            }
            else if (string.IsNullOrWhiteSpace(notes[i].Text))
            {
                errors[$"{at}.text"] = ["A note needs its text."];
            }
        }

        return errors.Count == 0 ? null : ApiProblems.Invalid(errors);
    }

    public static void ApplyNotes(TutorReport report, IReadOnlyList<TutorReportNoteRequest> notes)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(notes);
        report.Notes.Clear();
        foreach (var note in notes)
        {
            report.Notes.Add(new TutorReportNote
            {
                Id = Guid.CreateVersion7(),
                ReportId = report.Id,
                SubjectId = note.SubjectId!.Value,
                Position = report.Notes.Count,
                Text = note.Text!.Trim(),
            });
        }
    }

    /// <summary>A week cannot have more lessons attended than scheduled.</summary>
    public static ValidationProblem? CheckFigures(int attended, int scheduled) =>
        attended > scheduled ? ApiProblems.Invalid("lessonsAttended", "Lessons attended cannot be more than lessons scheduled.") : null;
}
