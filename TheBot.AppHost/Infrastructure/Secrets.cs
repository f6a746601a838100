using Aspire.Hosting.ApplicationModel;
using TheBot.AppHost.Deployment;

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

    /// <summary>
    /// The first admin's password, used once on an empty database. Deployments may remove it after the first
    /// sign-in, so it is optional there.
    /// </summary>
    public static IResourceBuilder<ParameterResource> BootstrapAdminPassword(IDistributedApplicationBuilder builder) =>
        Generated(builder, "bootstrap-admin-password", minLength: 20)
            .WithDescription("The first admin's password, used once on an empty database; remove it after the first sign-in")
            .OptionalWhenDeployed();

    /// <summary>The first admin's email (not secret; the operator may choose it).</summary>
    public static IResourceBuilder<ParameterResource> BootstrapAdminEmail(IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        const string name = "bootstrap-admin-email";
        return builder.AddParameter(name, builder.Configuration[$"Parameters:{name}"] ?? "owner@thebot.local", publishValueAsDefault: true)
            .WithDescription("The first admin's email, used once on an empty database; remove it after the first sign-in")
            .OptionalWhenDeployed();
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
    /// YooKassa's shop id and secret key. When run, only when the developer has set them
    /// (<c>dotnet user-secrets set Parameters:yookassa-shop-id …</c>). Deployments always have the slots (optional
    /// secrets), the explicit sandbox switch (off) and a route to the provider on 443, for api only.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithYooKassaWhenConfigured(this IResourceBuilder<ProjectResource> api, IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(builder);

        var publishing = builder.ExecutionContext.IsPublishMode;
        if (!publishing && string.IsNullOrWhiteSpace(builder.Configuration["Parameters:yookassa-shop-id"]))
        {
            return api;
        }

        api.WithEnvironment("Payments__YooKassa__ShopId", builder.AddParameter("yookassa-shop-id", secret: true)
                .WithDescription("YooKassa's shop id; empty: no real payments")
                .OptionalWhenDeployed())
            .WithEnvironment("Payments__YooKassa__SecretKey", builder.AddParameter("yookassa-secret-key", secret: true)
                .WithDescription("YooKassa's secret key; empty: no real payments")
                .OptionalWhenDeployed());
        if (publishing)
        {
            api.WithEnvironment("Payments__Sandbox__Enabled", builder.AddParameter("payments-sandbox-enabled", "false", publishValueAsDefault: true)
                    .WithDescription("true only for a trial: the payment sandbox marks invoices paid with no money moving")
                    .OptionalWhenDeployed("false"))
                .WithExternalEgress(443, "the payment provider's API (YooKassa)");
        }

        return api;
    }
}
