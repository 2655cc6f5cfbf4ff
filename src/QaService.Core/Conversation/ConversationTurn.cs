using System.Text.Json.Serialization;
using QaService.Answering;
using QaService.Indexing;
using QaService.Retrieval;
using QaService.Text;

namespace QaService.Conversation;

/// <summary>
/// One question and what answering it used: the stems it was retrieved with, the names it was about, names from its
/// answer, the sentences it cited, whether it was about the author, and the person it was answered with when it
/// asked who. Short JSON names keep a stored conversation small.
/// </summary>
public sealed record ConversationTurn(
    [property: JsonPropertyName("q")] string Question,
    [property: JsonPropertyName("a")] string Answer,
    [property: JsonPropertyName("t")] IReadOnlyList<string> Terms,
    [property: JsonPropertyName("c")] IReadOnlyList<string> ContextTerms,
    [property: JsonPropertyName("n")] IReadOnlyList<string> Subjects,
    [property: JsonPropertyName("e")] IReadOnlyList<string> AnswerNames,
    [property: JsonPropertyName("s")] IReadOnlyList<int> CitedSentences,
    [property: JsonPropertyName("f")] string CorpusFingerprint,
    [property: JsonPropertyName("w")] bool AboutAuthor = false,
    [property: JsonPropertyName("p")] string? Person = null)
{
    private const int MaxStoredText = 600;
    private const int MaxAnswerNames = 4;
    private const int NearestKept = 2;

    /// <summary>Every stem this turn was about, the most telling first: what a follow-up to it carries over.</summary>
    [JsonIgnore]
    public IEnumerable<string> TopicTerms => Subjects.Concat(Terms).Concat(AnswerNames).Concat(ContextTerms).Distinct();

    /// <summary>
    /// A turn as stored. Its subjects are the heads of the names in the question or, when it only pointed back at them,
    /// those of the previous turn; the person a later "he" or "she" stands for carries over the same way. It keeps the
    /// sentences of its answer, or when it abstained the nearest ones it cited.
    /// </summary>
    public static ConversationTurn Of(QuestionAnalysis question, ConversationTurn? previous, ExtractiveAnswer answer, string answerText, Corpus corpus)
    {
        // A "thanks" or an "ok" changes nothing the conversation is about: the next follow-up reads the turn before it.
        if (question.SmallTalk is not null && previous is not null)
        {
            return previous;
        }

        var subjects = NamedThings.Heads(question.Text).Intersect(question.Terms).ToList();
        var pointedBackOnly = subjects.Count == 0 && question.ContextTerms.Count > 0 && previous is not null;
        if (pointedBackOnly)
        {
            subjects = [.. previous!.Subjects];
        }

        // The person stays the one a "he" or "she" stands for while the conversation is about them: the turn only
        // pointed back, or it asked about them by a pronoun ("Did she visit Paris?" names Paris, and is still about her).
        var person = PersonAnswered(question, answer, corpus);
        if (previous?.Person is { } earlier && (pointedBackOnly || question.Terms.Contains(earlier)))
        {
            person ??= earlier;
        }

        var answerNames = answer.Chosen.SelectMany(s => NamedThings.Heads(corpus.Sentences[s.Key].Text))
            .Distinct().Except(question.Terms).Take(MaxAnswerNames).ToList();
        var cited = (answer.Abstained ? answer.Ranked.Take(NearestKept) : answer.Chosen).Select(s => s.Key).ToList();
        return new ConversationTurn(
            Shorten(question.Text), Shorten(answerText), question.Terms, question.ContextTerms, subjects, answerNames, cited,
            FingerprintOf(corpus), question.AsksAboutAuthor, person);
    }

    /// <summary>
    /// For a question that asked who, the head of the first person's name ("Ilse Marren") its answer's first sentence
    /// brought: whom a later "he" or "she" stands for.
    /// </summary>
    private static string? PersonAnswered(QuestionAnalysis question, ExtractiveAnswer answer, Corpus corpus) =>
        question.AnswerType == AnswerType.Person && !answer.Abstained && answer.Chosen.Count > 0
            ? NamedThings.PersonNameHeads(corpus.Sentences[answer.Chosen[0].Key].Text).Except(question.Terms).FirstOrDefault()
            : null;

    public static string FingerprintOf(Corpus corpus) => corpus.Fingerprint[..Math.Min(16, corpus.Fingerprint.Length)];

    private static string Shorten(string text) => text.Length <= MaxStoredText ? text : text[..MaxStoredText];
}
