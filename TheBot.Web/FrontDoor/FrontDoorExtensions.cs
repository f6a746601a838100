namespace TheBot.Web.FrontDoor;

public static class FrontDoorExtensions
{
    public static WebApplicationBuilder AddFrontDoor(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();

        return builder;
    }

    public static WebApplication MapFrontDoor(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseWebSockets();
        app.MapReverseProxy();
        app.MapGet("/", () => Results.Content(PlaceholderPage, "text/html; charset=utf-8"))
            .ExcludeFromDescription();

        return app;
    }

    private const string PlaceholderPage = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>TheBot</title></head>
        <body><h1>TheBot</h1><p>The front door is up. API: <a href="/api/system/health">/api/system/health</a></p></body>
        </html>
        """;
}
