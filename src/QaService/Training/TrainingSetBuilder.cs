using Microsoft.Extensions.Options;
using QaService.Answering;
using QaService.Answering.Learning;
using QaService.Host.Evaluation;
using QaService.Indexing;
using QaService.Retrieval;

namespace QaService.Host.Training;

/// <summary>
/// Turns question files into training examples: each document gets its own index, and each question its candidate
/// sentences with features, in both retrieval modes, labelled by whether a sentence holds the answer keys. On
/// request, each answerable question also comes back rewritten to mislead, as an unanswerable one.
/// </summary>
internal static class TrainingSetBuilder
{
    public static async Task<Dictionary<string, List<QuestionExample>>> BuildAsync(
        IReadOnlyList<QuestionSource> sources, IReadOnlyList<string> configurationArgs, string? cacheFolder, bool misleading, Action<string> log,
        CancellationToken cancellationToken)
    {
        var examples = new Dictionary<string, List<QuestionExample>> { [AnswerModel.Hybrid] = [], [AnswerModel.Lexical] = [] };
        foreach (var source in sources)
        {
            var cached = cacheFolder is null ? null : TrainingSetCache.TryRead(cacheFolder, source, misleading);
            var extracted = cached ?? await ExtractAsync(source, configurationArgs, misleading, log, cancellationToken);
            if (cacheFolder is not null && cached is null)
            {
                TrainingSetCache.Write(cacheFolder, source, misleading, extracted);
            }

            foreach (var (mode, list) in extracted)
            {
                examples[mode].AddRange(list);
            }
        }

        return examples;
    }

    private static async Task<Dictionary<string, List<QuestionExample>>> ExtractAsync(
        QuestionSource source, IReadOnlyList<string> configurationArgs, bool misleading, Action<string> log, CancellationToken cancellationToken)
    {
        var examples = new Dictionary<string, List<QuestionExample>> { [AnswerModel.Hybrid] = [], [AnswerModel.Lexical] = [] };
        using var host = await DocumentHost.StartAsync(source.DocumentPath, configurationArgs, cancellationToken);
        var hybrid = host.Services.GetRequiredService<Retriever>();
        var lexical = new Retriever(host.Services.GetRequiredService<IOptions<RetrievalOptions>>());
        if (!hybrid.UsesDense)
        {
            throw new InvalidOperationException("Training needs dense retrieval on (Retrieval:Dense=true).");
        }

        var (count, aboutTheDocument) = (0, 0);
        var corpus = host.Snapshot.Corpus;
        var documentNames = MisleadingQuestion.NamesIn(corpus.Sentences.Select(s => s.Text));
        foreach (var (question, answerable, keys) in Questions(QuestionFile.Read(source.QuestionsPath)))
        {
            var analysis = QuestionAnalyzer.Analyze(QuestionText.Clean(question, int.MaxValue));
            var rewritten = misleading && answerable ? Misleading(question, keys, corpus, documentNames) : null;
            foreach (var (mode, retriever) in new[] { (AnswerModel.Hybrid, hybrid), (AnswerModel.Lexical, lexical) })
            {
                var retrieval = retriever.Retrieve(host.Snapshot, analysis, cancellationToken);
                if (ExtractiveAnswerer.IsAboutTheDocument(retrieval.Question, corpus))
                {
                    aboutTheDocument += mode == AnswerModel.Hybrid ? 1 : 0;
                    continue;
                }

                examples[mode].Add(Example(source.Name, retrieval, answerable, keys));
                if (rewritten is not null)
                {
                    examples[mode].Add(Example(source.Name, retriever.Retrieve(host.Snapshot, rewritten, cancellationToken), false, []) with { Misleading = true });
                }
            }

            count++;
        }

        var left = aboutTheDocument == 0 ? "" : $" ({aboutTheDocument} about the document itself, answered without ranking, left out)";
        log($"{source.Name}: {count} questions{left}, {host.Snapshot.Corpus.Sentences.Count} sentences");

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

    /// <summary>
    /// The answerable question rewritten to look answerable and not be (see <see cref="MisleadingQuestion"/>), with a
    /// name taken from outside the sentences that answer it; null when it has nothing to rewrite.
    /// </summary>
    private static QuestionAnalysis? Misleading(string question, IReadOnlyList<IReadOnlyList<string>> keys, Corpus corpus, IReadOnlyList<string> documentNames)
    {
        var answerNames = MisleadingQuestion.NamesIn(corpus.Sentences.Select(s => s.Text).Where(text => EvalScoring.AnswerCorrect(text, keys)));
        var rewritten = MisleadingQuestion.Of(question, [.. documentNames.Except(answerNames)]);
        return rewritten is null ? null : QuestionAnalyzer.Analyze(QuestionText.Clean(rewritten, int.MaxValue));
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
