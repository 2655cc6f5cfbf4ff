namespace QaService.Retrieval;

/// <summary>
/// A question read once: its content stems (what to look for) and the kind of answer it wants. A follow-up question
/// also carries <see cref="ContextTerms"/> from earlier turns, which retrieval weighs below the question's own terms.
/// </summary>
public sealed record QuestionAnalysis(
    string Text,
    IReadOnlyList<string> Terms,
    AnswerType AnswerType,
    IReadOnlyList<string> CountedTerms)
{
    /// <summary>Stems of the thing a "which X" / "what X" / "who is the X" question asks for (empty when there is none).</summary>
    public IReadOnlyList<string> FocusTerms { get; init; } = [];

    /// <summary>The thing asked for is plural ("which countries …", "whose programmes …"): several sentences may answer.</summary>
    public bool AsksForList { get; init; }

    /// <summary>The question asks for a person by role ("which official …", "who leads …"): only a named person answers it.</summary>
    public bool RequiresPerson { get; init; }

    /// <summary>The opening or closing of the article, when the question points there.</summary>
    public ArticlePart Part { get; init; }

    /// <summary>
    /// What dense retrieval embeds when it is not the question itself: for a follow-up read without an LLM, the
    /// previous question followed by this one, so that "What prompted that?" is embedded with what "that" was.
    /// </summary>
    public string? DenseText { get; init; }

    /// <summary>Stems carried over from earlier turns of a conversation (none for a standalone question).</summary>
    public IReadOnlyList<string> ContextTerms { get; init; } = [];

    /// <summary>How much a context term counts against one of the question's own terms (0..1).</summary>
    public double ContextWeight { get; init; } = 0.4;

    /// <summary>The question is about who wrote the document ("who wrote this?", "is the writer …?").</summary>
    public bool AsksAboutAuthor { get; init; }

    /// <summary>
    /// Sentences an earlier turn cited, by key, with the share by which their score is raised (or, when negative,
    /// lowered, for "what else …?"). Empty for a standalone question.
    /// </summary>
    public IReadOnlyDictionary<int, double> SentencePriors { get; init; } = new Dictionary<int, double>();

    /// <summary>The message asks nothing of the documents (a greeting, thanks, "help"): it has no terms and is answered in kind.</summary>
    public SmallTalkKind? SmallTalk { get; init; }

    public bool IsEmpty => Terms.Count == 0 && ContextTerms.Count == 0 && !AsksAboutAuthor && Part == ArticlePart.Anywhere;
}
