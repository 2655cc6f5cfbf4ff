using Microsoft.Extensions.Options;
using QaService.Indexing;
using QaService.Retrieval;

namespace QaService.Answering;

/// <summary>
/// Picks the sentences of the article that answer a question, or decides that the article does not say.
/// Abstention combines several signals because no single score separates answerable from unanswerable questions:
/// how much of the question the article knows at all, whether it knows the thing asked for, how well the best
/// sentence matches in words and in meaning, and whether it holds the kind of thing asked for.
/// </summary>
public sealed class ExtractiveAnswerer(IOptions<AnsweringOptions> options)
{
    private const double FurtherSentenceRatio = 0.8;
    private const double ListSentenceRatio = 0.7;
    private const double RunnerUpCoverageRatio = 0.6;

    public ExtractiveAnswer Answer(RetrievalResult retrieval)
    {
        var question = retrieval.Question;
        var ranked = SentenceScorer.Score(retrieval);
        if (question.IsEmpty || ranked.Count == 0)
        {
            return new ExtractiveAnswer([], ranked, true, 0, "abstained: the question has no words the article could match");
        }

        var corpus = retrieval.Corpus;
        var best = ranked[0];
        ScoredSentence? typedCompanion = null;
        if (WantedKind.IsWanted(question))
        {
            if (WantedKind.Find(ranked, question, corpus) is { } holder)
            {
                best = holder;
            }
            else
            {
                typedCompanion = WantedKind.FindCompanion(ranked, question, corpus);
                if (typedCompanion is null)
                {
                    return new ExtractiveAnswer([], ranked, true, 0.9,
                        $"abstained: no sentence near the top holds the {WantedKind.Describe(question)} the question asks for",
                        Signals(retrieval, ranked, best));
                }
            }
        }

        var evidence = Signals(retrieval, ranked, best);
        // A question about who wrote the piece, or about how it opens or closes, is about the article itself: the
        // byline, or the paragraph it points at, answers it whatever words it shares with the question.
        var aboutTheArticle = (question.AsksAboutAuthor && corpus.AuthorshipSentences.Contains(best.Key))
            || SentenceScorer.PartSentences(corpus, question.Part).Contains(best.Key);
        var answerability = aboutTheArticle ? 1 : AbstentionModel.Answerability(evidence);
        if (answerability < 0.5)
        {
            return new ExtractiveAnswer([], ranked, true, 1 - answerability,
                $"abstained: answerability {answerability:0.00} < 0.5 ({AbstentionModel.Describe(evidence)})", evidence);
        }

        var chosen = Compose(best, typedCompanion, ranked, question, corpus);
        var companion = typedCompanion is null ? "" : $"; the {WantedKind.Describe(question)} is in a sentence that names the same things";
        return new ExtractiveAnswer(chosen, ranked, false, answerability,
            $"answered: answerability {answerability:0.00} ({AbstentionModel.Describe(evidence)}){companion}", evidence);
    }

    private static AnswerSignals Signals(RetrievalResult retrieval, IReadOnlyList<ScoredSentence> ranked, ScoredSentence best)
    {
        var (corpus, question, terms) = (retrieval.Corpus, retrieval.Question, retrieval.Terms);
        var unknown = question.Terms
            .Where(t => !TermExpander.Expand(corpus, [new WeightedTerm(t, 1)]).Any(x => corpus.KnownTerms.Contains(x.Term)))
            .ToList();
        // A typed question's focus is the type itself ("which month"), which the type check already covers; a place
        // is named without its kind ("which province" → Khyber Pakhtunkhwa); and a follow-up's focus is an aspect of
        // a subject the conversation already found in the article.
        var focusKnown = question.FocusTerms.Count == 0
            || AnswerTypeMatcher.IsRequired(question.AnswerType)
            || question.AnswerType == AnswerType.Place
            || question.ContextTerms.Count > 0
            || corpus.KnownTerms.Contains(question.FocusTerms[^1]);
        double? bestDense = retrieval.SentenceDense is null ? null : Math.Round(ranked.Max(s => s.Dense), 3);
        return new AnswerSignals(
            Math.Round(SentenceScorer.Coverage(corpus, terms, corpus.KnownTerms), 3), unknown, focusKnown,
            Math.Round(best.Coverage, 3), Math.Round(best.WindowCoverage, 3), bestDense, best.TypeMatch);
    }

    /// <summary>
    /// The best sentence (and the sentence of the wanted type it is linked to, if any), then close runners-up (all of
    /// the wanted type when a type is required), each with the sentence it leans on or that leans on it ("They have
    /// dubbed it …", "In return, …"), within the length limit. A question asking for several things ("which
    /// countries …") takes more runners-up.
    /// </summary>
    private List<ScoredSentence> Compose(ScoredSentence best, ScoredSentence? typedCompanion, IReadOnlyList<ScoredSentence> ranked, QuestionAnalysis question, Corpus corpus)
    {
        var limit = options.Value;
        var maxSentences = question.AsksForList ? limit.MaxListSentences : limit.MaxAnswerSentences;
        var runnerUpRatio = question.AsksForList ? ListSentenceRatio : FurtherSentenceRatio;
        var byKey = ranked.ToDictionary(s => s.Key);
        var chosen = new List<ScoredSentence>();
        var length = 0;

        AddWithLinkedSentences(best);
        if (typedCompanion is not null)
        {
            AddWithLinkedSentences(typedCompanion);
        }

        if (question.AsksAboutAuthor)
        {
            // A byline gives the name and an author note the background: together they answer "who wrote this".
            foreach (var key in corpus.AuthorshipSentences.Where(byKey.ContainsKey))
            {
                TryAdd(byKey[key]);
            }
        }

        foreach (var candidate in ranked.TakeWhile(c => c.Score >= runnerUpRatio * best.Score))
        {
            // A runner-up must be about as much about the question as the best sentence, not merely close in meaning.
            var onTopic = candidate.Coverage >= RunnerUpCoverageRatio * best.Coverage;
            if (onTopic && (!WantedKind.IsWanted(question) || WantedKind.IsHeldBy(candidate, question, corpus)))
            {
                AddWithLinkedSentences(candidate);
            }
        }

        return chosen;

        void AddWithLinkedSentences(ScoredSentence sentence)
        {
            if (!TryAdd(sentence))
            {
                return;
            }

            var (before, after) = (sentence.Key - 1, sentence.Key + 1);
            if (before >= 0 && corpus.SameParagraph(before, sentence.Key) && Anaphora.OpensWithReference(corpus.Sentences[sentence.Key].Text)
                && byKey.TryGetValue(before, out var previous))
            {
                TryAdd(previous);
            }

            if (after < corpus.Sentences.Count && corpus.SameParagraph(sentence.Key, after) && Anaphora.OpensWithReference(corpus.Sentences[after].Text)
                && byKey.TryGetValue(after, out var next))
            {
                TryAdd(next);
            }
        }

        bool TryAdd(ScoredSentence sentence)
        {
            var extra = corpus.Sentences[sentence.Key].Text.Length + (chosen.Count == 0 ? 0 : 1);
            if (chosen.Count >= maxSentences || chosen.Contains(sentence) || length + extra > limit.MaxAnswerCharacters)
            {
                return false;
            }

            chosen.Add(sentence);
            length += extra;
            return true;
        }
    }
}
