using QaService.Host.Web.OpenAi;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace QaService.Host.Web;

/// <summary>
/// The last line for faults a client causes outside the endpoints' own handling: a request the server could not read
/// (too large, too slow, malformed framing) is its 4xx problem, and a client that went away is logged at debug
/// level with no reply. Anything else is left to the default handler.
/// </summary>
internal sealed partial class ClientFaultHandler(ILogger<ClientFaultHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (http.RequestAborted.IsCancellationRequested && exception is OperationCanceledException or IOException)
        {
            LogClientGone(logger, http.Request.Method, http.Request.Path, exception);
            return true;
        }

        if (exception is BadHttpRequestException bad && !http.Response.HasStarted)
        {
            var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            var reply = http.Request.Path.StartsWithSegments("/v1")
                ? OpenAiErrors.UnreadableBody(bad.StatusCode, limit)
                : Problems.UnreadableBody(bad.StatusCode, limit);
            await reply.ExecuteAsync(http);
            return true;
        }

        return false;
    }

    [LoggerMessage(LogLevel.Debug, "The client went away during {Method} {Path}")]
    private static partial void LogClientGone(ILogger logger, string method, string path, Exception exception);
}
