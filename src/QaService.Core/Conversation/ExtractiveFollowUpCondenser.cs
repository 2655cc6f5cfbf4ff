using QaService.Indexing;
using QaService.Retrieval;
using QaService.Text;

namespace QaService.Conversation;

/// <summary>
/// Reads a follow-up without a language model, the way a person would rewrite it as a standalone question. When its
/// wording leans on the previous turn, a pronoun with nothing to stand for in the question takes the head of each name
/// that turn was about ("bridge" for "the Velmora Harbour Bridge") as its own term, or, for a "he" or "she" after a
/// question that asked who, the person its answer named; the rest of that turn's topic (its terms, names from its
/// answer, what it carried over) joins as context terms, weighted below the question's own words; the previous
/// question is embedded with it; a request for something else sets aside the sentences that turn cited; and a
/// follow-up that points back at the author of a question about them ("what post did he hold?") is about the author
/// too. A question that brings a subject of its own and does not point back is a change of topic, read on its own.
/// </summary>
public sealed class ExtractiveFollowUpCondenser : IFollowUpCondenser
{
    private const int MaxContextTerms = 10;
    private const double MaxContextWeight = 0.4;
    private const double MinContextWeight = 0.05;

    // All context terms together weigh at most this share of the question's most common own term, so no amount of the old topic makes up for a missing word of the new question; the old topic only
    // decides between sentences that hold the new words equally well.
    private const double ContextShare = 0.9;

    // When the question asks for something else, the sentences the previous answer cited drop to nothing, below every
    // other candidate.
    private const double AlreadySaid = -1;

    // "What else …?" and "who besides …?" are read as cues here, not searched for.
    // "Its" survives the analyser as "it".
    private static readonly string[] CueTerms = [.. TextAnalyzer.Instance.Terms("else besides its")];

    public ValueTask<QuestionAnalysis> CondenseAsync(FollowUpQuestion followUp, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Condense(followUp));

    public static QuestionAnalysis Condense(FollowUpQuestion followUp)
    {
        var question = QuestionAnalyzer.Analyze(followUp.Question);
        if (followUp.Conversation.LastTurn is not { } previous || question.SmallTalk is not null)
        {
            return question;
        }

        var corpus = followUp.Corpus;
        var known = corpus.KnownTerms;
        var cues = FollowUpCues.Read(followUp.Question);
        if (cues.WordCount == 0)
        {
            // A "?" or an emoji asks nothing, of this turn or the last: it is read as the empty question it is.
            return question;
        }

        if (!DependsOnEarlierTurns(cues, question.Terms.Count, question.Terms.Count(known.Contains)))
        {
            return question;
        }

        var referents = cues.RefersBack ? Referents(previous, cues).Where(known.Contains).ToList() : [];
        var terms = question.Terms.Except(CueTerms).Concat(referents).Distinct().ToList();
        var context = previous.TopicTerms.Where(known.Contains).Except(terms).Take(MaxContextTerms).ToList();
        return question with
        {
            Terms = terms,
            ContextTerms = context,
            ContextWeight = ContextWeight(corpus, terms.Where(known.Contains), context),
            DenseText = $"{previous.Question} {followUp.Question}",
            AsksAboutAuthor = question.AsksAboutAuthor || (previous.AboutAuthor && StaysOnTheAuthor(cues, question.Terms.Count, followUp.Question, corpus)),
            SentencePriors = cues.WantsSomethingElse ? Priors(previous, corpus, AlreadySaid) : new Dictionary<int, double>(),
        };
    }

    /// <summary>
    /// Whether a question needs the earlier turns: it points back, opens elliptically, has no words of its own ("why?"),
    /// or is short with too little of its own that the documents know to stand alone and names nothing ("how long?";
    /// "Where is the TTP?" names its subject). A question full of words the documents never use ("what is the capital of
    /// Canada?") stands alone: it is off the topic, not about it.
    /// </summary>
    public static bool DependsOnEarlierTurns(FollowUpCues cues, int ownTerms, int ownKnownTerms) =>
        cues.RefersBack
        || cues.IsElliptical
        || ownTerms == 0
        || (cues.PointsBack && ownKnownTerms <= 2)
        || (cues.WordCount <= 4 && ownKnownTerms <= 1 && !cues.NamesSomething);

    /// <summary>
    /// Whether a follow-up to a question about the author is about the author too: it points back at them ("what post did
    /// he hold?") or carries on without words of its own ("in which country?"), and names nothing the byline and author
    /// note do not ("did he head the IB?" may; "Where is the TTP?" has moved on, however short).
    /// </summary>
    private static bool StaysOnTheAuthor(FollowUpCues cues, int ownTerms, string question, Corpus corpus)
    {
        var aboutTheAuthor = corpus.AuthorshipSentences.SelectMany(k => corpus.SentenceTerms[k]).ToHashSet();
        return (cues.RefersBack || cues.IsElliptical || ownTerms == 0) && NamedThings.Stems(question).All(aboutTheAuthor.Contains);
    }

    /// <summary>
    /// What a pronoun pointing back stands for: the names the previous question was about. A "he" or "she" stands for
    /// a person only: the one the answer named when that question asked who ("Who made the claim?" … "What else did he
    /// do?"), else the people that question named ("When did she retire?" after "Where did Ilse Marren study in
    /// Tarsk?" is about Marren, not Tarsk), and when it named none, all of its names.
    /// </summary>
    private static IEnumerable<string> Referents(ConversationTurn previous, FollowUpCues cues)
    {
        if (!cues.RefersToPerson)
        {
            return previous.Subjects;
        }

        if (previous.Person is { } person)
        {
            return [person];
        }

        var people = NamedThings.PersonNameHeads(previous.Question).Intersect(previous.Subjects).ToList();
        return people.Count > 0 ? people : previous.Subjects;
    }

    private static double ContextWeight(Corpus corpus, IEnumerable<string> ownKnown, IReadOnlyList<string> context)
    {
        var own = ownKnown.Select(corpus.Idf).DefaultIfEmpty(0).Min();
        var carried = context.Sum(corpus.Idf);
        return own == 0 || carried == 0 ? MaxContextWeight : Math.Clamp(ContextShare * own / carried, MinContextWeight, MaxContextWeight);
    }

    private static Dictionary<int, double> Priors(ConversationTurn previous, Corpus corpus, double prior) =>
        // Sentence keys are only meaningful in the corpus they were taken from.
        ConversationTurn.FingerprintOf(corpus) != previous.CorpusFingerprint
            ? []
            : previous.CitedSentences.Where(k => k >= 0 && k < corpus.Sentences.Count).Distinct().ToDictionary(k => k, _ => prior);
}
