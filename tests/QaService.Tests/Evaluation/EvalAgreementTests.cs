using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using QaService.Tests.Support;
using QaService.Tests.Web;

namespace QaService.Tests.Evaluation;

/// <summary>
/// The <c>eval</c> command scores like the shared <c>qa_eval.py</c>: the script over HTTP against the real service
/// on Kestrel, and the command in-process over the same index and question file, report the same figures.
/// </summary>
public sealed class EvalAgreementTests : IDisposable
{
    private static readonly string[] Figures =
    [
        "answerable", "unanswerable", "follow_ups",
        "answer_accuracy", "strict_accuracy", "hit_at_1", "hit_at_3", "abstention_accuracy", "false_abstention", "follow_up_accuracy",
        "follow_up_hit_at_3", "decision_accuracy", "non_200", "citation_offsets_valid", "mean_answer_chars",
    ];

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static string EvalScript => RepositoryPaths.QaEvalScript;

    [FactNeedingSharedFile("eval/qa_eval.py")]
    public async Task EvalCommand_AndQaEvalScript_ReportTheSameFigures()
    {
        var questions = folder.File("questions.jsonl", SampleOfDevSet());

        // Scoring does not depend on the retrieval mode, so both run BM25-only and the test loads no embedding model.
        await using var app = await KestrelTestApp.StartAsync(new Dictionary<string, string?> { ["Retrieval:Dense"] = "false" });
        await WaitUntilReadyAsync(app);

        var script = await RunScriptAsync(app.BaseAddress, questions);
        var command = await CliRunner.RunAsync(
            ["eval", "--questions", questions, "--mode", "extractive", "--json", $"--Index:Path={app.IndexPath}", "--Retrieval:Dense=false"],
            folder.Path,
            timeout: TimeSpan.FromMinutes(2));

        Assert.True(command.ExitCode == 0, command.ToString());
        var inProcess = JsonNode.Parse(command.StdOut)!.AsObject();
        foreach (var figure in Figures)
        {
            Assert.True(
                Number(script[figure]) == Number(inProcess[figure]),
                $"{figure}: qa_eval.py says {script[figure]?.ToJsonString() ?? "null"}, eval says {inProcess[figure]?.ToJsonString() ?? "null"}");
        }

        // The sample holds every kind of item, so each figure was computed from something.
        Assert.All(Figures, figure => Assert.NotNull(script[figure]));
        Assert.Equal(0, script["non_200"]!.GetValue<int>());
    }

    private static double? Number(JsonNode? value) => value?.GetValue<double>();

    /// <summary>The copied sample of dev.jsonl: answerable questions, unanswerable ones and a dialog.</summary>
    private static string SampleOfDevSet()
    {
        var items = File.ReadLines(RepositoryPaths.DevQuestions).Where(l => l.Trim().Length > 0).ToList();
        var kinds = items.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("kind").GetString()).ToHashSet();
        Assert.Equal(["answerable", "dialog", "unanswerable"], kinds.Order());
        return string.Join('\n', items) + "\n";
    }

    private async Task<JsonObject> RunScriptAsync(Uri baseAddress, string questions)
    {
        var report = Path.Combine(folder.Path, "report.json");
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { EvalScript, "--base-url", baseAddress.ToString().TrimEnd('/'), "--questions", questions, "--mode", "extractive", "--json-out", report })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"qa_eval.py did not finish within 2 minutes:\n{await stdout}\n{await stderr}");
        }

        Assert.True(process.ExitCode == 0, $"qa_eval.py exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        return JsonNode.Parse(await File.ReadAllTextAsync(report))!["summary"]!.AsObject();
    }

    private static async Task WaitUntilReadyAsync(KestrelTestApp app)
    {
        using var client = app.CreateClient();
        var clock = Stopwatch.StartNew();
        while (!(await client.GetAsync("/readyz")).IsSuccessStatusCode)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), "The service was not ready within a minute.");
            await Task.Delay(50);
        }
    }
}
