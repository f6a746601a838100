using Microsoft.AspNetCore.Identity;
using TheBot.Api.Data;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Jobs;
using TheBot.ServiceDefaults.Authentication;

namespace TheBot.Api.Features.Auth;

public static class AuthRegistration
{
    /// <summary>
    /// Identity over the users table (password rules, hashing), JWT bearer authentication whose tokens are checked
    /// against open sessions, sign-in and sessions, password reset by e-mailed link, and the jobs that forget old sessions and reset links.
    /// </summary>
    public static WebApplicationBuilder AddAuth(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

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

        services.AddOptions<SessionLifetimeOptions>()
            .Bind(builder.Configuration.GetSection(SessionLifetimeOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<AccessTokenIssuer>();
        services.AddScoped<AuthSessionStore>();
        services.AddScoped<SignInService>();
        services.AddScoped<IAccountChangeFollower, SessionsFollowAccounts>();
        services.AddScheduledJob<PurgeExpiredSessionsJob>();

        services.AddOptions<PasswordResetOptions>()
            .Bind(builder.Configuration.GetSection(PasswordResetOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<PasswordResetTokens>();
        services.AddSingleton<PasswordResetEmail>();
        services.AddSingleton<PasswordResetMailer>();
        services.AddHostedService(sp => sp.GetRequiredService<PasswordResetMailer>());
        services.AddScoped<PasswordResets>();
        services.AddScheduledJob<PurgePasswordResetsJob>();
        return builder;
    }
}
