using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.ParentInvitations;

/// <summary>
/// Makes parent invitations. What it answers never depends on whether the email has an account (no
/// existence or role oracle for the tutor): an existing parent account only learns of it by a
/// notification, and nothing is linked until someone holding that email says yes.
/// </summary>
public sealed class ParentInvitationIssuer(TheBotDbContext db, Notifier notifier, TimeProvider clock)
{
    /// <summary>Adds an invitation (saved with the caller's changes); a pending one to the same email for the student is revoked.</summary>
    public async Task<ParentInvitationIssued> IssueAsync(Guid studentId, Guid tutorId, string email, string? fullName, string? phone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(email);
        var now = clock.GetUtcNow();
        var normalized = Normalize(email);
        await db.ParentInvitations
            .Where(i => i.StudentId == studentId && i.NormalizedEmail == normalized && i.Status == ParentInvitationStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ParentInvitationStatus.Revoked).SetProperty(i => i.RespondedAt, now), ct);

        var code = NewCode();
        var invitation = new ParentInvitation
        {
            Id = Guid.CreateVersion7(),
            StudentId = studentId,
            InvitedById = tutorId,
            Email = email.Trim(),
            NormalizedEmail = normalized,
            FullName = string.IsNullOrWhiteSpace(fullName) ? null : fullName.Trim(),
            Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim(),
            CodeHash = Hash(code),
            CreatedAt = now,
            ExpiresAt = now + ParentInvitation.Lifetime,
        };
        db.ParentInvitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        return new ParentInvitationIssued(invitation.Id, invitation.Email, invitation.FullName, code, invitation.ExpiresAt);
    }

    /// <summary>After the commit: an existing parent account with that email hears of the invitation (anyone else hears nothing).</summary>
    public async Task NotifyAsync(Guid invitationId, CancellationToken ct)
    {
        var invited = await db.ParentInvitations.AsNoTracking()
            .Where(i => i.Id == invitationId)
            .Select(i => new
            {
                Tutor = i.InvitedBy!.FullName,
                Student = i.Student!.FullName,
                ParentId = db.Users.Where(u => u.NormalizedEmail == i.NormalizedEmail && u.Role == UserRole.Parent && u.IsActive)
                    .Select(u => (Guid?)u.Id).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (invited?.ParentId is { } parentId)
        {
            await notifier.NotifyAsync([parentId], NotificationTypes.ParentInvitation, "Is this your child?",
                $"{invited.Tutor} asks you to confirm {invited.Student} as your child. Accept or decline under Family.", "/family",
                cancellationToken: ct);
        }
    }

    /// <summary>As Identity normalises emails (upper case, invariant): how an account with this email is found.</summary>
    public static string Normalize(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToUpperInvariant();
    }

    public static byte[] Hash(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(code));

    private static string NewCode() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
