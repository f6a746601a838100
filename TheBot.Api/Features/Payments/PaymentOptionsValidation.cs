using Microsoft.Extensions.Options;

namespace TheBot.Api.Features.Payments;

/// <summary>
/// Stops the api at startup when the payment settings cannot mean what the operator intended: half of
/// YooKassa's credentials would otherwise quietly leave payments without a provider, and a mistyped source
/// network would quietly refuse the provider's notifications.
/// </summary>
public sealed class PaymentOptionsValidation : IValidateOptions<PaymentOptions>
{
    public ValidateOptionsResult Validate(string? name, PaymentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.YooKassa.ShopId) != string.IsNullOrWhiteSpace(options.YooKassa.SecretKey))
        {
            failures.Add("Set both Payments:YooKassa:ShopId and Payments:YooKassa:SecretKey, or neither.");
        }

        if (options.Webhook.PerAddressPerMinute is < 1 or > 1_000_000)
        {
            failures.Add("Payments:Webhook:PerAddressPerMinute must be between 1 and 1000000.");
        }

        failures.AddRange(options.Webhook.AllowedNetworks
            .Where(n => !PaymentWebhookSources.TryParseNetwork(n, out _))
            .Select(n => $"Payments:Webhook:AllowedNetworks has '{n}', which is neither a network (CIDR) nor an address."));

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
