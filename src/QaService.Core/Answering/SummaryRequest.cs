using System.Text.RegularExpressions;

namespace QaService.Answering;

/// <summary>A question about the whole document ("what is this article about?", "summarise it", "main points", "tl;dr").</summary>
public static partial class SummaryRequest
{
    public static bool Matches(string question) => Pattern().IsMatch(question);

    [GeneratedRegex(@"\b(summar(y|ise|ize|ised|ized)|tl;?dr|gist|overview|main (points?|ideas?|takeaways?)|key (points?|takeaways?)|what('s| is| was)? (this|the) (article|piece|text|story|document|report)( all)? about|what does (this|the) (article|piece|text|story|document|report) (say|cover))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
