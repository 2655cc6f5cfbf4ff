using System.Text.Json.Nodes;
using QaService.Tests.Support;

namespace QaService.Tests.Evaluation;

/// <summary><c>eval --set</c>: each document of a folder scored over its own index, then all of them together.</summary>
public sealed class EvalSetTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task EvalSet_ScoresEachDocumentAloneAndAllTogether()
    {
        var set = Path.Combine(folder.Path, "set");
        Directory.CreateDirectory(set);
        await File.WriteAllTextAsync(Path.Combine(set, "harbour.txt"),
            "Dockers at the Port of Velmora struck for nine days in March.\n\nMayor Ilse Varga then offered to mediate between the dockers and Castellan Shipping.\n");
        await File.WriteAllLinesAsync(Path.Combine(set, "harbour.jsonl"),
        [
            """{"id": "h1", "kind": "answerable", "question": "Who offered to mediate?", "evidence": ["Ilse Varga"], "answer_keys": [["Varga"]]}""",
            """{"id": "h2", "kind": "unanswerable", "question": "How many ships did Castellan Shipping sell?", "evidence": [], "answer_keys": []}""",
        ]);
        await File.WriteAllTextAsync(Path.Combine(set, "orchard.txt"),
            "The Ostrava orchard grows pears and plums.\n\nIts owner, Tomas Hrubý, planted the first trees in 1998.\n");
        await File.WriteAllLinesAsync(Path.Combine(set, "orchard.jsonl"),
        [
            """{"id": "o1", "kind": "answerable", "question": "When were the first trees planted?", "evidence": ["1998"], "answer_keys": [["1998"]]}""",
        ]);
        await File.WriteAllTextAsync(Path.Combine(set, "notes.txt"), "A text with no questions beside it is not part of the set.\n");

        var result = await CliRunner.RunAsync(["eval", "--set", set, "--mode", "extractive", "--json", "--Retrieval:Dense=false"], folder.Path,
            timeout: TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"warning: {Path.Combine(set, "notes.txt")} is left out: it has no NAME.jsonl beside it.", result.StdErr, StringComparison.Ordinal);
        var report = JsonNode.Parse(result.StdOut)!;
        var documents = report["documents"]!.AsObject();
        Assert.Equal(["harbour", "orchard"], documents.Select(d => d.Key).Order());
        Assert.Equal(1, documents["harbour"]!["answerable"]!.GetValue<int>());
        Assert.Equal(1, documents["harbour"]!["unanswerable"]!.GetValue<int>());
        Assert.Equal(1, documents["orchard"]!["answerable"]!.GetValue<int>());
        var overall = report["overall"]!;
        Assert.Equal(2, overall["answerable"]!.GetValue<int>());
        Assert.Equal(0, overall["non_200"]!.GetValue<int>());
        Assert.Equal(1.0, overall["citation_offsets_valid"]!.GetValue<double>());
        Assert.Equal(3, overall["calibration"]!.AsArray().Sum(b => b!["replies"]!.GetValue<int>()));
        Assert.NotNull(overall["decision_accuracy"]);
        Assert.NotNull(overall["strict_accuracy"]);
    }

    [Fact]
    public async Task EvalSet_OfOneQuestionFile_ScoresItOverTheDocumentBesideIt()
    {
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "orchard.txt"),
            "The Ostrava orchard grows pears and plums.\n\nIts owner, Tomas Hrubý, planted the first trees in 1998.\n");
        var questions = Path.Combine(folder.Path, "orchard.jsonl");
        await File.WriteAllTextAsync(questions,
            """{"id": "o1", "kind": "answerable", "question": "When were the first trees planted?", "evidence": ["1998"], "answer_keys": [["1998"]]}""" + "\n");

        var result = await CliRunner.RunAsync(["eval", "--set", questions, "--mode", "extractive", "--json", "--Retrieval:Dense=false"], folder.Path,
            timeout: TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(1.0, JsonNode.Parse(result.StdOut)!["overall"]!["answer_accuracy"]!.GetValue<double>());
    }

    [Fact]
    public async Task EvalSet_WithAFolderOfNoPairs_ExitsWithOneAndSaysSo()
    {
        var result = await CliRunner.RunAsync(["eval", "--set", folder.Path], folder.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("NAME.txt + NAME.jsonl", result.StdErr, StringComparison.Ordinal);
    }
}
