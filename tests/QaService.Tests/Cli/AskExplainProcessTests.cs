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

        // Lucene's score trees run to many lines a passage; they stay in the JSON reply, not the console summary.
        Assert.DoesNotContain("[BM25Similarity]", output, StringComparison.Ordinal);
        Assert.Contains("ask --json --explain", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\W+(?<rank>\d+)\s+\W\s+article#\d+\s+\W\s+0\.\d{4}\s+\W\s+\d+\.\d\d \((\d+|-)\)\s+\W\s+(\d\.\d{3} \(\d+\)|(?<off>off))\s+\W", RegexOptions.Multiline)]
    private static partial Regex PassageRow();
}
