using QaService.Indexing;
using QaService.Retrieval;

namespace QaService.Answering;

/// <summary>Turns chosen sentences and retrieved passages into exact, best-first citations.</summary>
public static class CitationBuilder
{
    /// <summary>
    /// The chosen sentences in the order chosen, best first. A sentence that does not end like one (a byline) ends its
    /// line.
    /// </summary>
    public static string AnswerText(Corpus corpus, IReadOnlyList<ScoredSentence> chosen)
    {
        var text = new System.Text.StringBuilder();
        string? previousDocument = null;
        foreach (var sentence in chosen.Select(s => corpus.Sentences[s.Key]))
        {
            if (text.Length > 0)
            {
                text.Append(char.IsPunctuation(text[^1]) && sentence.DocumentId == previousDocument ? ' ' : '\n');
            }

            text.Append(sentence.Text);
            previousDocument = sentence.DocumentId;
        }

        return text.ToString();
    }

    /// <summary>
    /// An answer's sentences, then the next best ones; for an abstention the nearest passages, unless it has words of
    /// its own (a question in another script: nothing is near it).
    /// </summary>
    public static IReadOnlyList<Citation> Build(RetrievalResult retrieval, ExtractiveAnswer answer, int limit)
    {
        if (answer.AbstentionWords is not null)
        {
            return [];
        }

        if (answer.Abstained || answer.Chosen.Count == 0)
        {
            return retrieval.Passages.Take(limit).Select(p => new Citation(
                p.Passage.DocumentId, p.Passage.Id, p.Passage.Text, p.Passage.Start, p.Passage.End, Math.Round(p.FusedScore, 4))).ToList();
        }

        // The answer's sentences first, then the next best sentences as further evidence.
        var keys = answer.Chosen.Concat(answer.Ranked.Except(answer.Chosen)).Take(Math.Max(limit, answer.Chosen.Count));
        return keys.Select(s => SentenceCitation(retrieval, s)).ToList();
    }

    private static Citation SentenceCitation(RetrievalResult retrieval, ScoredSentence scored)
    {
        var corpus = retrieval.Corpus;
        var sentence = corpus.Sentences[scored.Key];
        var owners = corpus.PassagesOfSentence(scored.Key);
        var passageKey = retrieval.Passages.FirstOrDefault(p => owners.Contains(p.Key))?.Key ?? owners[0];
        return new Citation(sentence.DocumentId, corpus.Passages[passageKey].Id, sentence.Text, sentence.Start, sentence.End, Math.Round(scored.Score, 4));
    }
}
