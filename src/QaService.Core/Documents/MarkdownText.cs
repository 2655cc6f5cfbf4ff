using System.Net;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace QaService.Documents;

/// <summary>
/// A Markdown document as the text it reads as, by Markdig: emphasis, links, list and quote markers, fences and HTML
/// tags go (an HTML block keeps the text it shows, not its scripts, styles or comments), each block becomes a line, a
/// table row becomes a line of its cells ("port | 5000"), and a paragraph wrapped over several lines is one line
/// again (its sentences are not cut at the wraps). Answers and citations then quote the words, not the markup, and
/// citation offsets point into this text, which <c>/api/documents/{id}</c> serves.
/// </summary>
public static partial class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    public static string ToPlainText(string markdown) => Read(markdown).Text;

    /// <summary>
    /// The text, the text of its first heading if it has one ("The Big Plan v2" for
    /// <c># The *Big* [Plan](…) `v2` ##</c>), and the text of every heading, from one reading of the document.
    /// </summary>
    public static (string Text, string? Title, IReadOnlySet<string> Headings) Read(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        // A header of a memo or a letter ("To: …", "From: …", "Date: …") is written line by line, and keeps its lines;
        // prose wrapped before a word and a colon ("… the completion\ndate: 30 June") is one line again.
        var lines = markdown.Split('\n');
        foreach (var wrap in document.Descendants<LineBreakInline>().Where(b => !b.IsHard).ToList())
        {
            if (wrap.Line + 1 < lines.Length && HeaderLine.IsField(lines[wrap.Line]) && HeaderLine.IsField(lines[wrap.Line + 1]))
            {
                wrap.IsHard = true;
            }
            else
            {
                wrap.ReplaceBy(new LiteralInline(" "));
            }
        }

        foreach (var table in document.Descendants<Table>().ToList())
        {
            ReplaceByRows(table);
        }

        foreach (var html in document.Descendants<HtmlBlock>().ToList())
        {
            ReplaceByText(html);
        }

        // Written as links, their addresses would be URL-escaped, which without HTML escaping drops any '&'.
        foreach (var link in document.Descendants<AutolinkInline>().ToList())
        {
            link.ReplaceBy(new LiteralInline(link.Url));
        }

        var headings = document.Descendants<HeadingBlock>().Select(h => Render(h).Trim()).Where(h => h.Length > 0).ToList();
        return (Render(document), headings.FirstOrDefault(), headings.ToHashSet(StringComparer.Ordinal));
    }

    private static string Render(MarkdownObject markdown)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        Pipeline.Setup(renderer);
        renderer.Render(markdown);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>A paragraph of the text an HTML block shows in place of the block; nothing when it shows none.</summary>
    private static void ReplaceByText(HtmlBlock html)
    {
        var parent = html.Parent!;
        var at = parent.IndexOf(html);
        parent.RemoveAt(at);
        var hidden = HiddenHtml().Replace(html.Lines.ToString(), " ");
        var text = Whitespace().Replace(WebUtility.HtmlDecode(Tag().Replace(hidden, " ")), " ").Trim();
        if (text.Length > 0)
        {
            parent.Insert(at, new ParagraphBlock { Inline = new ContainerInline().AppendChild(new LiteralInline(text)) });
        }
    }

    [GeneratedRegex(@"<!--.*?(-->|$)|<(script|style)\b.*?(</\2\s*>|$)", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HiddenHtml();

    [GeneratedRegex("<[A-Za-z/!?][^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

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
