using System.Text.RegularExpressions;

namespace QaService.Answering;

/// <summary>A question about the whole document ("what is this article about?", "summarise it", "main points", "tl;dr").</summary>
public static partial class SummaryRequest
{
    public static bool Matches(string question) => Pattern().IsMatch(question);

    [GeneratedRegex(@"\b(summari[sz]e[sd]?|tl;?dr|gist|overview|main (points?|ideas?|takeaways?)|key (points?|takeaways?)|what('s| is| was)? (this|the|that) (article|piece|text|story|document|report)( all)? about|what does (this|the) (article|piece|text|story|document|report) (say|cover))\b|^\W*(give me )?(a )?summary\b|\bsummary( of (it|this|the (article|piece|text|story|document|report)))?\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
