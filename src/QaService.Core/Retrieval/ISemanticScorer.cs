using QaService.Indexing;

namespace QaService.Retrieval;

/// <summary>Dense similarity of a question to every sentence and passage of the index (cosine, by key).</summary>
public interface ISemanticScorer
{
    SemanticScores Score(IndexSnapshot snapshot, string question, CancellationToken cancellationToken);
}

/// <summary>
/// Cosines by key. <see cref="SentencesByModel"/> holds each embedding model's own sentence cosines when the vectors
/// join several models; <see cref="Sentences"/> is their mean.
/// </summary>
public sealed record SemanticScores(float[] Sentences, float[] Passages, IReadOnlyList<float[]> SentencesByModel);
