using System.Collections.Frozen;

namespace QaService.Ingestion;

/// <summary>
/// Splits text into paragraphs (lines) and sentences, returning exact character spans.
/// A sentence ends at <c>. ! ?</c> (plus closing quotes or brackets) followed by white space and a capital,
/// a digit or an opening quote, unless the period closes an abbreviation, an initial or a dotted acronym.
/// Text that runs on without a sentence end (minutes written as one long list, a dump without punctuation) is cut
/// into pieces of at most <see cref="MaxLength"/> characters, at the last clause mark or space before it, so that no
/// answer or citation can grow to the size of the document.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Longer than any sentence of the articles the answer models learned from (the longest runs to about 1,300).</summary>
    public const int MaxLength = 2_000;

    private static readonly FrozenSet<string> Abbreviations = FrozenSet.ToFrozenSet(
        [
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "col", "lt", "maj", "capt", "cmdr", "sgt",
            "gov", "govt", "sen", "rep", "pres", "supt", "insp", "hon", "rev", "fr", "amb", "adm", "brig",
            "inc", "ltd", "co", "corp", "bros", "no", "nos", "vol", "fig", "pp", "approx", "dept", "est", "vs", "cf",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        ],
        StringComparer.OrdinalIgnoreCase);

    // After a dotted acronym ("U.S.") a capital usually continues the sentence ("U.S. President"); these words start a new one.
    private static readonly FrozenSet<string> SentenceStarters = FrozenSet.ToFrozenSet(
        [
            "the", "a", "an", "it", "its", "this", "that", "these", "those", "they", "he", "she", "we", "i", "you",
            "but", "and", "however", "in", "on", "at", "for", "as", "if", "when", "while", "there", "meanwhile", "yet",
        ],
        StringComparer.OrdinalIgnoreCase);

    public readonly record struct Span(int Paragraph, int Start, int End);

    public static IReadOnlyList<Span> Split(string text)
    {
        var spans = new List<Span>();
        var paragraph = 0;
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var before = spans.Count;
            SplitParagraph(text, lineStart, lineEnd, paragraph, spans);
            if (spans.Count > before)
            {
                paragraph++;
            }

            lineStart = lineEnd + 1;
        }

        return spans;
    }

    private static void SplitParagraph(string text, int start, int end, int paragraph, List<Span> spans)
    {
        var sentenceStart = start;
        for (var i = start; i < end; i++)
        {
            if (!IsTerminal(text[i]))
            {
                continue;
            }

            var close = i + 1;
            while (close < end && (IsTerminal(text[close]) || IsClosing(text[close])))
            {
                close++;
            }

            if (close < end && !char.IsWhiteSpace(text[close]))
            {
                continue;
            }

            var next = close;
            while (next < end && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next < end && !EndsSentence(text, sentenceStart, i, next, end))
            {
                continue;
            }

            AddTrimmed(text, sentenceStart, close, paragraph, spans);
            sentenceStart = next;
            i = next - 1;
        }

        AddTrimmed(text, sentenceStart, end, paragraph, spans);
    }

    private static bool EndsSentence(string text, int sentenceStart, int terminal, int next, int end)
    {
        var nextChar = text[next];
        var startsLikeSentence = char.IsUpper(nextChar) || char.IsDigit(nextChar) || IsOpening(nextChar);
        if (!startsLikeSentence)
        {
            return false;
        }

        if (text[terminal] != '.')
        {
            return true;
        }

        var wordStart = terminal;
        while (wordStart > sentenceStart && (char.IsLetterOrDigit(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..terminal];
        if (word.Length == 0)
        {
            return true;
        }

        if (word.Contains('.'))
        {
            return SentenceStarters.Contains(NextWord(text, next, end));
        }

        var isInitial = word.Length == 1 && char.IsUpper(word[0]);
        return !isInitial && !Abbreviations.Contains(word);
    }

    private static string NextWord(string text, int start, int end)
    {
        while (start < end && IsOpening(text[start]))
        {
            start++;
        }

        var stop = start;
        while (stop < end && char.IsLetter(text[stop]))
        {
            stop++;
        }

        return text[start..stop];
    }

    private static void AddTrimmed(string text, int start, int end, int paragraph, List<Span> spans)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        while (end - start > MaxLength)
        {
            var cut = CutBefore(text, start, start + MaxLength);
            AddTrimmed(text, start, cut, paragraph, spans);
            start = cut;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }
        }

        if (end > start)
        {
            spans.Add(new Span(paragraph, start, end));
        }
    }

    /// <summary>Where to end a piece of an over-long run: after its last clause mark in its second half, else at its last space, else at the limit.</summary>
    private static int CutBefore(string text, int start, int limit)
    {
        var window = text.AsSpan(start, limit - start);
        for (var i = window.Length - 2; i > window.Length / 2; i--)
        {
            // A clause mark followed by a space ends a clause; one inside "1,000" or "10:30" does not.
            if (window[i] is ';' or ':' or ',' && char.IsWhiteSpace(window[i + 1]))
            {
                return start + i + 1;
            }
        }

        var space = window.LastIndexOfAny(" \t");
        if (space > 0)
        {
            return start + space;
        }

        return char.IsLowSurrogate(text[limit]) ? limit - 1 : limit;
    }

    private static bool IsTerminal(char c) => c is '.' or '!' or '?' or '…';

    private static bool IsClosing(char c) => c is '"' or '\'' or '’' or '”' or ')' or ']' or '»';

    private static bool IsOpening(char c) => c is '"' or '\'' or '‘' or '“' or '(' or '[' or '«';
}
