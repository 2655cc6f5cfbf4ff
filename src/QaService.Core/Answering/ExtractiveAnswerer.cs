using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using QaService.Answering.Learning;
using QaService.Indexing;
using QaService.Retrieval;
using QaService.Text;

namespace QaService.Answering;

/// <summary>
/// Picks the sentence of the document that answers a question, or decides that the document does not say. A learned
/// ranker orders the candidate sentences; learned question models estimate how likely the best one is right and how
/// likely the question is unanswerable. The answer leads with the best sentence; a second one joins it only when the
/// question asks for several things or the first leans on the sentence before it.
/// </summary>
public sealed class ExtractiveAnswerer(IOptions<AnsweringOptions> options, AnswerModel model)
{
    private const int SummarySentences = 3;

    // A section asked for by its heading is answered whole, up to the answer's length limit: a recipe's ingredients
    // are often more than the five sentences a list answer takes.
    private const int SectionSentences = 12;

    private static readonly int CoverageFeature = Array.IndexOf(CandidateFeatures.Names, "coverage");
    private static readonly int Bm25Feature = Array.IndexOf(CandidateFeatures.Names, "bm25.relative");
    private static readonly int TypeFeature = Array.IndexOf(CandidateFeatures.Names, "sentence.typeMatch");
    private static readonly int FirstDenseFeature = Array.IndexOf(CandidateFeatures.Names, "dense.model1");
    private static readonly int SecondDenseFeature = Array.IndexOf(CandidateFeatures.Names, "dense.model2");

    /// <summary>
    /// Whether a question is about the document itself (what it is about, who wrote it, how it opens or ends): it is
    /// answered from the document's layout, with no ranking. Training leaves such questions out, as the ranker never
    /// sees them.
    /// </summary>
    public static bool IsAboutTheDocument(QuestionAnalysis question, Corpus corpus) =>
        SummaryRequest.Matches(question.Text)
        || (question.AsksAboutAuthor && corpus.AuthorshipSentences.Count > 0)
        || (question.Part != ArticlePart.Anywhere && question.Terms.Count == 0);

    public ExtractiveAnswer Answer(RetrievalResult retrieval)
    {
        var question = retrieval.Question;
        var corpus = retrieval.Corpus;
        if (IsAboutTheDocument(question, corpus))
        {
            return AboutTheDocument(retrieval);
        }

        // Confidence 1: that the question and the documents are written in different scripts is certain, whatever
        // the documents say.
        if (WritingSystem.Foreign(question.Text, corpus) is { } script)
        {
            return new ExtractiveAnswer([], [], true, 1, $"abstained: the question is written in {script}, which the documents are not",
                AbstentionWords: AbstentionText.ForeignScript(script, corpus));
        }

        if (question.SmallTalk is { } talk)
        {
            return new ExtractiveAnswer([], [], true, 1, $"abstained: the message is small talk ({talk.ToString().ToLowerInvariant()}), not a question");
        }

        if (NamedSection(retrieval) is { } heading)
        {
            return AboutTheDocument(corpus.SectionUnder(heading), corpus, $"answered: the question asks for the section headed \"{corpus.Sentences[heading].Text.TrimStart('#', ' ')}\"", SectionSentences);
        }

        var candidates = question.IsEmpty ? [] : CandidateFeatures.Extract(retrieval);
        if (candidates.Count == 0)
        {
            return new ExtractiveAnswer([], [], true, 1, "abstained: no sentence shares a word or a meaning with the question");
        }

        var models = model.For(retrieval.SentenceDense is not null);
        var probabilities = models.Rank(candidates);
        var ranked = Rank(candidates, probabilities, question);
        var (correct, unanswerable) = models.Judge(QuestionFeatures.Of(ranked.Select(r => (r.Candidate, r.Probability)).ToList()));
        var scored = ranked.Select(r => Scored(r.Candidate, r.Probability)).ToList();
        var judgement = new AnswerSignals(Math.Round(correct, 3), Math.Round(unanswerable, 3), options.Value.MinConfidence);
        if (correct < options.Value.MinConfidence)
        {
            return new ExtractiveAnswer([], scored, true, unanswerable,
                $"abstained: the best sentence is right with probability {correct:0.00}, below the minimum confidence {options.Value.MinConfidence:0.00}", judgement);
        }

        return new ExtractiveAnswer(Compose(scored, question, corpus), scored, false, correct,
            $"answered: the best sentence is right with probability {correct:0.00}", judgement);
    }

    /// <summary>
    /// Candidates by the ranker's probability, lowered by the conversation's priors ("what else …" sets aside what was
    /// said). A follow-up is otherwise ranked from what it asks: when the sentence that answered the previous question
    /// answers this one too, it leads again (see <see cref="Asker"/> for how the reply says so).
    /// </summary>
    private static List<(Candidate Candidate, float Probability)> Rank(IReadOnlyList<Candidate> candidates, float[] probabilities, QuestionAnalysis question) =>
        candidates
            .Select((c, i) => (Candidate: c, Probability: (float)(probabilities[i] * (1 + question.SentencePriors.GetValueOrDefault(c.Key)))))
            .OrderByDescending(r => r.Probability)
            .ThenBy(r => r.Candidate.Key)
            .ToList();

    private ExtractiveAnswer AboutTheDocument(RetrievalResult retrieval)
    {
        var (question, corpus) = (retrieval.Question, retrieval.Corpus);
        if (SummaryRequest.Matches(question.Text))
        {
            return AboutTheDocument(DocumentSummary.Sentences(retrieval, SummarySentences), corpus, "answered: the question asks about the whole document; its opening and most central sentences");
        }

        if (question.AsksAboutAuthor)
        {
            return AboutTheDocument([.. corpus.AuthorshipSentences.Order()], corpus, "answered: the question asks who wrote the document; its byline and author note");
        }

        var part = question.Part == ArticlePart.Opening ? corpus.OpeningSentences : corpus.ClosingSentences;
        return AboutTheDocument([.. part.Order().Take(SummarySentences)], corpus, $"answered: the question asks about the document's {question.Part.ToString().ToLowerInvariant()}");
    }

    private ExtractiveAnswer AboutTheDocument(IReadOnlyList<int> keys, Corpus corpus, string decision, int maxSentences = SummarySentences)
    {
        var chosen = keys.Select(k => new ScoredSentence(k, 1, 0, 0, 0, 0)).ToList();
        return chosen.Count == 0
            ? new ExtractiveAnswer([], [], true, 1, "abstained: the document has no sentence to answer from")
            : new ExtractiveAnswer(Fit(chosen, corpus, maxSentences), chosen, false, 1, decision);
    }

    /// <summary>
    /// The heading of the section a question asks for by name, and for nothing more ("list the ingredients", "what are
    /// the steps for the brownies?", "what is the timeline?"): every word of the heading is one of the question's, the
    /// question's other words are its document's title's, and the question asks for several things or writes the
    /// heading's last word as the heading does ("What is the last step?" under "Steps" asks for one step; "When did her
    /// career end?" under "Career" asks for one fact). A document's title heads all of it, not a section. Of headings
    /// in several documents, the one whose document retrieval ranks first.
    /// </summary>
    private static int? NamedSection(RetrievalResult retrieval)
    {
        var (question, corpus) = (retrieval.Question, retrieval.Corpus);
        if (corpus.HeadingSentences.Count == 0)
        {
            return null;
        }

        var asked = question.Terms.ToHashSet();
        var documentRank = retrieval.Passages.Select((p, rank) => (p.Passage.DocumentId, rank)).GroupBy(p => p.DocumentId).ToDictionary(g => g.Key, g => g.Min(p => p.rank));
        return corpus.HeadingSentences
            .Where(key => corpus.Sentences[key].Ordinal > 0 && corpus.SentenceTerms[key].Count > 0 && corpus.SentenceTerms[key].All(asked.Contains))
            .Where(key => asked.Except(corpus.SentenceTerms[key]).All(TitleTerms(corpus, key).Contains))
            .Where(key => question.AsksForList || WritesTheHeadingsLastWord(question.Text, corpus.Sentences[key].Text))
            .Where(key => corpus.SectionUnder(key).Count > 0)
            .OrderBy(key => documentRank.GetValueOrDefault(corpus.Sentences[key].DocumentId, int.MaxValue))
            .ThenBy(key => key)
            .Select(key => (int?)key)
            .FirstOrDefault();
    }

    private static HashSet<string> TitleTerms(Corpus corpus, int key) =>
        TextAnalyzer.Instance.Terms(corpus.FindDocument(corpus.Sentences[key].DocumentId)!.Title).ToHashSet();

    private static bool WritesTheHeadingsLastWord(string question, string heading)
    {
        var last = heading.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        return Regex.IsMatch(question, $@"\b{Regex.Escape(last)}\b", RegexOptions.IgnoreCase);
    }

    private static ScoredSentence Scored(Candidate candidate, float probability)
    {
        var f = candidate.Features;
        var dense = (f[FirstDenseFeature] + f[SecondDenseFeature]) / 2;
        return new ScoredSentence(candidate.Key, probability, f[CoverageFeature], f[Bm25Feature], dense, f[TypeFeature]);
    }

    /// <summary>
    /// The best sentence first. When it cannot stand without the sentence before ("They agreed …"), that sentence
    /// follows it; when the question asks for several things, the next likely answers follow, in rank order.
    /// </summary>
    private List<ScoredSentence> Compose(List<ScoredSentence> ranked, QuestionAnalysis question, Corpus corpus)
    {
        var best = ranked[0];
        var chosen = new List<ScoredSentence> { best };
        var before = best.Key - 1;
        if (before >= 0 && corpus.SameParagraph(before, best.Key) && Anaphora.LeansOnPrevious(corpus.Sentences[best.Key].Text))
        {
            chosen.Add(ranked.FirstOrDefault(s => s.Key == before) ?? new ScoredSentence(before, 0, 0, 0, 0, 0));
        }

        if (question.AsksForList)
        {
            chosen.AddRange(DownToTheSteepestFall(ranked, options.Value.MaxListSentences).Skip(1).Where(s => !chosen.Any(c => c.Key == s.Key)));
        }

        return Fit(chosen, corpus, question.AsksForList ? options.Value.MaxListSentences : options.Value.MaxAnswerSentences);
    }

    /// <summary>
    /// The ranked sentences down to the steepest fall in likelihood from one to the next. Sentences that each hold part
    /// of a list ("The port imports grain …", "… timber …") share the ranker's probability between them, so no fixed
    /// share of the first one's probability tells where the list ends; the sharpest drop does.
    /// </summary>
    private static IEnumerable<ScoredSentence> DownToTheSteepestFall(List<ScoredSentence> ranked, int maxSentences)
    {
        var end = 1;
        var steepest = double.MaxValue;
        for (var i = 1; i <= Math.Min(ranked.Count, maxSentences); i++)
        {
            var next = i < ranked.Count ? ranked[i].Score : 0;
            var fall = next / Math.Max(ranked[i - 1].Score, double.Epsilon);
            if (fall < steepest)
            {
                steepest = fall;
                end = i;
            }
        }

        return ranked.Take(end);
    }

    /// <summary>The leading sentences that fit the answer's sentence and length limits (the first always does).</summary>
    private List<ScoredSentence> Fit(IReadOnlyList<ScoredSentence> sentences, Corpus corpus, int maxSentences)
    {
        var kept = new List<ScoredSentence>();
        var length = 0;
        foreach (var sentence in sentences)
        {
            var extra = corpus.Sentences[sentence.Key].Text.Length + (kept.Count == 0 ? 0 : 1);
            if (kept.Count > 0 && (kept.Count >= maxSentences || length + extra > options.Value.MaxAnswerCharacters))
            {
                break;
            }

            kept.Add(sentence);
            length += extra;
        }

        return kept;
    }
}
