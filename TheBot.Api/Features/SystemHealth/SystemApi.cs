using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TheBot.Api.Features.Payments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.ServiceDefaults.Authentication;

namespace TheBot.Api.Features.SystemHealth;

public static class SystemApi
{
    private static readonly string Version =
        typeof(SystemApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "unknown";

    public static RouteGroupBuilder MapSystemApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);

        var system = api.MapGroup("/system/health")
            .WithTags("System")
            .AllowAnyone()
            .DisableRateLimiting();

        system.MapGet("/", GetHealthAsync)
            .WithName("GetSystemHealth")
            .WithSummary("Overall status and each dependency's; admins also get the version, latencies, problems and the payment mode")
            .Produces<SystemHealthResponse>(StatusCodes.Status503ServiceUnavailable);

        system.MapHealthChecks("/live", new HealthCheckOptions { Predicate = r => r.Tags.Contains(ServiceDefaultsExtensions.LiveTag) })
            .WithName("GetSystemLiveness")
            .WithSummary("Liveness: the process answers (mirrors /alive)");

        system.MapHealthChecks("/ready", new HealthCheckOptions())
            .WithName("GetSystemReadiness")
            .WithSummary("Readiness: every dependency answers (mirrors /health)");

        return api;
    }

    private static async Task<Results<Ok<SystemHealthResponse>, JsonHttpResult<SystemHealthResponse>>> GetHealthAsync(
        ClaimsPrincipal principal, HealthCheckService healthChecks, PaymentModeSelection payments, CancellationToken cancellationToken)
    {
        var report = await healthChecks.CheckHealthAsync(cancellationToken);
        var response = principal.Identity?.IsAuthenticated == true && principal.HasClaim(TheBotClaims.Role, UserRole.Admin.ToName())
            ? SystemHealthReport.ForAdmin(report, Version, payments)
            : SystemHealthReport.ForAnyone(report);

        return report.Status == HealthStatus.Unhealthy
            ? TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(response);
    }
}
