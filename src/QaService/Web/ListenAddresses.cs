using Microsoft.AspNetCore.Http;

namespace QaService.Host.Web;

/// <summary>
/// The addresses to listen on (<c>--urls</c>, <c>ASPNETCORE_URLS</c>), checked before the server starts: Kestrel
/// parses them only as it binds, and a bad one then ends the start with a stack trace.
/// </summary>
internal static class ListenAddresses
{
    /// <summary>What is wrong with the first address that is not one, or null.</summary>
    public static string? Problem(string? urls)
    {
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string? reason = null;
            try
            {
                var address = BindingAddress.Parse(url);
                if (address.Port is < 0 or > 65535)
                {
                    reason = $"port {address.Port} is not one (0 to 65535)";
                }
            }
            catch (FormatException e)
            {
                reason = e.Message;
            }

            if (reason is not null)
            {
                return $"The address '{url}' to listen on is not valid ({reason}); give one like http://127.0.0.1:5000 with --urls.";
            }
        }

        return null;
    }
}
