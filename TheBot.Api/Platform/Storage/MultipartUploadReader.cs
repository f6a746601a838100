using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;

namespace TheBot.Api.Platform.Storage;

/// <summary>A file saved from an upload: where its bytes are and what it is.</summary>
public sealed record UploadedFile(string FieldName, string FileName, string ContentType, long Length, string Sha256, string StorageKey);

/// <summary>The text fields and files of a multipart upload, the files already in the content store.</summary>
public sealed record UploadForm(IReadOnlyDictionary<string, string> Fields, IReadOnlyList<UploadedFile> Files)
{
    public string? Field(string name) => Fields.GetValueOrDefault(name);
}

/// <summary>What one upload route accepts.</summary>
public sealed record UploadLimits(int MaxFiles = 1, int MinFiles = 1, int MaxFieldLength = 20_000, int MaxFields = 20)
{
    /// <summary>A route's own cap on each file, below <see cref="StorageOptions.MaxFileBytes"/> (e.g. avatars); null: that one.</summary>
    public long? MaxFileBytes { get; init; }

    /// <summary>The only types (recognised by content) this route takes; null: every type the store accepts.</summary>
    public AcceptedFileTypes? Types { get; init; }
}

/// <summary>A route's narrower set of file types, and how its refusal names them.</summary>
public sealed record AcceptedFileTypes(IReadOnlySet<string> ContentTypes, string Description);

/// <summary>Either the form or the problem to answer with (any files saved before it are removed).</summary>
public sealed record UploadReadResult(UploadForm? Form, IResult? Problem);

/// <summary>
/// Reads a <c>multipart/form-data</c> request section by section: text fields into memory (bounded),
/// files straight into the content store (never buffered whole), each recognised by its content and
/// given a sanitised name. Nothing is kept when the upload is refused. With a <see cref="StorageQuota"/>
/// (always, in the API) the signed-in uploader's hourly allowance is counted before the body is read,
/// no file may outgrow what they may still store, and the files are recorded as theirs at the end.
/// </summary>
public sealed class MultipartUploadReader(IContentStore store, IOptions<StorageOptions> options, StorageQuota? quota = null)
{
    public async Task<UploadReadResult> ReadAsync(HttpRequest request, UploadLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);

        var owner = quota is null ? (Guid?)null : request.HttpContext.User.GetUserId();
        var remaining = long.MaxValue;
        if (owner is { } ownerId)
        {
            if (await quota!.TryStartUploadAsync(ownerId) is { } wait)
            {
                return Refuse(ApiProblems.TooManyRequests(wait, "You have sent as many uploads as an hour allows; send more after the time in Retry-After."));
            }

            var used = await quota.UsedBytesAsync(ownerId, cancellationToken);
            if (used >= quota.QuotaBytes)
            {
                return Refuse(quota.Exceeded(used));
            }

            remaining = quota.QuotaBytes - used;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return Refuse(TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: "Send the file as multipart/form-data."));
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new List<UploadedFile>();
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !(disposition.IsFormDisposition() || disposition.IsFileDisposition()))
                {
                    return await FailAsync(files, Invalid("form", "Every part must be a form-data field or file."), cancellationToken);
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                if (disposition.IsFileDisposition())
                {
                    if (files.Count == limits.MaxFiles)
                    {
                        return await FailAsync(files, Invalid(name, $"At most {limits.MaxFiles} file(s) may be sent."), cancellationToken);
                    }

                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    var room = remaining - files.Sum(f => f.Length);
                    var (file, problem) = await SaveFileAsync(section.Body, name, fileName, room, limits, cancellationToken);
                    if (problem is not null)
                    {
                        return await FailAsync(files, problem, cancellationToken);
                    }

                    files.Add(file!);
                    continue;
                }

                if (fields.Count == limits.MaxFields || fields.ContainsKey(name))
                {
                    return await FailAsync(files, Invalid(name, "Too many or repeated form fields."), cancellationToken);
                }

                var value = await ReadFieldAsync(section.Body, limits.MaxFieldLength, cancellationToken);
                if (value is null)
                {
                    return await FailAsync(files, Invalid(name, $"At most {limits.MaxFieldLength} characters."), cancellationToken);
                }

                // PostgreSQL text cannot hold NUL: refused here, like in JSON bodies, not by the database.
                if (value.Contains('\0', StringComparison.Ordinal))
                {
                    return await FailAsync(files, Invalid(name, "Contains a NUL character, which text may not hold."), cancellationToken);
                }

                fields[name] = value;
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await DeleteAsync(files, CancellationToken.None);
            return Refuse(TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Upload too large",
                detail: $"An upload may be at most {options.Value.MaxFileBytes / (1024 * 1024)} MB in all."));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            await DeleteAsync(files, CancellationToken.None);
            return Refuse(Invalid("form", "The multipart body is malformed or incomplete."));
        }
        catch
        {
            await DeleteAsync(files, CancellationToken.None);
            throw;
        }

        if (files.Count < limits.MinFiles)
        {
            return await FailAsync(files, Invalid("file", "Attach a file."), cancellationToken);
        }

        // The arbiter when uploads of one person race: the database, under a lock per person.
        if (owner is { } uploader && await quota!.RecordAsync(uploader, files, cancellationToken) is { } usedBytes)
        {
            return await FailAsync(files, quota.Exceeded(usedBytes), cancellationToken);
        }

        return new UploadReadResult(new UploadForm(fields, files), null);
    }

    private async Task<(UploadedFile? File, IResult? Problem)> SaveFileAsync(
        Stream body, string fieldName, string? fileName, long room, UploadLimits limits, CancellationToken cancellationToken)
    {
        var sample = new byte[FileTypeSniffer.SampleSize];
        var sampled = await body.ReadAtLeastAsync(sample, sample.Length, throwOnEndOfStream: false, cancellationToken);
        if (sampled == 0)
        {
            return (null, Invalid(fieldName, "The file is empty."));
        }

        var type = FileTypeSniffer.Detect(sample.AsSpan(0, sampled), fileName, isWholeFile: sampled < sample.Length);
        if (type is null)
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported file type",
                detail: "Accepted: PDF, images (PNG, JPEG, GIF, WebP), audio and video (MP3, MP4), office documents and plain text."));
        }

        if (limits.Types is { } accepted && !accepted.ContentTypes.Contains(type.ContentType))
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported file type",
                detail: $"Accepted here: {accepted.Description}."));
        }

        var maxBytes = Math.Min(options.Value.MaxFileBytes, limits.MaxFileBytes ?? long.MaxValue);
        try
        {
            var stored = await store.SaveAsync(new PrefixedReadStream(sample.AsMemory(0, sampled), body), Math.Min(maxBytes, room), cancellationToken);
            return (new UploadedFile(fieldName, FileNameSanitizer.Sanitize(fileName, type), type.ContentType, stored.Length, stored.Sha256, stored.Key), null);
        }
        catch (ContentTooLargeException) when (room < maxBytes && quota is not null)
        {
            return (null, quota.Exceeded(quota.QuotaBytes - room));
        }
        catch (ContentTooLargeException)
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "File too large",
                detail: $"A file may be at most {maxBytes / (1024 * 1024)} MB."));
        }
    }

    private static async Task<string?> ReadFieldAsync(Stream body, int maxLength, CancellationToken cancellationToken)
    {
        // UTF-8 takes at most 4 bytes per character: read one byte past that bound to detect excess.
        var limit = (maxLength * 4) + 1;
        var buffer = new byte[Math.Min(limit, 16 * 1024)];
        using var collected = new MemoryStream();
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            collected.Write(buffer, 0, read);
            if (collected.Length >= limit)
            {
                return null;
            }
        }

        var text = Encoding.UTF8.GetString(collected.GetBuffer(), 0, (int)collected.Length);
        return text.Length > maxLength ? null : text;
    }

    private async Task<UploadReadResult> FailAsync(List<UploadedFile> saved, IResult problem, CancellationToken cancellationToken)
    {
        await DeleteAsync(saved, cancellationToken);
        return Refuse(problem);
    }

    private async Task DeleteAsync(List<UploadedFile> saved, CancellationToken cancellationToken)
    {
        foreach (var file in saved)
        {
            await store.DeleteAsync(file.StorageKey, cancellationToken);
        }
    }

    private static UploadReadResult Refuse(IResult problem) => new(null, problem);

    private static ValidationProblem Invalid(string field, string message) =>
        ApiProblems.Invalid(string.IsNullOrEmpty(field) ? "form" : field, message);
}
