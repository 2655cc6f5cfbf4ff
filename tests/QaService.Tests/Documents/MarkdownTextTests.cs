using QaService.Documents;

namespace QaService.Tests.Documents;

public sealed class MarkdownTextTests
{
    [Fact]
    public void AnHtmlBlock_KeepsTheTextItShows_AsALineOfItsOwn()
    {
        var text = MarkdownText.ToPlainText(
            "Before the block.\n\n<details>\n<summary>Opening hours</summary>\nThe shop opens at <b>nine</b> &amp; closes at five.\n</details>\n\nAfter the block.\n");

        Assert.Equal("Before the block.\nOpening hours The shop opens at nine & closes at five.\nAfter the block.\n", text);
    }

    [Fact]
    public void AnHtmlBlock_LosesItsScriptsStylesAndComments()
    {
        var text = MarkdownText.ToPlainText(
            "<div>\n<!-- draft: cut this -->\n<style>p { color: red; }</style>\n<script>alert('x');</script>\nThe harbour closed in 1972.\n</div>\n\n<!-- a comment alone -->\n");

        Assert.Equal("The harbour closed in 1972.\n", text);
    }

    [Fact]
    public void AnAutolink_KeepsItsAddressWhole()
    {
        var text = MarkdownText.ToPlainText("See <https://x.com/?a=1&b=2> or write to <mailto:a&b@example.com>.\n");

        Assert.Equal("See https://x.com/?a=1&b=2 or write to mailto:a&b@example.com.\n", text);
    }

    [Theory]
    [InlineData("# The *Big* [Plan](http://x) `v2` ##\n\nText.\n", "The Big Plan v2")]
    [InlineData("Intro line.\n\n## Entities &amp; more\n", "Entities & more")]
    [InlineData("# The [Plan][ref]\n\n[ref]: http://example.org\n", "The Plan")]
    [InlineData("No heading here.\n\n```\n# install deps\n```\n", null)]
    public void Read_TitlesTheDocumentWithTheTextItsFirstHeadingShows(string markdown, string? expected) =>
        Assert.Equal(expected, MarkdownText.Read(markdown).Title);

    [Fact]
    public void Read_NamesEveryHeadingByTheLineItShows_AndNothingElse()
    {
        var (text, _, headings) = MarkdownText.Read("# Banana *Bread*\n\nIt is easy.\n\n## Ingredients\n\n- 3 bananas\n\n```\n# not a heading\n```\n");

        Assert.Equal(["Banana Bread", "Ingredients"], headings.Order(StringComparer.Ordinal));
        Assert.All(headings, h => Assert.Contains(h + "\n", text, StringComparison.Ordinal));
    }

    [Fact]
    public void AHeaderWrittenLineByLine_KeepsItsLines_WhileAWrappedParagraphIsOneLine()
    {
        var text = MarkdownText.ToPlainText("To: All staff\n**From:** Priya Raman\nDate: 14 March 2025\n\nWe set a new completion\ndate: 30 June.\n");

        Assert.Equal("To: All staff\nFrom: Priya Raman\nDate: 14 March 2025\nWe set a new completion date: 30 June.\n", text);
    }
}
