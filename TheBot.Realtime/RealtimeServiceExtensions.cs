using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;
using StackExchange.Redis;
using TheBot.Realtime.Hubs;
using TheBot.Realtime.Relay;
using TheBot.Realtime.Sessions;
using TheBot.ServiceDefaults.Authentication;
using TheBot.ServiceDefaults.Configuration;

namespace TheBot.Realtime;

public static class RealtimeServiceExtensions
{
    public static WebApplicationBuilder AddRealtimeServices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.AddRedisClient(
            "redis",
            configureOptions: options => options.Password = ConnectionPasswords.Of(builder.Configuration, "redis") ?? options.Password);
        builder.AddTheBotJwtAuthentication<SessionCheckingJwtEvents>();
        builder.Services.AddAuthorization();

        builder.Services.AddOptions<RealtimeLimits>().Bind(builder.Configuration.GetSection(RealtimeLimits.SectionName));
        var limits = builder.Configuration.GetSection(RealtimeLimits.SectionName).Get<RealtimeLimits>() ?? new RealtimeLimits();
        builder.Services.AddSignalR(options =>
            {
                options.MaximumReceiveMessageSize = limits.MaximumReceiveMessageSize;
                options.KeepAliveInterval = TimeSpan.FromSeconds(15);
                options.ClientTimeoutInterval = TimeSpan.FromSeconds(40);
                options.MaximumParallelInvocationsPerClient = 1;
            });
        // No backplane: groups are this replica's own (LocalMembers, which the event relay writes to); what crosses
        // replicas goes on the events channel (HubBroadcasts). A connection holds no Redis subscription.
        builder.Services.AddSingleton<LocalMembers>();
        builder.Services.AddSingleton<HubLifetimeManager<RealtimeHub>, RealtimeLifetimeManager>();
        builder.Services.AddSingleton<HubBroadcasts>();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ConnectionRegistry>();
        builder.Services.AddSingleton<PresenceTracker>();
        builder.Services.AddSingleton<SessionRevocations>();
        builder.Services.AddSingleton<RoomMembershipChanges>();
        builder.Services.AddHostedService<RealtimeEventRelay>();
        builder.Services.AddHostedService<AccessRevocationRelay>();
        builder.Services.AddHostedService<PresenceRefresher>();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(20));

        return builder;
    }

    public static WebApplication MapRealtimeHubs(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // The container disposes singletons in reverse order of creation: created first, the tracer provider (which
        // owns the Redis instrumentation) and the shared multiplexer outlive whatever still uses Redis while it is
        // disposed (the former SignalR Redis backplane did, and every stop ended in an unhandled
        // ObjectDisposedException, exit code 134).
        _ = app.Services.GetService<TracerProvider>();
        _ = app.Services.GetRequiredService<IConnectionMultiplexer>();

        ReplicaIdentity.Announce(app.Logger);
        app.UseAuthentication();
        app.UseAuthorization();
        // The JWT handler sets the ticket's expiry to the token's own (without the validation clock skew):
        // the connection is closed then, and the client reconnects with the token it has renewed meanwhile.
        app.MapHub<RealtimeHub>("/hubs/realtime", options => options.CloseOnAuthenticationExpiration = true);
        return app;
    }
}
