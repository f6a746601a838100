using TheBot.Api.Features.Auth;

namespace TheBot.Tests.Api.Auth;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("password")]
    [InlineData("Password1")]
    [InlineData("QWERTY123")]
    [InlineData("12345678")]
    [InlineData("iloveyou")]
    [InlineData("password2024")]
    [InlineData("йцукен")]
    public void The_most_common_passwords_are_recognised_whatever_their_case(string password) =>
        Assert.True(PasswordPolicy.IsCommon(password));

    [Theory]
    [InlineData("Correct-Horse-9")]
    [InlineData("Pass123$")]
    [InlineData("a perfectly long passphrase of sixty-four characters or so, fine!")]
    public void Uncommon_passwords_pass(string password) =>
        Assert.False(PasswordPolicy.IsCommon(password));
}
