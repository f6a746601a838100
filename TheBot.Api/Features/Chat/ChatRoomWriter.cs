using System.Collections.Concurrent;
using Npgsql;
using TheBot.Api.Data;
using TheBot.Api.Platform.Diagnostics;
using TheBot.Api.Platform.Realtime;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Chat;

/// <summary>
/// Stores the posts into one room that arrive together in one statement and one commit. Posts into one room share
/// the room's row (its sequence), whose lock is held until the commit has been flushed to disk: stored one at a
/// time, a room takes at most one post per WAL flush (~3.7 ms on the benchmark machine's disk, ~270 posts/s). Here
/// each room has a queue; while one batch is being stored, the posts that arrive wait in it and are stored together
/// next, with consecutive sequences in the order they arrived (<see cref="ChatMessageStore.InsertBatchAsync"/>).
/// Each caller still gets its own result: its stored message, or null when a message with its client message id
/// exists (the caller answers with that one). When a batch's statement fails, its posts are stored one by one, so
/// one post's failure is only that post's. Cancelled callers that are still queued are left out.
/// <para>
/// The writer also publishes each stored message's <c>messageCreated</c>, in sequence order (the publishes of a
/// room are issued one after the other on one Redis connection), before its caller goes on: the room's members
/// receive a room's messages in the order they were stored.
/// </para>
/// </summary>
internal sealed partial class ChatRoomWriter(IServiceScopeFactory scopes, IRealtimePublisher realtime, ILogger<ChatRoomWriter> logger)
{
    /// <summary>Posts stored in one statement at most (the per-room admission limit usually keeps batches smaller).</summary>
    public const int MaxBatch = 64;

    private readonly ConcurrentDictionary<Guid, RoomQueue> _rooms = new();

    /// <summary>
    /// Stores <paramref name="message"/> (its sequence is given here) and publishes it as <paramref name="describe"/>
    /// makes it from what was stored; null when its client message id is already stored (nothing is published).
    /// </summary>
    public Task<ChatMessagePayload?> StoreAsync(ChatMessage message, Func<StoredMessage, ChatMessagePayload> describe, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(describe);
        var post = new PendingPost(message, describe, SqlCommandCounter.CurrentTally, ct);
        while (true)
        {
            var queue = _rooms.GetOrAdd(message.RoomId, static _ => new RoomQueue());
            bool start;
            lock (queue)
            {
                if (queue.Closed)
                {
                    continue; // emptied and removed just now: take the room's next queue
                }

                queue.Pending.Enqueue(post);
                start = !queue.Draining;
                queue.Draining = true;
            }

            if (start)
            {
                // The drain outlives this request: it must not carry the request's ambient state (its SQL tally, trace).
                using (ExecutionContext.SuppressFlow())
                {
                    _ = Task.Run(() => DrainAsync(message.RoomId, queue), CancellationToken.None);
                }
            }

            return post.Result.Task.WaitAsync(ct);
        }
    }

    private async Task DrainAsync(Guid roomId, RoomQueue queue)
    {
        while (TakeBatch(roomId, queue) is { Count: > 0 } batch)
        {
            await StoreBatchAsync(batch);
        }
    }

    /// <summary>The next batch in arrival order, up to the first post that repeats a client message id of an earlier one in it.</summary>
    private List<PendingPost> TakeBatch(Guid roomId, RoomQueue queue)
    {
        lock (queue)
        {
            var batch = new List<PendingPost>(Math.Min(queue.Pending.Count, MaxBatch));
            var keys = new HashSet<(Guid, string)>();
            while (batch.Count < MaxBatch && queue.Pending.TryPeek(out var next))
            {
                if (next.Cancellation.IsCancellationRequested)
                {
                    queue.Pending.Dequeue();
                    next.Result.TrySetCanceled(next.Cancellation);
                    continue;
                }

                if (next.Message.ClientMessageId is { } key && !keys.Add((next.Message.AuthorId, key)))
                {
                    break; // the same send twice: the second goes in the next batch, which finds the first stored
                }

                batch.Add(queue.Pending.Dequeue());
            }

            if (batch.Count == 0 && queue.Pending.Count == 0)
            {
                queue.Draining = false;
                queue.Closed = true;
                _rooms.TryRemove(new KeyValuePair<Guid, RoomQueue>(roomId, queue));
            }

            return batch;
        }
    }

    private async Task StoreBatchAsync(List<PendingPost> batch)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TheBotDbContext>();
            IReadOnlyDictionary<Guid, StoredMessage> stored;
            try
            {
                stored = await ChatMessageStore.InsertBatchAsync(db, batch.ConvertAll(p => p.Message), CancellationToken.None);
            }
#pragma warning disable CA1031 // Whatever failed, each post is tried again on its own and its caller gets that answer.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                // Two sends with one client message id racing through two api instances (the single insert answers
                // that with the stored message, as a retry), or one post's row failing: one by one, each post gets
                // its own answer.
                LogBatchFailed(ex, batch.Count);
                foreach (var post in batch)
                {
                    await StoreOneAsync(db, post);
                }

                return;
            }

            var payloads = new ChatMessagePayload?[batch.Count];
            var publishes = new List<Task>(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                SqlCommandCounter.CountFor(batch[i].Tally);
                if (stored.TryGetValue(batch[i].Message.Id, out var one))
                {
                    payloads[i] = batch[i].Describe(one);
                    publishes.Add(PublishAsync(payloads[i]!));
                }
            }

            await Task.WhenAll(publishes);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Result.TrySetResult(payloads[i]);
            }
        }
#pragma warning disable CA1031 // Handed to the callers, who answer it as any failed request; the room's queue goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            foreach (var post in batch)
            {
                post.Result.TrySetException(ex);
            }
        }
    }

    private async Task StoreOneAsync(TheBotDbContext db, PendingPost post)
    {
        try
        {
            SqlCommandCounter.CountFor(post.Tally);
            var payload = await ChatMessageStore.InsertAsync(db, post.Message, CancellationToken.None) is { } stored ? post.Describe(stored) : null;
            if (payload is not null)
            {
                await PublishAsync(payload);
            }

            post.Result.TrySetResult(payload);
        }
#pragma warning disable CA1031 // Handed to the one caller whose post failed, who answers it as before.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            post.Result.TrySetException(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A batch of {Count} chat posts failed; storing them one by one")]
    private partial void LogBatchFailed(Exception exception, int count);

    private Task PublishAsync(ChatMessagePayload payload) =>
        realtime.PublishAsync(ChatEventNames.MessageCreated, RealtimeAudience.ToRoom(payload.RoomId), new MessageCreatedEvent(payload), CancellationToken.None);

    private sealed record PendingPost(
        ChatMessage Message, Func<StoredMessage, ChatMessagePayload> Describe, SqlCommandCounter.Tally? Tally, CancellationToken Cancellation)
    {
        public TaskCompletionSource<ChatMessagePayload?> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class RoomQueue
    {
        public Queue<PendingPost> Pending { get; } = new();

        public bool Draining { get; set; }

        public bool Closed { get; set; }
    }
}
