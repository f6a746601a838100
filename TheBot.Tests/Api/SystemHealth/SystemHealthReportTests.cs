using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TheBot.Api.Features.Payments;
using TheBot.Api.Features.SystemHealth;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.SystemHealth;

/// <summary>
/// The health answer built from reports no running app would give on demand (a failing database, the sandbox
/// switched on outside Development), serialised with the api's own JSON settings.
/// </summary>
public sealed class SystemHealthReportTests(TheBotAppFixture fixture)
{
    private const string DatabaseSecret = "28P01: password authentication failed for user \"thebot_owner\" at db-7.internal:5432";
    private const string RedisSecret = "Redis at cache.internal:6379 refused AUTH";

    private static readonly HealthReport Failing = new(
        new Dictionary<string, HealthReportEntry>
        {
            ["TheBotDbContext"] = new(HealthStatus.Unhealthy, null, TimeSpan.FromMilliseconds(12), new InvalidOperationException(DatabaseSecret), null),
            ["redis"] = new(HealthStatus.Degraded, RedisSecret, TimeSpan.FromMilliseconds(3), null, null),
            ["self"] = new(HealthStatus.Healthy, null, TimeSpan.Zero, null, null, [ServiceDefaultsExtensions.LiveTag]),
        },
        TimeSpan.FromMilliseconds(15));

    [Fact]
    public async Task Exception_messages_and_check_descriptions_reach_admins_only()
    {
        await using var api = await InProcessApi.BuildAsync(fixture.Host, "Production");
        var payments = api.Services.GetRequiredService<PaymentModeSelection>();

        var anyone = Serialize(api, SystemHealthReport.ForAnyone(Failing));
        var admin = Serialize(api, SystemHealthReport.ForAdmin(Failing, "1.2.3", payments));

        Assert.Equal("""{"status":"Unhealthy","dependencies":[{"name":"postgres","status":"Unhealthy"},{"name":"redis","status":"Degraded"}]}""", anyone);
        using var details = JsonDocument.Parse(admin);
        Assert.Equal("1.2.3", details.RootElement.GetProperty("version").GetString());
        Assert.Equal(
            new string?[] { DatabaseSecret, RedisSecret },
            details.RootElement.GetProperty("dependencies").EnumerateArray().Select(d => d.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Outside_Development_with_the_sandbox_switch_on_the_admins_health_says_payments_run_in_the_sandbox()
    {
        await using var api = await InProcessApi.BuildAsync(fixture.Host, "Production", new Dictionary<string, string?>
        {
            ["Payments:Sandbox:Enabled"] = "true",
        });

        var admin = SystemHealthReport.ForAdmin(Failing, "1.2.3", api.Services.GetRequiredService<PaymentModeSelection>());

        Assert.Equal(PaymentMode.Sandbox, admin.Payments!.Mode);
        Assert.True(admin.Payments.SandboxOutsideDevelopment);
        Assert.Contains("SANDBOX", admin.Payments.Detail, StringComparison.Ordinal);
        Assert.Contains("\"mode\":\"sandbox\",\"sandboxOutsideDevelopment\":true", Serialize(api, admin), StringComparison.Ordinal);
        Assert.DoesNotContain("sandbox", Serialize(api, SystemHealthReport.ForAnyone(Failing)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task In_Development_the_sandbox_is_reported_to_admins_without_alarm()
    {
        await using var api = await InProcessApi.BuildAsync(fixture.Host, "Development");

        var admin = SystemHealthReport.ForAdmin(Failing, "1.2.3", api.Services.GetRequiredService<PaymentModeSelection>());

        Assert.Equal(PaymentMode.Sandbox, admin.Payments!.Mode);
        Assert.False(admin.Payments.SandboxOutsideDevelopment);
    }

    private static string Serialize(InProcessApi api, SystemHealthResponse response) =>
        JsonSerializer.Serialize(response, api.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
}
