using TheBot.Realtime;

HealthCheckCommand.ExitIfRequested(args);

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRealtimeServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapRealtimeHubs();

await app.RunAsync();
