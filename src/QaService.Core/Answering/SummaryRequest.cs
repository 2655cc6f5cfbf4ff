using System.Text.RegularExpressions;

namespace QaService.Answering;

/// <summary>
/// A question about the whole document ("what is this article about?", "summarise it", "sum it up", "main points",
/// "the author's main argument", "tl;dr"), and not about something in it: "what does the article say about Gaza?" and
/// "summarise what it says about India" name a topic, and are answered about it.
/// </summary>
public static partial class SummaryRequest
{
    // What a user calls the document they are reading.
    private const string Document = "(article|piece|text|story|document|report|essay|post|blog post|memo|letter|e-?mail|page|paper|chapter|notes?|file|recipe|biography|bio|profile|guide|manual|brief|briefing|transcript|speech|review|entry)";

    public static bool Matches(string question) => Pattern().IsMatch(question) && !NamesATopic().IsMatch(question);

    [GeneratedRegex(@"\b(about|of|on|regarding|concerning)\s+(?!(it|this|that|them|in|overall|all|everything|(the )?whole|the (author|writer)|the " + Document + @")\b)[\p{L}\p{N}]", RegexOptions.IgnoreCase)]
    private static partial Regex NamesATopic();

    [GeneratedRegex(@"\b(summari[sz]e[sd]?|sum (it|this|that|the " + Document + @") up|in a nutshell|brief me|tl;?dr|gist|overview|main (points?|ideas?|takeaways?)|key (points?|takeaways?)|main (argument|message|thesis)( of (it|this|the (author|writer)|the " + Document + @"))?\W*$|explain (this|the) " + Document + @"|what('s| is) the story here|what('s| is| was)? (this|the|that) " + Document + @"( all)? about|what does (this|the) " + Document + @" (say|cover))\b|^\W*(give me )?(a )?summary\b|\bsummary( of (it|this|the " + Document + @"))?\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
