using System.Runtime.CompilerServices;
using QaService.Indexing;
using QaService.Retrieval;

namespace QaService.Answering.Learning;

/// <summary>
/// What the candidate features need of each sentence whatever the question: its paragraph's bounds, what it holds,
/// whether it leans on the sentence before or negates, and how it fits each kind of answer. Worked out once per
/// corpus, on the first question, instead of again for every candidate of every question.
/// </summary>
internal sealed class SentenceFacts
{
    private static readonly ConditionalWeakTable<Corpus, SentenceFacts> ByCorpus = [];
    private static readonly AnswerType[] Types = Enum.GetValues<AnswerType>();

    private readonly double[][] typeMatch;
    private readonly IReadOnlyList<string[]>[] wordsAfterNumbers;

    private SentenceFacts(Corpus corpus)
    {
        var count = corpus.Sentences.Count;
        ParagraphFirst = new int[count];
        ParagraphLast = new int[count];
        for (var key = 0; key < count; key++)
        {
            ParagraphFirst[key] = key > 0 && corpus.SameParagraph(key - 1, key) ? ParagraphFirst[key - 1] : key;
        }

        for (var key = count - 1; key >= 0; key--)
        {
            ParagraphLast[key] = key < count - 1 && corpus.SameParagraph(key, key + 1) ? ParagraphLast[key + 1] : key;
        }

        Traits = [.. corpus.Sentences.Select(s => SentenceTraits.Of(s.Text))];
        OpensWithReference = [.. corpus.Sentences.Select(s => Anaphora.OpensWithReference(s.Text))];
        Negated = [.. corpus.Sentences.Select(s => Negation.In(s.Text))];
        wordsAfterNumbers = [.. corpus.Sentences.Select(s => AnswerTypeMatcher.WordsAfterNumbers(s.Text))];
        typeMatch = [.. Types.Select(type => type == AnswerType.Count
            ? []
            : corpus.Sentences.Select(s => AnswerTypeMatcher.Match(s.Text, new QuestionAnalysis("", [], type, []))).ToArray())];
    }

    public int[] ParagraphFirst { get; }

    public int[] ParagraphLast { get; }

    public SentenceTraits[] Traits { get; }

    public bool[] OpensWithReference { get; }

    public bool[] Negated { get; }

    public static SentenceFacts Of(Corpus corpus) => ByCorpus.GetValue(corpus, c => new SentenceFacts(c));

    /// <summary>How the sentence fits the kind of answer the question wants (a count depends on what is counted: what each number counts is kept).</summary>
    public double TypeMatch(int key, QuestionAnalysis question) =>
        question.AnswerType == AnswerType.Count
            ? AnswerTypeMatcher.CountMatch(wordsAfterNumbers[key], question.CountedTerms)
            : typeMatch[(int)question.AnswerType][key];
}
