using System.Text;

namespace QaService.Host.Cli;

/// <summary>
/// Redraws an edited line that may wrap over several rows of a terminal <see cref="Width"/> columns wide: back up to
/// the row the prompt is on, clear to the end of the screen, write the prompt and the line, and put the cursor where
/// it belongs. <see cref="Row"/> is the row of the cursor, counted from the prompt's. One column per character.
/// </summary>
internal sealed class WrappedLine(string prompt, int width)
{
    private const string Escape = "\u001b[";

    public int Width { get; } = Math.Max(1, width);

    public int Row { get; private set; }

    /// <summary>What to write to show <paramref name="line"/> with the cursor at <paramref name="cursor"/>.</summary>
    public string Redraw(string line, int cursor)
    {
        var output = new StringBuilder();
        if (Row > 0)
        {
            output.Append(Escape).Append(Row).Append('A');
        }

        output.Append('\r').Append(Escape).Append('J').Append(prompt).Append(line);
        var end = prompt.Length + line.Length;
        if (end > 0 && end % Width == 0)
        {
            // A full last row leaves the cursor waiting to wrap; wrap it, so its row is the one counted below.
            output.Append("\r\n");
        }

        var (endRow, target) = (end / Width, prompt.Length + cursor);
        Row = target / Width;
        if (endRow > Row)
        {
            output.Append(Escape).Append(endRow - Row).Append('A');
        }

        output.Append('\r');
        if (target % Width > 0)
        {
            output.Append(Escape).Append(target % Width).Append('C');
        }

        return output.ToString();
    }

    /// <summary>What to write when one character is typed at the end of the line, which is all there is to show.</summary>
    public string Append(char typed, int lengthAfter)
    {
        var end = prompt.Length + lengthAfter;
        Row = end / Width;
        return end % Width == 0 ? typed + "\r\n" : typed.ToString();
    }
}
