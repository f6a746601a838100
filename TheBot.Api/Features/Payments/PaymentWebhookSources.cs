using System.Net;
using Microsoft.Extensions.Options;

namespace TheBot.Api.Features.Payments;

/// <summary>
/// The networks providers' notifications may come from (<c>Payments:Webhook:AllowedNetworks</c>); any when
/// none are listed. A second line of defence: a notification is never trusted anyway (the provider is asked).
/// </summary>
public sealed class PaymentWebhookSources(IOptions<PaymentOptions> options)
{
    private readonly Lazy<IPNetwork[]> _networks = new(() =>
        [.. options.Value.Webhook.AllowedNetworks.Select(n => TryParseNetwork(n, out var network) ? network : throw new InvalidOperationException($"Not a network: {n}"))]);

    public bool Allows(IPAddress? address)
    {
        var networks = _networks.Value;
        if (networks.Length == 0)
        {
            return true;
        }

        if (address is null)
        {
            return false;
        }

        // A dual-stack socket reports IPv4 callers as ::ffff:a.b.c.d.
        var caller = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(n => n.Contains(caller));
    }

    /// <summary>A CIDR network, or a single address as the network of just itself.</summary>
    public static bool TryParseNetwork(string? text, out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (!WrittenInFull(trimmed.Split('/')[0]))
        {
            return false;
        }

        if (IPNetwork.TryParse(trimmed, out network))
        {
            return true;
        }

        if (!trimmed.Contains('/', StringComparison.Ordinal) && IPAddress.TryParse(trimmed, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return false;
    }

    /// <summary>IPv6, or IPv4 with all four parts: the parser would read "185.71.76" as 185.71.0.76.</summary>
    private static bool WrittenInFull(string address) =>
        address.Contains(':', StringComparison.Ordinal) || address.Count(c => c == '.') == 3;
}
