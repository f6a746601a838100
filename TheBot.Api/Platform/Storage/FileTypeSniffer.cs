using System.Text;

namespace TheBot.Api.Platform.Storage;

/// <summary>A file type recognised from content: its media type and canonical extension.</summary>
public sealed record DetectedFileType(string ContentType, string Extension);

/// <summary>
/// Recognises the file types TheBot accepts from their first bytes (signatures), never from the name.
/// The name only tells apart formats that share a container (Office documents are ZIP or OLE files).
/// Anything unrecognised — executables, archives of unknown use, binary blobs — is refused.
/// </summary>
public static class FileTypeSniffer
{
    /// <summary>How many leading bytes <see cref="Detect"/> wants to see.</summary>
    public const int SampleSize = 4096;

    private static readonly Dictionary<string, DetectedFileType> ZipFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        [".docx"] = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
        [".xlsx"] = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
        [".pptx"] = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx"),
        [".odt"] = new("application/vnd.oasis.opendocument.text", ".odt"),
        [".ods"] = new("application/vnd.oasis.opendocument.spreadsheet", ".ods"),
        [".odp"] = new("application/vnd.oasis.opendocument.presentation", ".odp"),
    };

    private static readonly Dictionary<string, DetectedFileType> OleFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        [".doc"] = new("application/msword", ".doc"),
        [".xls"] = new("application/vnd.ms-excel", ".xls"),
        [".ppt"] = new("application/vnd.ms-powerpoint", ".ppt"),
    };

    private static readonly DetectedFileType Zip = new("application/zip", ".zip");
    private static readonly DetectedFileType PlainText = new("text/plain; charset=utf-8", ".txt");
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> ZipSignature => [0x50, 0x4B, 0x03, 0x04];

    private static ReadOnlySpan<byte> OleSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static ReadOnlySpan<byte> ElfSignature => [0x7F, 0x45, 0x4C, 0x46];

    /// <summary>The type of a file starting with <paramref name="sample"/>, or null when it is not accepted.</summary>
    /// <param name="sample">The first bytes (up to <see cref="SampleSize"/>; fewer for a short file).</param>
    /// <param name="fileName">The name given by the uploader, consulted only for container formats.</param>
    /// <param name="isWholeFile">True when <paramref name="sample"/> is the whole file (it did not get cut mid-character).</param>
    public static DetectedFileType? Detect(ReadOnlySpan<byte> sample, string? fileName, bool isWholeFile)
    {
        if (sample.IsEmpty)
        {
            return null;
        }

        var extension = Path.GetExtension(fileName ?? string.Empty);
        if (sample.StartsWith("%PDF-"u8))
        {
            return new("application/pdf", ".pdf");
        }

        if (sample.StartsWith(PngSignature))
        {
            return new("image/png", ".png");
        }

        if (sample.StartsWith(JpegSignature))
        {
            return new("image/jpeg", ".jpg");
        }

        if (sample.StartsWith("GIF87a"u8) || sample.StartsWith("GIF89a"u8))
        {
            return new("image/gif", ".gif");
        }

        if (sample.Length >= 12 && sample.StartsWith("RIFF"u8) && sample[8..12].SequenceEqual("WEBP"u8))
        {
            return new("image/webp", ".webp");
        }

        if (sample.Length >= 12 && sample[4..8].SequenceEqual("ftyp"u8))
        {
            return sample[8..12].SequenceEqual("qt  "u8)
                ? new("video/quicktime", ".mov")
                : sample[8..11].SequenceEqual("M4A"u8) ? new("audio/mp4", ".m4a") : new("video/mp4", ".mp4");
        }

        if (sample.StartsWith("ID3"u8) || (sample.Length >= 2 && sample[0] == 0xFF && (sample[1] & 0xE0) == 0xE0))
        {
            return new("audio/mpeg", ".mp3");
        }

        if (sample.StartsWith(ZipSignature))
        {
            return ZipFormats.GetValueOrDefault(extension) ?? Zip;
        }

        if (sample.StartsWith(OleSignature))
        {
            return OleFormats.GetValueOrDefault(extension);
        }

        return IsText(sample, isWholeFile) ? PlainText : null;
    }

    /// <summary>UTF-8 without NULs or other control characters than tab, line breaks and form feed.</summary>
    private static bool IsText(ReadOnlySpan<byte> sample, bool isWholeFile)
    {
        if (sample.StartsWith("MZ"u8) || sample.StartsWith(ElfSignature) || sample.StartsWith("#!"u8))
        {
            return false;
        }

        foreach (var b in sample)
        {
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C)
            {
                return false;
            }
        }

        // A sample cut from a longer file may end inside a multi-byte character: drop that tail.
        var checkedPart = isWholeFile ? sample : TrimIncompleteCharacter(sample);
        try
        {
            _ = StrictUtf8.GetCharCount(checkedPart);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static ReadOnlySpan<byte> TrimIncompleteCharacter(ReadOnlySpan<byte> sample)
    {
        var end = sample.Length;
        for (var back = 1; back <= 3 && back <= sample.Length; back++)
        {
            var b = sample[^back];
            if ((b & 0xC0) != 0x80)
            {
                // A lead byte: keep it only if its whole sequence is present.
                var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                end = needed > back ? sample.Length - back : sample.Length;
                break;
            }
        }

        return sample[..end];
    }
}
