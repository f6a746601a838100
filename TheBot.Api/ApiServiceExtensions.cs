using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Applications;
using TheBot.Api.Features.Assignments;
using TheBot.Api.Features.Auth;
using TheBot.Api.Features.Chat;
using TheBot.Api.Features.Dashboard;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Invoices;
using TheBot.Api.Features.Jobs;
using TheBot.Api.Features.Lessons;
using TheBot.Api.Features.Materials;
using TheBot.Api.Features.Notifications;
using TheBot.Api.Features.ParentInvitations;
using TheBot.Api.Features.Payments;
using TheBot.Api.Features.Progress;
using TheBot.Api.Features.Seeding;
using TheBot.Api.Features.Students;
using TheBot.Api.Features.Subjects;
using TheBot.Api.Features.SystemHealth;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Diagnostics;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Jobs;
using TheBot.Api.Platform.OpenApi;
using TheBot.Api.Platform.RateLimiting;
using TheBot.Api.Platform.Realtime;
using TheBot.Api.Platform.Storage;
using TheBot.ServiceDefaults.Authentication;
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
            options => options.UseSnakeCaseNamingConvention().AddInterceptors(SqlCommandCounter.Instance, StaleConnectionEviction.Instance));
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

        AddIdentityAndAuthentication(builder);
        AddFeatures(builder);

        return builder;
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
        api.MapAdminUsersApi();
        api.MapTutorStudentsApi();
        api.MapParentInvitationsApi();
        api.MapApplicationsApi();
        api.MapSubjectsApi();
        api.MapEnrollmentsApi();
        api.MapJobsApi();
        api.MapInvoicesApi();
        api.MapPaymentsApi();
        api.MapLessonsApi();
        api.MapCalendarApi();
        api.MapAssignmentsApi();
        api.MapDashboardApi();
        api.MapProgressApi();
        api.MapChatApi();
        api.MapNotificationsApi();
        api.MapBroadcastsApi();
        api.MapMaterialsApi();

        return app;
    }

    private static void AddIdentityAndAuthentication(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentityCore<User>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = string.Empty;
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                // No account lockout (anyone could lock anyone out): SignInThrottle slows guessing per (account, network).
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<TheBotDbContext>()
            .AddPasswordValidator<PasswordPolicy>();

        // OWASP (2023): PBKDF2-HMAC-SHA512 with at least 210,000 iterations. Existing hashes are
        // upgraded at their next successful sign-in.
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 210_000);

        builder.AddTheBotJwtAuthentication<SessionCheckingJwtEvents>();
        services.AddCurrentUser();
        services.AddSingleton<SessionAccessCache>();
        services.AddSingleton<AccessChangeNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<AccessChangeNotifier>());

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    private static void AddFeatures(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddScoped<AccessTokenIssuer>();
        services.AddOptions<SessionLifetimeOptions>()
            .Bind(configuration.GetSection(SessionLifetimeOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<AuthSessionStore>();
        services.AddScoped<SignInService>();
        services.AddScoped<UserAccounts>();

        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.SectionName));
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.SectionName));
        services.AddScoped<DatabaseSeeder>();
        services.AddScoped<IDemoDataSeeder, DemoPeopleSeeder>();
        services.AddScoped<IDemoDataSeeder, EnrollmentDemoSeeder>();
        services.AddScoped<IDemoDataSeeder, LearningDemoSeeder>();
        services.AddScheduledJobs(configuration);
        services.AddInvoicesAndPayments(configuration);
        services.AddChatAndNotifications();
        services.AddScoped<ParentInvitationIssuer>();
        services.AddScheduledJob<ExpireParentInvitationsJob>();
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
