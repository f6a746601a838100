using TheBot.Api.Platform.Storage;

namespace TheBot.Tests.Api.Storage;

public sealed class FileNameSanitizerTests
{
    private static readonly DetectedFileType Pdf = new("application/pdf", ".pdf");
    private static readonly DetectedFileType Text = new("text/plain; charset=utf-8", ".txt");

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\me\\Конспект урока.PDF", "Конспект урока.pdf")]
    [InlineData("  a\u0000b\u202Ec<>:\"|?*.pdf  ", "abc.pdf")]
    [InlineData("many     spaces.pdf", "many spaces.pdf")]
    [InlineData("...", "file.pdf")]
    [InlineData(null, "file.pdf")]
    [InlineData("CON.pdf", "_CON.pdf")]
    public void Paths_control_characters_and_reserved_names_are_removed(string? uploaded, string expected)
    {
        Assert.Equal(expected, FileNameSanitizer.Sanitize(uploaded, Pdf));
    }

    [Theory]
    [InlineData("slides.html", "slides.html.txt")]
    [InlineData("notes.md", "notes.md")]
    [InlineData("report", "report.txt")]
    public void The_extension_always_matches_the_detected_type(string uploaded, string expected)
    {
        Assert.Equal(expected, FileNameSanitizer.Sanitize(uploaded, Text));
    }

    [Fact]
    public void Long_names_are_cut_keeping_the_extension()
    {
        var name = FileNameSanitizer.Sanitize(new string('я', 400) + ".pdf", Pdf);

        Assert.Equal(FileNameSanitizer.MaxLength, name.Length);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }
}
