using BenchmarkDotNet.Attributes;
using QaService.Answering;
using QaService.Retrieval;

namespace QaService.Benchmarks;

/// <summary>
/// One question through the whole in-process pipeline, hybrid against BM25-only, with a bare Lucene BM25 search
/// over the same index as the baseline each is compared with.
/// </summary>
[MemoryDiagnoser]
public class AskBenchmarks : IDisposable
{
    // Paraphrased, lower-case and keyword questions, written for the benchmark (not taken from the eval sets).
    private static readonly string[] Questions =
    [
        "who visited islamabad from tehran",
        "What happened to the Indian jets?",
        "Why is Pakistan worried about Israel's influence in Iran?",
        "gaza ceasefire",
        "How many days did the India Pakistan clash go on?",
    ];

    private PipelineHost host = null!;
    private int next;

    [Params(false, true)]
    public bool Dense { get; set; }

    [GlobalSetup]
    public void Setup() => host = new PipelineHost(Dense);

    [GlobalCleanup]
    public void Dispose()
    {
        host.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public int LuceneSearchOnly()
    {
        var snapshot = host.Index.GetReadyAsync(CancellationToken.None).Result;
        var question = QuestionAnalyzer.Analyze(Questions[next++ % Questions.Length]);
        return Bm25Search.Search(snapshot, Bm25Search.WeightedTerms(question, snapshot.Corpus), "passage", 5).Count;
    }

    [Benchmark]
    public async Task<int> Ask()
    {
        var reply = await host.Asker.AskAsync(new AskRequest(Questions[next++ % Questions.Length]), CancellationToken.None);
        return reply.Citations.Count;
    }
}
