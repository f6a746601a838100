using System.Reflection;
using System.Text.RegularExpressions;
using TheBot.Api.Features.Audit;
using TheBot.Api.Features.Auth;
using TheBot.Api.Features.Notifications.Delivery;
using TheBot.Api.Features.Payments;
using TheBot.Api.Features.Progress;
using TheBot.Api.Features.Push;
using TheBot.Api.Features.Telegram;
using TheBot.Api.Platform.OpenApi;

namespace TheBot.Tests.Api;

/// <summary>
/// Every payments or OpenAPI setting that the docs, the api's messages or the SPA's banners tell an operator
/// to set is one the api really reads (a renamed option would leave them pointing at nothing).
/// </summary>
public sealed partial class DocumentedSettingsTests
{
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.Ordinal)
    {
        [PaymentOptions.SectionName] = typeof(PaymentOptions),
        [OpenApiOptions.SectionName] = typeof(OpenApiOptions),
        [SmtpOptions.SectionName] = typeof(SmtpOptions),
        [DeliveryOptions.SectionName] = typeof(DeliveryOptions),
        [PushOptions.SectionName] = typeof(PushOptions),
        [TelegramOptions.SectionName] = typeof(TelegramOptions),
        [PasswordResetOptions.SectionName] = typeof(PasswordResetOptions),
        [WeeklyReportOptions.SectionName] = typeof(WeeklyReportOptions),
        [AuditOptions.SectionName] = typeof(AuditOptions),
    };

    [Fact]
    public void Every_payments_OpenAPI_SMTP_deliveries_and_push_setting_named_in_docs_messages_and_banners_is_one_the_api_binds()
    {
        var root = RepositoryRoot.Find();
        var files = new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md"))
            .Concat(Directory.GetFiles(Path.Combine(root, "TheBot.Api", "Features", "Payments"), "*.cs"))
            .Concat(Directory.GetFiles(Path.Combine(root, "TheBot.Web", "ClientApp", "src", "i18n", "messages"), "*.ts"));

        var named = files
            .SelectMany(file => SettingName().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetRelativePath(root, file), Key: Normalise(m.Value))))
            .Distinct()
            .ToList();

        Assert.Contains(named, n => n.Key == "Payments:Sandbox:Enabled");
        Assert.Contains(named, n => n.Key == "OpenApi:Enabled");
        Assert.Contains(named, n => n.Key == "Smtp:Host");
        Assert.Contains(named, n => n.Key == "Deliveries:AppBaseUrl");
        Assert.Contains(named, n => n.Key == "Push:VapidPrivateKey");
        Assert.Contains(named, n => n.Key == "Telegram:WebhookSecret");
        Assert.Contains(named, n => n.Key == "PasswordReset:LinkLifetime");
        Assert.Contains(named, n => n.Key == "WeeklyReports:TeacherReminderDay");
        Assert.Contains(named, n => n.Key == "WeeklyReports:TutorReminderDay");
        Assert.Contains(named, n => n.Key == "Audit:RetentionDays");
        Assert.All(named, n => Assert.True(Binds(n.Key), $"{n.File} names {n.Key}, which no option of the api binds"));
    }

    /// <summary><c>Payments__Webhook__AllowedNetworks__0</c> → <c>Payments:Webhook:AllowedNetworks</c>.</summary>
    private static string Normalise(string name) =>
        string.Join(':', name.Replace("__", ":", StringComparison.Ordinal).Split(':').Where(s => s.Length > 0 && !s.All(char.IsAsciiDigit)));

    private static bool Binds(string key)
    {
        var segments = key.Split(':');
        if (!Sections.TryGetValue(segments[0], out var type))
        {
            return false;
        }

        foreach (var segment in segments.Skip(1))
        {
            var property = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return false;
            }

            type = property.PropertyType;
        }

        return true;
    }

    [GeneratedRegex(@"\b(?:Payments|OpenApi|Smtp|Deliveries|Push|PasswordReset|Telegram|WeeklyReports|Audit)(?::|__)[A-Za-z]+(?:(?::|__)[A-Za-z0-9]+)*")]
    private static partial Regex SettingName();
}
