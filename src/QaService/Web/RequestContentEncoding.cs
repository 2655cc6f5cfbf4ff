namespace QaService.Host.Web;

/// <summary>
/// A body sent compressed (<c>Content-Encoding: gzip</c>) is not read: QaService takes questions of a few kilobytes,
/// and would otherwise report the compressed bytes as "not valid JSON".
/// </summary>
internal static class RequestContentEncoding
{
    /// <summary>The coding the body is sent with, or null when it is sent as it is ("identity", or no header).</summary>
    public static string? Applied(HttpRequest http)
    {
        var coding = http.Headers.ContentEncoding.ToString().Trim();
        return coding.Length == 0 || coding.Equals("identity", StringComparison.OrdinalIgnoreCase) ? null : coding;
    }

    public static string Refusal(string coding) =>
        $"The body is sent with Content-Encoding '{coding}', which QaService does not read; send it uncompressed.";
}
