using Microsoft.Extensions.Logging;
using QaService.Indexing;

namespace QaService.Embeddings;

/// <summary>Loads a generation's stored embeddings, or computes and stores them when missing or made by another model.</summary>
public sealed class EmbeddingStore(IEmbeddingModel model, ILogger<EmbeddingStore> logger)
{
    public string ModelId => model.ModelId;

    public StoredEmbeddings LoadOrCompute(Corpus corpus, string generationFolder, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var stored = EmbeddingFile.TryRead(generationFolder, model.ModelId, corpus.Fingerprint, corpus.Sentences.Count, corpus.Passages.Count);
        if (stored is not null)
        {
            // Load the model now, so the first question after start does not pay for it.
            _ = model.EncodeQuery("warm up", cancellationToken);
            logger.LogInformation("Reusing stored embeddings ({Model})", model.ModelId);
            return stored;
        }

        progress?.Report($"embedding {corpus.Sentences.Count} sentences and {corpus.Passages.Count} passages");
        var computed = new StoredEmbeddings(
            model.ModelId,
            model.EncodeDocuments(corpus.Sentences.Select(s => s.Text).ToList(), cancellationToken),
            model.EncodeDocuments(corpus.Passages.Select(p => p.Text).ToList(), cancellationToken));
        EmbeddingFile.Write(generationFolder, corpus.Fingerprint, computed);
        logger.LogInformation("Computed and stored embeddings with {Model}", model.ModelId);
        return computed;
    }
}
