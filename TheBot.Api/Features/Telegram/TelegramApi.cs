using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;

namespace TheBot.Api.Features.Telegram;

public static class TelegramApi
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static IEndpointRouteBuilder MapTelegramApi(this IEndpointRouteBuilder api)
    {
        var profile = api.MapGroup("/profile/telegram").WithTags("Telegram");
        profile.MapGet("/", StatusAsync).RequireSignedIn()
            .WithName("GetTelegramLink").WithSummary("Whether my account is linked to a Telegram chat (and whether the bot can reach it)");
        profile.MapPost("/link", CreateLinkAsync).RequireSignedIn()
            .WithName("CreateTelegramLink").WithSummary("A one-time deep link (t.me/{bot}?start=link_…, valid 10 minutes) that links the chat it is opened in")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        profile.MapDelete("/", UnlinkAsync).RequireSignedIn()
            .WithName("UnlinkTelegram").WithSummary("Unlink my Telegram chat: the bot writes to it no more");

        // Exempt from the API-wide limiter: Telegram posts from its own few addresses, and the secret header guards it.
        api.MapPost("/telegram/webhook", WebhookAsync).AllowAnyone().WithTags("Telegram")
            .WithName("TelegramWebhook")
            .WithSummary("Telegram's updates for the bot (X-Telegram-Bot-Api-Secret-Token checked): /start link_… links a chat; other updates are ignored")
            .Accepts<JsonElement>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .DisableAntiforgery()
            .DisableRateLimiting();
        return api;
    }

    private static async Task<Ok<TelegramStatusResponse>> StatusAsync(CurrentUser caller, TelegramLinking linking, CancellationToken ct) =>
        TypedResults.Ok(await linking.StatusAsync(caller.Id, ct));

    private static async Task<Results<Ok<TelegramLinkResponse>, ProblemHttpResult>> CreateLinkAsync(
        CurrentUser caller, TelegramLinking linking, TelegramBot bot, CancellationToken ct)
    {
        if (!bot.Enabled)
        {
            return NotConfigured();
        }

        return TypedResults.Ok(await linking.CreateLinkAsync(caller.Id, ct));
    }

    private static async Task<NoContent> UnlinkAsync(CurrentUser caller, TelegramLinking linking, CancellationToken ct)
    {
        await linking.UnlinkAsync(caller.Id, ct);
        return TypedResults.NoContent();
    }

    private const int MaxUpdateBytes = 256 * 1024;

    private static async Task<Results<Ok, ProblemHttpResult, ValidationProblem>> WebhookAsync(
        HttpRequest request, IOptions<TelegramOptions> options, TelegramWebhook webhook, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return ApiProblems.NotFound("The Telegram webhook");
        }

        if (!request.Headers.TryGetValue(SecretHeader, out var given) || given.Count != 1 || string.IsNullOrEmpty(given[0]))
        {
            return ApiProblems.Unauthorized($"The {SecretHeader} header is missing.");
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given[0]!), Encoding.UTF8.GetBytes(settings.WebhookSecret!)))
        {
            return ApiProblems.Forbidden($"The {SecretHeader} header does not match.");
        }

        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "Telegram posts updates as application/json.");
        }

        // Updates are small: read whole (at most MaxUpdateBytes) so that the body is checked as a whole, invalid UTF-8
        // in a field the update type does not have included.
        using var body = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (body.Length + read > MaxUpdateBytes)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large",
                    detail: "A Telegram update is far smaller than this.");
            }

            body.Write(chunk, 0, read);
        }

        Update? update;
        try
        {
            update = System.Text.Unicode.Utf8.IsValid(body.GetBuffer().AsSpan(0, (int)body.Length))
                ? JsonSerializer.Deserialize<Update>(body.GetBuffer().AsSpan(0, (int)body.Length), JsonBotAPI.Options)
                : null;
        }
        catch (JsonException)
        {
            update = null;
        }

        if (update is null)
        {
            return ApiProblems.Invalid("update", "The body is not a Telegram update.");
        }

        await webhook.HandleAsync(update, ct);
        return TypedResults.Ok();
    }

    private static ProblemHttpResult NotConfigured() => ApiProblems.Unavailable(
        "Telegram is not configured",
        "This TheBot has no Telegram bot (Telegram:BotToken is not set).",
        "tag:thebot,2026:problems/telegram-not-configured");
}
