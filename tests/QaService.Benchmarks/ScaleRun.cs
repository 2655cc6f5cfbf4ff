using System.Diagnostics;
using QaService.Answering;
using QaService.Indexing;
using QaService.Retrieval;

namespace QaService.Benchmarks;

/// <summary>
/// <c>scale [documents] [--dense]</c>: builds a BM25 index (with <c>--dense</c>, a hybrid one: every sentence embedded
/// too) over generated documents (10,000 by default) and reports the build time, the memory it takes, ask latency
/// p50/p99 in process (questions never asked before), and BM25 retrieval throughput on one thread. One-shot
/// figures (a build, percentiles over many questions) rather than BenchmarkDotNet's repeated runs of one method;
/// <see cref="ScaleBenchmarks"/> measures the same BM25 search with BenchmarkDotNet.
/// </summary>
internal static class ScaleRun
{
    public static int Run(int documents, bool dense)
    {
        var corpus = ScaleCorpus.Load();
        var folder = Path.Combine(Path.GetTempPath(), "qaservice-scale", Guid.NewGuid().ToString("N"));
        Console.WriteLine($"Documents: {documents:N0}, made from {corpus.Source}");
        try
        {
            var paths = corpus.Write(Path.Combine(folder, "docs"), documents);
            var rssBefore = ResidentMegabytes();
            var clock = Stopwatch.StartNew();
            using var host = new PipelineHost(dense, Settings(paths));
            var built = clock.Elapsed;
            var snapshot = host.Snapshot;
            Console.WriteLine($"Index build ({(dense ? "hybrid" : "BM25")}): {built.TotalSeconds:N1} s, {CpuSeconds():N0} s of CPU, for {snapshot.Corpus.Passages.Count:N0} passages and {snapshot.Corpus.Sentences.Count:N0} sentences, {snapshot.Searcher.IndexReader.Leaves.Count} Lucene segment(s)");
            GC.Collect();
            Console.WriteLine($"Memory after build: resident {ResidentMegabytes():N0} MB (before {rssBefore:N0} MB, peak {PeakMegabytes():N0} MB), managed heap {GC.GetTotalMemory(false) / 1048576.0:N0} MB");

            var questions = corpus.Questions(2_000);
            var latencies = AskLatencies(host.Asker, questions.Take(Environment.GetEnvironmentVariable("SCALE_ASKS") is { } asks ? int.Parse(asks) : 500).ToList());
            Console.WriteLine($"Ask in process, one at a time ({latencies.Length} questions): p50 {Percentile(latencies, 0.50):N2} ms, p99 {Percentile(latencies, 0.99):N2} ms");

            var (searches, seconds, cpuSeconds) = Bm25Throughput(snapshot, questions, TimeSpan.FromSeconds(5));
            Console.WriteLine($"BM25 retrieval, one thread: {searches / seconds:N0} queries/s, {searches / cpuSeconds:N0} per CPU-second "
                + $"({searches:N0} searches in {seconds:N1} s, {cpuSeconds:N1} s of CPU; target ≥ 4,000; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static Dictionary<string, string?> Settings(IReadOnlyList<string> paths)
    {
        var settings = new Dictionary<string, string?> { ["Documents:IncludeBuiltIn"] = "false" };
        for (var i = 0; i < paths.Count; i++)
        {
            settings[$"Documents:Sources:{i}:Path"] = paths[i];
        }

        return settings;
    }

    private static double[] AskLatencies(Asker asker, List<string> questions)
    {
                var latencies = new List<double>(questions.Count);
        foreach (var question in questions)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                _ = asker.AskAsync(new AskRequest(question), CancellationToken.None).GetAwaiter().GetResult();
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A failing question is the answerer's bug, not a reason to lose the figures: name it and go on.
                Console.WriteLine($"  ask failed ({e.GetType().Name}: {e.Message}) for: {question}");
            }
        }

        latencies.Sort();
        return [.. latencies];
    }

    /// <summary>What the retriever runs for BM25: the question analysed, its terms expanded, one passage search.</summary>
    /// <summary>
    /// Also counts the process's CPU time over the loop (one thread searching; the collector's work is in it too), so a
    /// machine shared with other work still gives a fair figure: queries per CPU-second.
    /// </summary>
    private static (int Searches, double Seconds, double CpuSeconds) Bm25Throughput(IndexSnapshot snapshot, IReadOnlyList<string> questions, TimeSpan duration)
    {
        var analysed = questions.Select(QuestionAnalyzer.Analyze).ToList();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var searches = 0;
        while (clock.Elapsed < duration)
        {
            var question = analysed[searches % analysed.Count];
            _ = Bm25Search.Search(snapshot, Bm25Search.WeightedTerms(question, snapshot.Corpus), IndexFormat.PassageKind, 10);
            searches++;
        }

        return (searches, clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static double ResidentMegabytes() => Status("VmRSS:");

    private static double PeakMegabytes() => Status("VmHWM:");

    private static double Status(string key) =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024).FirstOrDefault();
}
