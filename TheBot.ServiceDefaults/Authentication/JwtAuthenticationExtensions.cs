using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace TheBot.ServiceDefaults.Authentication;

public static class JwtAuthenticationExtensions
{
    /// <summary>The only path prefix on which the token may come in the query string (WebSockets cannot send headers).</summary>
    public const string HubsPath = "/hubs";

    /// <summary>
    /// Validates TheBot access tokens (signature, issuer, audience, lifetime) from the Authorization
    /// header, or from <c>access_token</c> on <c>/hubs/*</c> only.
    /// </summary>
    public static IServiceCollection AddTheBotJwtAuthentication(this IHostApplicationBuilder builder) =>
        builder.AddTheBotJwtAuthentication<TheBotJwtBearerEvents>();

    /// <inheritdoc cref="AddTheBotJwtAuthentication(IHostApplicationBuilder)"/>
    /// <typeparam name="TEvents">The service's own events (resolved per request), e.g. to check the session.</typeparam>
    public static IServiceCollection AddTheBotJwtAuthentication<TEvents>(this IHostApplicationBuilder builder)
        where TEvents : TheBotJwtBearerEvents
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddOptions<JwtOptions>()
            .Bind(builder.Configuration.GetSection(JwtOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddScoped<TEvents>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer();

        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>>((bearer, jwt) =>
            {
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = CreateValidationParameters(jwt.Value);
                bearer.EventsType = typeof(TEvents);
            });

        return builder.Services;
    }

    public static TokenValidationParameters CreateValidationParameters(JwtOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        return new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = options.Issuer,
            ValidateAudience = true,
            ValidAudience = options.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            ValidateIssuerSigningKey = true,
            IssuerSigningKey = CreateSigningKey(options),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            NameClaimType = TheBotClaims.Name,
            RoleClaimType = TheBotClaims.Role,
        };
    }

    public static SymmetricSecurityKey CreateSigningKey(JwtOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey)) { KeyId = "thebot-hs256" };
    }
}
