using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace TheBot.Api.Features.Chat;

/// <summary>
/// Posts into one room share one row (the room's sequence), so an api instance lets only a few of them at a time
/// reach the database per room and queues the next ones in memory; when the queue is full the sender is told
/// (429 with Retry-After, written by the API's rate limiter) rather than left waiting on a database connection
/// or a row lock. Other rooms are not slowed: the limit is per room.
/// </summary>
internal static class ChatPostLimiter
{
    public const string Policy = "chat-post";

    public static IServiceCollection AddChatPostLimiter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChatPostingOptions>()
            .Bind(configuration.GetSection(ChatPostingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(Policy, http =>
        {
            var limits = http.RequestServices.GetRequiredService<IOptionsMonitor<ChatPostingOptions>>().CurrentValue;
            var room = http.Request.RouteValues.TryGetValue("id", out var id) ? id as string ?? "" : "";
            return RateLimitPartition.GetConcurrencyLimiter(room, _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = limits.InFlightPerRoom,
                QueueLimit = limits.QueuedPerRoom,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
        }));
        return services;
    }
}

/// <summary>How many posts into one room an api instance sends to the database at once, and how many wait.</summary>
public sealed class ChatPostingOptions
{
    public const string SectionName = "Chat:Posting";

    /// <summary>Posts into one room stored at the same time (each holds the room's row for one statement).</summary>
    [Range(1, 1_000)]
    public int InFlightPerRoom { get; set; } = 8;

    /// <summary>Posts into one room waiting their turn; beyond them a post is refused with 429 and Retry-After.</summary>
    [Range(0, 100_000)]
    public int QueuedPerRoom { get; set; } = 500;
}
