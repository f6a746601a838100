using Microsoft.Extensions.Options;

namespace TheBot.Api.Features.Payments;

public enum PaymentMode
{
    /// <summary>Real payments through YooKassa (its credentials are set).</summary>
    YooKassa,

    /// <summary>The built-in sandbox: no money moves.</summary>
    Sandbox,

    /// <summary>No provider: paying is refused with 503.</summary>
    NotConfigured,
}

/// <summary>
/// Which provider takes payments, failing closed: YooKassa when its credentials are set; else the sandbox in
/// Development, or elsewhere only when an operator turned on <c>Payments:Sandbox:Enabled</c>; else none.
/// </summary>
public sealed class PaymentModeSelection(IOptions<PaymentOptions> options, IHostEnvironment environment)
{
    public const string SandboxSwitch = "Payments:Sandbox:Enabled";

    public PaymentMode Mode =>
        options.Value.UseYooKassa ? PaymentMode.YooKassa
        : environment.IsDevelopment() || options.Value.Sandbox.Enabled ? PaymentMode.Sandbox
        : PaymentMode.NotConfigured;

    /// <summary>The sandbox runs where people may take it for the real thing: admins and operators are told loudly.</summary>
    public bool SandboxOutsideDevelopment => Mode == PaymentMode.Sandbox && !environment.IsDevelopment();

    /// <summary>One sentence for admins and operators.</summary>
    public string Description => Mode switch
    {
        PaymentMode.YooKassa => "Payments go through YooKassa.",
        PaymentMode.Sandbox when SandboxOutsideDevelopment =>
            $"Payments run in the SANDBOX ({SandboxSwitch} is true): invoices can be marked paid without money moving.",
        PaymentMode.Sandbox => "Payments use the sandbox (Development): no money moves.",
        _ => "Payments are not configured: paying is refused. Set Payments:YooKassa:ShopId and Payments:YooKassa:SecretKey.",
    };
}
