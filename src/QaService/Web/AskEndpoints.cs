using Microsoft.AspNetCore.Http.HttpResults;
using QaService.Answering;
using QaService.Indexing;

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
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    private static async Task<Results<Ok<AskReply>, ProblemHttpResult>> AskAsync(HttpRequest http, Asker asker, CancellationToken cancellationToken)
    {
        var (request, error) = await AskRequestReader.ReadAsync(http, cancellationToken);
        if (request is null)
        {
            return Problems.BadRequest(error!);
        }

        try
        {
            return TypedResults.Ok(await asker.AskAsync(request, cancellationToken));
        }
        catch (InvalidQuestionException e)
        {
            return Problems.BadRequest(e.Message);
        }
        catch (IndexNotReadyException e)
        {
            return Problems.NotReady(e.Message);
        }
    }
}
