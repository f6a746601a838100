using TheBot.Api;
using TheBot.Api.Data;
using TheBot.Api.Platform.OpenApi;

HealthCheckCommand.ExitIfRequested(args);

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiServices();
if (BuildTimeDocument.IsBeingGenerated)
{
    BuildTimeDocument.LeaveOutRuntimeWork(builder.Services);
}

var app = builder.Build();

app.UseApiPipeline();
app.MapDefaultEndpoints();
app.MapApi();

if (!BuildTimeDocument.IsBeingGenerated && !await app.MigrateDatabaseAsync())
{
    return 1;
}

await app.RunAsync();
return 0;
