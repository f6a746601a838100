using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TheBot.Api.Platform.Storage;

namespace TheBot.Tests.Api.Storage;

/// <summary>The upload reader and the filesystem store together, on a real temporary directory.</summary>
public sealed class MultipartUploadReaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("thebot-store-").FullName;
    private readonly FileSystemContentStore _store;
    private readonly MultipartUploadReader _reader;

    public MultipartUploadReaderTests()
    {
        var options = Options.Create(new StorageOptions { Root = _root, MaxFileBytes = 64 * 1024 });
        _store = new FileSystemContentStore(options, NullLogger<FileSystemContentStore>.Instance);
        _reader = new MultipartUploadReader(_store, options);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_file_and_fields_are_stored_and_read_back_byte_for_byte()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n" + new string('x', 20_000));
        var request = Multipart(("text", null, Encoding.UTF8.GetBytes("Моё решение")), ("file", "../Решение.pdf", pdf));

        var result = await _reader.ReadAsync(request, new UploadLimits(), TestContext.Current.CancellationToken);

        var form = Assert.IsType<UploadForm>(result.Form);
        Assert.Equal("Моё решение", form.Field("text"));
        var file = Assert.Single(form.Files);
        Assert.Equal(("Решение.pdf", "application/pdf", pdf.LongLength), (file.FileName, file.ContentType, file.Length));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), file.Sha256);
        await using var stored = await _store.OpenReadAsync(file.StorageKey, TestContext.Current.CancellationToken);
        using var copy = new MemoryStream();
        await stored!.CopyToAsync(copy, TestContext.Current.CancellationToken);
        Assert.Equal(pdf, copy.ToArray());
    }

    [Fact]
    public async Task A_file_over_the_limit_is_413_and_leaves_nothing_behind()
    {
        var big = Encoding.ASCII.GetBytes("%PDF-1.4\n" + new string('x', 70 * 1024));

        var result = await _reader.ReadAsync(Multipart(("file", "big.pdf", big)), new UploadLimits(), TestContext.Current.CancellationToken);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, Assert.IsType<ProblemHttpResult>(result.Problem).StatusCode);
        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task An_executable_named_like_a_document_is_415_and_earlier_files_are_removed()
    {
        var request = Multipart(("file", "ok.pdf", "%PDF-1.4 ok"u8.ToArray()), ("file", "cv.pdf", [0x4D, 0x5A, 0x90, 0, 3, 0]));

        var result = await _reader.ReadAsync(request, new UploadLimits(MaxFiles: 2), TestContext.Current.CancellationToken);

        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, Assert.IsType<ProblemHttpResult>(result.Problem).StatusCode);
        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Json_instead_of_multipart_is_415_and_a_missing_file_is_400()
    {
        var json = new DefaultHttpContext().Request;
        json.ContentType = "application/json";
        json.Body = new MemoryStream("{}"u8.ToArray());

        var notMultipart = await _reader.ReadAsync(json, new UploadLimits(), TestContext.Current.CancellationToken);
        var noFile = await _reader.ReadAsync(Multipart(("text", null, "hi"u8.ToArray())), new UploadLimits(), TestContext.Current.CancellationToken);

        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, Assert.IsType<ProblemHttpResult>(notMultipart.Problem).StatusCode);
        var problem = Assert.IsType<ValidationProblem>(noFile.Problem);
        Assert.Contains("file", problem.ProblemDetails.Errors.Keys);
    }

    [Fact]
    public async Task A_truncated_body_is_400_and_keeps_nothing()
    {
        var request = Multipart(("file", "a.txt", Encoding.UTF8.GetBytes(new string('a', 10_000))));
        var whole = ((MemoryStream)request.Body).ToArray();
        request.Body = new MemoryStream(whole[..(whole.Length - 60)]);

        var result = await _reader.ReadAsync(request, new UploadLimits(), TestContext.Current.CancellationToken);

        Assert.IsType<ValidationProblem>(result.Problem);
        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_body_over_the_server_limit_is_413_and_keeps_the_files_read_before_it_nowhere()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n" + new string('p', 20_000));
        var request = Multipart(("file", "one.pdf", pdf), ("file", "two.pdf", pdf));
        // Kestrel throws this from the body stream once the request passes its size limit.
        request.Body = new LimitedBody(((MemoryStream)request.Body).ToArray(), allowed: pdf.Length + 5_000);

        var result = await _reader.ReadAsync(request, new UploadLimits(MaxFiles: 2), TestContext.Current.CancellationToken);

        var problem = Assert.IsType<ProblemHttpResult>(result.Problem);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, problem.StatusCode);
        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Unknown_or_malformed_keys_are_not_found_and_cannot_leave_the_root()
    {
        Assert.Null(await _store.OpenReadAsync("../../etc/passwd", TestContext.Current.CancellationToken));
        Assert.Null(await _store.OpenReadAsync(Guid.NewGuid().ToString("N"), TestContext.Current.CancellationToken));
    }

    private static HttpRequest Multipart(params (string Name, string? FileName, byte[] Content)[] parts)
    {
        const string boundary = "----thebot-test-boundary";
        var body = new MemoryStream();
        foreach (var (name, fileName, content) in parts)
        {
            var header = fileName is null
                ? $"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n"
                : $"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{fileName}\"\r\nContent-Type: application/octet-stream\r\n\r\n";
            body.Write(Encoding.UTF8.GetBytes(header));
            body.Write(content);
            body.Write("\r\n"u8);
        }

        body.Write(Encoding.ASCII.GetBytes($"--{boundary}--\r\n"));
        body.Position = 0;
        var request = new DefaultHttpContext().Request;
        request.ContentType = $"multipart/form-data; boundary={boundary}";
        request.Body = body;
        return request;
    }

    private sealed class LimitedBody(byte[] content, int allowed) : MemoryStream(content)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= allowed)
            {
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }

            return await base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, allowed - Position)], cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
