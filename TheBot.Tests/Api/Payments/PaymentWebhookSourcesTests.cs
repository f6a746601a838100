using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TheBot.Api.Features.Payments;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Payments;

/// <summary>The optional source networks of providers' notifications (<c>Payments:Webhook:AllowedNetworks</c>).</summary>
public sealed class PaymentWebhookSourcesTests(TheBotAppFixture fixture)
{
    /// <summary>YooKassa's published notification sources (yookassa.ru/developers/using-api/webhooks), as docs/security.md lists them.</summary>
    private static readonly string[] YooKassaNetworks =
        ["185.71.76.0/27", "185.71.77.0/27", "77.75.153.0/25", "77.75.156.11", "77.75.156.35", "77.75.154.128/25", "2a02:5180::/32"];

    [Fact]
    public void With_no_networks_listed_notifications_are_accepted_from_any_address()
    {
        var sources = new PaymentWebhookSources(Options.Create(new PaymentOptions()));

        Assert.True(sources.Allows(IPAddress.Parse("203.0.113.9")));
        Assert.True(sources.Allows(IPAddress.IPv6Loopback));
    }

    [Theory]
    [InlineData("185.71.76.5", true)]
    [InlineData("185.71.77.31", true)]
    [InlineData("77.75.156.11", true)]
    [InlineData("77.75.156.12", false)]
    [InlineData("77.75.154.200", true)]
    [InlineData("2a02:5180::1", true)]
    [InlineData("::ffff:185.71.77.1", true)]
    [InlineData("203.0.113.9", false)]
    [InlineData("185.71.76.32", false)]
    [InlineData("2a02:5181::1", false)]
    public void With_the_providers_networks_listed_only_addresses_inside_them_are_accepted(string address, bool accepted)
    {
        var options = new PaymentOptions();
        foreach (var network in YooKassaNetworks)
        {
            options.Webhook.AllowedNetworks.Add(network);
        }

        Assert.Equal(accepted, new PaymentWebhookSources(Options.Create(options)).Allows(IPAddress.Parse(address)));
    }

    [Fact]
    public void With_networks_listed_a_caller_without_an_address_is_refused()
    {
        var options = new PaymentOptions();
        options.Webhook.AllowedNetworks.Add("185.71.76.0/27");

        Assert.False(new PaymentWebhookSources(Options.Create(options)).Allows(null));
    }

    [Theory]
    [InlineData("185.71.76")]
    [InlineData("185.71.76.0/x")]
    [InlineData("yookassa.ru")]
    [InlineData("185.71.76.0/33")]
    public async Task A_mistyped_source_network_stops_the_api_at_startup(string network)
    {
        await using var api = await InProcessApi.BuildAsync(fixture.Host, "Production", new Dictionary<string, string?>
        {
            ["Payments:Webhook:AllowedNetworks:0"] = "185.71.76.0/27",
            ["Payments:Webhook:AllowedNetworks:1"] = network,
        });

        var failure = Assert.Throws<OptionsValidationException>(() => api.Services.GetRequiredService<IOptions<PaymentOptions>>().Value);
        Assert.Contains(network, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_networks_bind_from_configuration_as_operators_set_them()
    {
        await using var api = await InProcessApi.BuildAsync(fixture.Host, "Production", new Dictionary<string, string?>
        {
            ["Payments:Webhook:AllowedNetworks:0"] = "185.71.76.0/27",
            ["Payments:Webhook:AllowedNetworks:1"] = "77.75.156.11",
        });

        var sources = api.Services.GetRequiredService<PaymentWebhookSources>();
        Assert.True(sources.Allows(IPAddress.Parse("77.75.156.11")));
        Assert.False(sources.Allows(IPAddress.Parse("203.0.113.9")));
    }
}
