using System.Numerics.Tensors;
using QaService.Indexing;
using QaService.Retrieval;

namespace QaService.Answering;

/// <summary>
/// A document in a few of its own sentences, in the order it has them: its opening sentence, which in news and
/// reference writing says what the document is about, and its most central others: those closest in meaning to the
/// document as a whole (the mean of its sentence embeddings), or, without embeddings, those that share most of its
/// recurring words. Bylines, author notes, headings and fragments are left out.
/// </summary>
public static class DocumentSummary
{
    private const int MinWords = 6;

    public static IReadOnlyList<int> Sentences(RetrievalResult retrieval, int count)
    {
        var corpus = retrieval.Corpus;
        var document = retrieval.Passages.Count > 0 ? retrieval.Passages[0].Passage.DocumentId : corpus.Documents[0].Id;
        var keys = Enumerable.Range(0, corpus.Sentences.Count)
            .Where(k => corpus.Sentences[k].DocumentId == document && !corpus.AuthorshipSentences.Contains(k) && !corpus.HeadingSentences.Contains(k))
            .Where(k => corpus.Sentences[k].Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= MinWords)
            .ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        var centrality = retrieval.Snapshot.Embeddings is { } embeddings ? DenseCentrality(embeddings.Sentences, keys) : LexicalCentrality(corpus, keys);
        var opening = keys.Where(corpus.OpeningSentences.Contains).Take(1).ToList();
        var central = keys.Except(opening).OrderByDescending(k => centrality[k]).ThenBy(k => k).Take(count - opening.Count);
        return [.. opening.Concat(central).Order()];
    }

    private static Dictionary<int, double> DenseCentrality(float[][] vectors, List<int> keys)
    {
        var centroid = new float[vectors[keys[0]].Length];
        foreach (var key in keys)
        {
            TensorPrimitives.Add(centroid, vectors[key], centroid);
        }

        return keys.ToDictionary(k => k, k => (double)TensorPrimitives.CosineSimilarity(centroid, vectors[k]));
    }

    private static Dictionary<int, double> LexicalCentrality(Corpus corpus, List<int> keys)
    {
        var weight = keys.SelectMany(k => corpus.SentenceTerms[k]).GroupBy(t => t).ToDictionary(g => g.Key, g => (g.Count() - 1) * corpus.Idf(g.Key));
        return keys.ToDictionary(k => k, k =>
        {
            var terms = corpus.SentenceTerms[k];
            return terms.Count == 0 ? 0 : terms.Sum(t => weight[t]) / Math.Sqrt(terms.Count);
        });
    }
}
