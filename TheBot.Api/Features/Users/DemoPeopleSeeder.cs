using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Seeding;

namespace TheBot.Api.Features.Users;

/// <summary>
/// The demo people everyone can sign in as (README): admin, teacher, tutor, student and parent
/// @thebot.local, the student linked to that tutor and parent.
/// </summary>
public sealed class DemoPeopleSeeder(TheBotDbContext db, UserAccounts accounts, TimeProvider clock) : IDemoDataSeeder
{
    public static readonly IReadOnlyList<(string Email, string Name, UserRole Role)> People =
    [
        ("admin@thebot.local", "Анна Админова", UserRole.Admin),
        ("teacher@thebot.local", "Татьяна Учителева", UserRole.Teacher),
        ("tutor@thebot.local", "Тимур Тьюторов", UserRole.Tutor),
        ("parent@thebot.local", "Павел Родителев", UserRole.Parent),
        ("student@thebot.local", "Степан Ученик", UserRole.Student),
    ];

    public int Order => 0;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        foreach (var (email, name, role) in People)
        {
            var normalized = email.ToUpperInvariant();
            var id = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
            if (id is null)
            {
                var created = await accounts.CreateAsync(new NewUser(email, name, role, Password: context.Password), cancellationToken);
                id = created.User?.Id ?? throw new InvalidOperationException(
                    $"Demo user {email} was refused: {string.Join("; ", created.Errors!.SelectMany(e => e.Value))}");
            }

            context.People[role.ToName()] = id.Value;
        }

        var studentId = context.People[UserRoleNames.Student];
        var profile = await db.StudentProfiles.FirstAsync(p => p.UserId == studentId, cancellationToken);
        profile.TutorId ??= context.People[UserRoleNames.Tutor];
        profile.Grade ??= 9;
        profile.Goal ??= "Сдать ОГЭ по математике на 5";
        var parentId = context.People[UserRoleNames.Parent];
        if (!await db.StudentParents.AnyAsync(sp => sp.StudentId == studentId && sp.ParentId == parentId, cancellationToken))
        {
            db.StudentParents.Add(new StudentParent { StudentId = studentId, ParentId = parentId, LinkedAt = clock.GetUtcNow() });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
