using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using QaService.Answering.Learning;
using QaService.Retrieval;

namespace QaService.Benchmarks;

/// <summary>
/// Where one BM25-only question's time goes after retrieval: extracting the candidates' features, the ranker over
/// them, and the two question models; against retrieval itself as the baseline.
/// </summary>
[MemoryDiagnoser]
public class AnswerStageBenchmarks : IDisposable
{
    private const string Question = "How many days did the India Pakistan clash go on?";

    private PipelineHost host = null!;
    private Retriever retriever = null!;
    private ModelSet models = null!;
    private QuestionAnalysis analysis = null!;
    private RetrievalResult retrieval = null!;
    private IReadOnlyList<Candidate> candidates = null!;
    private List<(Candidate Candidate, float Probability)> ranked = null!;

    [GlobalSetup]
    public void Setup()
    {
        host = new PipelineHost(dense: false);
        retriever = host.Services.GetRequiredService<Retriever>();
        models = host.Services.GetRequiredService<AnswerModel>().For(dense: false);
        analysis = QuestionAnalyzer.Analyze(Question);
        retrieval = retriever.Retrieve(host.Snapshot, analysis, CancellationToken.None);
        candidates = CandidateFeatures.Extract(retrieval);
        var probabilities = models.Rank(candidates);
        ranked = [.. candidates.Select((c, i) => (c, probabilities[i])).OrderByDescending(r => r.Item2)];
    }

    [GlobalCleanup]
    public void Dispose()
    {
        host.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public int Retrieve() => retriever.Retrieve(host.Snapshot, analysis, CancellationToken.None).Passages.Count;

    [Benchmark]
    public int ExtractFeatures() => CandidateFeatures.Extract(retrieval).Count;

    [Benchmark]
    public int RankCandidates() => models.Rank(candidates).Length;

    [Benchmark]
    public double JudgeQuestion() => models.Judge(QuestionFeatures.Of(ranked)).Correct;
}
