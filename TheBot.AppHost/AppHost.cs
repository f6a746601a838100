using Microsoft.Extensions.Configuration;
using TheBot.AppHost.Deployment;
using TheBot.AppHost.Infrastructure;
using TheBot.AppHost.Infrastructure.Telegram;

var builder = DistributedApplication.CreateBuilder(args);

TheBotInfrastructure infrastructure;
try
{
    infrastructure = builder.AddTheBotInfrastructure();
}
catch (InfrastructureUnavailableException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

var jwtSigningKey = Secrets.JwtSigningKey(builder);

var api = builder.AddTheBotService<Projects.TheBot_Api>("api", cpus: 2, memoryMiB: 1024)
    .WithReference(infrastructure.Database).WaitFor(infrastructure.Database)
    .WithReference(infrastructure.Redis).WaitFor(infrastructure.Redis)
    .WithEnvironment("Jwt__SigningKey", jwtSigningKey)
    .WithEnvironment("Bootstrap__AdminEmail", Secrets.BootstrapAdminEmail(builder))
    .WithEnvironment("Bootstrap__AdminPassword", Secrets.BootstrapAdminPassword(builder))
    .WithFileStore("thebot-files", "/app/files", configurationKey: "Storage:Root", runDirectory: infrastructure.FilesDirectory)
    .WithDeployedConnectionPool(TheBotInfrastructureExtensions.DatabaseName, TheBotInfrastructureExtensions.ApiPoolSize)
    .WithYooKassaWhenConfigured(builder)
    .WithEmail(builder, infrastructure.DataDirectory)
    .WithWebPush(builder)
    .WithReplicas(Replicas(builder.Configuration, "Api:Replicas"));

var realtime = builder.AddTheBotService<Projects.TheBot_Realtime>("realtime", cpus: 1, memoryMiB: 512)
    .WithReference(infrastructure.Redis).WaitFor(infrastructure.Redis)
    .WithEnvironment("Jwt__SigningKey", jwtSigningKey)
    .WithReplicas(Replicas(builder.Configuration, "Realtime:Replicas"));

var web = builder.AddTheBotService<Projects.TheBot_Web>("web", cpus: 1, memoryMiB: 512)
    .WithReference(api).WaitFor(api)
    .WithReference(realtime).WaitFor(realtime)
    .WithExternalHttpEndpoints()
    .WithEndpoint("http", endpoint => endpoint.Port = WebPort(builder.Configuration));

api.WithTelegram(builder, web.GetEndpoint("http"));

if (!builder.ExecutionContext.IsPublishMode)
{
    // Links in e-mails lead to the front door.
    api.WithEnvironment("Deliveries__AppBaseUrl", web.GetEndpoint("http"));
}

builder.AddDeploymentPublishers();

await builder.Build().RunAsync();
return 0;

static int WebPort(IConfiguration configuration) =>
    int.TryParse(configuration["Web:Port"], out var port) ? port : 3000;

static int Replicas(IConfiguration configuration, string key) =>
    int.TryParse(configuration[key], out var replicas) && replicas > 0 ? replicas : 1;
