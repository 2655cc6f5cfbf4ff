using Microsoft.Extensions.Options;
using QaService.Answering;
using QaService.Answering.Learning;
using QaService.Host.Evaluation;
using QaService.Retrieval;

namespace QaService.Host.Training;

/// <summary>
/// Turns question files into training examples: each document gets its own index, and each question its candidate
/// sentences with features, in both retrieval modes, labelled by whether a sentence holds the answer keys.
/// </summary>
internal static class TrainingSetBuilder
{
    public static async Task<Dictionary<string, List<QuestionExample>>> BuildAsync(
        IReadOnlyList<QuestionSource> sources, IReadOnlyList<string> configurationArgs, string? cacheFolder, Action<string> log, CancellationToken cancellationToken)
    {
        var examples = new Dictionary<string, List<QuestionExample>> { [AnswerModel.Hybrid] = [], [AnswerModel.Lexical] = [] };
        foreach (var source in sources)
        {
            var cached = cacheFolder is null ? null : TrainingSetCache.TryRead(cacheFolder, source);
            var extracted = cached ?? await ExtractAsync(source, configurationArgs, log, cancellationToken);
            if (cacheFolder is not null && cached is null)
            {
                TrainingSetCache.Write(cacheFolder, source, extracted);
            }

            foreach (var (mode, list) in extracted)
            {
                examples[mode].AddRange(list);
            }
        }

        return examples;
    }

    private static async Task<Dictionary<string, List<QuestionExample>>> ExtractAsync(
        QuestionSource source, IReadOnlyList<string> configurationArgs, Action<string> log, CancellationToken cancellationToken)
    {
        var examples = new Dictionary<string, List<QuestionExample>> { [AnswerModel.Hybrid] = [], [AnswerModel.Lexical] = [] };
        using var host = await DocumentHost.StartAsync(source.DocumentPath, configurationArgs, cancellationToken);
        var hybrid = host.Services.GetRequiredService<Retriever>();
        var lexical = new Retriever(host.Services.GetRequiredService<IOptions<RetrievalOptions>>());
        if (!hybrid.UsesDense)
        {
            throw new InvalidOperationException("Training needs dense retrieval on (Retrieval:Dense=true).");
        }

        var count = 0;
        foreach (var (question, answerable, keys) in Questions(EvalRunner.ReadItems(source.QuestionsPath)))
        {
            var analysis = QuestionAnalyzer.Analyze(QuestionText.Clean(question, int.MaxValue));
            examples[AnswerModel.Hybrid].Add(Example(source.Name, hybrid.Retrieve(host.Snapshot, analysis, cancellationToken), answerable, keys));
            examples[AnswerModel.Lexical].Add(Example(source.Name, lexical.Retrieve(host.Snapshot, analysis, cancellationToken), answerable, keys));
            count++;
        }

        log($"{source.Name}: {count} questions, {host.Snapshot.Corpus.Sentences.Count} sentences");

        return examples;
    }

    private static QuestionExample Example(string document, RetrievalResult retrieval, bool answerable, IReadOnlyList<IReadOnlyList<string>> keys)
    {
        var candidates = CandidateFeatures.Extract(retrieval);
        var labels = candidates
            .Select(c => answerable && EvalScoring.AnswerCorrect(retrieval.Corpus.Sentences[c.Key].Text, keys))
            .ToArray();
        return new QuestionExample(document, answerable, candidates, labels);
    }

    /// <summary>Standalone questions: answerable and unanswerable items, and the first turn of each dialog.</summary>
    private static IEnumerable<(string Question, bool Answerable, IReadOnlyList<IReadOnlyList<string>> Keys)> Questions(IReadOnlyList<EvalItem> items)
    {
        foreach (var item in items)
        {
            switch (item.Kind)
            {
                case "answerable" when item.Question is not null && item.AnswerKeys is not null:
                    yield return (item.Question, true, item.AnswerKeys);
                    break;
                case "unanswerable" when item.Question is not null:
                    yield return (item.Question, false, []);
                    break;
                case "dialog" when item.Turns is { Count: > 0 }:
                    yield return (item.Turns[0].Question, true, item.Turns[0].AnswerKeys);
                    break;
            }
        }
    }
}
