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
        foreach (var typed in line)
        {
            view.Append(typed.ToString());
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

        foreach (var typed in "aaaaaaa")
        {
            Assert.Equal("a", view.Append(typed.ToString()));
        }

        Assert.Equal("a\r\n", view.Append("a"));
        Assert.Equal(1, view.Row);

        var output = view.Redraw(new string('a', 18), 18);

        Assert.EndsWith($"{new string('a', 18)}\r\n\r", output, StringComparison.Ordinal);
        Assert.Equal(2, view.Row);
    }

    [Fact]
    public void WideCharacters_TakeTwoColumns_SoAFullRowOfThemWraps()
    {
        var view = new WrappedLine("> ", 10);

        Assert.Equal(["中", "文", "中", "文\r\n"], "中文中文".Select(c => view.Append(c.ToString())).ToArray());
        Assert.Equal(1, view.Row);

        // The cursor on the third character stands after four columns of text, not two.
        Assert.Equal($"{Esc}1A\r{Esc}J> 中文中文abc{Esc}1A\r{Esc}6C", view.Redraw("中文中文abc", 2));
        Assert.Equal(0, view.Row);
    }

    [Fact]
    public void AWideCharacterThatDoesNotFitAtTheEndOfARow_StartsTheNext_AndTheCursorFollowsIt()
    {
        var view = new WrappedLine("> ", 10);
        foreach (var typed in "abcdefg")
        {
            view.Append(typed.ToString());
        }

        // Nine columns are taken: the terminal puts the next two-column character at the start of the next row.
        Assert.Equal("中", view.Append("中"));
        Assert.Equal(1, view.Row);

        // With the cursor on that character, it stands at the start of the second row, not at the end of the first.
        Assert.Equal($"{Esc}1A\r{Esc}J> abcdefg中\r", view.Redraw("abcdefg中", 7));
        Assert.Equal(1, view.Row);
    }

    [Fact]
    public void AnEmojiTypedAtTheEnd_TakesTwoColumns_AndWrapsAFullRow()
    {
        var view = new WrappedLine("> ", 10);
        foreach (var typed in "abcdef")
        {
            view.Append(typed.ToString());
        }

        Assert.Equal("😀\r\n", view.Append("😀"));
        Assert.Equal(1, view.Row);
    }

    [Fact]
    public void AnEmojiWithAModifier_TakesTheTwoColumnsOfItsFirstCodePoint()
    {
        var view = new WrappedLine("> ", 10);

        // 👍🏽 is two code points (four UTF-16 units) drawn as one two-column emoji: the "!" after it starts at column 4.
        Assert.Equal($"\r{Esc}J> 👍🏽!\r{Esc}4C", view.Redraw("👍🏽!", 4));
    }

    [Fact]
    public void OnATerminalOneColumnWide_AWideCharacterTakesItsRow_AndTheRowsCountedMatchTheScreen()
    {
        var view = new WrappedLine("", 1);

        // 中 fills row 0, "a" row 1, and the cursor waits to wrap: it is wrapped onto row 2.
        Assert.EndsWith("中a\r\n\r", view.Redraw("中a", 2), StringComparison.Ordinal);
        Assert.Equal(2, view.Row);
    }

    [Fact]
    public void ACombiningAccent_TakesNoColumn()
    {
        var view = new WrappedLine("> ", 10);

        // The cursor on the "!" stands after six columns: the prompt's two and "café".
        Assert.Equal($"\r{Esc}J> cafe\u0301!\r{Esc}6C", view.Redraw("cafe\u0301!", 5));
    }
}
