using Microsoft.Extensions.Logging;
using QaService.Indexing;

namespace QaService.Embeddings;

/// <summary>Loads a generation's stored embeddings, or computes and stores them when missing or made by another model.</summary>
public sealed class EmbeddingStore(IEmbeddingModel model, ILogger<EmbeddingStore> logger)
{
    public string ModelId => model.ModelId;

    /// <summary>
    /// The stored embeddings, or new ones. A <paramref name="progress"/> that is also an
    /// <see cref="IProgress{EmbeddingProgress}"/> hears the counts as batches finish (the console draws a bar from them).
    /// </summary>
    public StoredEmbeddings LoadOrCompute(Corpus corpus, string generationFolder, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var stored = EmbeddingFile.TryRead(generationFolder, model.ModelId, corpus.Fingerprint, corpus.Sentences.Count);
        if (stored is not null)
        {
            // Load the model now, so the first question after start does not pay for it.
            _ = model.EncodeQuery("warm up", cancellationToken);
            logger.LogInformation("Reusing stored embeddings ({Model})", model.ModelId);
            return stored;
        }

        var texts = corpus.Sentences.Select(s => s.Text).ToList();
        progress?.Report($"embedding {corpus.Sentences.Count} sentences");
        var counts = progress as IProgress<EmbeddingProgress>;
        counts?.Report(new EmbeddingProgress(0, texts.Count));
        var vectors = model.EncodeDocuments(texts, counts is null ? null : new CountsOf(counts, texts.Count), cancellationToken);
        NativeHeap.Trim();
        var computed = new StoredEmbeddings(model.ModelId, vectors);
        EmbeddingFile.Write(generationFolder, corpus.Fingerprint, computed);
        logger.LogInformation("Computed and stored embeddings with {Model}", model.ModelId);
        return computed;
    }

    /// <summary>Passes each count on at once, on the encoding thread (<see cref="Progress{T}"/> would post them out of order).</summary>
    private sealed class CountsOf(IProgress<EmbeddingProgress> counts, int total) : IProgress<int>
    {
        public void Report(int value) => counts.Report(new EmbeddingProgress(value, total));
    }
}
