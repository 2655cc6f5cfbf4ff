using System.Text.RegularExpressions;
using QaService.Documents;
using QaService.Tests.Support;

namespace QaService.Tests.Cli;

/// <summary>The console commands, run as the built host process in a fresh working folder (so the index lands there).</summary>
public sealed class CliProcessTests : IDisposable
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(30);
    private readonly TempFolder workingFolder = new();

    public void Dispose() => workingFolder.Dispose();

    private Task<CliResult> RunAsync(params string[] arguments) => CliRunner.RunAsync(arguments, workingFolder.Path);

    private static void AssertNoStackTrace(CliResult result)
    {
        Assert.DoesNotContain("   at ", result.StdErr + result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.StdErr + result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_PrintsTheAnswerThenNumberedCitations()
    {
        var question = DevQuestions.Get("dev-a15");

        var result = await RunAsync("ask", question.Question);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.StdErr);
        var lines = result.StdOutLines;
        Assert.True(question.IsAnsweredBy(lines[0]), result.ToString());
        Assert.StartsWith("[1] article#", lines.First(l => l.StartsWith("[1]", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("[2] article#", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(workingFolder.Path, "index", "current.json")), "The index belongs in ./index by default.");
    }

    [Fact]
    public async Task AskJson_PrintsTheReplyObjectOfTheApi()
    {
        var question = DevQuestions.Get("dev-a25");

        var result = await RunAsync("ask", "--json", question.Question);

        Assert.True(result.ExitCode == 0, result.ToString());
        var reply = WireReply.Parse(result.StdOut);
        Assert.Equal("extractive", reply.Mode);
        Assert.False(reply.Abstained);
        Assert.True(question.IsAnsweredBy(reply.Answer), reply.Answer);
        Assert.False(string.IsNullOrWhiteSpace(reply.ConversationId));
        Assert.NotEmpty(reply.Citations);
        reply.AssertCitationsAreExactSlices(id => id == BuiltInDocument.Id ? BuiltInDocument.Text : throw new KeyNotFoundException(id));
    }

    [Fact]
    public async Task Ask_WithAnIndexPathSetting_BuildsTheIndexThere()
    {
        var custom = Path.Combine(workingFolder.Path, "elsewhere", "idx");

        var result = await RunAsync("ask", "--json", DevQuestions.Get("dev-a02").Question, $"--Index:Path={custom}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(custom, "current.json")));
        Assert.False(Directory.Exists(Path.Combine(workingFolder.Path, "index")));
    }

    [Fact]
    public async Task Repl_WithPipedInput_PrintsOneLinePerInputLine()
    {
        var answerable = DevQuestions.Get("dev-a15");
        var offTopic = DevQuestions.Get("dev-u05");
        var another = DevQuestions.Get("dev-a25");
        var input = string.Join('\n', answerable.Question, "", "   ", offTopic.Question, new string('x', 5000), another.Question) + "\n";

        var result = await CliRunner.RunAsync(["repl"], workingFolder.Path, standardInput: input);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StdOut.TrimEnd('\n').Split('\n');
        Assert.Equal(6, lines.Length);
        Assert.True(answerable.IsAnsweredBy(lines[0]), lines[0]);
        Assert.Equal(["", ""], lines[1..3]);
        Assert.StartsWith("The article does not say", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("error: ", lines[4], StringComparison.Ordinal);
        Assert.True(another.IsAnsweredBy(lines[5]), lines[5]);
    }

    [Fact]
    public async Task Serve_OnAPortInUse_SaysSoInOneLine()
    {
        using var occupant = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((System.Net.IPEndPoint)occupant.LocalEndpoint).Port;

        var result = await RunAsync("serve", $"--urls=http://127.0.0.1:{port}", "--Retrieval:Dense=false");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("another program listens there", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.StdErr + result.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notaurl")]
    [InlineData("http://127.0.0.1:99999")]
    public async Task Serve_WithAnAddressThatIsNotOne_SaysSoInOneLine(string address)
    {
        var result = await RunAsync("serve", $"--urls={address}", "--Retrieval:Dense=false");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("to listen on is not valid", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.StdErr + result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_BuildsThenReusesWhenNothingChanged()
    {
        var built = await RunAsync("index");
        var reused = await RunAsync("index", "--if-changed");

        Assert.True(built.ExitCode == 0, built.ToString());
        Assert.Contains("Built the index", built.StdOut, StringComparison.Ordinal);
        Assert.True(reused.ExitCode == 0, reused.ToString());
        Assert.Contains("Reused the index", reused.StdOut, StringComparison.Ordinal);
    }

    public static TheoryData<string[]> BadArguments() =>
    [
        ["ask"],
        ["bogus"],
        ["ask", "Who wrote it?", "--top"],
        ["ask", "Who wrote it?", "extra"],
        ["ask", "Who wrote it?", "-x"],
        ["ask", ""],
        ["repl", "stray"],
        ["index", "--if-changed=maybe"],
        ["eval"],
        ["eval", "--questions", "no-such-file.jsonl"],
        ["serve", "--urls"],
        ["--nonsense"],
    ];

    [Fact]
    public async Task Serve_WithAnIndexItCannotCreate_ExitsWithOneClearLine()
    {
        workingFolder.File("afile", "not a folder");

        var result = await CliRunner.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--Index:Path=afile/index"], workingFolder.Path, timeout: ShortTimeout);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Single(Regex.Matches(result.StdErr + result.StdOut, "could not be built"));
        Assert.DoesNotContain("Hosting failed to start", result.StdErr + result.StdOut, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task BadArguments_ExitNonZeroWithAMessageOnStandardError(string[] arguments)
    {
        var result = await CliRunner.RunAsync(arguments, workingFolder.Path, timeout: ShortTimeout);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.False(string.IsNullOrWhiteSpace(result.StdErr), result.ToString());
        AssertNoStackTrace(result);
    }

    public static TheoryData<string, string, string[], string, string> BrokenConfigurations()
    {
        string[] none = [];
        return new()
        {
            // case, command, extra arguments, environment "KEY=VALUE" or "", expected words on stderr
            { "overlap not below passage size", "ask", none, "Chunking__OverlapSentences=9", "OverlapSentences" },
            { "a document source that does not exist", "ask", ["--Documents:Sources:0:Path=missing.md"], "", "missing.md" },
            { "a document source of the wrong kind", "ask", ["--Documents:Sources:0:Path=report.pdf"], "", "report.pdf" },
            { "a document source that is a folder", "ask", ["--Documents:Sources:0:Path=chapters.md"], "", "'chapters.md' is a folder" },
            { "no documents at all", "ask", ["--Documents:IncludeBuiltIn=false"], "", "IncludeBuiltIn" },
            { "a number that is not one", "ask", ["--Chunking:SentencesPerPassage=abc"], "", "SentencesPerPassage" },
            { "a time span that is not one", "ask", none, "Index__ReadyTimeout=forever", "ReadyTimeout" },
            { "a limit out of range", "ask", none, "Answering__MaxQuestionLength=0", "MaxQuestionLength" },
            { "malformed appsettings.json", "ask", none, "", "appsettings.json" },
            { "an unreadable document", "ask", ["--Documents:Sources:0:Path=broken.txt"], "", "broken.txt" },
            { "an empty document", "ask", ["--Documents:Sources:0:Path=empty.md"], "", "empty.md" },
            { "overlap not below passage size", "repl", none, "Chunking__OverlapSentences=9", "OverlapSentences" },
            { "malformed appsettings.json", "index", none, "", "appsettings.json" },
            { "overlap not below passage size", "serve", none, "Chunking__OverlapSentences=9", "OverlapSentences" },
            { "a document source that does not exist", "serve", ["--Documents:Sources:0:Path=missing.md"], "", "missing.md" },
            { "a number that is not one", "serve", ["--Chunking:SentencesPerPassage=abc"], "", "SentencesPerPassage" },
            { "malformed appsettings.json", "serve", none, "", "appsettings.json" },
            { "a /v1 body limit below 1 KiB", "serve", ["--OpenAi:MaxRequestBytes=0"], "", "MaxRequestBytes" },
            { "two files that would share an id", "ask", ["--Documents:Sources:0:Path=notes.md", "--Documents:Sources:1:Path=Notes.txt"], "", "id 'notes'" },
            { "an id that cannot name a document in a URL", "ask", ["--Documents:Sources:0:Path=notes.md", "--Documents:Sources:0:Id=../x"], "", "id '../x'" },
            { "two files that would share an id", "serve", ["--Documents:Sources:0:Path=notes.md", "--Documents:Sources:1:Path=Notes.txt"], "", "id 'notes'" },
            { "an index path that is a file", "index", ["--Index:Path=notes.md"], "", "is a file; it must be a folder" },
            { "a misspelt setting", "ask", ["--Retrieval:TopKK=5"], "", "in the Retrieval section: 'TopKK'" },
            { "a misspelt setting", "serve", none, "Llm__Modle=x", "in the Llm section: 'Modle'" },
        };
    }

    [Theory]
    [MemberData(nameof(BrokenConfigurations))]
    public async Task BrokenConfiguration_ExitsWithCode2AndSaysWhatIsWrong(string brokenCase, string command, string[] extra, string environment, string expected)
    {
        if (brokenCase == "malformed appsettings.json")
        {
            workingFolder.File("appsettings.json", "{ \"Chunking\": { \"SentencesPerPassage\": 3, ");
        }

        File.WriteAllBytes(Path.Combine(workingFolder.Path, "broken.txt"), [0x41, 0x20, 0xC3, 0x28, 0x20, 0xFF, 0x2E]); // not UTF-8
        workingFolder.File("empty.md", " \n\t\n");
        workingFolder.File("report.pdf", "%PDF-1.4");
        Directory.CreateDirectory(Path.Combine(workingFolder.Path, "chapters.md"));
        workingFolder.File("notes.md", "The river Zorbl flows north.");
        workingFolder.File("Notes.txt", "The river Zorbl flows south.");
        List<string> arguments = command switch
        {
            "serve" => ["serve", "--urls", "http://127.0.0.1:0"],
            "ask" => ["ask", "Who wrote it?"],
            _ => [command],
        };
        arguments.AddRange(extra);
        var variables = environment.Length == 0
            ? null
            : new Dictionary<string, string> { [environment.Split('=')[0]] = environment.Split('=')[1] };

        var result = await CliRunner.RunAsync(arguments, workingFolder.Path, standardInput: "Who wrote it?\n", environment: variables, timeout: ShortTimeout);

        Assert.True(result.ExitCode == 2, $"{brokenCase}: {result}");
        Assert.Contains("error:", result.StdErr, StringComparison.Ordinal);
        Assert.Contains(expected, result.StdErr, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }
}
