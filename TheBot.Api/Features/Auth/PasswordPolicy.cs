using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Auth;

/// <summary>
/// NIST-style password rules on top of Identity's length check: no composition rules, a generous
/// maximum, and the most common (leaked, guessed-first) passwords refused.
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<User>
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 128;

    private static readonly FrozenSet<string> CommonPasswords = LoadCommonPasswords();

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);

        if (password is null)
        {
            return Task.FromResult(IdentityResult.Failed(Error("PasswordRequired", "A password is required.")));
        }

        if (password.Length > MaximumLength)
        {
            return Task.FromResult(IdentityResult.Failed(Error("PasswordTooLong", $"Passwords can be at most {MaximumLength} characters.")));
        }

        if (IsCommon(password) || string.Equals(password, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(IdentityResult.Failed(Error("PasswordTooCommon", "This password is too common or too easy to guess; choose another.")));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    public static bool IsCommon(string password) => CommonPasswords.Contains(password.Trim());

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };

    private static FrozenSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("TheBot.Api.CommonPasswords")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                passwords.Add(line.Trim());
            }
        }

        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
