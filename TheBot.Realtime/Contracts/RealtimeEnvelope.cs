using System.Text.Json;
using System.Text.Json.Serialization;

namespace TheBot.Realtime.Contracts;

/// <summary>
/// What api publishes on <see cref="RealtimeChannels.Events"/> after a commit (and realtime's hub for typing and
/// presence) and every realtime replica fans out to its connections: the client method <see cref="Event"/> is
/// invoked with <see cref="Payload"/> on every connection of the audience. Documented in docs/realtime.md.
/// </summary>
public sealed record RealtimeEnvelope(
    Guid Id,
    int Version,
    string Event,
    RealtimeAudience Audience,
    JsonElement Payload,
    DateTimeOffset OccurredAt)
{
    public const int CurrentVersion = 1;

    /// <summary>A new envelope of the current version around the payload, as published on the events channel.</summary>
    public static byte[] Serialize<TPayload>(string eventName, RealtimeAudience audience, TPayload payload, DateTimeOffset occurredAt) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new RealtimeEnvelope(Guid.CreateVersion7(), CurrentVersion, eventName, audience,
                JsonSerializer.SerializeToElement(payload, RealtimeJson.Options), occurredAt),
            RealtimeJson.Options);
}

/// <summary>
/// Who receives an event: users (all their connections), chat rooms' members, or everyone; but never
/// <see cref="ExceptConnection"/> (set by realtime's hub for what a connection sends to the others, e.g. typing).
/// </summary>
public sealed record RealtimeAudience(
    IReadOnlyList<Guid>? Users = null,
    IReadOnlyList<Guid>? Rooms = null,
    bool Everyone = false,
    string? ExceptConnection = null)
{
    public static RealtimeAudience ToUsers(params Guid[] users) => new(Users: users);

    public static RealtimeAudience ToRoom(Guid roomId) => new(Rooms: [roomId]);

    public static RealtimeAudience ToEveryone() => new(Everyone: true);

    [JsonIgnore]
    public bool IsEmpty => !Everyone && (Users is null || Users.Count == 0) && (Rooms is null || Rooms.Count == 0);
}

public static class RealtimeChannels
{
    /// <summary>
    /// The Redis pub/sub channel carrying <see cref="RealtimeEnvelope"/> JSON, version 1: api's events, and the hub's
    /// own sends (typing, presence) that every realtime replica delivers to its connections.
    /// </summary>
    public const string Events = "thebot:realtime:events:v1";

    public static string UserGroup(Guid userId) => $"user:{userId}";

    public static string RoomGroup(Guid roomId) => $"room:{roomId}";
}

/// <summary>One JSON shape for both ends: camelCase, like the SignalR JSON protocol.</summary>
public static class RealtimeJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
