using QaService.Indexing;
using QaService.Retrieval;

namespace QaService.Answering.Learning;

/// <summary>
/// Describes each candidate answer sentence of a question with the signals the learned models read: how it matches
/// the question in words (BM25, rarity-weighted coverage, which question words find no counterpart in it or in the
/// whole document, or elsewhere in it, and whether they are names) and in meaning (each embedding model's cosine, and
/// its rank), whether one of the two is negated and the other not, what it holds (numbers, dates, names the question
/// does not use), where it stands, and how its neighbours match. Training and serving both call this, so the models
/// always see the same features.
/// </summary>
public static class CandidateFeatures
{
    /// <summary>Feature names in vector order; changing them changes <see cref="Schema"/>.</summary>
    public static readonly string[] Names =
    [
        "question.form", "question.answerType", "question.terms", "question.unknownShare", "question.unknownCount",
        "question.names", "question.numbers", "question.isFollowUp",
        "bm25.relative", "bm25.rank", "bm25.passageRelative",
        "dense.model1", "dense.model1.gap", "dense.model1.rank", "dense.model2", "dense.model2.gap", "dense.model2.rank",
        "dense.passage.gap",
        "coverage", "coverage.gap", "coverage.window", "coverage.paragraph", "coverage.previous", "coverage.next",
        "missing.count", "missing.idfMass", "missing.maxIdf", "missing.names", "missing.numbers", "missing.inWindow",
        "sentence.tokens", "sentence.novelTerms", "sentence.questionShare", "sentence.numbers", "sentence.years",
        "sentence.dates", "sentence.newNames", "sentence.percentOrMoney", "sentence.opensWithReference",
        "sentence.typeMatch", "position.inParagraph", "position.inDocument", "position.paragraphStart",
        "candidate.count", "question.unknownNames", "missing.namesElsewhere", "missing.knownElsewhere",
        "negation.question", "negation.sentence", "negation.mismatch",
    ];

    public const int Count = 50;

    /// <summary>
    /// Identifies the feature vector, with the encoders behind its dense features; a model file trained on another
    /// schema is refused.
    /// </summary>
    public static string Schema { get; } = $"candidate-v4({Embeddings.PackagedEnsembleModel.Id}):{string.Join(',', Names)}";

    private const int TopByBm25 = 20;
    private const int TopByDense = 20;

    /// <summary>The candidate sentences of a question (best BM25 and dense sentences, and those of the top passages) with their features.</summary>
    public static IReadOnlyList<Candidate> Extract(RetrievalResult retrieval)
    {
        var corpus = retrieval.Corpus;
        var bm25Order = retrieval.SentenceBm25.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Select(p => p.Key).ToList();
        var keys = CandidateKeys(retrieval, bm25Order);
        if (keys.Count == 0)
        {
            return [];
        }

        var facts = SentenceFacts.Of(corpus);
        var question = QuestionProfile.Of(retrieval);
        var questionNegated = Negation.In(retrieval.Question.Text);
        var bm25Ranks = Ranks(bm25Order);
        var maxBm25 = retrieval.SentenceBm25.Count == 0 ? 1f : retrieval.SentenceBm25.Values.Max();
        var passageBm25 = retrieval.Passages.ToDictionary(p => p.Key, p => p.Bm25Score);
        var maxPassageBm25 = retrieval.Passages.Select(p => p.Bm25Score).DefaultIfEmpty(0).Max();
        var dense = DenseView.Of(retrieval);
        var coverages = keys.ToDictionary(k => k, k => question.Coverage(corpus.SentenceTerms[k]));
        var bestCoverage = coverages.Values.Max();

        var candidates = new List<Candidate>(keys.Count);
        foreach (var key in keys)
        {
            var sentence = corpus.Sentences[key];
            var terms = corpus.SentenceTerms[key];
            var traits = facts.Traits[key];
            var (paragraphFirst, paragraphLast) = (facts.ParagraphFirst[key], facts.ParagraphLast[key]);
            var (windowFirst, windowLast) = (Math.Max(key - 1, paragraphFirst), Math.Min(key + 1, paragraphLast));
            var missing = question.Missing(terms, windowFirst, windowLast);
            var f = new float[Count];
            var i = 0;
            f[i++] = question.Form;
            f[i++] = (float)retrieval.Question.AnswerType;
            f[i++] = question.Terms.Count;
            f[i++] = (float)question.UnknownShare;
            f[i++] = question.UnknownCount;
            f[i++] = question.Names.Count;
            f[i++] = question.Numbers.Count;
            f[i++] = retrieval.Question.ContextTerms.Count > 0 ? 1 : 0;
            f[i++] = retrieval.SentenceBm25.GetValueOrDefault(key) / maxBm25;
            f[i++] = bm25Ranks.TryGetValue(key, out var bm25Rank) ? bm25Rank : TopByBm25 * 2;
            f[i++] = maxPassageBm25 <= 0 ? 0 : BestPassageScore(corpus.PassagesOfSentence(key), passageBm25) / maxPassageBm25;
            f[i++] = dense.Cosine(0, key);
            f[i++] = dense.Gap(0, key);
            f[i++] = dense.Rank(0, key);
            f[i++] = dense.Cosine(1, key);
            f[i++] = dense.Gap(1, key);
            f[i++] = dense.Rank(1, key);
            f[i++] = dense.PassageGap(corpus.PassagesOfSentence(key));
            f[i++] = (float)coverages[key];
            f[i++] = (float)(bestCoverage - coverages[key]);
            f[i++] = (float)question.Coverage(windowFirst, windowLast);
            f[i++] = (float)question.Coverage(paragraphFirst, paragraphLast);
            f[i++] = (float)question.NeighbourCoverage(key, -1);
            f[i++] = (float)question.NeighbourCoverage(key, +1);
            f[i++] = missing.Count;
            f[i++] = (float)missing.IdfMass;
            f[i++] = (float)missing.MaxIdf;
            f[i++] = missing.Names;
            f[i++] = missing.Numbers;
            f[i++] = missing.InWindow;
            var shared = question.SharedWith(terms);
            f[i++] = traits.Tokens;
            f[i++] = terms.Count - shared;
            f[i++] = terms.Count == 0 ? 0 : (float)shared / terms.Count;
            f[i++] = traits.Numbers;
            f[i++] = traits.Years;
            f[i++] = traits.Dates;
            f[i++] = corpus.SentenceNames[key].Count - question.SharedWith(corpus.SentenceNames[key]);
            f[i++] = traits.PercentOrMoney;
            f[i++] = facts.OpensWithReference[key] ? 1 : 0;
            f[i++] = (float)facts.TypeMatch(key, retrieval.Question);
            f[i++] = Math.Min(sentence.Ordinal - corpus.Sentences[paragraphFirst].Ordinal, 20);
            f[i++] = (float)key / corpus.Sentences.Count;
            f[i++] = key == 0 || !corpus.SameParagraph(key - 1, key) ? 1 : 0;
            f[i++] = keys.Count;
            f[i++] = question.UnknownNames;
            f[i++] = missing.NamesElsewhere;
            f[i++] = missing.KnownElsewhere;
            var sentenceNegated = facts.Negated[key];
            f[i++] = questionNegated ? 1 : 0;
            f[i++] = sentenceNegated ? 1 : 0;
            f[i++] = questionNegated != sentenceNegated ? 1 : 0;
            candidates.Add(new Candidate(key, f));
        }

        return candidates;
    }

    private static List<int> CandidateKeys(RetrievalResult retrieval, List<int> bm25Order)
    {
        var corpus = retrieval.Corpus;
        var keys = new HashSet<int>(bm25Order.Take(TopByBm25));
        foreach (var passage in retrieval.Passages)
        {
            keys.UnionWith(corpus.SentenceKeysOf(passage.Key));
        }

        if (retrieval.SentenceDense is { } dense)
        {
            keys.UnionWith(Enumerable.Range(0, dense.Length).OrderByDescending(k => dense[k]).Take(TopByDense));
        }

        // A byline or an author note is about who wrote the document, not what it says: questions about the author are
        // answered from them before any candidate is ranked, and no other question is. A heading names a section and
        // says nothing of it.
        keys.ExceptWith(corpus.AuthorshipSentences);
        keys.ExceptWith(corpus.HeadingSentences);
        return keys.Order().ToList();
    }

    private static float BestPassageScore(IReadOnlyList<int> passageKeys, Dictionary<int, float> scores)
    {
        var best = float.MinValue;
        foreach (var key in passageKeys)
        {
            best = Math.Max(best, scores.GetValueOrDefault(key));
        }

        return best;
    }

    private static Dictionary<int, int> Ranks(IEnumerable<int> orderedKeys) =>
        orderedKeys.Select((key, rank) => (key, rank)).ToDictionary(p => p.key, p => p.rank);
}

/// <summary>A candidate answer sentence, by key, with its feature vector.</summary>
public sealed record Candidate(int Key, float[] Features);
