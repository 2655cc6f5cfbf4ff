using QaService.Tests.Support;

namespace QaService.Tests.Cli;

/// <summary>What the command line says when it is misused, and how it prints into a pipe.</summary>
public sealed class CliRoughEdgesTests : IDisposable
{
    private const string Question = "Which Iranian president visited Pakistan?";
    private readonly TempFolder workingFolder = new();

    public void Dispose() => workingFolder.Dispose();

    [Theory]
    [InlineData("ask", "--bogus", "x")]
    [InlineData("ask", "x", "--bogus", "y")]
    [InlineData("index", "--bogus", "y")]
    public async Task AnUnknownOption_IsNamed(params string[] arguments)
    {
        var result = await CliRunner.RunAsync(arguments, workingFolder.Path, timeout: TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Unknown option '--bogus'", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_WithAMissingQuestionFile_Exits1AndNamesTheFile()
    {
        var result = await CliRunner.RunAsync(["eval", "--questions", "no-such-questions.jsonl"], workingFolder.Path, timeout: TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(Path.Combine(workingFolder.Path, "no-such-questions.jsonl"), result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_IntoAPipe_KeepsEachCitationOnOneLine()
    {
        var json = await CliRunner.RunAsync(["ask", "--json", Question], workingFolder.Path);
        var reply = WireReply.Parse(json.StdOut);

        var result = await CliRunner.RunAsync(["ask", Question], workingFolder.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(result.StdOutLines, line => line == reply.Answer.Split('\n')[0].Trim());
        for (var i = 0; i < reply.Citations.Count; i++)
        {
            var c = reply.Citations[i];
            var head = $"[{i + 1}] {c.PassageId} {c.Start}-{c.End} {c.Text[..Math.Min(100, c.Text.Length)]}";
            Assert.True(result.StdOutLines.Any(l => l.StartsWith(head, StringComparison.Ordinal)), $"No line starts with '{head}':\n{result.StdOut}");
        }
    }

    [Fact]
    public async Task Explain_GivesTheSummaryWithoutLuceneScoreTrees()
    {
        var result = await CliRunner.RunAsync(["ask", "--explain", Question], workingFolder.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("decision: answered", result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("weight(text:", result.StdOut, StringComparison.Ordinal);
        Assert.InRange(result.StdOutLines.Count, 10, 60);
    }
}
