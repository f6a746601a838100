using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TheBot.Tests.Api.Payments;

/// <summary>
/// YooKassa's v3 API as its documentation describes it, in process: Basic auth with shop id and secret
/// key, Idempotence-Key on creates (same key → same object), payments and refunds.
/// </summary>
public sealed class FakeYooKassa : IAsyncDisposable
{
    public const string ShopId = "100500";
    public const string SecretKey = "test_secret_key";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonObject> _payments = new();
    private readonly ConcurrentDictionary<string, JsonObject> _byIdempotenceKey = new();

    private FakeYooKassa(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = default!;

    public ConcurrentQueue<string> IdempotenceKeysSeen { get; } = new();

    /// <summary>Every call the fake received, as "METHOD /path": what the platform asked the provider.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<FakeYooKassa> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeYooKassa(app);
        app.Use((http, next) =>
        {
            fake.Requests.Enqueue($"{http.Request.Method} {http.Request.Path}");
            return next(http);
        });
        app.MapPost("/v3/payments", (Delegate)fake.CreatePaymentAsync);
        app.MapGet("/v3/payments/{id}", (Delegate)fake.GetPayment);
        app.MapPost("/v3/refunds", (Delegate)fake.CreateRefundAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/v3/");
        return fake;
    }

    /// <summary>What the payer does on YooKassa's page.</summary>
    public void Complete(string paymentId, bool succeed)
    {
        var payment = _payments[paymentId];
        payment["status"] = succeed ? "succeeded" : "canceled";
        // A method the payer agreed to save is saved once the payment succeeds.
        if (succeed && payment["payment_method"] is JsonObject method)
        {
            method["saved"] = true;
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static bool Authorized(HttpContext http)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ShopId}:{SecretKey}"));
        return http.Request.Headers.Authorization == expected;
    }

    private async Task<IResult> CreatePaymentAsync(HttpContext http)
    {
        if (!Authorized(http))
        {
            return Results.Json(new { type = "error", code = "invalid_credentials" }, statusCode: 401);
        }

        var key = http.Request.Headers["Idempotence-Key"].ToString();
        if (string.IsNullOrEmpty(key))
        {
            return Results.Json(new { type = "error", code = "invalid_request", description = "Idempotence key not specified" }, statusCode: 400);
        }

        IdempotenceKeysSeen.Enqueue(key);
        var body = JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync())!.AsObject();
        var payment = _byIdempotenceKey.GetOrAdd(key, _ =>
        {
            var id = Guid.NewGuid().ToString();
            var created = new JsonObject
            {
                ["id"] = id,
                ["status"] = "pending",
                ["paid"] = false,
                ["amount"] = body["amount"]!.DeepClone(),
                ["confirmation"] = new JsonObject
                {
                    ["type"] = "redirect",
                    ["confirmation_url"] = $"https://yoomoney.ru/api-pages/v2/payment-confirm/epl?orderId={id}",
                },
                ["created_at"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                ["description"] = body["description"]?.DeepClone(),
                ["metadata"] = body["metadata"]?.DeepClone() ?? new JsonObject(),
                ["recipient"] = new JsonObject { ["account_id"] = ShopId, ["gateway_id"] = "1000001" },
                ["refundable"] = false,
                ["test"] = true,
            };
            if (body["payment_method_id"]?.GetValue<string>() is { } savedMethod)
            {
                // A charge of a saved method: no confirmation; decided at once (methods named "declined…" are refused).
                var declined = savedMethod.StartsWith("declined", StringComparison.Ordinal);
                created.Remove("confirmation");
                created["status"] = declined ? "canceled" : "succeeded";
                created["paid"] = !declined;
                created["payment_method"] = new JsonObject { ["type"] = "bank_card", ["id"] = savedMethod, ["saved"] = true };
                if (declined)
                {
                    created["cancellation_details"] = new JsonObject { ["party"] = "payment_network", ["reason"] = "card_expired" };
                }
            }
            else if (body["save_payment_method"]?.GetValue<bool>() == true)
            {
                created["payment_method"] = new JsonObject { ["type"] = "bank_card", ["id"] = Guid.NewGuid().ToString(), ["saved"] = false };
            }

            _payments[id] = created;
            return created;
        });
        return Results.Text(payment.ToJsonString(), "application/json");
    }

    private IResult GetPayment(HttpContext http, string id)
    {
        if (!Authorized(http))
        {
            return Results.Json(new { type = "error", code = "invalid_credentials" }, statusCode: 401);
        }

        return _payments.TryGetValue(id, out var payment)
            ? Results.Text(payment.ToJsonString(), "application/json")
            : Results.Json(new { type = "error", code = "not_found" }, statusCode: (int)HttpStatusCode.NotFound);
    }

    private async Task<IResult> CreateRefundAsync(HttpContext http)
    {
        if (!Authorized(http) || string.IsNullOrEmpty(http.Request.Headers["Idempotence-Key"]))
        {
            return Results.Json(new { type = "error", code = "invalid_request" }, statusCode: 400);
        }

        var body = JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync())!.AsObject();
        var paymentId = body["payment_id"]!.GetValue<string>();
        if (!_payments.TryGetValue(paymentId, out var payment) || payment["status"]!.GetValue<string>() != "succeeded")
        {
            return Results.Json(new { type = "error", code = "invalid_request" }, statusCode: 400);
        }

        payment["refunded_amount"] = body["amount"]!.DeepClone();
        var refund = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["payment_id"] = paymentId,
            ["status"] = "succeeded",
            ["amount"] = body["amount"]!.DeepClone(),
            ["created_at"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };
        return Results.Text(refund.ToJsonString(), "application/json");
    }
}
