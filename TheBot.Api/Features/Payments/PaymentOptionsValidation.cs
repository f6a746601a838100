using Microsoft.Extensions.Options;

namespace TheBot.Api.Features.Payments;

/// <summary>
/// Stops the api at startup when the payment settings cannot mean what the operator intended: half of
/// YooKassa's credentials would otherwise quietly leave payments without a provider.
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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
