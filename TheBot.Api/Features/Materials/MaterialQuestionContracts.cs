using System.ComponentModel.DataAnnotations;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.Materials;

public sealed record AskMaterialQuestionRequest([property: Required, MinLength(1), MaxLength(MaterialQuestionRules.MaxTextLength)] string? Text);

public sealed record ReplyToMaterialQuestionRequest([property: Required, MinLength(1), MaxLength(MaterialQuestionRules.MaxTextLength)] string? Text);

/// <summary>The teacher's moderation: publish to the class, hide, back to pending; mark answered or not.</summary>
public sealed record ModerateMaterialQuestionRequest([property: EnumName<MaterialQuestionStatus>] string? Status, bool? Answered);

public sealed record ModerateMaterialQuestionReplyRequest([property: Required] bool? Hidden);

public sealed record MaterialQuestionReplyResponse(Guid Id, PersonRef Author, bool ByTeacher, string Text, bool Hidden, DateTimeOffset CreatedAt);

public sealed record MaterialQuestionResponse(
    Guid Id,
    Guid MaterialId,
    PersonRef Author,
    string Text,
    MaterialQuestionStatus Status,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset CreatedAt,
    IReadOnlyList<MaterialQuestionReplyResponse> Replies);

public sealed record MaterialQuestionQuery
{
    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}
