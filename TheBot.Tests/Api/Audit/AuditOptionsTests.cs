using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TheBot.Api.Features.Audit;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Audit;

/// <summary><c>Audit:RetentionDays</c> is read with the api's real registrations, and a value out of range stops it at startup.</summary>
public sealed class AuditOptionsTests(TheBotAppFixture fixture)
{
    [Fact]
    public async Task The_retention_is_a_year_unless_configured()
    {
        await using var defaults = await InProcessApi.BuildAsync(fixture.Host, "Production", new Dictionary<string, string?>());
        Assert.Equal(365, defaults.Services.GetRequiredService<IOptions<AuditOptions>>().Value.RetentionDays);

        await using var configured = await InProcessApi.BuildAsync(fixture.Host, "Production", new Dictionary<string, string?> { ["Audit:RetentionDays"] = "730" });
        Assert.Equal(730, configured.Services.GetRequiredService<IOptions<AuditOptions>>().Value.RetentionDays);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("29")]
    [InlineData("3651")]
    public async Task A_retention_out_of_range_stops_the_api(string days)
    {
        await using var api = await InProcessApi.BuildAsync(fixture.Host, "Production", new Dictionary<string, string?> { ["Audit:RetentionDays"] = days });

        var failure = Assert.Throws<OptionsValidationException>(() => api.Services.GetRequiredService<IOptions<AuditOptions>>().Value);
        Assert.Contains("Audit:RetentionDays", failure.Message, StringComparison.Ordinal);
    }
}
