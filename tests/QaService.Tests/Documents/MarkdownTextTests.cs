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
}
