using System.Collections.Frozen;
using System.Text.RegularExpressions;
using QaService.Text;

namespace QaService.Retrieval;

/// <summary>Whether a lower-cased question points at the opening or the closing of the article ("how does the piece end?").</summary>
internal static partial class ArticlePartCues
{
    // Words that only say where in the article to look ("the opening lines", "the last section"), once that is known.
    private static readonly FrozenSet<string> CueWords = FrozenSet.ToFrozenSet(
        TextAnalyzer.Instance.Terms(
            "open opens opening begin begins start starts end ends ending close closes closing conclude concludes " +
            "finish finishes first last final top outset introduction paragraph paragraphs line lines sentence sentences " +
            "words remarks section part bit"));

    public static ArticlePart Read(string q) =>
        Opening().IsMatch(q) ? ArticlePart.Opening : Closing().IsMatch(q) ? ArticlePart.Closing : ArticlePart.Anywhere;

    public static bool IsCueWord(string term) => CueWords.Contains(term);

    [GeneratedRegex(@"\b(article|piece|story|text|report|column|author|writer)\s+(open|opens|opened|begin|begins|began|start|starts|started)\b|\b(opening|first|introductory)\s+(paragraph|line|lines|sentence|sentences|words|section|part|bit)\b|\bat\s+the\s+(start|beginning|outset|top)\s+of\s+(the|this)\s+(article|piece|story|text|report|column)\b")]
    private static partial Regex Opening();

    [GeneratedRegex(@"\b(article|piece|story|text|report|column|author|writer)\s+(end|ends|ended|close|closes|closed|conclude|concludes|concluded|finish|finishes|finished)\b|\b(closing|final|last|concluding)\s+(paragraph|line|lines|sentence|sentences|words|remarks|section|part|bit)\b|\bat\s+the\s+end\s+of\s+(the|this)\s+(article|piece|story|text|report|column)\b|^\W*what('s|\s+is)\s+the\s+conclusion\W*$")]
    private static partial Regex Closing();
}
