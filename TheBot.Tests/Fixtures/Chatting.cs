using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using TheBot.Tests.Realtime;

namespace TheBot.Tests.Fixtures;

/// <summary>Chat through the real API and hub: open rooms, post, and listen on sockets.</summary>
public static class Chatting
{
    public static async Task<Guid> StartRoomAsync(SignedIn caller, Guid participantId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        using var response = await caller.Client.PostAsJsonAsync("/api/chat/rooms", new { participantId });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<CreatedResource>(TestContext.Current.CancellationToken))!.Id;
    }

    /// <summary>The subject room a teacher shares with the students enrolled with them in the subject.</summary>
    public static async Task<Guid> SubjectRoomAsync(SignedIn member, Guid subjectId)
    {
        ArgumentNullException.ThrowIfNull(member);
        using var rooms = await member.Client.GetAsync("/api/chat/rooms?pageSize=100");
        await Expect.StatusAsync(HttpStatusCode.OK, rooms);
        return (await rooms.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("kind").GetString() == "subject" && r.GetProperty("subjectId").GetGuid() == subjectId)
            .GetProperty("id").GetGuid();
    }

    /// <summary>Posts a message (201, or 200 when the client message id was seen before) and returns it as stored.</summary>
    public static async Task<ChatMessage> PostAsync(SignedIn author, Guid roomId, string text, string? clientMessageId = null)
    {
        ArgumentNullException.ThrowIfNull(author);
        using var response = await author.Client.PostAsJsonAsync($"/api/chat/rooms/{roomId}/messages", new { text, clientMessageId });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<ChatMessage>(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Matches a hub event about the message (messageCreated, messageEdited, messageDeleted).</summary>
    public static Func<JsonElement, bool> MessageIs(Guid id) => payload => payload.GetProperty("message").GetProperty("id").GetGuid() == id;

    public static async Task<JsonElement> MessagesAsync(SignedIn caller, Guid roomId, string query = "")
    {
        ArgumentNullException.ThrowIfNull(caller);
        using var response = await caller.Client.GetAsync($"/api/chat/rooms/{roomId}/messages{query}");
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    /// <summary>A started hub connection recording every event it receives, by name.</summary>
    public static async Task<Listener> ListenAsync(TestAppHost host, SignedIn user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var connection = RealtimeProbe.Connect(host, user.AccessToken);
        var listener = new Listener(connection);
        foreach (var name in (string[])["messageCreated", "messageEdited", "messageDeleted", "roomRead", "typing", "presence", "notification", "roomJoined", "roomLeft", "fence"])
        {
            connection.On<JsonElement>(name, payload => listener.Record(name, payload));
        }

        try
        {
            await connection.StartJoinedAsync(ct);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return listener;
    }
}

/// <summary>A chat message as the API answers it (the parts tests read).</summary>
public sealed record ChatMessage(Guid Id, string Text);

public sealed class Listener(HubConnection connection) : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Name, JsonElement Payload)> _events = new();
    private readonly List<(string Name, Func<JsonElement, bool> Match, TaskCompletionSource<JsonElement> Done)> _waiters = [];
    private readonly Lock _lock = new();

    public HubConnection Connection { get; } = connection;

    public IReadOnlyList<(string Name, JsonElement Payload)> Events => [.. _events];

    public void Record(string name, JsonElement payload)
    {
        _events.Enqueue((name, payload));
        lock (_lock)
        {
            foreach (var waiter in _waiters.Where(w => w.Name == name && w.Match(payload)).ToList())
            {
                waiter.Done.TrySetResult(payload);
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Waits for an event (already received or still to come) that matches.</summary>
    public Task<JsonElement> WaitAsync(string name, Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            foreach (var (n, p) in _events)
            {
                if (n == name && match(p))
                {
                    return Task.FromResult(p);
                }
            }

            _waiters.Add((name, match, done));
        }

        return done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(15));
    }

    public int Count(string name, Func<JsonElement, bool> match) => _events.Count(e => e.Name == name && match(e.Payload));

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
