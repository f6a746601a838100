using TheBot.Api.Features.Auth;

namespace TheBot.Tests.Api.Auth;

public sealed class RefreshTokenTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void A_token_round_trips_through_its_text_form()
    {
        var token = RefreshToken.Create(Guid.NewGuid());

        Assert.True(RefreshToken.TryParse(token.ToString(), out var parsed));
        Assert.Equal(token, parsed);
        Assert.Equal(32, token.Hash().Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdeX.secret")]
    [InlineData("0123456789abcdef0123456789abcdef.")]
    public void Malformed_tokens_are_refused(string? text) => Assert.False(RefreshToken.TryParse(text, out _));

    [Fact]
    public void The_successor_is_the_same_for_the_same_token_and_differs_between_tokens()
    {
        var token = RefreshToken.Create(Guid.NewGuid());
        var other = RefreshToken.Create(token.SessionId);

        Assert.Equal(token.Next(Key), token.Next(Key));
        Assert.NotEqual(token.Next(Key), other.Next(Key));
        Assert.NotEqual(token, token.Next(Key));
        Assert.Equal(token.SessionId, token.Next(Key).SessionId);
        Assert.NotEqual(token.Next(Key), token.Next([.. Key.Reverse()]));
    }
}
