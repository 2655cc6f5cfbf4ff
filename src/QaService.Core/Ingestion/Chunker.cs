using Microsoft.Extensions.Options;
using QaService.Documents;

namespace QaService.Ingestion;

/// <summary>Turns a document into sentences and into passages: overlapping windows of whole sentences within a paragraph.</summary>
public sealed class Chunker(IOptions<ChunkingOptions> options)
{
    public ChunkedDocument Chunk(SourceDocument document)
    {
        var sentences = SentenceSplitter.Split(document.Text)
            .Select((span, ordinal) => new Sentence(
                document.Id, ordinal, span.Paragraph, span.Start, span.End, document.Text[span.Start..span.End]))
            .ToList();
        return new ChunkedDocument(document, sentences, BuildPassages(document, sentences));
    }

    private List<Passage> BuildPassages(SourceDocument document, List<Sentence> sentences)
    {
        var size = options.Value.SentencesPerPassage;
        var step = size - options.Value.OverlapSentences;
        var passages = new List<Passage>();
        foreach (var paragraph in sentences.GroupBy(s => s.Paragraph))
        {
            var inParagraph = paragraph.ToList();
            for (var first = 0; ; first += step)
            {
                var last = Math.Min(first + size, inParagraph.Count) - 1;
                var start = inParagraph[first].Start;
                var end = inParagraph[last].End;
                passages.Add(new Passage(
                    $"{document.Id}#{passages.Count}",
                    document.Id,
                    passages.Count,
                    paragraph.Key,
                    inParagraph[first].Ordinal,
                    inParagraph[last].Ordinal,
                    start,
                    end,
                    document.Text[start..end]));
                if (last == inParagraph.Count - 1)
                {
                    break;
                }
            }
        }

        return passages;
    }
}
