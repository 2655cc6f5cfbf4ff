using System.Text;
using Microsoft.Net.Http.Headers;

namespace QaService.Host.Web;

/// <summary>
/// The text encoding a JSON body declares in its <c>charset</c>. JSON between systems is UTF-8 (RFC 8259), but a
/// client that says UTF-16 is read as UTF-16 rather than refused as "not valid JSON"; a charset .NET does not know
/// is named in the error.
/// </summary>
internal static class RequestCharset
{
    /// <summary>False for a charset that cannot be read; <paramref name="encoding"/> is null when the body is UTF-8.</summary>
    public static bool TryGet(HttpRequest http, out Encoding? encoding, out string charset)
    {
        encoding = null;
        charset = MediaTypeHeaderValue.TryParse(http.ContentType, out var type) ? type.Charset.Value?.Trim('"') ?? "" : "";
        if (charset.Length == 0)
        {
            return true;
        }

        try
        {
            var declared = Encoding.GetEncoding(charset);
            encoding = declared.CodePage == Encoding.UTF8.CodePage ? null : declared;
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
