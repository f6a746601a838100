using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;

namespace TheBot.ServiceDefaults.Authentication;

/// <summary>
/// Reads the access token from <c>access_token</c> on <c>/hubs/*</c> only (browsers cannot send
/// headers on WebSockets); everywhere else only the Authorization header counts. Services derive
/// from it to add their own checks.
/// </summary>
public class TheBotJwtBearerEvents : JwtBearerEvents
{
    public override Task MessageReceived(MessageReceivedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        if (context.HttpContext.Request.Path.StartsWithSegments(JwtAuthenticationExtensions.HubsPath, StringComparison.OrdinalIgnoreCase)
            && context.Request.Query["access_token"] is { Count: 1 } token
            && !string.IsNullOrEmpty(token[0]))
        {
            context.Token = token[0];
        }

        return base.MessageReceived(context);
    }
}
