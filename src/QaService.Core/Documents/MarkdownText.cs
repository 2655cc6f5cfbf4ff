using Markdig;

namespace QaService.Documents;

/// <summary>
/// A Markdown document as the text it reads as, by Markdig: emphasis, links, list and quote markers, fences and HTML
/// tags go, each block becomes a line. Answers and citations then quote the words, not the markup, and citation
/// offsets point into this text, which <c>/api/documents/{id}</c> serves.
/// </summary>
public static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline);
}
