using Yarp.ReverseProxy.Transforms;

namespace TheBot.Web.FrontDoor;

/// <summary>
/// YARP from the <c>ReverseProxy</c> configuration section: /api/** to api, /hubs/** to realtime (WebSockets
/// included), destinations found by Aspire service discovery. Every forwarded request carries
/// X-Forwarded-For/-Proto/-Host/-Prefix set by the front door — whatever the client sent is replaced — so
/// the services see the real client address and scheme.
/// </summary>
internal static class ReverseProxySetup
{
    public static IServiceCollection AddFrontDoorProxy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReverseProxy()
            .LoadFromConfig(configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms(context => context.AddXForwarded(ForwardedTransformActions.Set));
        return services;
    }
}
