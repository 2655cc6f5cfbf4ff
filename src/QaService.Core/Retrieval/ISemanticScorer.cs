using QaService.Indexing;

namespace QaService.Retrieval;

/// <summary>Dense similarity of a question to every sentence and passage of the index (cosine, by key).</summary>
public interface ISemanticScorer
{
    SemanticScores Score(IndexSnapshot snapshot, string question, CancellationToken cancellationToken);
}

public sealed record SemanticScores(float[] Sentences, float[] Passages);
