using System.Linq.Expressions;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Knowledge;

/// <summary>Who writes and reads which elements, lessons and graphs (docs/knowledge-graph.md, "The rules").</summary>
public static class KnowledgeAccess
{
    /// <summary>The subjects a teacher teaches: an active enrollment with them as teacher.</summary>
    public static IQueryable<Guid> TaughtSubjects(TheBotDbContext db, Guid teacherId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Enrollments.Where(e => e.TeacherId == teacherId && e.Status == EnrollmentStatus.Active).Select(e => e.SubjectId);
    }

    /// <summary>A teacher's own elements and those shared in a subject they teach; admins all.</summary>
    public static IQueryable<KnowledgeElement> Elements(TheBotDbContext db, CurrentUser caller)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caller);
        var userId = caller.Id;
        return caller.Role == UserRole.Admin
            ? db.KnowledgeElements
            : db.KnowledgeElements.Where(e => e.AuthorId == userId || (e.Shared && TaughtSubjects(db, userId).Contains(e.SubjectId)));
    }

    /// <summary>Teachers: the graphs they wrote; admins: all; students, parents, tutors: students' graphs of a student they may see.</summary>
    public static IQueryable<KnowledgeGraph> Graphs(TheBotDbContext db, CurrentUser caller)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caller);
        var userId = caller.Id;
        return caller.Role switch
        {
            UserRole.Admin => db.KnowledgeGraphs,
            UserRole.Teacher => db.KnowledgeGraphs.Where(g => g.TeacherId == userId),
            var role => db.KnowledgeGraphs.Where(g => g.StudentId != null
                && StudentRelations.VisibleStudentIds(db, userId, role).Contains(g.StudentId.Value)),
        };
    }

    /// <summary>The progress report: the graph's teacher, the student's tutor, admins.</summary>
    public static IQueryable<KnowledgeGraph> ProgressReaders(TheBotDbContext db, CurrentUser caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var graphs = Graphs(db, caller).Where(g => g.StudentId != null);
        return caller.Role is UserRole.Admin or UserRole.Teacher or UserRole.Tutor ? graphs : graphs.Where(g => false);
    }

    public static readonly Expression<Func<KnowledgeElement, KnowledgeElementResponse>> ElementProjection = e => new KnowledgeElementResponse(
        e.Id, e.SubjectId, new PersonRef(e.AuthorId, e.Author!.FullName, e.Author.Email!), e.Kind, e.Check, e.Title, e.Body, e.VideoUrl,
        e.Options.Select(o => new KnowledgeOptionResponse(o.Id, o.Text, o.Correct)).ToList(), e.CorrectNumber, e.Tolerance, e.AcceptedAnswers,
        e.Points, e.Difficulty, e.Tags, e.EstimatedMinutes, e.Shared, false, e.CreatedAt, e.UpdatedAt);

    public static readonly Expression<Func<KnowledgeGraph, KnowledgeGraphSummary>> GraphSummary = g => new KnowledgeGraphSummary(
        g.Id, g.Title, new EnrollmentSubject(g.SubjectId, g.Subject!.Name, g.Subject.Color),
        new PersonRef(g.TeacherId, g.Teacher!.FullName, g.Teacher.Email!),
        g.StudentId == null ? null : new PersonRef(g.StudentId.Value, g.Student!.FullName, g.Student.Email!),
        g.StudentId == null, g.Nodes.Count, g.CreatedAt, g.UpdatedAt);
}
