using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace TheBot.Api.Features.Payments;

/// <summary>
/// Delivers the sandbox's notifications over HTTP to the platform's webhook, as an outside provider
/// would (so the same verification path runs), retrying briefly when the call fails.
/// </summary>
public sealed partial class SandboxWebhookSender(HttpClient http, IServer server, IOptions<PaymentOptions> options, ILogger<SandboxWebhookSender> logger)
{
    public async Task<bool> DeliverAsync(JsonObject payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);

        var notification = new JsonObject
        {
            ["type"] = "notification",
            ["event"] = $"payment.{payment["status"]}",
            ["object"] = payment,
        };
        var target = new Uri(WebhookBase(), $"api/payments/webhooks/{SandboxPaymentProvider.ProviderName}");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                using var response = await http.PostAsJsonAsync(target, notification, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }

                LogRefused(target, (int)response.StatusCode);
            }
            catch (HttpRequestException ex)
            {
                LogFailed(ex, target, attempt);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
        }

        return false;
    }

    private Uri WebhookBase()
    {
        if (options.Value.SandboxWebhookBaseUrl is { } configured)
        {
            return configured;
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException("The api listens on no HTTP address for the sandbox to call.");
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        uri.Path = "/";
        return uri.Uri;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sandbox's notification to {Target} was refused with {Status}")]
    private partial void LogRefused(Uri target, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sandbox could not deliver its notification to {Target} (attempt {Attempt})")]
    private partial void LogFailed(Exception exception, Uri target, int attempt);
}
