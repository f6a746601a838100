namespace TheBot.AppHost.Infrastructure.Telegram;

/// <summary>A message in a stand-in chat: from the person at the laptop or from the bot.</summary>
public sealed record StandInMessage(int Id, bool FromBot, string Text, IReadOnlyList<StandInButton> Buttons, DateTimeOffset At, DateTimeOffset? EditedAt, string? Delivery);

/// <summary>An inline keyboard button: its caption and, for URL buttons, where it leads.</summary>
public sealed record StandInButton(string Text, string? Url);

/// <summary>A private chat between a pretend Telegram user and the bot.</summary>
public sealed record StandInChat(long Id, string FirstName, string LanguageCode);

/// <summary>
/// The stand-in's chats and messages, in memory (a developer's session; nothing to keep). Thread-safe: the Bot API
/// calls from api and the developer's page come in concurrently.
/// </summary>
public sealed class TelegramStandInChats
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, StandInChat> _chats = [];
    private readonly Dictionary<long, List<StandInMessage>> _messages = [];
    private int _nextMessageId;

    public IReadOnlyList<StandInChat> Chats()
    {
        lock (_gate)
        {
            return [.. _chats.Values.OrderByDescending(c => _messages[c.Id].LastOrDefault()?.At ?? DateTimeOffset.MinValue)];
        }
    }

    public StandInChat? Find(long chatId)
    {
        lock (_gate)
        {
            return _chats.GetValueOrDefault(chatId);
        }
    }

    public StandInChat Open(string firstName, string languageCode)
    {
        lock (_gate)
        {
            long id;
            do
            {
                id = Random.Shared.NextInt64(1_000_000_000, 9_000_000_000);
            }
            while (_chats.ContainsKey(id));

            var chat = new StandInChat(id, firstName, languageCode);
            _chats[id] = chat;
            _messages[id] = [];
            return chat;
        }
    }

    public IReadOnlyList<StandInMessage> Messages(long chatId)
    {
        lock (_gate)
        {
            return _messages.TryGetValue(chatId, out var messages) ? [.. messages] : [];
        }
    }

    /// <summary>Adds a message; null when the chat does not exist (the bot wrote to a chat nobody opened here).</summary>
    public StandInMessage? Add(long chatId, bool fromBot, string text, IReadOnlyList<StandInButton> buttons, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (!_messages.TryGetValue(chatId, out var messages))
            {
                return null;
            }

            var message = new StandInMessage(++_nextMessageId, fromBot, text, buttons, at, EditedAt: null, Delivery: null);
            messages.Add(message);
            return message;
        }
    }

    /// <summary>Replaces a bot message's text and buttons; false when there is no such message.</summary>
    public bool Edit(long chatId, int messageId, string text, IReadOnlyList<StandInButton> buttons, DateTimeOffset at) =>
        Update(chatId, messageId, m => m.FromBot ? m with { Text = text, Buttons = buttons, EditedAt = at } : null);

    /// <summary>Notes what became of a message the user sent (the webhook's answer).</summary>
    public void NoteDelivery(long chatId, int messageId, string delivery) =>
        Update(chatId, messageId, m => m with { Delivery = delivery });

    private bool Update(long chatId, int messageId, Func<StandInMessage, StandInMessage?> change)
    {
        lock (_gate)
        {
            if (!_messages.TryGetValue(chatId, out var messages))
            {
                return false;
            }

            var index = messages.FindIndex(m => m.Id == messageId);
            if (index < 0 || change(messages[index]) is not { } changed)
            {
                return false;
            }

            messages[index] = changed;
            return true;
        }
    }
}
