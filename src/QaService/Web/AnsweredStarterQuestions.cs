using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using QaService.Answering;
using QaService.Documents;
using QaService.Indexing;
using QaService.Retrieval;

namespace QaService.Host.Web;

/// <summary>
/// The starter questions offered for a document: of the questions its sentences suggest, only those the service
/// answers, from that document. Deriving and checking them takes a moment (seconds for a large document), so each
/// document's are worked out once per corpus, off the request threads, by the first request (the others await it), and
/// go with the corpus when an index rebuild replaces it.
/// </summary>
internal sealed class AnsweredStarterQuestions(Retriever retriever, ExtractiveAnswerer answerer)
{
    private const int Offered = 4;
    private const int Candidates = 12;

    private readonly ConditionalWeakTable<Corpus, ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<string>>>>> derived = [];

    public Task<IReadOnlyList<string>> ForAsync(IndexSnapshot snapshot, string documentId)
    {
        var byDocument = derived.GetOrCreateValue(snapshot.Corpus);
        return byDocument.GetOrAdd(documentId, _ => new Lazy<Task<IReadOnlyList<string>>>(() => DeriveAsync(snapshot, documentId, byDocument))).Value;
    }

    private async Task<IReadOnlyList<string>> DeriveAsync(
        IndexSnapshot snapshot, string documentId, ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<string>>>> byDocument)
    {
        try
        {
            return await Task.Run(() => Derive(snapshot, documentId));
        }
        catch
        {
            // A failure is not kept: the next request works them out again.
            byDocument.TryRemove(documentId, out _);
            throw;
        }
    }

    private List<string> Derive(IndexSnapshot snapshot, string documentId)
    {
        var corpus = snapshot.Corpus;
        var sentences = corpus.Sentences.Where(s => s.DocumentId == documentId).Select(s => s.Text).ToList();
        var noun = documentId == BuiltInDocument.Id ? "article" : "document";
        return [.. StarterQuestions.From(sentences, noun, Candidates).Where(AnsweredFromTheDocument).Take(Offered)];

        bool AnsweredFromTheDocument(string question)
        {
            var answer = answerer.Answer(retriever.Retrieve(snapshot, QuestionAnalyzer.Analyze(question), CancellationToken.None));
            return !answer.Abstained && answer.Chosen.Count > 0 && corpus.Sentences[answer.Chosen[0].Key].DocumentId == documentId;
        }
    }
}
