using System.Globalization;
using System.Text;
using Wcwidth;

namespace QaService.Host.Cli;

/// <summary>
/// Redraws an edited line that may wrap over several rows of a terminal <see cref="Width"/> columns wide: back up to
/// the row the prompt is on, clear to the end of the screen, write the prompt and the line, and put the cursor where
/// it belongs. <see cref="Row"/> is the row of the cursor, counted from the prompt's. Characters take the columns a
/// terminal gives them (two for Chinese characters and most emoji; a letter with accents, or an emoji with modifiers,
/// the width of its first code point), and one that does not fit in what is left of a row starts the next, as it does
/// on the terminal.
/// </summary>
internal sealed class WrappedLine(string prompt, int width)
{
    private const string Escape = "\u001b[";

    // Where the terminal's cursor is after the last character written; a column of Width means it waits to wrap.
    private (int Row, int Column) end = Walk(prompt, Math.Max(1, width));

    public int Width { get; } = Math.Max(1, width);

    public int Row { get; private set; }

    /// <summary>What to write to show <paramref name="line"/> with the cursor at <paramref name="cursor"/> (an index into it).</summary>
    public string Redraw(string line, int cursor)
    {
        var output = new StringBuilder();
        if (Row > 0)
        {
            output.Append(Escape).Append(Row).Append('A');
        }

        output.Append('\r').Append(Escape).Append('J').Append(prompt).Append(line);
        end = Walk(prompt + line, Width);
        if (end.Column == Width)
        {
            // A full last row leaves the cursor waiting to wrap; wrap it, so its row is the one counted below.
            output.Append("\r\n");
            end = (end.Row + 1, 0);
        }

        var target = Walk(prompt + line[..cursor], Width);
        var next = cursor < line.Length ? Math.Min(ColumnsAt(line, cursor), Width) : 0;
        if (target.Column == Width || (target.Column > 0 && target.Column + next > Width))
        {
            // The character under the cursor starts the next row.
            target = (target.Row + 1, 0);
        }

        Row = target.Row;
        if (end.Row > Row)
        {
            output.Append(Escape).Append(end.Row - Row).Append('A');
        }

        output.Append('\r');
        if (target.Column > 0)
        {
            output.Append(Escape).Append(target.Column).Append('C');
        }

        return output.ToString();
    }

    /// <summary>What to write when a character (a letter, or an emoji's surrogate pair) is typed at the end of the line, which is all there is to show.</summary>
    public string Append(string typed)
    {
        end = Advance(end, ColumnsAt(typed, 0), Width);
        var wraps = end.Column == Width;
        if (wraps)
        {
            end = (end.Row + 1, 0);
        }

        Row = end.Row;
        return wraps ? typed + "\r\n" : typed;
    }

    /// <summary>Where the terminal leaves its cursor after writing <paramref name="text"/> from the start of a row.</summary>
    private static (int Row, int Column) Walk(string text, int width)
    {
        var position = (Row: 0, Column: 0);
        for (var at = 0; at < text.Length; at += Math.Max(1, StringInfo.GetNextTextElementLength(text.AsSpan(at))))
        {
            position = Advance(position, ColumnsAt(text, at), width);
        }

        return position;
    }

    // A character wider than the whole row (two columns on a terminal one column wide) takes the row.
    private static (int Row, int Column) Advance((int Row, int Column) position, int columns, int width)
    {
        columns = Math.Min(columns, width);
        return position.Column > 0 && position.Column + columns > width
            ? (position.Row + 1, columns)
            : (position.Row, position.Column + columns);
    }

    // A character takes the columns of its first code point (half of a surrogate pair, one); control characters (-1), none.
    private static int ColumnsAt(string text, int index) =>
        Rune.TryGetRuneAt(text, index, out var rune) ? Math.Max(0, UnicodeCalculator.GetWidth(rune)) : 1;
}
