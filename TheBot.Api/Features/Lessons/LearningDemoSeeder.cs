using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Assignments;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Seeding;

namespace TheBot.Api.Features.Lessons;

/// <summary>
/// Demo lessons this week and next for the demo teacher and student (past ones completed), and a
/// mathematics assignment with a graded submission. Skips what is already there.
/// </summary>
public sealed class LearningDemoSeeder(TheBotDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    public int Order => 20;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Subjects.TryGetValue(EnrollmentDemoSeeder.Mathematics, out var maths)
            || !context.Subjects.TryGetValue(EnrollmentDemoSeeder.Physics, out var physics))
        {
            return;
        }

        var teacherId = context.People[UserRoleNames.Teacher];
        var studentId = context.People[UserRoleNames.Student];
        var now = clock.GetUtcNow();

        if (!await db.Lessons.AnyAsync(l => l.TeacherId == teacherId && l.StudentId == studentId, cancellationToken))
        {
            var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            var slots = new (int Day, int Hour, Guid Subject, string Topic)[]
            {
                (0, 15, maths, "Квадратные уравнения"),
                (2, 15, physics, "Законы Ньютона"),
                (4, 15, maths, "Теорема Виета"),
                (7, 15, maths, "Системы уравнений"),
                (9, 15, physics, "Импульс и энергия"),
                (11, 15, maths, "Неравенства"),
            };
            foreach (var (day, hour, subject, topic) in slots)
            {
                var start = monday.AddDays(day).AddHours(hour);
                var past = start.AddHours(1) < now;
                var lesson = new Lesson
                {
                    Id = Guid.CreateVersion7(),
                    TeacherId = teacherId,
                    StudentId = studentId,
                    SubjectId = subject,
                    StartsAt = start,
                    EndsAt = start.AddHours(1),
                    Topic = topic,
                    MeetingLink = "https://meet.jit.si/thebot-demo",
                    Status = past ? LessonStatus.Completed : LessonStatus.Confirmed,
                    CreatedById = teacherId,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                db.Lessons.Add(lesson);
                db.LessonHistory.Add(LessonWorkflow.Entry(lesson, past ? "completed" : "created", teacherId, now, null, null, "Demo data"));
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        if (!await db.Assignments.AnyAsync(a => a.TeacherId == teacherId, cancellationToken))
        {
            var assignment = new Assignment
            {
                Id = Guid.CreateVersion7(),
                TeacherId = teacherId,
                SubjectId = maths,
                Title = "Домашнее задание: квадратные уравнения",
                Description = "Решите задачи 1–10 на странице 42.",
                Kind = AssignmentKind.Homework,
                Status = AssignmentStatus.Published,
                DueAt = now.AddDays(-2),
                MaxScore = 10,
                LatePenaltyPercent = 20,
                MaxAttempts = 2,
                Rubric = "По одному баллу за задачу.",
                CreatedAt = now.AddDays(-7),
                PublishedAt = now.AddDays(-7),
            };
            db.Assignments.Add(assignment);
            db.Submissions.Add(new Submission
            {
                Id = Guid.CreateVersion7(),
                AssignmentId = assignment.Id,
                StudentId = studentId,
                Attempt = 1,
                Text = "Ответы: x₁ = 2, x₂ = 3; …",
                SubmittedAt = now.AddDays(-3),
                Status = SubmissionStatus.Graded,
                Score = 9,
                FinalScore = 9,
                Feedback = "Отлично, одна ошибка в задаче 7.",
                GradedAt = now.AddDays(-1),
                GradedById = teacherId,
            });
            db.Assignments.Add(new Assignment
            {
                Id = Guid.CreateVersion7(),
                TeacherId = teacherId,
                SubjectId = physics,
                Title = "Контрольная: законы Ньютона",
                Kind = AssignmentKind.Test,
                Status = AssignmentStatus.Published,
                DueAt = now.AddDays(5),
                MaxScore = 20,
                LatePenaltyPercent = 10,
                MaxAttempts = 1,
                CreatedAt = now,
                PublishedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
