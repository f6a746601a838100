using System.Globalization;
using System.Text;
using TheBot.AppHost.Deployment.Model;

namespace TheBot.AppHost.Deployment.Compose;

/// <summary>The <c>.env.example</c> beside the compose file: every variable it reads, each with a comment.</summary>
internal static class EnvExample
{
    public static string Write(DeploymentModel model)
    {
        var text = new StringBuilder(DeploymentConventions.ComposeHeader);
        text.Append("# Copy to .env beside docker-compose.yaml and fill in every empty value. Never commit .env.\n");

        text.Append("\n## Secrets (AppHost parameters), all required: deploy/compose-secrets.sh copies them into secrets/, refusing an empty one.\n");
        foreach (var parameter in model.Parameters.Where(p => !p.Optional))
        {
            text.Append(CultureInfo.InvariantCulture, $"# {DeploymentConventions.Describe(parameter)}\n{parameter.EnvironmentName}=\n");
        }

        text.Append("\n## Optional (AppHost parameters). Empty or missing: the default applies (credentials among them reach the services as files too).\n");
        foreach (var parameter in model.Parameters.Where(p => p.Optional))
        {
            text.Append(CultureInfo.InvariantCulture, $"# {DeploymentConventions.Describe(parameter)}\n{parameter.EnvironmentName}={parameter.DefaultValue}\n");
        }

        text.Append("\n## Images\n");
        text.Append(CultureInfo.InvariantCulture,
            $"# Registry prefix of TheBot's images, ending with '/' (e.g. registry.example.com/thebot/). Empty: the images deploy/build-images.sh loaded locally.\n{ComposeGenerator.ImageRegistryVariable}=\n");

        text.Append("\n## Ports\n");
        foreach (var service in model.Services.Where(s => s.IsExternal))
        {
            var port = service.Ports.First(p => p.PublishedPort is not null).PublishedPort!.Value;
            text.Append(CultureInfo.InvariantCulture,
                $"# Host port where {service.Name} is published (the only published service; put a TLS-terminating proxy in front).\n{ComposeGenerator.PortVariable(service)}={port}\n");
            text.Append(CultureInfo.InvariantCulture,
                $"# Host address {service.Name} listens on: 0.0.0.0 for every interface, 127.0.0.1 behind a proxy on the same host.\n{ComposeGenerator.BindAddressVariable(service)}=0.0.0.0\n");
        }

        text.Append("\n## Networks\n");
        text.Append(CultureInfo.InvariantCulture,
            $"# Subnet of the internal backend network; api believes X-Forwarded-For only from it (web's side). Change it if it clashes with a network on the host.\n{ForwardedHeaderSettings.BackendSubnetVariable}={ForwardedHeaderSettings.DefaultBackendSubnet}\n");

        text.Append("\n## Telemetry (optional)\n");
        text.Append(CultureInfo.InvariantCulture,
            $"# OTLP endpoint of a collector on the backend network; {TelemetryDashboard.OtlpEndpoint} for the Aspire dashboard (docker compose --profile {TelemetryDashboard.ComposeProfile} up -d). Empty: no export.\n");
        text.Append("OTEL_EXPORTER_OTLP_ENDPOINT=\n");
        text.Append("# OTLP protocol: grpc (the default) or http/protobuf.\n");
        text.Append("OTEL_EXPORTER_OTLP_PROTOCOL=\n");
        text.Append("# Headers for the OTLP endpoint, e.g. an API key a collector asks for.\n");
        text.Append("OTEL_EXPORTER_OTLP_HEADERS=\n");
        text.Append(CultureInfo.InvariantCulture,
            $"# Port on the host's loopback for the Aspire dashboard's UI (profile {TelemetryDashboard.ComposeProfile}).\n{ComposeGenerator.DashboardPortVariable}={TelemetryDashboard.UiPort}\n");
        return text.ToString();
    }
}
