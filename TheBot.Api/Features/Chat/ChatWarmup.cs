using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TheBot.Api.Data;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Warmup;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace TheBot.Api.Features.Chat;

/// <summary>
/// The room list (<c>GET /api/chat/rooms</c>, what every client asks when it connects) of the first chat member, when
/// there is one (read only; the membership cache is not touched): its statement prepared and read,
/// and the page written as the endpoint writes it.
/// </summary>
public sealed class ChatWarmup(IServiceScopeFactory scopes, IOptions<HttpJsonOptions> json) : IWarmupStep
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TheBotDbContext>();
        var member = await db.ChatParticipants.AsNoTracking().Select(p => (Guid?)p.UserId).FirstOrDefaultAsync(cancellationToken);
        var page = await ChatRoomList.PageAsync(db, member ?? Guid.NewGuid(), new PageRequest { PageSize = PageRequest.MaxPageSize }, cancellationToken);
        await JsonSerializer.SerializeAsync(Stream.Null, page, json.Value.SerializerOptions, cancellationToken);
    }
}
