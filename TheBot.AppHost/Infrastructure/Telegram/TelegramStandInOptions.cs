namespace TheBot.AppHost.Infrastructure.Telegram;

/// <summary>The bot the local stand-in plays: api is given the same token and username.</summary>
public sealed record TelegramStandInOptions(string BotToken, string BotUsername)
{
    /// <summary>A token of the shape @BotFather gives, that only the stand-in accepts.</summary>
    public const string DefaultBotToken = "1000000001:local-stand-in";

    public const string DefaultBotUsername = "TheBotLocalBot";
}
