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
        var (subject, verb, pronoun) = Searched(corpus);
        if (question.IsEmpty)
        {
            return $"{subject} {verb} not say: the question has no words to look for in {pronoun}. Try asking about a person, a place or an event {subject.ToLowerInvariant()} {Mentions(verb)}.";
        }

        return citesPassages
            ? $"{subject} {verb} not say. The nearest passages are cited."
            : $"{subject} {verb} not say, and nothing in {pronoun} comes near the question.";
    }

    /// <summary>For a question written in a script the documents do not use (see <see cref="Text.WritingSystem"/>).</summary>
    public static string ForeignScript(string script, Corpus corpus)
    {
        var (subject, verb, _) = Searched(corpus);
        return $"The question is written in {script}, and {subject.ToLowerInvariant()} {(verb == "do" ? "are" : "is")} not, so there is nothing to match it against. "
            + $"Please ask in {subject.ToLowerInvariant()}{(verb == "do" ? "'" : "'s")} language.";
    }

    private static (string Subject, string Verb, string Pronoun) Searched(Corpus corpus) => corpus.Documents switch
    {
        [{ Id: BuiltInDocument.Id }] => ("The article", "does", "it"),
        [_] => ("The document", "does", "it"),
        _ => ("The documents", "do", "them"),
    };

    private static string Mentions(string verb) => verb == "do" ? "mention" : "mentions";
}
