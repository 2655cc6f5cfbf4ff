using QaService.Documents;
using QaService.Indexing;
using QaService.Retrieval;

namespace QaService.Answering;

/// <summary>
/// The plain words of a reply that abstains. They claim no more than the abstention knows: the answer models judge
/// that no sentence answers, not why, so the reply does not say that the document lacks a date or a number. They name
/// what is searched as the user sees it: the article (the built-in one), the document, or the documents.
/// </summary>
public static class AbstentionText
{
    public static string For(QuestionAnalysis question, Corpus corpus, bool citesPassages)
    {
        var searched = Searched.Of(corpus);
        if (question.SmallTalk is { } talk)
        {
            return InKind(talk, searched);
        }

        if (question.IsEmpty)
        {
            return $"{searched.Subject} {searched.Does} not say: the question has no words to look for in {searched.Pronoun}. "
                + $"Try asking about a person, a place or an event {searched.Noun} {searched.Mentions}.";
        }

        return citesPassages
            ? $"{searched.NotSaid} The nearest passages are cited."
            : $"{searched.Subject} {searched.Does} not say, and nothing in {searched.Pronoun} comes near the question.";
    }

    private static string InKind(SmallTalkKind talk, Searched searched) => talk switch
    {
        SmallTalkKind.Greeting => $"Hello. Ask me anything about {searched.Noun}: I answer from {searched.Its} own sentences and cite each one.",
        SmallTalkKind.Thanks => $"You're welcome. Ask another question about {searched.Noun} whenever you like.",
        SmallTalkKind.Acknowledgement => $"Ask another question about {searched.Noun} whenever you like.",
        SmallTalkKind.Farewell => $"Goodbye. Come back with another question about {searched.Noun} any time.",
        _ => $"I answer questions about {searched.Noun} from {searched.Its} own sentences, citing each one I use, and say so when "
            + $"{searched.They} {searched.Does} not say. Ask about a person, a place or an event {searched.Noun} {searched.Mentions}, "
            + $"or ask what {searched.They} {searched.Is} about for a summary.",
    };

    /// <summary>"The article does not say.", or of the document or documents: also the sentence a language model is told to reply with.</summary>
    public static string NotSaid(Corpus corpus) => Searched.Of(corpus).NotSaid;

    /// <summary>For a question written in a script the documents do not use (see <see cref="Text.WritingSystem"/>).</summary>
    public static string ForeignScript(string script, Corpus corpus)
    {
        var searched = Searched.Of(corpus);
        return $"The question is written in {script}, and {searched.Noun} {searched.Is} not, so there is nothing to match it against. "
            + $"Please ask in {searched.Possessive} language.";
    }

    /// <summary>What was searched, in the words of a sentence about it.</summary>
    private sealed record Searched(string Noun, bool Plural)
    {
        public static Searched Of(Corpus corpus) => corpus.Documents switch
        {
            [{ Id: BuiltInDocument.Id }] => new("the article", false),
            [_] => new("the document", false),
            _ => new("the documents", true),
        };

        public string Subject => char.ToUpperInvariant(Noun[0]) + Noun[1..];

        public string Does => Plural ? "do" : "does";

        public string Is => Plural ? "are" : "is";

        public string Mentions => Plural ? "mention" : "mentions";

        public string Pronoun => Plural ? "them" : "it";

        public string They => Plural ? "they" : "it";

        public string Its => Plural ? "their" : "its";

        public string Possessive => Plural ? Noun + "'" : Noun + "'s";

        public string NotSaid => $"{Subject} {Does} not say.";
    }
}
