using QaService.Indexing;
using QaService.Retrieval;

namespace QaService.Answering;

/// <summary>
/// The kind of thing without which the article does not answer a question (a number, a duration, a date, a named
/// person), and the sentence near the top that holds it, about the names the question asks about.
/// </summary>
internal static class WantedKind
{
    private const double CandidateRatio = 0.55;
    private const int SharedNamesForLink = 2;

    public static bool IsWanted(QuestionAnalysis question) => AnswerTypeMatcher.IsRequired(question.AnswerType) || question.RequiresPerson;

    public static bool IsHeldBy(ScoredSentence sentence, QuestionAnalysis question, Corpus corpus) =>
        question.RequiresPerson ? PersonMentions.In(corpus.Sentences[sentence.Key].Text) : sentence.TypeMatch >= 1;

    /// <summary>The best sentence near the top (of <paramref name="ranked"/>) that holds the wanted kind, about the names asked about.</summary>
    public static ScoredSentence? Find(IReadOnlyList<ScoredSentence> ranked, QuestionAnalysis question, Corpus corpus)
    {
        var (best, named) = (ranked[0], NamesAskedAbout(question, corpus));
        return ranked.FirstOrDefault(s => IsHeldBy(s, question, corpus) && s.Score >= CandidateRatio * best.Score && Holds(s, best, named, corpus));
    }

    /// <summary>
    /// When the best match names the event but holds no date or number, a sentence that does and shares at least two
    /// names with it, possibly further down: "the 12-day conflict between Israel and Iran" … "Israel's attack on Iran in June".
    /// </summary>
    public static ScoredSentence? FindCompanion(IReadOnlyList<ScoredSentence> ranked, QuestionAnalysis question, Corpus corpus)
    {
        var (best, named) = (ranked[0], NamesAskedAbout(question, corpus));
        var names = corpus.SentenceNames[best.Key];
        return ranked.FirstOrDefault(s => IsHeldBy(s, question, corpus)
            && corpus.SentenceNames[s.Key].Count(names.Contains) >= SharedNamesForLink
            && Holds(s, best, named, corpus));
    }

    public static string Describe(QuestionAnalysis question) => question.RequiresPerson ? "person's name" : question.AnswerType switch
    {
        AnswerType.Count => "number",
        AnswerType.Duration => "duration",
        AnswerType.Time => "date or time",
        _ => "answer",
    };

    /// <summary>The names the question asks about ("when did Pezeshkian …"): a date or number about something else does not answer.</summary>
    private static List<string> NamesAskedAbout(QuestionAnalysis question, Corpus corpus) =>
        question.Terms.Where(corpus.NameTerms.Contains).ToList();

    /// <summary>
    /// Whether a sentence holds every name, itself or with the sentence it leans on: the one before when it opens with a
    /// reference ("It decimated …"), or the best sentence when that leans on it ("Around the same time it …").
    /// </summary>
    private static bool Holds(ScoredSentence sentence, ScoredSentence best, IReadOnlyList<string> names, Corpus corpus)
    {
        var key = sentence.Key;
        var held = new HashSet<string>(corpus.SentenceTerms[key]);
        if (key > 0 && corpus.SameParagraph(key - 1, key) && Anaphora.OpensWithReference(corpus.Sentences[key].Text))
        {
            held.UnionWith(corpus.SentenceTerms[key - 1]);
        }

        if (best.Key == key + 1 && corpus.SameParagraph(key, best.Key) && Anaphora.OpensWithReference(corpus.Sentences[best.Key].Text))
        {
            held.UnionWith(corpus.SentenceTerms[best.Key]);
        }

        return names.All(held.Contains);
    }
}
