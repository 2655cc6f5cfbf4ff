using Microsoft.Extensions.Options;
using QaService.Retrieval;

namespace QaService.Answering;

/// <summary>
/// Picks the one to three sentences of the article that answer a question, or decides that the article does not say.
/// Abstention combines several signals because no single score separates answerable from unanswerable questions:
/// how much of the question the article knows at all, how much the best sentence and its neighbours cover, and whether
/// the best sentence holds the kind of thing asked for.
/// </summary>
public sealed class ExtractiveAnswerer(IOptions<AnsweringOptions> options)
{
    private const double MinDocumentCoverage = 0.55;
    private const double MinWindowCoverage = 0.3;
    private const double SecondSentenceRatio = 0.8;
    private const double TypedCandidateRatio = 0.55;

    public ExtractiveAnswer Answer(RetrievalResult retrieval)
    {
        var question = retrieval.Question;
        var ranked = SentenceScorer.Score(retrieval);
        if (question.IsEmpty || ranked.Count == 0)
        {
            return new ExtractiveAnswer([], ranked, true, 0, "the question has no words the article could match");
        }

        var corpus = retrieval.Corpus;
        var documentCoverage = SentenceScorer.Coverage(corpus, Bm25Search.WeightedTerms(question), corpus.KnownTerms);
        var best = ranked[0];
        if (AnswerTypeMatcher.IsRequired(question.AnswerType))
        {
            var typed = ranked.FirstOrDefault(s => s.TypeMatch >= 1 && s.Score >= TypedCandidateRatio * best.Score);
            if (typed is null)
            {
                return Abstain($"no sentence near the top holds the {Describe(question.AnswerType)} the question asks for");
            }

            best = typed;
        }

        var confidence = Math.Clamp((0.45 * best.WindowCoverage) + (0.35 * documentCoverage) + (0.2 * best.TypeMatch), 0, 1);
        if (documentCoverage < MinDocumentCoverage)
        {
            return Abstain($"the article knows only {documentCoverage:P0} of the question's terms (weighted by rarity)");
        }

        if (best.WindowCoverage < MinWindowCoverage)
        {
            return Abstain($"the best sentence and its neighbours cover only {best.WindowCoverage:P0} of the question");
        }

        var chosen = Compose(best, ranked, question, key => corpus.Sentences[key].Text.Length);
        return new ExtractiveAnswer(chosen, ranked, false, confidence,
            $"answered: best sentence covers {best.Coverage:P0} of the question ({best.WindowCoverage:P0} with its neighbours), type match {best.TypeMatch:0.##}");

        ExtractiveAnswer Abstain(string why) => new([], ranked, true, 1 - Math.Min(1, best.WindowCoverage), "abstained: " + why);
    }

    private List<ScoredSentence> Compose(
        ScoredSentence best, IReadOnlyList<ScoredSentence> ranked, QuestionAnalysis question, Func<int, int> lengthOf)
    {
        var limit = options.Value;
        var chosen = new List<ScoredSentence> { best };
        var length = lengthOf(best.Key);
        foreach (var candidate in ranked)
        {
            if (chosen.Count >= limit.MaxAnswerSentences || candidate.Score < SecondSentenceRatio * best.Score)
            {
                break;
            }

            if (chosen.Contains(candidate) || length + lengthOf(candidate.Key) + 1 > limit.MaxAnswerCharacters)
            {
                continue;
            }

            if (AnswerTypeMatcher.IsRequired(question.AnswerType) && candidate.TypeMatch < 1)
            {
                continue;
            }

            chosen.Add(candidate);
            length += lengthOf(candidate.Key) + 1;
        }

        return chosen;
    }

    private static string Describe(AnswerType type) => type switch
    {
        AnswerType.Count => "number",
        AnswerType.Duration => "duration",
        AnswerType.Time => "date or time",
        _ => "answer",
    };
}
