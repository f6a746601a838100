using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TheBot.Realtime.Hubs;
using TheBot.Realtime.Relay;
using TheBot.ServiceDefaults.Authentication;

namespace TheBot.Realtime;

public static class RealtimeServiceExtensions
{
    public static WebApplicationBuilder AddRealtimeServices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.AddRedisClient("redis");
        builder.AddTheBotJwtAuthentication();
        builder.Services.AddAuthorization();

        builder.Services.AddSignalR(options =>
            {
                options.MaximumReceiveMessageSize = 32 * 1024;
                options.KeepAliveInterval = TimeSpan.FromSeconds(15);
                options.ClientTimeoutInterval = TimeSpan.FromSeconds(40);
            })
            .AddStackExchangeRedis();

        // The backplane shares the one multiplexer Aspire configured (health checks, telemetry, retries).
        builder.Services.AddOptions<RedisOptions>()
            .Configure<IConnectionMultiplexer>((options, multiplexer) =>
                options.ConnectionFactory = _ => Task.FromResult(multiplexer));

        builder.Services.AddHostedService<RealtimeEventRelay>();

        return builder;
    }

    public static WebApplication MapRealtimeHubs(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHub<RealtimeHub>("/hubs/realtime");
        return app;
    }
}
