using System.IO.Compression;
using System.Text.Json.Nodes;
using QaService.Tests.Support;

namespace QaService.Tests.Answering;

/// <summary>
/// The <c>train</c> command, run as the built host: it rebuilds a model file from question files, the same data gives
/// the same model, the service answers with the file it wrote, and refuses a file made for other features.
/// </summary>
public sealed class TrainCommandTests : IDisposable
{
    private static readonly TimeSpan TrainTimeout = TimeSpan.FromMinutes(4);
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    // Two question files about the built-in article stand for two documents, so the folds hold out whole files.
    private static string[] TrainingFiles =>
        [Path.Combine(RepositoryPaths.Root, "tests", "questions", "heldout-1.jsonl"), Path.Combine(RepositoryPaths.Root, "tests", "questions", "heldout-2.jsonl")];

    private Task<CliResult> TrainAsync(string output) =>
        CliRunner.RunAsync(["train", "--data", .. TrainingFiles, "--out", output, "--folds", "2", "--Retrieval:Dense=true"], folder.Path, timeout: TrainTimeout);

    private Task<CliResult> AskAsync(string model, string question) =>
        CliRunner.RunAsync(["ask", "--json", question, $"--Answering:ModelPath={model}", "--Answering:MinConfidence=0"], folder.Path, timeout: TrainTimeout);

    [Fact]
    public async Task Train_TwiceOnTheSameData_WritesModelsThatAnswerAlike()
    {
        var first = Path.Combine(folder.Path, "first.zip");
        var second = Path.Combine(folder.Path, "second.zip");

        var trainedFirst = await TrainAsync(first);
        var trainedSecond = await TrainAsync(second);

        Assert.True(trainedFirst.ExitCode == 0, trainedFirst.ToString());
        Assert.True(trainedSecond.ExitCode == 0, trainedSecond.ToString());
        Assert.Contains("out of fold", trainedFirst.StdErr, StringComparison.Ordinal);
        var replies = new List<JsonNode>();
        foreach (var model in new[] { first, second })
        {
            var asked = await AskAsync(model, "Which Iranian president visited Pakistan?");
            Assert.True(asked.ExitCode == 0, asked.ToString());
            replies.Add(JsonNode.Parse(asked.StdOut)!);
        }

        // With abstention off, the model must answer; both files must rank and judge identically.
        Assert.False(replies[0]["abstained"]!.GetValue<bool>(), replies[0].ToJsonString());
        Assert.Equal(replies[0]["answer"]!.GetValue<string>(), replies[1]["answer"]!.GetValue<string>());
        Assert.Equal(replies[0]["confidence"]!.GetValue<double>(), replies[1]["confidence"]!.GetValue<double>());
    }

    [Fact]
    public async Task Ask_WithAModelFileForOtherFeatures_RefusesToStartAndSaysWhy()
    {
        var model = Path.Combine(folder.Path, "other.zip");
        using (var zip = ZipFile.Open(model, ZipArchiveMode.Create))
        {
            await using var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open());
            await writer.WriteAsync("""{"candidateSchema":"candidate-v0:bm25","questionSchema":"question-v0","modes":["hybrid","lexical"],"trainedOn":[],"trainedAt":"2026-01-01T00:00:00Z"}""");
        }

        var result = await AskAsync(model, "Who wrote the article?");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("made for other features, or in another model-file format", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WithAMissingModelFile_NamesIt()
    {
        var result = await AskAsync(Path.Combine(folder.Path, "absent.zip"), "Who wrote the article?");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("absent.zip", result.StdErr, StringComparison.Ordinal);
    }
}
