using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace QaService.Documents;

/// <summary>
/// A Markdown document as the text it reads as, by Markdig: emphasis, links, list and quote markers, fences and HTML
/// go, each block becomes a line, a table row becomes a line of its cells ("port | 5000"), and a paragraph wrapped over
/// several lines is one line again (its sentences are not cut at the wraps). Answers and citations then quote the
/// words, not the markup, and citation offsets point into this text, which <c>/api/documents/{id}</c> serves.
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

        foreach (var table in document.Descendants<Table>().ToList())
        {
            ReplaceByRows(table);
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>A paragraph per row in place of the table, its cells' text joined by " | ".</summary>
    private static void ReplaceByRows(Table table)
    {
        var parent = table.Parent!;
        var at = parent.IndexOf(table);
        parent.RemoveAt(at);
        foreach (var row in table.OfType<TableRow>())
        {
            var line = new ContainerInline();
            foreach (var (cell, column) in row.OfType<TableCell>().Select((c, i) => (c, i)))
            {
                if (column > 0)
                {
                    line.AppendChild(new LiteralInline(" | "));
                }

                foreach (var inlines in cell.OfType<ParagraphBlock>().Select(p => p.Inline).OfType<ContainerInline>())
                {
                    while (inlines.FirstChild is { } inline)
                    {
                        inline.Remove();
                        line.AppendChild(inline);
                    }
                }
            }

            parent.Insert(at++, new ParagraphBlock { Inline = line });
        }
    }
}
