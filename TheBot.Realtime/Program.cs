using TheBot.Realtime;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRealtimeServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapRealtimeHubs();

await app.RunAsync();
