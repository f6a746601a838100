namespace TheBot.Web.FrontDoor;

/// <summary>
/// <c>FrontDoor:RequestBody</c>: every request body is small, except on the upload routes, which take
/// files. Larger bodies are refused with 413 before they reach a service.
/// </summary>
public sealed class RequestBodyOptions
{
    public const string Section = "FrontDoor:RequestBody";

    public long DefaultLimitBytes { get; set; } = 1024 * 1024;

    /// <summary>A 50 MB file plus room for the multipart framing and the form's text fields.</summary>
    public long UploadLimitBytes { get; set; } = 51 * 1024 * 1024;

    /// <summary>
    /// A body refused for its size is still read and thrown away, up to this size, so that a client still sending it
    /// reads the 413 instead of meeting a reset connection. Larger ones are answered and the connection closed.
    /// </summary>
    public long RefusedBodyDrainLimitBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>"METHOD /route/{template}", e.g. "POST /api/materials/{id}/files".</summary>
    public IList<string> UploadRoutes { get; } = [];
}
