using Microsoft.Extensions.Logging;
using QaService.Indexing;

namespace QaService.Embeddings;

/// <summary>Loads a generation's stored embeddings, or computes and stores them when missing or made by another model.</summary>
public sealed class EmbeddingStore(IEmbeddingModel model, ILogger<EmbeddingStore> logger)
{
    public string ModelId => model.ModelId;

    /// <summary>
    /// The stored embeddings, or new ones: the sentences <paramref name="previousFolder"/>'s generation already holds
    /// (same text, same model) take its vectors, as a sentence alone is encoded the same wherever it stands, and only the
    /// others are encoded. A <paramref name="progress"/> that is also an <see cref="IProgress{EmbeddingProgress}"/>
    /// hears the counts as batches finish (the console draws a bar from them).
    /// </summary>
    public StoredEmbeddings LoadOrCompute(
        Corpus corpus, string generationFolder, string? previousFolder, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var stored = EmbeddingFile.TryRead(generationFolder, model.ModelId, corpus.Fingerprint, corpus.Sentences.Count);
        if (stored is not null)
        {
            LoadModelNow(cancellationToken);
            logger.LogInformation("Reusing stored embeddings ({Model})", model.ModelId);
            return stored;
        }

        var texts = corpus.Sentences.Select(s => s.Text).ToList();
        var hashes = texts.Select(EmbeddingFile.HashOf).ToList();
        var reusable = previousFolder is null ? [] : EmbeddingFile.ReadReusable(previousFolder, model.ModelId, hashes.ToHashSet());
        var vectors = new float[texts.Count][];
        var missing = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (reusable.TryGetValue(hashes[i], out var vector))
            {
                vectors[i] = vector;
            }
            else
            {
                missing.Add(i);
            }
        }

        progress?.Report(missing.Count == texts.Count
            ? $"embedding {texts.Count} sentences"
            : $"embedding {missing.Count} new sentences ({texts.Count - missing.Count} kept from the previous index)");
        var counts = progress as IProgress<EmbeddingProgress>;
        counts?.Report(new EmbeddingProgress(0, missing.Count));
        var computed = model.EncodeDocuments([.. missing.Select(i => texts[i])], counts is null ? null : new CountsOf(counts, missing.Count), cancellationToken);
        for (var k = 0; k < missing.Count; k++)
        {
            vectors[missing[k]] = computed[k];
        }

        if (missing.Count == 0)
        {
            LoadModelNow(cancellationToken);
        }

        NativeHeap.Trim();
        var embeddings = new StoredEmbeddings(model.ModelId, vectors);
        EmbeddingFile.Write(generationFolder, corpus.Fingerprint, embeddings, texts);
        logger.LogInformation("Computed {Computed} and kept {Kept} sentence embeddings with {Model}", missing.Count, texts.Count - missing.Count, model.ModelId);
        return embeddings;
    }

    /// <summary>Loads the model when nothing was encoded, so the first question after start does not pay for it.</summary>
    private void LoadModelNow(CancellationToken cancellationToken) => _ = model.EncodeQuery("warm up", cancellationToken);

    /// <summary>Passes each count on at once, on the encoding thread (<see cref="Progress{T}"/> would post them out of order).</summary>
    private sealed class CountsOf(IProgress<EmbeddingProgress> counts, int total) : IProgress<int>
    {
        public void Report(int value) => counts.Report(new EmbeddingProgress(value, total));
    }
}
