using System.Text;
using TheBot.Api.Platform.Storage;

namespace TheBot.Tests.Api.Storage;

public sealed class FileTypeSnifferTests
{
    [Theory]
    [InlineData("%PDF-1.7\n", "notes.txt", "application/pdf")]
    [InlineData("GIF89a....", "a.png", "image/gif")]
    public void The_content_decides_not_the_name(string start, string name, string expected)
    {
        var type = FileTypeSniffer.Detect(Encoding.ASCII.GetBytes(start), name, isWholeFile: true);

        Assert.Equal(expected, type?.ContentType);
    }

    [Fact]
    public void Png_jpeg_webp_and_mp4_are_recognised_by_signature()
    {
        Assert.Equal("image/png", FileTypeSniffer.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "x", true)?.ContentType);
        Assert.Equal("image/jpeg", FileTypeSniffer.Detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "x", true)?.ContentType);
        Assert.Equal("image/webp", FileTypeSniffer.Detect("RIFF\0\0\0\0WEBPVP8 "u8, "x", true)?.ContentType);
        Assert.Equal("video/mp4", FileTypeSniffer.Detect([0, 0, 0, 0x18, .. "ftypisom"u8, 0, 0, 0, 0], "x", true)?.ContentType);
    }

    [Fact]
    public void Zip_containers_use_the_extension_only_to_name_the_office_format()
    {
        byte[] zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0];

        Assert.Equal(".docx", FileTypeSniffer.Detect(zip, "essay.DOCX", true)?.Extension);
        Assert.Equal("application/zip", FileTypeSniffer.Detect(zip, "essay.exe", true)?.ContentType);
    }

    [Fact]
    public void Legacy_office_files_need_a_matching_extension()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];

        Assert.Equal("application/msword", FileTypeSniffer.Detect(ole, "old.doc", true)?.ContentType);
        Assert.Null(FileTypeSniffer.Detect(ole, "old.msi", true));
    }

    [Theory]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 })]             // Windows executable
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02 })]       // ELF
    [InlineData(new byte[] { 0x23, 0x21, 0x2F, 0x62, 0x69, 0x6E })] // #!/bin
    [InlineData(new byte[] { 0x68, 0x69, 0x00, 0x01 })]             // binary with NULs
    [InlineData(new byte[] { 0xC3, 0x28 })]                         // invalid UTF-8
    [InlineData(new byte[0])]
    public void Executables_binary_blobs_and_empty_files_are_refused(byte[] content)
    {
        Assert.Null(FileTypeSniffer.Detect(content, "homework.txt", isWholeFile: true));
    }

    [Fact]
    public void Utf8_text_is_plain_text_even_when_the_sample_cuts_a_character()
    {
        var text = Encoding.UTF8.GetBytes("Домашнее задание: решить задачи 1–5.\n");
        var cut = text.AsSpan(0, 3); // "Д" is two bytes, "о" begins at byte 2: the sample ends mid-character

        Assert.Equal("text/plain; charset=utf-8", FileTypeSniffer.Detect(text, "hw.md", true)?.ContentType);
        Assert.NotNull(FileTypeSniffer.Detect(cut, "hw.md", isWholeFile: false));
        Assert.Null(FileTypeSniffer.Detect(cut, "hw.md", isWholeFile: true));
    }
}
