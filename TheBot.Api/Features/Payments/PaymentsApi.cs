using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TheBot.Api.Data;
using TheBot.Api.Features.Invoices;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.RateLimiting;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.Payments;

public static class PaymentsApi
{
    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder api)
    {
        // Paying is the payments feature's business; it is addressed through the invoice being paid.
        api.MapPost("/invoices/{id:guid}/pay", PayInvoiceAsync).WithTags("Invoices").RequireRoles(UserRole.Parent)
            .WithName("PayInvoice").WithSummary("Start paying: returns the payment provider's confirmation page")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        var payments = api.MapGroup("/payments").WithTags("Payments");
        // Exempt from the API-wide limiter: the webhook has its own, per client address (Payments:Webhook).
        payments.MapPost("/webhooks/{provider}", WebhookAsync).AllowAnyone()
            .WithName("PaymentWebhook")
            .WithSummary("A payment provider's notification; its claims are checked with the provider before anything changes")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .DisableRateLimiting();
        payments.MapGet("/sandbox/{paymentId}", SandboxPageAsync).AllowAnyone()
            .WithName("SandboxConfirmationPage")
            .WithSummary("Links to the sandbox page from before it was part of the SPA: redirects to /payments/sandbox/{paymentId}")
            .Produces(StatusCodes.Status302Found).ProducesProblem(StatusCodes.Status404NotFound);
        payments.MapGet("/sandbox/{paymentId}/details", GetSandboxPaymentAsync).AllowAnyone()
            .WithName("GetSandboxPayment").WithSummary("What the sandbox confirmation page shows (development and demos)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        payments.MapPost("/sandbox/{paymentId}", SandboxDecideAsync).AllowAnyone()
            .WithName("SandboxConfirm").WithSummary("The payer's choice on the sandbox page: pay or decline")
            .DisableAntiforgery()
            .Produces(StatusCodes.Status302Found);
        return api;
    }

    private static async Task<Results<Ok<PayInvoiceResponse>, ProblemHttpResult>> PayInvoiceAsync(
        Guid id, HttpContext http, CurrentUser caller, [AsParameters] PaymentServices services, CancellationToken ct)
    {
        var (db, providers, payments) = services;
        var invoice = await InvoiceAccess.Visible(db, caller).AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (invoice is null)
        {
            return ApiProblems.NotFound("The invoice");
        }

        if (!invoice.IsPayable)
        {
            return ApiProblems.Conflict($"A {WireName.Of(invoice.Status)} invoice cannot be paid.");
        }

        if (providers.Active is null)
        {
            return PaymentProblems.NotConfigured();
        }

        var payment = await payments.StartAsync(invoice, new Uri($"{http.Request.Scheme}://{http.Request.Host}/"), ct);
        return TypedResults.Ok(new PayInvoiceResponse(payment.ConfirmationUrl!, payment.Id));
    }

    private static async Task<Results<Ok, ValidationProblem, ProblemHttpResult, TooManyRequestsResult>> WebhookAsync(
        string provider, HttpContext http, [AsParameters] PaymentWebhookServices services, CancellationToken ct)
    {
        var (sources, counter, options, payments) = services;
        if (!sources.Allows(http.Connection.RemoteIpAddress))
        {
            return ApiProblems.Forbidden("Notifications are accepted only from the payment provider's networks.");
        }

        if (await counter.HitAsync($"payment-webhook:ip:{http.GetClientIp()}", options.Value.Webhook.PerAddressPerMinute, TimeSpan.FromMinutes(1)) is { } wait)
        {
            return ApiProblems.TooManyRequests(wait, "Too many notifications from this address. Try again later.");
        }

        var request = http.Request;
        string? paymentId;
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            paymentId = body.RootElement is { ValueKind: JsonValueKind.Object } root
                && root.TryGetProperty("object", out var payment) && payment.ValueKind == JsonValueKind.Object
                && payment.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return ApiProblems.Invalid("body", "The notification is not JSON.");
        }
        catch (InvalidOperationException)
        {
            // The id is a string JSON allows but text cannot be (a lone surrogate escape).
            paymentId = null;
        }

        if (string.IsNullOrWhiteSpace(paymentId) || paymentId.Length > 64 || paymentId.Contains('\0', StringComparison.Ordinal))
        {
            return ApiProblems.Invalid("object.id", "The notification names no payment.");
        }

        return await payments.HandleNotificationAsync(provider, paymentId, ct) == NotificationOutcome.UnknownPayment
            ? ApiProblems.NotFound("The payment")
            : TypedResults.Ok();
    }

    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> SandboxPageAsync(
        string paymentId, PaymentProviders providers, SandboxPaymentProvider sandbox, CancellationToken ct) =>
        await FindSandboxPaymentAsync(paymentId, providers, sandbox, ct) is { } payment
            ? TypedResults.Redirect(SandboxPaymentProvider.ConfirmationPath(payment.Id))
            : ApiProblems.NotFound("The payment");

    private static async Task<Results<Ok<SandboxPaymentResponse>, ProblemHttpResult>> GetSandboxPaymentAsync(
        string paymentId, PaymentProviders providers, SandboxPaymentProvider sandbox, CancellationToken ct) =>
        await FindSandboxPaymentAsync(paymentId, providers, sandbox, ct) is { } payment
            ? TypedResults.Ok(new SandboxPaymentResponse(payment.Id, payment.Description, payment.Amount, payment.Currency, payment.Status))
            : ApiProblems.NotFound("The payment");

    /// <summary>Only while the sandbox is the active provider: otherwise (production) every sandbox id is unknown.</summary>
    private static async Task<SandboxPayment?> FindSandboxPaymentAsync(
        string paymentId, PaymentProviders providers, SandboxPaymentProvider sandbox, CancellationToken ct) =>
        providers.Active is SandboxPaymentProvider ? await sandbox.FindAsync(paymentId, ct) : null;

    private static async Task<Results<RedirectHttpResult, ValidationProblem, ProblemHttpResult>> SandboxDecideAsync(
        string paymentId, HttpRequest request, PaymentProviders providers, SandboxPaymentProvider sandbox, SandboxWebhookSender webhook, CancellationToken ct)
    {
        if (providers.Active is not SandboxPaymentProvider)
        {
            return ApiProblems.NotFound("The payment");
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
        var outcome = form?["outcome"].ToString();
        if (outcome is not ("succeed" or "fail"))
        {
            return ApiProblems.Invalid("outcome", "Choose succeed or fail.");
        }

        var decided = await sandbox.DecideAsync(paymentId, outcome == "succeed", ct);
        if (decided is null)
        {
            return await sandbox.FindAsync(paymentId, ct) is null
                ? ApiProblems.NotFound("The payment")
                : ApiProblems.Conflict("This payment was already decided.");
        }

        var confirmation = SandboxPaymentProvider.ConfirmationPath(decided.Id);
        await webhook.DeliverAsync(SandboxPaymentProvider.Describe(decided, confirmation), ct);
        return TypedResults.Redirect(decided.ReturnUrl);
    }
}

/// <summary>What starting a payment needs: the database, the configured providers and the payments themselves.</summary>
internal sealed record PaymentServices(TheBotDbContext Db, PaymentProviders Providers, PaymentService Payments);

/// <summary>What a provider's notification needs: the allowed sources, the per-address limit and its setting, the payments.</summary>
internal sealed record PaymentWebhookServices(
    [FromServices] PaymentWebhookSources Sources,
    [FromServices] RedisWindowCounter Counter,
    [FromServices] IOptions<PaymentOptions> Options,
    [FromServices] PaymentService Payments);
