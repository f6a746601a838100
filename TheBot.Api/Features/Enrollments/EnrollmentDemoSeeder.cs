using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Subjects;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Seeding;

namespace TheBot.Api.Features.Enrollments;

/// <summary>Demo subjects; the demo teacher teaches two of them and the demo student is enrolled in both.</summary>
public sealed class EnrollmentDemoSeeder(TheBotDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    public const string Mathematics = "Математика";
    public const string Physics = "Физика";
    private const string English = "Английский язык";

    public int Order => 10;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        var now = clock.GetUtcNow();
        var subjects = new Dictionary<string, Guid>();
        foreach (var (name, color, description) in new[]
        {
            (Mathematics, "#2563EB", "Алгебра и геометрия, подготовка к ОГЭ и ЕГЭ"),
            (Physics, "#DC2626", "Механика, электричество, оптика"),
            (English, "#16A34A", "Разговорная практика и грамматика"),
        })
        {
            var id = await db.Subjects.Where(s => s.Name == name).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
            if (id is null)
            {
                id = Guid.CreateVersion7();
                db.Subjects.Add(new Subject { Id = id.Value, Name = name, Color = color, Description = description, CreatedAt = now });
            }

            subjects[name] = id.Value;
        }

        await db.SaveChangesAsync(cancellationToken);

        var teacherId = context.People[UserRoleNames.Teacher];
        var studentId = context.People[UserRoleNames.Student];
        var tutorId = context.People[UserRoleNames.Tutor];
        foreach (var name in new[] { Mathematics, Physics })
        {
            var subjectId = subjects[name];
            if (!await db.TeacherSubjects.AnyAsync(ts => ts.TeacherId == teacherId && ts.SubjectId == subjectId, cancellationToken))
            {
                db.TeacherSubjects.Add(new TeacherSubject { TeacherId = teacherId, SubjectId = subjectId });
            }

            if (!await db.Enrollments.AnyAsync(e => e.StudentId == studentId && e.SubjectId == subjectId, cancellationToken))
            {
                db.Enrollments.Add(new Enrollment
                {
                    Id = Guid.CreateVersion7(),
                    StudentId = studentId,
                    SubjectId = subjectId,
                    TeacherId = teacherId,
                    CreatedById = tutorId,
                    CreatedAt = now,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        context.Subjects[Mathematics] = subjects[Mathematics];
        context.Subjects[Physics] = subjects[Physics];
    }
}
