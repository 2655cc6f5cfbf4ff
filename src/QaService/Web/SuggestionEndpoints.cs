using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using QaService.Indexing;

namespace QaService.Host.Web;

internal static class SuggestionEndpoints
{
    public sealed record Suggestions(string DocumentId, IReadOnlyList<string> Questions);

    // Deriving a large document's questions takes seconds: each document's are derived once per corpus, off the request
    // threads, by the first request (the others await it), and go with the corpus when an index rebuild replaces it.
    private static readonly ConditionalWeakTable<Corpus, ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<string>>>>> Derived = [];

    public static RouteGroupBuilder MapSuggestionEndpoints(this RouteGroupBuilder api)
    {
        api.MapMethods("/documents/{id}/suggestions", ReadMethods.GetAndHead, GetAsync)
            .WithName("GetSuggestions")
            .WithSummary("Suggests a few starter questions, derived from the document's own text.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    private static async Task<Results<Ok<Suggestions>, ProblemHttpResult>> GetAsync(string id, IndexOwner index, HttpResponse response, CancellationToken cancellationToken)
    {
        try
        {
            var corpus = (await index.GetReadyAsync(cancellationToken)).Corpus;
            if (corpus.FindDocument(id) is null)
            {
                return Problems.NotFound($"There is no document with the id '{id}'.");
            }

            var questions = await QuestionsAsync(corpus, id).WaitAsync(cancellationToken);
            return TypedResults.Ok(new Suggestions(id, questions));
        }
        catch (IndexNotReadyException e)
        {
            return Problems.NotReady(response, e.Message);
        }
    }

    private static Task<IReadOnlyList<string>> QuestionsAsync(Corpus corpus, string id)
    {
        var derived = Derived.GetOrCreateValue(corpus);
        return derived.GetOrAdd(id, _ => new Lazy<Task<IReadOnlyList<string>>>(() => DeriveAsync(corpus, id, derived))).Value;
    }

    private static async Task<IReadOnlyList<string>> DeriveAsync(
        Corpus corpus, string id, ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<string>>>> derived)
    {
        try
        {
            return await Task.Run(() => StarterQuestions.From([.. corpus.Sentences.Where(s => s.DocumentId == id).Select(s => s.Text)]));
        }
        catch
        {
            // A failure is not kept: the next request derives them again.
            derived.TryRemove(id, out _);
            throw;
        }
    }
}
