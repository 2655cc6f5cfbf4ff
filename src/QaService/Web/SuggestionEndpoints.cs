using Microsoft.AspNetCore.Http.HttpResults;
using QaService.Indexing;

namespace QaService.Host.Web;

internal static class SuggestionEndpoints
{
    public sealed record Suggestions(string DocumentId, IReadOnlyList<string> Questions);

    public static RouteGroupBuilder MapSuggestionEndpoints(this RouteGroupBuilder api)
    {
        api.MapMethods("/documents/{id}/suggestions", ReadMethods.GetAndHead, GetAsync)
            .WithName("GetSuggestions")
            .WithSummary("Suggests a few starter questions, derived from the document's own text.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    private static async Task<Results<Ok<Suggestions>, ProblemHttpResult>> GetAsync(
        string id, IndexOwner index, AnsweredStarterQuestions starters, HttpResponse response, CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = await index.GetReadyAsync(cancellationToken);
            if (snapshot.Corpus.FindDocument(id) is null)
            {
                return Problems.NotFound($"There is no document with the id '{id}'.");
            }

            var questions = await starters.ForAsync(snapshot, id).WaitAsync(cancellationToken);
            return TypedResults.Ok(new Suggestions(id, questions));
        }
        catch (IndexNotReadyException e)
        {
            return Problems.NotReady(response, e.Message);
        }
    }
}
