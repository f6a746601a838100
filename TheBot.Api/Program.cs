using TheBot.Api;
using TheBot.Api.Data;

HealthCheckCommand.ExitIfRequested(args);

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiServices();

var app = builder.Build();

app.UseApiPipeline();
app.MapDefaultEndpoints();
app.MapApi();

if (!await app.MigrateDatabaseAsync())
{
    return 1;
}

await app.RunAsync();
return 0;
