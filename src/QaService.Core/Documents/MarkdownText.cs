using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace QaService.Documents;

/// <summary>
/// A Markdown document as the text it reads as, by Markdig: emphasis, links, list and quote markers, fences and HTML
/// go, each block becomes a line, and a paragraph wrapped over several lines is one line again (its sentences are not
/// cut at the wraps). Answers and citations then quote the words, not the markup, and citation offsets point into
/// this text, which <c>/api/documents/{id}</c> serves.
/// </summary>
public static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    public static string ToPlainText(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var wrap in document.Descendants<LineBreakInline>().Where(b => !b.IsHard).ToList())
        {
            wrap.ReplaceBy(new LiteralInline(" "));
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }
}
