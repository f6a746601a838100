using System.Text.Json;
using System.Text.Json.Serialization;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Lessons;

/// <summary>
/// Source-generated JSON metadata for the lesson list's response (the busiest read), first in the http JSON options'
/// resolver chain: no reflection-built contracts for these types. The options' own settings (web defaults, enums as
/// camel-case names) still apply, so the bytes are the same.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PagedResult<LessonResponse>))]
internal sealed partial class LessonsJsonContext : JsonSerializerContext;
