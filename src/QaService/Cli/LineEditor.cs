using System.Globalization;
using System.Text;

namespace QaService.Host.Cli;

/// <summary>
/// Reads a line at an interactive terminal with editing (←, →, Home, End, Backspace, Delete, Ctrl+U) and history
/// (↑, ↓); Ctrl+C starts the line afresh, Ctrl+D on an empty line ends the input.
/// </summary>
internal sealed class LineEditor
{
    private readonly List<string> history = [];

    public string? ReadLine(string prompt)
    {
        // Ctrl+C arrives as a key while a line is edited, and clears it, as in a shell; it stops the REPL only through
        // Ctrl+D or /quit.
        Console.TreatControlCAsInput = true;
        try
        {
            return Read(prompt);
        }
        finally
        {
            Console.TreatControlCAsInput = false;
        }
    }

    private string? Read(string prompt)
    {
        Console.Write(prompt);
        var line = new StringBuilder();
        var cursor = 0;
        var historyIndex = history.Count;
        var view = new WrappedLine(prompt, Console.WindowWidth);
        char? pendingHalf = null;
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    // From the end of the line, so the answer starts below all of it.
                    Console.Write(view.Redraw(line.ToString(), line.Length));
                    Console.WriteLine();
                    var text = line.ToString();
                    if (text.Trim().Length > 0 && (history.Count == 0 || history[^1] != text))
                    {
                        history.Add(text);
                    }

                    return text;
                case ConsoleKey.D when key.Modifiers.HasFlag(ConsoleModifiers.Control) && line.Length == 0:
                    Console.WriteLine();
                    return null;
                case ConsoleKey.C when key.Modifiers.HasFlag(ConsoleModifiers.Control):
                    Console.Write(view.Redraw(line.ToString(), line.Length));
                    Console.WriteLine("^C");
                    Console.Write(prompt);
                    line.Clear();
                    cursor = 0;
                    historyIndex = history.Count;
                    view = new WrappedLine(prompt, Console.WindowWidth);
                    continue;
                case ConsoleKey.U when key.Modifiers.HasFlag(ConsoleModifiers.Control):
                    line.Remove(0, cursor);
                    cursor = 0;
                    break;
                case ConsoleKey.Backspace when cursor > 0:
                    var before = PreviousCharacter(line, cursor);
                    line.Remove(before, cursor - before);
                    cursor = before;
                    break;
                case ConsoleKey.Delete when cursor < line.Length:
                    line.Remove(cursor, NextCharacter(line, cursor) - cursor);
                    break;
                case ConsoleKey.LeftArrow when cursor > 0:
                    cursor = PreviousCharacter(line, cursor);
                    break;
                case ConsoleKey.RightArrow when cursor < line.Length:
                    cursor = NextCharacter(line, cursor);
                    break;
                case ConsoleKey.Home:
                    cursor = 0;
                    break;
                case ConsoleKey.End:
                    cursor = line.Length;
                    break;
                case ConsoleKey.UpArrow when historyIndex > 0:
                    Replace(line, history[--historyIndex], ref cursor);
                    break;
                case ConsoleKey.DownArrow when historyIndex < history.Count:
                    historyIndex++;
                    Replace(line, historyIndex == history.Count ? "" : history[historyIndex], ref cursor);
                    break;
                default:
                    // An emoji comes as two keys, the halves of a surrogate pair: the first waits for the second.
                    if (char.IsControl(key.KeyChar) || char.IsHighSurrogate(key.KeyChar))
                    {
                        pendingHalf = char.IsHighSurrogate(key.KeyChar) ? key.KeyChar : null;
                        continue;
                    }

                    var typed = pendingHalf is { } half && char.IsLowSurrogate(key.KeyChar) ? new string([half, key.KeyChar]) : key.KeyChar.ToString();
                    pendingHalf = null;
                    if (char.IsLowSurrogate(typed[0]))
                    {
                        continue;
                    }

                    line.Insert(cursor, typed);
                    cursor += typed.Length;

                    // Typing (or pasting) at the end only echoes, so a long paste costs its length, not its square;
                    // unless what was typed joins the character before it (an accent, an emoji's modifier).
                    if (cursor == line.Length && PreviousCharacter(line, cursor) == cursor - typed.Length)
                    {
                        Console.Write(view.Append(typed));
                        continue;
                    }

                    break;
            }

            Console.Write(view.Redraw(line.ToString(), cursor));
        }
    }

    /// <summary>Where the character (a letter with its accents, an emoji with its modifiers) before <paramref name="index"/> starts.</summary>
    private static int PreviousCharacter(StringBuilder line, int index)
    {
        // A character is far shorter than this in practice: the text just before the index is enough to find its
        // start, so a key costs the same at the end of a long paste as at the start of the line.
        const int Reach = 32;
        var from = Math.Max(0, index - Reach);
        var text = line.ToString(from, index - from);
        var start = 0;
        for (var at = 0; at < text.Length; at += StringInfo.GetNextTextElementLength(text.AsSpan(at)))
        {
            start = at;
        }

        return from + start;
    }

    /// <summary>Where the character that starts at <paramref name="index"/> ends.</summary>
    private static int NextCharacter(StringBuilder line, int index) =>
        index + Math.Max(1, StringInfo.GetNextTextElementLength(line.ToString(index, line.Length - index)));

    private static void Replace(StringBuilder line, string text, ref int cursor)
    {
        line.Clear().Append(text);
        cursor = line.Length;
    }
}
