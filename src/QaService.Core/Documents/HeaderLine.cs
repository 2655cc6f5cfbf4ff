using System.Text.RegularExpressions;

namespace QaService.Documents;

/// <summary>
/// A line of a memo's or a letter's header ("To: All staff", "**From:** Priya Raman", "Date: 14 March 2025"), as
/// written in Markdown or as the text it reads as.
/// </summary>
public static partial class HeaderLine
{
    public static bool IsField(string line) => Field().IsMatch(line);

    /// <summary>A field that names who sent or wrote the document ("From: Priya Raman, Chief Operating Officer").</summary>
    public static bool NamesSender(string line) => Sender().IsMatch(line);

    [GeneratedRegex(@"^[\s*_]*(to|from|cc|bcc|date|subject|sent|author)[*_]*\s*:[\s*_]*\S", RegexOptions.IgnoreCase)]
    private static partial Regex Field();

    [GeneratedRegex(@"^[\s*_]*(from|author)[*_]*\s*:[\s*_]*\p{Lu}", RegexOptions.IgnoreCase)]
    private static partial Regex Sender();
}
