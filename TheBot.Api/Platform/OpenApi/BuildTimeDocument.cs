using System.Reflection;
using Microsoft.Extensions.Options;

namespace TheBot.Api.Platform.OpenApi;

/// <summary>
/// The build writes the OpenAPI document that the SPA's types are generated from (Microsoft.Extensions.ApiDescription.Server):
/// its GetDocument.Insider tool runs this entry point with a server that never listens, waits for the host to start and
/// asks for the document. The build has no database, Redis, signing key or file store, and describing the endpoints needs
/// none of them: the database is not prepared, this service's background work (jobs, fan-out, subscriptions) is not
/// started and the options are not validated. The endpoints, and so the document, are the ones the running service has.
/// </summary>
public static class BuildTimeDocument
{
    public static bool IsBeingGenerated { get; } = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    public static void LeaveOutRuntimeWork(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        var runtimeWork = services
            .Where(s => s.ServiceType == typeof(IStartupValidator)
                || (s.ServiceType == typeof(IHostedService) && DeclaringAssembly(s) == typeof(BuildTimeDocument).Assembly))
            .ToList();
        foreach (var service in runtimeWork)
        {
            services.Remove(service);
        }
    }

    private static Assembly? DeclaringAssembly(ServiceDescriptor service) =>
        (service.ImplementationType ?? service.ImplementationFactory?.Method.DeclaringType ?? service.ImplementationInstance?.GetType())?.Assembly;
}
