using System.ComponentModel.DataAnnotations;

namespace QaService.Retrieval;

public sealed class RetrievalOptions
{
    public const string SectionName = "Retrieval";

    /// <summary>How many passages a question retrieves (and a reply may cite at most).</summary>
    [Range(1, 50)]
    public int TopK { get; set; } = 5;

    /// <summary>
    /// Whether sentence embeddings (all-MiniLM-L6-v2 and arctic-embed-xs, shipped in NuGet packages) are fused with
    /// BM25. Off: BM25 only, a few hundred MB less memory and no model load at start.
    /// </summary>
    public bool Dense { get; set; } = true;

    /// <summary>Constant k of reciprocal rank fusion: higher flattens the difference between ranks.</summary>
    [Range(1, 1000)]
    public int FusionK { get; set; } = 20;
}
