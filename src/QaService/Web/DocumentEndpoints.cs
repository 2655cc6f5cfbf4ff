using Microsoft.AspNetCore.Http.HttpResults;
using QaService.Indexing;

namespace QaService.Host.Web;

internal static class DocumentEndpoints
{
    public sealed record DocumentSummary(string Id, string Title, int Length);

    public sealed record DocumentText(string Id, string Title, string Text);

    public static RouteGroupBuilder MapDocumentEndpoints(this RouteGroupBuilder api)
    {
        api.MapMethods("/documents", ReadMethods.GetAndHead, ListAsync)
            .WithName("ListDocuments")
            .WithSummary("Lists the documents QaService answers over.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapMethods("/documents/{id}", ReadMethods.GetAndHead, GetAsync)
            .WithName("GetDocument")
            .WithSummary("Returns a document's full text; citation offsets point into it.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    private static async Task<Results<Ok<List<DocumentSummary>>, ProblemHttpResult>> ListAsync(IndexOwner index, HttpResponse response, CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = await index.GetReadyAsync(cancellationToken);
            return TypedResults.Ok(snapshot.Corpus.Documents.Select(d => new DocumentSummary(d.Id, d.Title, d.Text.Length)).ToList());
        }
        catch (IndexNotReadyException e)
        {
            return Problems.NotReady(response, e.Message);
        }
    }

    private static async Task<Results<Ok<DocumentText>, ProblemHttpResult>> GetAsync(string id, IndexOwner index, HttpResponse response, CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = await index.GetReadyAsync(cancellationToken);
            return snapshot.Corpus.FindDocument(id) is { } document
                ? TypedResults.Ok(new DocumentText(document.Id, document.Title, document.Text))
                : Problems.NotFound($"There is no document with the id '{id}'.");
        }
        catch (IndexNotReadyException e)
        {
            return Problems.NotReady(response, e.Message);
        }
    }
}
