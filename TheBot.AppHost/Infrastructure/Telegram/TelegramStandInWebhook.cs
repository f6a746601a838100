using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TheBot.AppHost.Infrastructure.Telegram;

/// <summary>
/// The webhook api registered with <c>setWebhook</c>, and posting updates to it the way Telegram does: a JSON
/// <c>Update</c> with the secret in <c>X-Telegram-Bot-Api-Secret-Token</c>.
/// </summary>
public sealed class TelegramStandInWebhook(HttpClient http, TimeProvider clock)
{
    private volatile Registration? _registration;
    private int _nextUpdateId;

    public Uri? Url => _registration?.Url;

    public void Register(Uri url, string? secret) => _registration = new Registration(url, secret);

    public void Remove() => _registration = null;

    /// <summary>Posts the user's text message; returns what the webhook answered, for the chat page to show.</summary>
    public async Task<string> PostTextAsync(StandInChat chat, int messageId, string text, CancellationToken ct)
    {
        if (_registration is not { } registration)
        {
            return "not delivered: api has not registered its webhook yet (is api running?)";
        }

        var update = new JsonObject
        {
            ["update_id"] = Interlocked.Increment(ref _nextUpdateId),
            ["message"] = new JsonObject
            {
                ["message_id"] = messageId,
                ["date"] = clock.GetUtcNow().ToUnixTimeSeconds(),
                ["chat"] = new JsonObject { ["id"] = chat.Id, ["type"] = "private", ["first_name"] = chat.FirstName },
                ["from"] = new JsonObject { ["id"] = chat.Id, ["is_bot"] = false, ["first_name"] = chat.FirstName, ["language_code"] = chat.LanguageCode },
                ["text"] = text,
                ["entities"] = text.StartsWith('/')
                    ? new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = text.Split(' ')[0].Length })
                    : new JsonArray(),
            },
        };

        using var request = new HttpRequestMessage(HttpMethod.Post, registration.Url) { Content = JsonContent.Create(update) };
        if (registration.Secret is { Length: > 0 } secret)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        try
        {
            using var response = await http.SendAsync(request, ct);
            return $"delivered to the webhook: {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (HttpRequestException ex)
        {
            return $"not delivered: {ex.Message}";
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return "not delivered: the webhook did not answer in time";
        }
    }

    private sealed record Registration(Uri Url, string? Secret);
}
