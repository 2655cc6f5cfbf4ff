using Microsoft.AspNetCore.Http.HttpResults;

namespace QaService.Host.Web;

/// <summary>The problem replies of the API, with messages written for the person who sent the request.</summary>
internal static class Problems
{
    /// <summary>Seconds a client is asked to wait before it tries again after a 503.</summary>
    public const int RetryAfterSeconds = 5;

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request cannot be answered as sent");

    /// <summary>A 503 with <c>Retry-After</c>, set on <paramref name="response"/>.</summary>
    public static ProblemHttpResult NotReady(HttpResponse response, string detail)
    {
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "QaService is not ready yet");
    }

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult TooLarge(long? limit) =>
        TypedResults.Problem(
            limit is { } bytes ? $"The request body is larger than {bytes:N0} bytes, more than the longest question needs." : "The request body is too large.",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "The request is too large");

    /// <summary>The server could not read the body: too large, too slow, or malformed framing.</summary>
    public static ProblemHttpResult UnreadableBody(int status, long? limit) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => TooLarge(limit),
        StatusCodes.Status408RequestTimeout => TypedResults.Problem(
            "The request body arrived too slowly or stopped arriving.", statusCode: status, title: "The request timed out"),
        _ => BadRequest("The request body could not be read: its framing is malformed or it broke off."),
    };

    /// <summary>The question made answering fail; the failure is logged. A problem with the question, never a 500.</summary>
    public static ProblemHttpResult Unanswerable() =>
        TypedResults.Problem(
            "QaService failed while answering this question; the failure is logged. Asking it in other words may work.",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The question could not be answered");
}
