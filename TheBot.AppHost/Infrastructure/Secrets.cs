using Aspire.Hosting.ApplicationModel;

namespace TheBot.AppHost.Infrastructure;

/// <summary>
/// The platform's secrets as Aspire parameters: generated for development (and kept in the AppHost's
/// user secrets so that data directories stay usable), supplied by the operator when deployed.
/// </summary>
public static class Secrets
{
    public static IResourceBuilder<ParameterResource> PostgresPassword(IDistributedApplicationBuilder builder) =>
        Generated(builder, "postgres-password", minLength: 24);

    public static IResourceBuilder<ParameterResource> RedisPassword(IDistributedApplicationBuilder builder) =>
        Generated(builder, "redis-password", minLength: 24);

    public static IResourceBuilder<ParameterResource> JwtSigningKey(IDistributedApplicationBuilder builder) =>
        Generated(builder, "jwt-signing-key", minLength: 64);

    /// <summary>The first admin's password, used once on an empty database.</summary>
    public static IResourceBuilder<ParameterResource> BootstrapAdminPassword(IDistributedApplicationBuilder builder) =>
        Generated(builder, "bootstrap-admin-password", minLength: 20);

    /// <summary>The first admin's email (not secret; the operator may choose it).</summary>
    public static IResourceBuilder<ParameterResource> BootstrapAdminEmail(IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        const string name = "bootstrap-admin-email";
        return builder.AddParameter(name, builder.Configuration[$"Parameters:{name}"] ?? "owner@thebot.local", publishValueAsDefault: true);
    }

    private static IResourceBuilder<ParameterResource> Generated(IDistributedApplicationBuilder builder, string name, int minLength)
    {
        ArgumentNullException.ThrowIfNull(builder);

        if (builder.Resources.OfType<ParameterResource>().FirstOrDefault(p => p.Name == name) is { } existing)
        {
            return builder.CreateResourceBuilder(existing);
        }

        // Letters and digits only: StackExchange.Redis cannot take commas, connection strings dislike ';'.
        return builder.AddParameter(name, new GenerateParameterDefault { MinLength = minLength, Special = false }, secret: true, persist: true);
    }

    /// <summary>
    /// YooKassa's shop id and secret key, only when the developer or operator has set them
    /// (<c>dotnet user-secrets set Parameters:yookassa-shop-id …</c>); without them api uses the sandbox.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithYooKassaWhenConfigured(this IResourceBuilder<ProjectResource> api, IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(builder);

        if (string.IsNullOrWhiteSpace(builder.Configuration["Parameters:yookassa-shop-id"]))
        {
            return api;
        }

        return api
            .WithEnvironment("Payments__YooKassa__ShopId", builder.AddParameter("yookassa-shop-id", secret: true))
            .WithEnvironment("Payments__YooKassa__SecretKey", builder.AddParameter("yookassa-secret-key", secret: true));
    }
}
