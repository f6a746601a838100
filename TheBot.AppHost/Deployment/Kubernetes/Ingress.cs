using TheBot.AppHost.Deployment.Model;
using TheBot.AppHost.Deployment.Yaml;

namespace TheBot.AppHost.Deployment.Kubernetes;

/// <summary>The Ingress of an external service (ingress-nginx), kept open for WebSockets and uploads.</summary>
public static class Ingress
{
    public const string PlaceholderHost = "thebot.example.com";

    /// <summary>SignalR connections stay open for hours; nginx would cut idle proxied connections after 60 s.</summary>
    public const string StreamTimeoutSeconds = "3600";

    public static YamlMap For(DeployedService service) => new()
    {
        { "apiVersion", "networking.k8s.io/v1" },
        { "kind", "Ingress" },
        {
            "metadata", KubernetesLabels.Metadata(service.Name, KubernetesLabels.For(service), new YamlMap
            {
                { "nginx.ingress.kubernetes.io/proxy-read-timeout", StreamTimeoutSeconds },
                { "nginx.ingress.kubernetes.io/proxy-send-timeout", StreamTimeoutSeconds },
                { "nginx.ingress.kubernetes.io/proxy-body-size", "50m" },
                { "nginx.ingress.kubernetes.io/proxy-request-buffering", "off" },
            })
        },
        {
            "spec", new YamlMap
            {
                { "ingressClassName", "nginx" },
                {
                    "rules", new YamlSeq
                    {
                        new YamlMap
                        {
                            { "host", PlaceholderHost },
                            {
                                "http", new YamlMap
                                {
                                    {
                                        "paths", new YamlSeq
                                        {
                                            new YamlMap
                                            {
                                                { "path", "/" },
                                                { "pathType", "Prefix" },
                                                {
                                                    "backend", new YamlMap
                                                    {
                                                        { "service", new YamlMap { { "name", service.Name }, { "port", new YamlMap { { "name", service.PrimaryPort.Name } } } } },
                                                    }
                                                },
                                            },
                                        }
                                    },
                                }
                            },
                        },
                    }
                },
            }
        },
    };
}
