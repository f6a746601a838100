using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Data.CompiledModel;
using TheBot.Api.Features.Applications;
using TheBot.Api.Features.Assignments;
using TheBot.Api.Features.Audit;
using TheBot.Api.Features.Auth;
using TheBot.Api.Features.Billing;
using TheBot.Api.Features.Chat;
using TheBot.Api.Features.Dashboard;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Invoices;
using TheBot.Api.Features.Jobs;
using TheBot.Api.Features.Lessons;
using TheBot.Api.Features.Materials;
using TheBot.Api.Features.Notifications;
using TheBot.Api.Features.Notifications.Broadcasts;
using TheBot.Api.Features.Notifications.Delivery;
using TheBot.Api.Features.ParentInvitations;
using TheBot.Api.Features.Payments;
using TheBot.Api.Features.Progress;
using TheBot.Api.Features.Push;
using TheBot.Api.Features.Students;
using TheBot.Api.Features.Knowledge;
using TheBot.Api.Features.StudyPlans;
using TheBot.Api.Features.Subjects;
using TheBot.Api.Features.Statistics;
using TheBot.Api.Features.SystemHealth;
using TheBot.Api.Features.Telegram;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Diagnostics;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Jobs;
using TheBot.Api.Platform.OpenApi;
using TheBot.Api.Platform.RateLimiting;
using TheBot.Api.Platform.Realtime;
using TheBot.Api.Platform.Seeding;
using TheBot.Api.Platform.Storage;
using TheBot.Api.Platform.Warmup;
using TheBot.ServiceDefaults.Configuration;
using TheBot.ServiceDefaults.Networking;

namespace TheBot.Api;

public static class ApiServiceExtensions
{
    public static WebApplicationBuilder AddApiServices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.AddNpgsqlDbContext<TheBotDbContext>(
            "thebot",
            settings =>
            {
                // Features open their own transactions; a retrying strategy would refuse them.
                settings.DisableRetry = true;
                settings.ConnectionString = DatabaseConnectionTuning.Apply(
                    DatabaseConnectionTuning.WithPassword(settings.ConnectionString, ConnectionPasswords.Of(builder.Configuration, "thebot")));
            },
            // The compiled model (Data/CompiledModel, regenerated with each migration: docs/architecture.md) instead of
            // building it from the entity configurations at every start.
            options => options.UseModel(TheBotDbContextModel.Instance).UseSnakeCaseNamingConvention().AddInterceptors(SqlCommandCounter.Instance, StaleConnectionEviction.Instance, AuditSaveChangesInterceptor.Instance));
        builder.AddRedisClient(
            "redis",
            settings => settings.DisableHealthChecks = true,
            options => options.Password = ConnectionPasswords.Of(builder.Configuration, "redis") ?? options.Password);
        builder.Services.AddHealthChecks().AddCheck<RedisEventsHealthCheck>(RedisEventsHealthCheck.Name);

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsConventions.Apply);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DatabaseExceptionHandler>();
        services.AddValidation();
        // Enums are their names only: a number would bind to a value no member has (and fail deep in the handler).
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false)));
        services.AddApiDocumentation();
        services.AddApiRateLimiting(builder.Configuration);
        AddForwardedHeadersFromFrontDoor(builder);
        services.AddSingleton<IRealtimePublisher, RedisRealtimePublisher>();
        services.AddContentStore(builder.Configuration);
        services.AddStorageQuota(builder.Configuration);

        AddAccessControl(services);
        services.AddScheduledJobs(builder.Configuration);
        services.AddSeeding(builder.Configuration);
        AddFeatures(builder);
        // Last: the features' warm-up steps are registered by now, and the request through the pipeline runs after them.
        services.AddStartupWarmup();

        return builder;
    }

    /// <summary>The caller and their current access (Platform/Auth); every endpoint needs a signed-in caller unless it says otherwise.</summary>
    private static void AddAccessControl(IServiceCollection services)
    {
        services.AddCurrentUser();
        services.AddSingleton<SessionAccessCache>();
        services.AddSingleton<AccessChangeNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<AccessChangeNotifier>());

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    public static WebApplication UseApiPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseForwardedHeaders();
        app.UseSqlCommandCountHeader();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseNotFoundForUnknownApiPaths();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        return app;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.MapApiDocumentation();

        var api = app.MapGroup("/api").AddEndpointFilterFactory(NulCharacterFilter.Create);
        api.MapSystemApi();
        api.MapAuthApi();
        api.MapPasswordResetApi();
        api.MapAdminUsersApi();
        api.MapStatisticsApi();
        api.MapProfileApi();
        api.MapTutorStudentsApi();
        api.MapParentInvitationsApi();
        api.MapApplicationsApi();
        api.MapSubjectsApi();
        api.MapEnrollmentsApi();
        api.MapJobsApi();
        api.MapInvoicesApi();
        api.MapPaymentsApi();
        api.MapBillingApi();
        api.MapLessonsApi();
        api.MapCalendarApi();
        api.MapAssignmentsApi();
        api.MapQuizApi();
        api.MapBulkGradingApi();
        api.MapDashboardApi();
        api.MapProgressApi();
        api.MapChatApi();
        api.MapChatContactsApi();
        api.MapNotificationsApi();
        api.MapBroadcastsApi();
        api.MapDeliveriesApi();
        api.MapPushApi();
        api.MapTelegramApi();
        api.MapMaterialsApi();
        api.MapStudyPlansApi();
        api.MapKnowledgeApi();
        api.MapAuditApi();
        api.MapChatModerationApi();

        return app;
    }

    /// <summary>Each feature registers its own services, options, jobs and seeders.</summary>
    private static void AddFeatures(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        builder.AddAuth();
        services.AddAudit(configuration);
        services.AddUsers(configuration);
        services.AddApplications();
        services.AddParentInvitations();
        services.AddEnrollments();
        services.AddInvoices();
        services.AddPayments(configuration);
        services.AddBilling();
        services.AddLessons();
        services.AddAssignments();
        services.AddProgress(configuration);
        services.AddStudyPlans();
        services.AddKnowledge();
        services.AddMaterials();
        services.AddChat(configuration);
        services.AddNotifications(configuration);
        services.AddPush(configuration);
        services.AddTelegram(configuration);
    }

    /// <summary>
    /// The client IP and scheme come from the front door's X-Forwarded-* headers, believed only from this host
    /// and the networks in <c>ForwardedHeaders:TrustedNetworks</c> (web's network; the generated deployments set it).
    /// </summary>
    private static void AddForwardedHeadersFromFrontDoor(WebApplicationBuilder builder)
    {
        var trusted = TrustedForwarders.Parse(builder.Configuration.GetSection("ForwardedHeaders:TrustedNetworks").Get<string[]>() ?? []);
        builder.Services.Configure<ForwardedHeadersOptions>(options => TrustedForwarders.Apply(options, trusted, includeLoopback: true));
    }
}
