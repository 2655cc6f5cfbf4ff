using System.Numerics.Tensors;
using QaService.Indexing;
using QaService.Retrieval;

namespace QaService.Embeddings;

/// <summary>Embeds the question (or finds it embedded already) and scores it against every stored sentence and passage vector.</summary>
public sealed class DenseScorer(QuestionVectors questions) : ISemanticScorer
{
    public SemanticScores Score(IndexSnapshot snapshot, string question, CancellationToken cancellationToken)
    {
        var embeddings = snapshot.Embeddings
            ?? throw new InvalidOperationException("Dense retrieval is on but the index has no embeddings.");
        var query = questions.Get(question, cancellationToken);
        return new SemanticScores(Similarities(query, embeddings.Sentences), Similarities(query, embeddings.Passages));
    }

    private static float[] Similarities(float[] query, float[][] vectors)
    {
        var scores = new float[vectors.Length];
        for (var i = 0; i < vectors.Length; i++)
        {
            scores[i] = TensorPrimitives.Dot(query, vectors[i]);
        }

        return scores;
    }
}
