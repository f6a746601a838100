using System.Linq.Expressions;
using TheBot.Api.Data;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.ParentInvitations;

/// <summary>Which invitations a parent sees (those addressed to their email), and the response they see.</summary>
public static class ParentInvitationAccess
{
    public static IQueryable<ParentInvitation> AddressedTo(TheBotDbContext db, Guid userId) =>
        db.ParentInvitations.Where(i => db.Users.Any(u => u.Id == userId && u.NormalizedEmail == i.NormalizedEmail));

    /// <summary>The response every invitation endpoint returns.</summary>
    public static readonly Expression<Func<ParentInvitation, ParentInvitationResponse>> Projection = i => new ParentInvitationResponse(
        i.Id,
        new PersonRef(i.StudentId, i.Student!.FullName, i.Student.Email!),
        new PersonRef(i.InvitedById, i.InvitedBy!.FullName, i.InvitedBy.Email!),
        i.Status, i.CreatedAt, i.ExpiresAt, i.RespondedAt);
}
