namespace TheBot.Api.Platform.Storage;

/// <summary>
/// What a handler that receives files needs, taken as one <c>[AsParameters]</c> group: the reader of the multipart
/// body and the quota that forgets files a refused request had already stored.
/// </summary>
internal sealed record FileUploads(MultipartUploadReader Reader, StorageQuota Quota);
