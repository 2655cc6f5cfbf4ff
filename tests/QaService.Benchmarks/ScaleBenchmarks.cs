using BenchmarkDotNet.Attributes;
using QaService.Indexing;
using QaService.Retrieval;

namespace QaService.Benchmarks;

/// <summary>
/// One BM25 passage search (top 10) over 10,000 generated documents, as the retriever runs it: the analysed question's
/// terms expanded, the query built and searched. Questions are analysed beforehand; one question per call, in turn.
/// 1 s divided by the mean is the single-thread throughput (target: 4,000 queries/s).
/// </summary>
[MemoryDiagnoser]
public class ScaleBenchmarks : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "qaservice-scale", Guid.NewGuid().ToString("N"));
    private PipelineHost host = null!;
    private IndexSnapshot snapshot = null!;
    private List<QuestionAnalysis> questions = null!;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        var corpus = ScaleCorpus.Load();
        var paths = corpus.Write(folder, 10_000);
        host = new PipelineHost(dense: false, ScaleRun.Settings(paths));
        snapshot = host.Snapshot;
        questions = corpus.Questions(2_000).Select(QuestionAnalyzer.Analyze).ToList();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        host.Dispose();
        Directory.Delete(folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public int Bm25Search10kDocuments()
    {
        var question = questions[next++ % questions.Count];
        return Bm25Search.Search(snapshot, Bm25Search.WeightedTerms(question, snapshot.Corpus), IndexFormat.PassageKind, 10).Count;
    }
}
