using TheBot.Api.Data;
using TheBot.Api.Features.System;

namespace TheBot.Api;

public static class ApiServiceExtensions
{
    public static WebApplicationBuilder AddApiServices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.AddNpgsqlDbContext<TheBotDbContext>("thebot");
        builder.AddRedisClient("redis");

        builder.Services.AddProblemDetails();

        return builder;
    }

    public static WebApplication UseApiPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseExceptionHandler();
        app.UseStatusCodePages();

        return app;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        var api = app.MapGroup("/api");
        api.MapSystemApi();

        return app;
    }
}
