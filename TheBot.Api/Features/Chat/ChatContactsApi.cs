using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.Chat;

/// <summary>
/// The people the caller may start a direct chat with — exactly <see cref="ChatAccess.MayChatWith"/>, the rule
/// <c>POST /api/chat/rooms</c> applies — for the SPA's "new chat" picker.
/// </summary>
public static class ChatContactsApi
{
    public static IEndpointRouteBuilder MapChatContactsApi(this IEndpointRouteBuilder api)
    {
        api.MapGroup("/chat/contacts").WithTags("Chat")
            .MapGet("/", ListContactsAsync).RequireSignedIn()
            .WithName("ListChatContacts")
            .WithSummary("People I may start a direct chat with (the same rules as starting one), by name; search by part of the name");
        return api;
    }

    private static async Task<Ok<PagedResult<ChatContactResponse>>> ListContactsAsync(
        [AsParameters] ChatContactQuery query, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var people = db.Users.AsNoTracking().Where(ChatAccess.MayChatWith(db, caller.Id, caller.Role));
        if (query.RoleFilter is { } role)
        {
            people = people.Where(u => u.Role == role);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = SearchPattern.Containing(query.Search);
            people = people.Where(u => EF.Functions.ILike(u.FullName, pattern, SearchPattern.EscapeCharacter));
        }

        var page = await people
            .OrderBy(u => u.FullName).ThenBy(u => u.Id)
            .Select(u => new ChatContactResponse(u.Id, u.FullName, u.Role))
            .ToPageAsync(query.Paging, ct);
        return TypedResults.Ok(page);
    }
}

public sealed record ChatContactQuery
{
    /// <summary>Part of the person's name.</summary>
    [MaxLength(100)]
    public string? Search { get; init; }

    /// <summary>Only people with this role (student, teacher, tutor, parent, admin).</summary>
    [EnumName<UserRole>]
    public string? Role { get; init; }

    public UserRole? RoleFilter => UserRoleNames.TryParse(Role, out var role) ? role : null;

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

public sealed record ChatContactResponse(Guid Id, string FullName, UserRole Role);
