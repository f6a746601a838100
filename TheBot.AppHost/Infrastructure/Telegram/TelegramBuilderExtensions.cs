using System.Security.Cryptography;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using TheBot.AppHost.Deployment;

namespace TheBot.AppHost.Infrastructure.Telegram;

/// <summary>The local Telegram stand-in in the dashboard (served by the AppHost process).</summary>
public sealed class TelegramStandInResource(string name) : Resource(name)
{
    public required TelegramStandInServer Server { get; init; }
}

/// <summary>
/// api's Telegram bot. When run with the <c>telegram-bot-token</c> parameter set (and <c>telegram-bot-username</c>;
/// <c>telegram-webhook-secret</c>, <c>telegram-webhook-url</c>, <c>telegram-admin-chat-id</c> and <c>telegram-log-chat-id</c>
/// as needed), the real bot is used. Without it, a local
/// stand-in plays Telegram: api's Bot API calls and its deep links go there, and the developer reads the bot's messages
/// and presses Start on its pages. <c>Infrastructure:TelegramStandIn=false</c> leaves Telegram off instead (the test
/// hosts, whose fixtures bring a fake Bot API). Deployments get the six as optional parameters (empty: no Telegram)
/// and a route out on 443 to api.telegram.org.
/// </summary>
public static class TelegramBuilderExtensions
{
    private const string WebhookPath = "/api/telegram/webhook";

    public static IResourceBuilder<ProjectResource> WithTelegram(
        this IResourceBuilder<ProjectResource> api, IDistributedApplicationBuilder builder, EndpointReference frontDoor)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(frontDoor);
        if (builder.ExecutionContext.IsPublishMode)
        {
            return api
                .WithEnvironment("Telegram__BotToken", builder.AddParameter("telegram-bot-token", secret: true)
                    .WithDescription("The token @BotFather gave the centre's bot; empty: no Telegram").OptionalWhenDeployed())
                .WithEnvironment("Telegram__BotUsername", builder.AddParameter("telegram-bot-username", "", publishValueAsDefault: true)
                    .WithDescription("The bot's username without @ (required with a token)").OptionalWhenDeployed())
                .WithEnvironment("Telegram__WebhookSecret", builder.AddParameter("telegram-webhook-secret", secret: true)
                    .WithDescription("The secret Telegram sends with every update (1-256 of A-Z a-z 0-9 _ -; required with a token)").OptionalWhenDeployed())
                .WithEnvironment("Telegram__WebhookUrl", builder.AddParameter("telegram-webhook-url", "", publishValueAsDefault: true)
                    .WithDescription("https://<site>/api/telegram/webhook: registered with Telegram at startup; empty: set it by hand").OptionalWhenDeployed())
                .WithEnvironment("Telegram__AdminChatId", builder.AddParameter("telegram-admin-chat-id", "", publishValueAsDefault: true)
                    .WithDescription("The admins' Telegram group (chat id, negative for a group): new sign-up applications are announced there; empty: none").OptionalWhenDeployed())
                .WithEnvironment("Telegram__LogChatId", builder.AddParameter("telegram-log-chat-id", "", publishValueAsDefault: true)
                    .WithDescription("The admin log channel (chat id): payments, applications, failed jobs; empty: none").OptionalWhenDeployed())
                .WithExternalEgress(443, "api.telegram.org (the Telegram bot)");
        }

        if (!string.IsNullOrWhiteSpace(builder.Configuration["Parameters:telegram-bot-token"]))
        {
            api.WithEnvironment("Telegram__BotToken", builder.AddParameter("telegram-bot-token", secret: true).WithDescription("The bot's token"))
                .WithEnvironment("Telegram__BotUsername", builder.AddParameter("telegram-bot-username").WithDescription("The bot's username without @"))
                .WithEnvironment("Telegram__WebhookSecret", builder.AddParameter("telegram-webhook-secret", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true));
            foreach (var (parameter, setting) in (ReadOnlySpan<(string, string)>)[
                ("telegram-webhook-url", "Telegram__WebhookUrl"), ("telegram-admin-chat-id", "Telegram__AdminChatId"), ("telegram-log-chat-id", "Telegram__LogChatId")])
            {
                if (!string.IsNullOrWhiteSpace(builder.Configuration[$"Parameters:{parameter}"]))
                {
                    api.WithEnvironment(setting, builder.AddParameter(parameter));
                }
            }

            return api;
        }

        if (string.Equals(builder.Configuration["Infrastructure:TelegramStandIn"], "false", StringComparison.OrdinalIgnoreCase))
        {
            return api;
        }

        var standIn = builder.AddTelegramStandIn("telegram");
        var server = standIn.Resource.Server;
        var webhookSecret = RandomNumberGenerator.GetHexString(32, lowercase: true);
        return api
            .WithEnvironment(context =>
            {
                context.EnvironmentVariables["Telegram__BotToken"] = TelegramStandInOptions.DefaultBotToken;
                context.EnvironmentVariables["Telegram__BotUsername"] = TelegramStandInOptions.DefaultBotUsername;
                context.EnvironmentVariables["Telegram__WebhookSecret"] = webhookSecret;
                context.EnvironmentVariables["Telegram__ApiBaseUrl"] = server.BaseUrl.ToString();
                context.EnvironmentVariables["Telegram__LinkBaseUrl"] = server.BaseUrl.ToString();
            })
            .WithEnvironment("Telegram__WebhookUrl", ReferenceExpression.Create($"{frontDoor}{WebhookPath}"));
    }

    /// <summary>The stand-in, started before the resources so api's settings can name its address.</summary>
    public static IResourceBuilder<TelegramStandInResource> AddTelegramStandIn(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var port = int.TryParse(builder.Configuration["Infrastructure:TelegramStandInPort"], out var configured) ? configured : 0;
        var server = new TelegramStandInServer(new TelegramStandInOptions(TelegramStandInOptions.DefaultBotToken, TelegramStandInOptions.DefaultBotUsername), port);
        // The AppHost's container disposes it (stops the server) when the AppHost stops.
        builder.Services.AddSingleton(server);
        var resource = new TelegramStandInResource(name) { Server = server };

        builder.Eventing.Subscribe<BeforeStartEvent>(async (e, ct) =>
        {
            await server.StartAsync(ct);
            await e.Services.GetRequiredService<ResourceNotificationService>().PublishUpdateAsync(resource, state => state with
            {
                State = KnownResourceStates.Running,
                StartTimeStamp = DateTime.UtcNow,
                Urls = [new UrlSnapshot("chats", server.BaseUrl.ToString(), IsInternal: false)],
            });
        });

        return builder.AddResource(resource)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "TelegramStandIn",
                State = KnownResourceStates.NotStarted,
                Properties = [],
            })
            .WithIconName("Chat")
            .ExcludeFromManifest();
    }
}
