using Microsoft.Extensions.Options;

namespace TheBot.Api.Features.Audit;

/// <summary>The <c>Audit</c> section: how long the audit log keeps its rows (checked at startup).</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    public const int MinRetentionDays = 30;
    public const int MaxRetentionDays = 3650;

    /// <summary>Rows older than this many days are deleted by the daily <c>purge-audit-log</c> job (30 … 3650; default 365).</summary>
    public int RetentionDays { get; set; } = 365;
}

internal sealed class AuditOptionsValidation : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.RetentionDays is < AuditOptions.MinRetentionDays or > AuditOptions.MaxRetentionDays
            ? ValidateOptionsResult.Fail($"Audit:RetentionDays must be between {AuditOptions.MinRetentionDays} and {AuditOptions.MaxRetentionDays} days; it is {options.RetentionDays}.")
            : ValidateOptionsResult.Success;
    }
}
