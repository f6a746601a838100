using TheBot.Web.FrontDoor;

HealthCheckCommand.ExitIfRequested(args);

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddFrontDoor();

var app = builder.Build();

app.UseFrontDoor();
app.MapDefaultEndpoints();
app.MapFrontDoor();

await app.RunAsync();
