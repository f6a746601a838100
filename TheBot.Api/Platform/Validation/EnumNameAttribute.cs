using System.ComponentModel.DataAnnotations;

namespace TheBot.Api.Platform.Validation;

/// <summary>
/// A text input that must name a member of <typeparamref name="TEnum"/> (any letter case), for enum query
/// parameters (minimal APIs bind enums case-sensitively) and enum fields of request bodies taken as text. The
/// pattern is made from the enum, so the OpenAPI document lists exactly its members, and a refusal names them.
/// Read the value with <see cref="WireName.Parse{TEnum}"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class EnumNameAttribute<TEnum> : RegularExpressionAttribute where TEnum : struct, Enum
{
    public EnumNameAttribute()
        : base($"^(?i)({string.Join('|', WireName.All<TEnum>())})$")
    {
        ErrorMessage = $"{{0}} must be one of: {string.Join(", ", WireName.All<TEnum>())}.";
    }
}
