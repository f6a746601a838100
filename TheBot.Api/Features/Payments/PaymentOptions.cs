namespace TheBot.Api.Features.Payments;

/// <summary>
/// The <c>Payments</c> section. YooKassa is used when its shop id and secret key are configured (AppHost
/// secret parameters <c>yookassa-shop-id</c>, <c>yookassa-secret-key</c>). Without them the sandbox is used in
/// Development, and elsewhere only when <c>Payments:Sandbox:Enabled</c> is true; otherwise payments are not
/// configured and paying is refused (see <see cref="PaymentModeSelection"/>).
/// </summary>
public sealed class PaymentOptions
{
    public const string SectionName = "Payments";

    public YooKassaOptions YooKassa { get; set; } = new();

    public SandboxOptions Sandbox { get; set; } = new();

    public PaymentWebhookOptions Webhook { get; set; } = new();

    /// <summary>Where the payer returns after paying, relative to the site; <c>{invoiceId}</c> is filled in.</summary>
    public string ReturnPath { get; set; } = "/invoices/{invoiceId}";

    /// <summary>The public address of the site (for the provider's return link); by default the request's own.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Where the sandbox delivers its notifications; by default this api instance's own address.</summary>
    public Uri? SandboxWebhookBaseUrl { get; set; }

    public bool UseYooKassa => !string.IsNullOrWhiteSpace(YooKassa.ShopId) && !string.IsNullOrWhiteSpace(YooKassa.SecretKey);
}

public sealed class YooKassaOptions
{
    public string? ShopId { get; set; }

    public string? SecretKey { get; set; }

    public Uri BaseUrl { get; set; } = new("https://api.yookassa.ru/v3/");
}

/// <summary><c>Payments:Sandbox</c>: the stand-in provider whose pages mark invoices paid with no money moving.</summary>
public sealed class SandboxOptions
{
    /// <summary>Outside Development the sandbox runs only when an operator sets this (demos, staging); off by default.</summary>
    public bool Enabled { get; set; }
}

/// <summary><c>Payments:Webhook</c>: who may call the providers' notification endpoint, and how often.</summary>
public sealed class PaymentWebhookOptions
{
    /// <summary>Notifications accepted per client address per minute; more answer 429 with Retry-After.</summary>
    public int PerAddressPerMinute { get; set; } = 60;

    /// <summary>
    /// When not empty, notifications are accepted only from these networks (CIDR, or single addresses) — the
    /// provider's published source networks. Empty (the default): from anywhere.
    /// </summary>
    public IList<string> AllowedNetworks { get; } = [];
}
