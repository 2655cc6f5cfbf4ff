using System.Text.RegularExpressions;
using QaService.Tests.Support;

namespace QaService.Tests.Cli;

/// <summary><c>ask --explain</c> run as the built host process, hybrid and BM25-only.</summary>
public sealed partial class AskExplainProcessTests : IDisposable
{
    private readonly TempFolder workingFolder = new();

    public void Dispose() => workingFolder.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AskExplain_PrintsTheEvidenceTheDecisionAndTheTimePerStage(bool dense)
    {
        var result = await CliRunner.RunAsync(
            ["ask", "--explain", "Which president of Iran visited Pakistan?", $"--Retrieval:Dense={dense}"], workingFolder.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        var output = result.StdOut;
        Assert.Contains("Pezeshkian", result.StdOutLines[0], StringComparison.Ordinal);
        Assert.Matches(@"decision: answered: ", output);
        Assert.Matches(@"time:\s+conversation\s+[\d.]+\s+ms,\s+analysis\s+[\d.]+\s+ms,\s+retrieval\s+[\d.]+\s+ms,\s+answering\s+[\d.]+\s+ms", output);

        // A row of the passage table per retrieved passage: fused rank, fused score, BM25 score (rank), dense similarity (rank) or "off".
        var rows = PassageRow().Matches(output);
        Assert.NotEmpty(rows);
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(r => r.ToString()), rows.Select(r => r.Groups["rank"].Value));
        Assert.All(rows, row => Assert.Equal(dense ? "" : "off", row.Groups["off"].Value));

        // Lucene's own explanation for the cited passages, with each matched term's BM25 weight.
        Assert.Matches(@"BM25 of article#\d+ \(Lucene\):", output);
        Assert.Contains("weight(text:pakistan", output, StringComparison.Ordinal);
        Assert.Contains("[BM25Similarity]", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\W+(?<rank>\d+)\s+\W\s+article#\d+\s+\W\s+0\.\d{4}\s+\W\s+\d+\.\d\d \((\d+|-)\)\s+\W\s+(\d\.\d{3} \(\d+\)|(?<off>off))\s+\W", RegexOptions.Multiline)]
    private static partial Regex PassageRow();
}
