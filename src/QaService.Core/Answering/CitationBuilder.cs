using QaService.Indexing;
using QaService.Retrieval;

namespace QaService.Answering;

/// <summary>Turns chosen sentences and retrieved passages into exact, best-first citations.</summary>
public static class CitationBuilder
{
    /// <summary>The chosen sentences in the order they appear in the document, so the answer reads naturally.</summary>
    public static string AnswerText(Corpus corpus, IReadOnlyList<ScoredSentence> chosen)
    {
        var keys = chosen.Select(s => s.Key).Order().ToList();
        var text = new System.Text.StringBuilder(corpus.Sentences[keys[0]].Text);
        for (var i = 1; i < keys.Count; i++)
        {
            // Sentences of one paragraph run on; a new paragraph (a byline, say, that has no full stop) starts a line.
            text.Append(corpus.SameParagraph(keys[i - 1], keys[i]) ? ' ' : '\n').Append(corpus.Sentences[keys[i]].Text);
        }

        return text.ToString();
    }

    public static IReadOnlyList<Citation> Build(RetrievalResult retrieval, ExtractiveAnswer answer, int limit)
    {
        if (answer.Abstained)
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
