namespace TheBot.Realtime.Contracts;

/// <summary>
/// <c>materialQuestionChanged</c>: a question under a material was asked, replied to, moderated or deleted. To the
/// material's teacher and the asker; once the question is published, also to every student the material is for.
/// <see cref="Change"/> is asked, replied, moderated or deleted; <see cref="Status"/> pending, published or hidden.
/// </summary>
public sealed record MaterialQuestionChangedEvent(Guid QuestionId, Guid MaterialId, Guid TeacherId, Guid AuthorId, string Change, string Status);

public static class MaterialEventNames
{
    public const string MaterialQuestionChanged = "materialQuestionChanged";
}
