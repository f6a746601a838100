using TheBot.Api.Data;

namespace TheBot.Tests.Api.Data;

public sealed class SearchPatternTests
{
    [Theory]
    [InlineData("anna", "%anna%")]
    [InlineData("  anna  ", "%anna%")]
    [InlineData("50%", @"%50\%%")]
    [InlineData("a_b", @"%a\_b%")]
    [InlineData(@"c:\x", @"%c:\\x%")]
    public void What_the_user_typed_is_matched_literally_anywhere_in_the_text(string search, string pattern) =>
        Assert.Equal(pattern, SearchPattern.Containing(search));
}
