using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using QaService.Answering;

namespace QaService.Host.Web;

internal static class AskEndpoints
{
    public static RouteGroupBuilder MapAskEndpoints(this RouteGroupBuilder api)
    {
        // No .Accepts<T>(): routing would then answer a wrong content type with an empty 415 before
        // AskRequestReader can give the 400 problem the contract promises.
        api.MapPost("/ask", AskAsync)
            .WithName("Ask")
            .WithSummary("Answers a question about the documents, with exact citations.")
            .DescribeJsonBody<AskRequestBody>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireRateLimiting(AskRateLimiting.PolicyName);
        return api;
    }

    private static async Task<Results<Ok<AskReply>, ProblemHttpResult>> AskAsync(
        HttpRequest http, Asker asker, AskFailures failures, IOptions<AnsweringOptions> answering, CancellationToken cancellationToken)
    {
        var (request, problem) = await AskRequestReader.ReadAsync(http, answering.Value.MaxQuestionLength, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        try
        {
            return TypedResults.Ok(await asker.AskAsync(request, cancellationToken));
        }
        catch (Exception e) when (!AskFailures.IsClientGone(e, http.HttpContext))
        {
            return failures.ToProblem(e, http.HttpContext.Response);
        }
    }
}
