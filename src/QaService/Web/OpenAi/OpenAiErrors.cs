using Microsoft.AspNetCore.Http.HttpResults;

namespace QaService.Host.Web.OpenAi;

/// <summary>Errors in OpenAI's shape, <c>{"error": {"message", "type", "param", "code"}}</c>, so OpenAI clients show the message.</summary>
internal static class OpenAiErrors
{
    public static IResult BadRequest(string message, string? param = null, string code = "invalid_request") =>
        Reply(StatusCodes.Status400BadRequest, message, "invalid_request_error", param, code);

    public static IResult UnknownModel(string model) =>
        Reply(StatusCodes.Status404NotFound, $"The model '{model}' does not exist; use {string.Join(" or ", OpenAiModels.Ids)} (GET /v1/models).",
            "invalid_request_error", "model", "model_not_found");

    public static IResult InvalidKey() =>
        Reply(StatusCodes.Status401Unauthorized, "Incorrect or missing API key: send it as the header 'Authorization: Bearer <key>'.",
            "invalid_request_error", null, "invalid_api_key");

    public static IResult TooLarge(long limit) =>
        Reply(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {limit / 1024} KiB.", "invalid_request_error", null, "request_too_large");

    /// <summary>A 503 with <c>Retry-After</c>, set on <paramref name="response"/>.</summary>
    public static IResult NotReady(HttpResponse response, string message)
    {
        response.Headers.RetryAfter = Problems.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Reply(StatusCodes.Status503ServiceUnavailable, message, "server_error", null, "service_unavailable");
    }

    public static IResult RateLimited(int retryAfterSeconds) =>
        Reply(StatusCodes.Status429TooManyRequests, $"Too many requests from this client; retry in {retryAfterSeconds} s.", "requests", null, "rate_limit_exceeded");

    /// <summary>A body the server could not read: too slow (408), too large (413) or badly framed (400).</summary>
    public static IResult UnreadableBody(int status, long? limit) => status switch
    {
        StatusCodes.Status413PayloadTooLarge when limit is { } bytes => TooLarge(bytes),
        StatusCodes.Status408RequestTimeout => Reply(status, "The request body arrived too slowly or stopped arriving.", "invalid_request_error", null, "request_timeout"),
        StatusCodes.Status400BadRequest => BadRequest("The request body could not be read: its framing is malformed or it broke off."),
        _ => ForStatus(status),
    };

    /// <summary>The error for a bare status that the framework set (no route, a wrong method …).</summary>
    public static IResult ForStatus(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => InvalidKey(),
        StatusCodes.Status404NotFound => Reply(status, "Unknown path: QaService serves POST /v1/chat/completions and GET /v1/models.", "invalid_request_error", null, "not_found"),
        StatusCodes.Status405MethodNotAllowed => Reply(status, "Method not allowed on this path.", "invalid_request_error", null, "method_not_allowed"),
        StatusCodes.Status413PayloadTooLarge => Reply(status, "The request body is too large.", "invalid_request_error", null, "request_too_large"),
        StatusCodes.Status429TooManyRequests => Reply(status, "Too many requests: slow down and retry after a moment.", "requests", null, "rate_limit_exceeded"),
        >= 500 => Reply(status, "QaService failed to answer; try again.", "server_error", null, null),
        _ => Reply(status, "The request cannot be answered as sent.", "invalid_request_error", null, null),
    };

    private static JsonHttpResult<ErrorReply> Reply(int status, string message, string type, string? param, string? code) =>
        TypedResults.Json(new ErrorReply(new ErrorDetail(message, type, param, code)), OpenAiJson.Options, statusCode: status);
}
