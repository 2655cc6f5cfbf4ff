using System.ComponentModel.DataAnnotations;

namespace QaService.Ingestion;

public sealed class ChunkingOptions
{
    public const string SectionName = "Chunking";

    [Range(1, 50)]
    public int SentencesPerPassage { get; set; } = 3;

    /// <summary>Sentences shared by consecutive passages of a paragraph; must be below <see cref="SentencesPerPassage"/>.</summary>
    [Range(0, 49)]
    public int OverlapSentences { get; set; } = 1;
}
