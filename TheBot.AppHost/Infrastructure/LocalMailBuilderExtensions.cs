using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TheBot.AppHost.Deployment;

namespace TheBot.AppHost.Infrastructure;

/// <summary>
/// Where api's e-mail goes when run. With the <c>smtp-host</c> parameter set (and <c>smtp-from</c>; <c>smtp-port</c>,
/// <c>smtp-security</c>, <c>smtp-username</c> and the secret <c>smtp-password</c> as needed) the real server is used.
/// Without it, a local SMTP catcher with a web inbox — smtp4dev, installed on first use as a .NET tool like the Garnet
/// fallback — receives every e-mail, and the dashboard shows its inbox link. <c>Infrastructure:LocalInbox=false</c>
/// leaves e-mail off instead (the tests, which run their own SMTP server). Deployments get the same settings as optional
/// parameters (empty: no e-mail) and egress to the SMTP server on 587.
/// </summary>
public static class LocalMailBuilderExtensions
{
    /// <summary>The smtp4dev version run as the local inbox (a NuGet .NET tool).</summary>
    public const string Smtp4devVersion = "3.15.0";

    public static IResourceBuilder<ProjectResource> WithEmail(
        this IResourceBuilder<ProjectResource> api, IDistributedApplicationBuilder builder, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.ExecutionContext.IsPublishMode)
        {
            // Deployments send through the operator's SMTP server; every setting may stay empty (no e-mail).
            return api
                .WithEnvironment("Smtp__Host", builder.AddParameter("smtp-host", "", publishValueAsDefault: true)
                    .WithDescription("The SMTP server e-mail goes through (host name); empty: no e-mail").OptionalWhenDeployed())
                .WithEnvironment("Smtp__Port", builder.AddParameter("smtp-port", "587", publishValueAsDefault: true)
                    .WithDescription("The SMTP server's port").OptionalWhenDeployed("587"))
                .WithEnvironment("Smtp__Security", builder.AddParameter("smtp-security", "Auto", publishValueAsDefault: true)
                    .WithDescription("TLS towards the SMTP server: Auto, StartTls, SslOnConnect or None").OptionalWhenDeployed("Auto"))
                .WithEnvironment("Smtp__From", builder.AddParameter("smtp-from", "", publishValueAsDefault: true)
                    .WithDescription("The sender address of TheBot's e-mail (required with an SMTP server)").OptionalWhenDeployed())
                .WithEnvironment("Smtp__UserName", builder.AddParameter("smtp-username", secret: true)
                    .WithDescription("The SMTP server's user name; empty: no sign-in").OptionalWhenDeployed())
                .WithEnvironment("Smtp__Password", builder.AddParameter("smtp-password", secret: true)
                    .WithDescription("The SMTP server's password; empty: no sign-in").OptionalWhenDeployed())
                .WithEnvironment("Deliveries__AppBaseUrl", builder.AddParameter("public-url", "", publishValueAsDefault: true)
                    .WithDescription("The site's public address (https://...), for links in e-mails (required with an SMTP server)").OptionalWhenDeployed())
                .WithExternalEgress(587, "the SMTP server (e-mail; 465 or 25 need a site change)");
        }

        if (!string.IsNullOrWhiteSpace(builder.Configuration["Parameters:smtp-host"]))
        {
            api.WithEnvironment("Smtp__Host", builder.AddParameter("smtp-host").WithDescription("The SMTP server e-mail goes through"))
                .WithEnvironment("Smtp__Port", builder.AddParameter("smtp-port", builder.Configuration["Parameters:smtp-port"] ?? "587"))
                .WithEnvironment("Smtp__Security", builder.AddParameter("smtp-security", builder.Configuration["Parameters:smtp-security"] ?? "Auto"))
                .WithEnvironment("Smtp__From", builder.AddParameter("smtp-from").WithDescription("The sender address of TheBot's e-mail"));
            if (!string.IsNullOrWhiteSpace(builder.Configuration["Parameters:smtp-username"]))
            {
                api.WithEnvironment("Smtp__UserName", builder.AddParameter("smtp-username"))
                    .WithEnvironment("Smtp__Password", builder.AddParameter("smtp-password", secret: true).WithDescription("The SMTP server's password"));
            }

            return api;
        }

        if (string.Equals(builder.Configuration["Infrastructure:LocalInbox"], "false", StringComparison.OrdinalIgnoreCase))
        {
            return api;
        }

        var inbox = builder.AddLocalInbox("mail", dataDirectory);
        var smtp = inbox.GetEndpoint("smtp");
        // api does not wait for the inbox (it starts slowly on a busy machine): the outbox retries until it answers.
        return api
            .WithEnvironment("Smtp__Host", "127.0.0.1")
            .WithEnvironment("Smtp__Port", smtp.Property(EndpointProperty.Port))
            .WithEnvironment("Smtp__Security", "None")
            .WithEnvironment("Smtp__From", "thebot@localhost.test");
    }

    /// <summary>smtp4dev as a local process: SMTP and its web inbox on loopback ports, messages kept in memory.</summary>
    public static IResourceBuilder<ExecutableResource> AddLocalInbox(this IDistributedApplicationBuilder builder, string name, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var toolDirectory = Path.Combine(dataDirectory, "tools", $"smtp4dev-{Smtp4devVersion}");
        var command = Path.Combine(toolDirectory, "smtp4dev");
        var resource = builder.AddExecutable(name, command, dataDirectory)
            .WithHttpEndpoint(name: "http", env: null)
            .WithEndpoint(name: "smtp", scheme: "tcp")
            .WithArgs(context =>
            {
                var resource = (ExecutableResource)context.Resource;
                var http = new EndpointReference(resource, "http");
                var smtp = new EndpointReference(resource, "smtp");
                context.Args.Add(ReferenceExpression.Create($"--urls=http://127.0.0.1:{http.Property(EndpointProperty.TargetPort)}"));
                context.Args.Add(ReferenceExpression.Create($"--smtpport={smtp.Property(EndpointProperty.TargetPort)}"));
                // No IMAP or POP3 server (they would want ports 143 and 110), messages in memory, no user settings file.
                context.Args.Add("--imapport=");
                context.Args.Add("--pop3port=");
                context.Args.Add("--db=");
                context.Args.Add("--nousersettings");
                context.Args.Add("--hostname=localhost");
                context.Args.Add("--tlsmode=None");
            })
            .WithUrlForEndpoint("http", url => url.DisplayText = "Inbox (local e-mail)")
            .WithHttpHealthCheck("/", endpointName: "http")
            .WithIconName("Mail");

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(resource.Resource, async (e, ct) =>
        {
            if (!File.Exists(command))
            {
                var logger = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource.Resource);
                InfrastructureLog.InstallingSmtp4dev(logger, Smtp4devVersion);
                await ProcessRunner.RunAsync(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
                    ["tool", "install", "Rnwood.Smtp4dev", "--version", Smtp4devVersion, "--tool-path", toolDirectory],
                    logger, ct);
            }
        });
        return resource;
    }
}
