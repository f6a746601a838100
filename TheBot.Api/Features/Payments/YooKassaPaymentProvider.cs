using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace TheBot.Api.Features.Payments;

/// <summary>
/// YooKassa over its REST API v3 (https://yookassa.ru/developers/api): HTTP Basic with the shop id
/// and secret key, an <c>Idempotence-Key</c> on every create, redirect confirmation.
/// </summary>
public sealed class YooKassaPaymentProvider(HttpClient http, IOptions<PaymentOptions> options) : IPaymentProvider
{
    public const string ProviderName = "yookassa";

    public string Name => ProviderName;

    public async Task<ProviderPayment> CreateAsync(NewProviderPayment payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);

        var body = new JsonObject
        {
            ["amount"] = Amount(payment.Amount, payment.Currency),
            ["capture"] = true,
            ["description"] = payment.Description.Length <= 128 ? payment.Description : payment.Description[..128],
            ["metadata"] = new JsonObject(payment.Metadata.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value))),
        };
        if (payment.PaymentMethodId is { } methodId)
        {
            // A charge of a saved method: no payer at hand, so no confirmation.
            body["payment_method_id"] = methodId;
        }
        else
        {
            body["confirmation"] = new JsonObject { ["type"] = "redirect", ["return_url"] = payment.ReturnUrl };
            if (payment.SavePaymentMethod)
            {
                body["save_payment_method"] = true;
            }
        }

        using var request = Request(HttpMethod.Post, "payments", payment.IdempotenceKey, body);
        return Parse(await SendAsync(request, cancellationToken));
    }

    public async Task<ProviderPayment?> GetAsync(string providerPaymentId, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, $"payments/{Uri.EscapeDataString(providerPaymentId)}", idempotenceKey: null, body: null);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            return null;
        }

        return Parse(await ReadAsync(response, cancellationToken));
    }

    public async Task<ProviderPayment> RefundAsync(string providerPaymentId, decimal amount, string currency, string idempotenceKey, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["payment_id"] = providerPaymentId, ["amount"] = Amount(amount, currency) };
        using var request = Request(HttpMethod.Post, "refunds", idempotenceKey, body);
        var refund = await SendAsync(request, cancellationToken);
        var status = refund.GetProperty("status").GetString() == "succeeded" ? PaymentStatus.Refunded : PaymentStatus.Pending;
        return new ProviderPayment(providerPaymentId, status, amount, currency, null, new Dictionary<string, string>(), refund.GetRawText());
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string? idempotenceKey, JsonObject? body)
    {
        var settings = options.Value.YooKassa;
        var request = new HttpRequestMessage(method, new Uri(settings.BaseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ShopId}:{settings.SecretKey}")));
        if (idempotenceKey is not null)
        {
            request.Headers.Add("Idempotence-Key", idempotenceKey);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return request;
    }

    private async Task<JsonElement> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new PaymentProviderException($"YooKassa answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A YooKassa payment object, normalised.</summary>
    public static ProviderPayment Parse(JsonElement payment)
    {
        var amount = payment.GetProperty("amount");
        var metadata = payment.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object
            ? meta.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString())
            : new Dictionary<string, string>();
        var confirmation = payment.TryGetProperty("confirmation", out var c) && c.TryGetProperty("confirmation_url", out var url)
            ? url.GetString()
            : null;
        var savedMethod = payment.TryGetProperty("payment_method", out var method) && method.ValueKind == JsonValueKind.Object
            && method.TryGetProperty("saved", out var saved) && saved.ValueKind == JsonValueKind.True
            && method.TryGetProperty("id", out var methodId) && methodId.ValueKind == JsonValueKind.String
            ? methodId.GetString()
            : null;
        var cancellation = payment.TryGetProperty("cancellation_details", out var details) && details.ValueKind == JsonValueKind.Object
            && details.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String
            ? reason.GetString()
            : null;
        return new ProviderPayment(
            payment.GetProperty("id").GetString()!,
            payment.GetProperty("status").GetString() switch
            {
                "succeeded" => PaymentStatus.Succeeded,
                "canceled" => PaymentStatus.Canceled,
                _ => PaymentStatus.Pending,
            },
            decimal.Parse(amount.GetProperty("value").GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture),
            amount.GetProperty("currency").GetString()!,
            confirmation,
            metadata,
            payment.GetRawText(),
            savedMethod,
            cancellation);
    }

    private static JsonObject Amount(decimal value, string currency) => new()
    {
        ["value"] = value.ToString("0.00", CultureInfo.InvariantCulture),
        ["currency"] = currency,
    };
}

public sealed class PaymentProviderException : Exception
{
    public PaymentProviderException()
    {
    }

    public PaymentProviderException(string message) : base(message)
    {
    }

    public PaymentProviderException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
