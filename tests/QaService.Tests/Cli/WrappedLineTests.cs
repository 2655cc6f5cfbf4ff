using QaService.Host.Cli;

namespace QaService.Tests.Cli;

/// <summary>The REPL's redraw of a line longer than the terminal is wide (10 columns here, prompt "> ").</summary>
public sealed class WrappedLineTests
{
    private const string Esc = "\u001b[";

    [Fact]
    public void Redraw_BacksUpToThePromptsRow_ClearsBelow_AndPutsTheCursorOnItsRow()
    {
        var view = new WrappedLine("> ", 10);
        var line = new string('a', 23);
        foreach (var length in Enumerable.Range(1, line.Length))
        {
            view.Append('a', length);
        }

        Assert.Equal(2, view.Row);

        // Cursor moved back to the 5th character: up 2 rows, clear, rewrite, then from the end (row 2) up to row 0.
        var output = view.Redraw(line, 5);

        Assert.Equal($"{Esc}2A\r{Esc}J> {line}{Esc}2A\r{Esc}7C", output);
        Assert.Equal(0, view.Row);

        // The next redraw starts from row 0: nothing to back up over.
        Assert.StartsWith($"\r{Esc}J> ", view.Redraw(line[..22], 5), StringComparison.Ordinal);
    }

    [Fact]
    public void ALineThatFillsItsLastRow_WrapsTheCursor_SoTheRowsCountedMatchTheScreen()
    {
        var view = new WrappedLine("> ", 10);

        Assert.Equal("a\r\n", view.Append('a', 8));
        Assert.Equal(1, view.Row);

        var output = view.Redraw(new string('a', 18), 18);

        Assert.EndsWith($"{new string('a', 18)}\r\n\r", output, StringComparison.Ordinal);
        Assert.Equal(2, view.Row);
    }
}
