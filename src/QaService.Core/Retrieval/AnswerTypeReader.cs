using System.Text.RegularExpressions;
using QaService.Text;

namespace QaService.Retrieval;

/// <summary>The kind of answer a lower-cased question wants, read from its question words.</summary>
internal static partial class AnswerTypeReader
{
    public static AnswerType Read(string q)
    {
        if (HowMany().IsMatch(q))
        {
            return AnswerType.Count;
        }

        if (HowLong().IsMatch(q))
        {
            return AnswerType.Duration;
        }

        if (When().IsMatch(q))
        {
            return AnswerType.Time;
        }

        if (Who().IsMatch(q))
        {
            return AnswerType.Person;
        }

        if (Where().IsMatch(q))
        {
            return AnswerType.Place;
        }

        if (Why().IsMatch(q))
        {
            return AnswerType.Reason;
        }

        return YesNo().IsMatch(q) ? AnswerType.YesNo : AnswerType.Description;
    }

    /// <summary>The stems of up to three words after "how many": what is counted ("how many Indian jets …" → india, jet).</summary>
    public static IReadOnlyList<string> CountedWords(string q)
    {
        var match = HowMany().Match(q);
        var rest = q[(match.Index + match.Length)..];
        var words = rest.Split([' ', '?', ',', '.'], StringSplitOptions.RemoveEmptyEntries).Take(3);
        return TextAnalyzer.Instance.Terms(string.Join(' ', words));
    }

    [GeneratedRegex(@"\bhow\s+(many|much)\b|\bwhat\s+(number|percentage|amount)\b|\bwhat\s+(would|will|did|does|do|could|might)\s+(\w+\s+){1,3}cost\b|\bwhat\s+(is|was|are|were|would\s+be)\s+the\s+(cost|price|bill|budget|toll)\b")]
    private static partial Regex HowMany();

    // "How long is the bridge?" asks for a length, not a time.
    [GeneratedRegex(@"\bhow\s+long\b(?!\s+(is|are)\s+(the|a|an|its|their)\b)|\bwhat\s+duration\b")]
    private static partial Regex HowLong();

    // "When" asks for a time at the start of a question, before an auxiliary ("… and when did it end?") or after "tell
    // me"; elsewhere it opens a clause ("How was he received when he came?").
    [GeneratedRegex(@"^\W*(and\s+|so\s+|but\s+|ok\s+)?when\b|\bwhen\s+(did|do|does|was|were|is|are|will|would|has|have|had|could|can)\b|\b(me|us|know|say|says)\s+when\b|\bsince\s+when\b|\bwhat\s+(years?|dates?|days?|months?|time)\b|\bwhich\s+(years?|dates?|days?|months?)\b|\bin\s+(which|what)\s+(year|month)\b")]
    private static partial Regex When();

    [GeneratedRegex(@"^\s*(who|whom|whose)\b|\b(who|whom|whose)\b.*\?$|\bwhich\s+(person|leader|leaders|official|officials|president|minister|group|groups|outfit|organi[sz]ation|people|country|countries)\b")]
    private static partial Regex Who();

    [GeneratedRegex(@"^\s*where\b|\bin\s+which\s+(other\s+)?(province|city|region|place|country|capital|town)\b|\bwhich\s+(other\s+)?(province|city|region|place|capital|town)\b")]
    private static partial Regex Where();

    [GeneratedRegex(@"^\s*why\b|\bwhat\s+(caused|prompted|led|drove|is\s+driving|drives)\b|\b(for\s+)?what\s+(reason|reasons|motive|justification|pretext)\b|\bwhat\s+was\s+the\s+(reason|motive|justification|pretext)\b")]
    private static partial Regex Why();

    [GeneratedRegex(@"^\s*(is|are|was|were|did|does|do|has|have|had|can|could|will|would|should)\b")]
    private static partial Regex YesNo();
}
