using QaService.Tests.Support;

namespace QaService.Tests.Cli;

/// <summary>What the command line says when it is misused, and how it prints into a pipe.</summary>
public sealed class CliRoughEdgesTests : IDisposable
{
    private const string Question = "Which Iranian president visited Pakistan?";
    private readonly TempFolder workingFolder = new();

    public void Dispose() => workingFolder.Dispose();

    /// <summary>Asks <see cref="Question"/> over one document of the user's, BM25 only.</summary>
    private Task<CliResult> AskOverAsync(string document) =>
        CliRunner.RunAsync(["ask", Question, $"--Documents:Sources:0:Path={document}", "--Retrieval:Dense=false"], workingFolder.Path, timeout: TimeSpan.FromSeconds(60));

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

    [Theory]
    [InlineData("--Retreival:TopK=3", "Retreival", "Retrieval")]
    [InlineData("--answring:MinConfidence", "answring", "Answering")]
    [InlineData("--Lm:Model=x", "Lm", "Llm")]
    public async Task ASettingInAMisspeltSection_IsRefusedWithTheNearestSection(string setting, string section, string near)
    {
        string[] arguments = setting.Contains('=', StringComparison.Ordinal) ? ["ask", Question, setting] : ["ask", Question, setting, "0.3"];

        var result = await CliRunner.RunAsync(arguments, workingFolder.Path, timeout: TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"Unknown settings section '{section}'", result.StdErr, StringComparison.Ordinal);
        Assert.Contains($"did you mean '{near}'?", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASettingOfAnotherSection_IsNotTakenForAMisspeltOne()
    {
        string[] others = ["--Logging:LogLevel:Default=Warning", "--Serilog:MinimumLevel=Warning", "--Log:Level=1", "--Indexer:Mode=x", "--ML:Seed=1"];

        var result = await CliRunner.RunAsync(["ask", Question, .. others], workingFolder.Path, timeout: TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    /// <summary>
    /// A one-shot command waits for the index however long the build takes: giving up after Index:ReadyTimeout, as the
    /// web server does, would end the process and the build with it, so asking again could never succeed.
    /// </summary>
    [Fact]
    public async Task Ask_WithAnIndexToBuild_WaitsForItPastTheReadyTimeout()
    {
        var result = await CliRunner.RunAsync(
            ["ask", Question, "--Index:ReadyTimeout=00:00:00", $"--Index:Path={Path.Combine(workingFolder.Path, "fresh-index")}"],
            workingFolder.Path, timeout: TimeSpan.FromSeconds(120));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Pezeshkian", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AValueAnOptionCannotTake_IsNamedOnStandardError_WithoutTheWholeHelp()
    {
        var result = await CliRunner.RunAsync(["ask", "--mode", "sideways", Question], workingFolder.Path, timeout: TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("--mode takes auto, extractive or generative, not 'sideways'.", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("QaService.Answering", result.StdErr, StringComparison.Ordinal);
        Assert.Equal("", result.StdOut.Trim());
    }

    [Fact]
    public async Task Ask_WithSettingsBeforeTheQuestion_TakesTheQuestionAndTheSettings()
    {
        var notes = workingFolder.File("notes.md", "The river Zorbl flows north into the lake.");

        var result = await CliRunner.RunAsync(
            ["ask", "--Documents:IncludeBuiltIn=false", "--Documents:Sources:0:Path", notes, "Which way does the river Zorbl flow?"],
            workingFolder.Path, timeout: TimeSpan.FromSeconds(120));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("The river Zorbl flows north", result.StdOut.TrimStart(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Give the question, in quotes", "ask", "--Index:Path=elsewhere")]
    [InlineData("Unknown option '--bogus'", "ask", "--Index:Path=elsewhere", "--bogus", "Who?")]
    [InlineData("ask takes one question, in quotes; it was given 'Who', 'wrote', 'it?'", "ask", "--Index:Path=elsewhere", "Who", "wrote", "it?")]
    public async Task Ask_WithoutOneQuestionAmongTheSettings_SaysWhatIsMissingOrUnknown(string expected, params string[] arguments)
    {
        var result = await CliRunner.RunAsync(arguments, workingFolder.Path, timeout: TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(expected, result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_AfterADoubleDash_TakesAQuestionThatStartsWithDashes()
    {
        var result = await CliRunner.RunAsync(["ask", "--json", "--Answering:MinConfidence=0", "--", "--help"], workingFolder.Path, timeout: TimeSpan.FromSeconds(120));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("Usage:", result.StdOut, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(WireReply.Parse(result.StdOut).Answer));
    }

    [Fact]
    public async Task Eval_WithAModeThatIsNotOne_IsRefusedInTheUsersWords()
    {
        var result = await CliRunner.RunAsync(["eval", "--questions", "q.jsonl", "--mode", "weird"], workingFolder.Path, timeout: TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("--mode takes auto, extractive or generative, not 'weird'.", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("QaService.Answering", result.StdErr + result.StdOut, StringComparison.Ordinal);
    }

    /// <summary>A pipe named like a document would block the read until something wrote to it: it is refused unopened.</summary>
    [Fact]
    public async Task Ask_OverAPipeNamedLikeADocument_IsRefusedWithoutWaitingForIt()
    {
        var pipe = Path.Combine(workingFolder.Path, "notes.txt");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [pipe]))
        {
            await mkfifo.WaitForExitAsync();
        }

        var result = await AskOverAsync(pipe);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"Document '{pipe}' is empty, or is not a regular file.", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_OverALinkToADevice_IsRefusedUnread()
    {
        var link = Path.Combine(workingFolder.Path, "zero.txt");
        File.CreateSymbolicLink(link, "/dev/zero");

        var result = await AskOverAsync(link);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"Document '{link}' is empty, or is not a regular file.", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_OverMarkdownNestedPastMarkdigsLimit_NamesTheDocument()
    {
        var path = workingFolder.File("deep.md", "# Deep\n\n" + new string('>', 129) + " x\n");

        var result = await AskOverAsync(path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"Document '{path}' could not be read as Markdown:", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_OverADocumentPastTheSizeLimit_IsRefusedUnread()
    {
        var path = Path.Combine(workingFolder.Path, "huge.txt");
        using (var file = File.Create(path))
        {
            file.SetLength(QaService.Documents.DocumentLoader.MaxFileBytes + 1);
        }

        var result = await AskOverAsync(path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"Document '{path}' is over 64 MB, the largest a document may be.", result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Give either --questions FILE or --set DIR.", "eval")]
    [InlineData("Required argument 'question' missing for command: 'ask'.", "ask")]
    public async Task AParseError_IsSaidAsAnErrorLine(string expected, params string[] arguments)
    {
        var result = await CliRunner.RunAsync(arguments, workingFolder.Path, timeout: TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal($"error: {expected}", result.StdErr.Trim());
        Assert.Empty(result.StdOut.Trim());
    }

    [Fact]
    public async Task Eval_WithAMissingQuestionFile_Exits1AndNamesTheFile()
    {
        var result = await CliRunner.RunAsync(["eval", "--questions", "no-such-questions.jsonl"], workingFolder.Path, timeout: TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(Path.Combine(workingFolder.Path, "no-such-questions.jsonl"), result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "line 2: not valid JSON")]
    [InlineData("{\"id\": \"x\", \"kind\": \"answerable\", \"question\": \"broken", "line 2: not valid JSON")]
    [InlineData("{\"id\": \"a4\", \"kind\": \"unanswerable\", \"question\": 7}", "line 2: 'question' has a value of the wrong type")]
    [InlineData("{\"id\": \"d1\", \"kind\": \"dialog\", \"turns\": null}", "line 2: a dialog needs a non-empty 'turns' list")]
    [InlineData("{\"id\": \"a2\", \"kind\": \"answerable\", \"question\": \"Who?\", \"evidence\": [null], \"answer_keys\": [[\"x\"]]}", "line 2: 'evidence' holds a null")]
    [InlineData("{\"id\": \"a3\", \"question\": \"Who?\"}", "line 2: 'kind' must be")]
    public async Task Eval_WithAMalformedQuestionFile_Exits1AndNamesTheLineAndWhatIsWrong(string secondLine, string expected)
    {
        var file = workingFolder.File("questions.jsonl", "{\"id\": \"a1\", \"kind\": \"unanswerable\", \"question\": \"Who owns the moon?\"}\n" + secondLine + "\n");

        var result = await CliRunner.RunAsync(["eval", "--questions", file], workingFolder.Path, timeout: TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{file}, {expected}", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_WithAQuestionFileOfNoQuestions_Exits1AndSaysSo()
    {
        var file = workingFolder.File("empty.jsonl", "\n\n");

        var result = await CliRunner.RunAsync(["eval", "--questions", file], workingFolder.Path, timeout: TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{file} holds no questions", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_WithADialogTurnWithoutEvidence_ScoresIt()
    {
        var file = workingFolder.File("dialog.jsonl",
            "{\"id\": \"d1\", \"kind\": \"dialog\", \"turns\": [{\"question\": \"Which Iranian president visited Pakistan?\", \"answer_keys\": [[\"Pezeshkian\"]]}]}\n");

        var result = await CliRunner.RunAsync(["eval", "--questions", file], workingFolder.Path, timeout: TimeSpan.FromSeconds(120));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("answerable", result.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("one", "at least two documents", "--out", "model.zip")]
    [InlineData("two", "is a folder", "--out", ".")]
    [InlineData("two", "--modes takes hybrid and/or lexical, not 'foo'", "--out", "model.zip", "--modes", "foo")]
    [InlineData("two", "--folds is 0; use 2 or more", "--out", "model.zip", "--folds", "0")]
    [InlineData("two", "--folds is -3; use 2 or more", "--out", "model.zip", "--folds", "-3")]
    public async Task Train_RefusesWhatWouldFailOnlyAfterIndexing(string documents, string expected, params string[] arguments)
    {
        var questions = "{\"id\": \"q\", \"kind\": \"unanswerable\", \"question\": \"Who owns the moon?\"}\n";
        var data = Directory.CreateDirectory(Path.Combine(workingFolder.Path, "data")).FullName;
        foreach (var name in documents == "one" ? ["a"] : new[] { "a", "b" })
        {
            File.WriteAllText(Path.Combine(data, name + ".txt"), "The river Zorbl flows north.");
            File.WriteAllText(Path.Combine(data, name + ".jsonl"), questions);
        }

        var result = await CliRunner.RunAsync(["train", "--data", data, .. arguments], workingFolder.Path, timeout: TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(expected, result.StdErr, StringComparison.Ordinal);
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
