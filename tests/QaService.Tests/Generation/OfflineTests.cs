using System.CommandLine;
using QaService.Host.Cli;
using QaService.Tests.Support;

namespace QaService.Tests.Generation;

/// <summary><c>--offline</c> means offline: a configured model server sees no request at all.</summary>
public sealed class OfflineTests
{
    [Fact]
    public async Task AskCommand_WithOffline_NeverCallsTheConfiguredModel()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Default = FakeReply.Answer("Pezeshkian [1].");
        using var index = new TempFolder();
        string[] configuration =
        [
            $"--Index:Path={index.Path}", "--Llm:Provider=OpenAICompatible", $"--Llm:Endpoint={server.BaseAddress}", "--Llm:Model=test-model",
        ];

        var online = await RunAsync(["ask", GenerativeAnswerTests.Question, "--json", .. configuration]);
        Assert.Equal(ExitCodes.Success, online);
        Assert.Equal(1, server.Requests);

        var offline = await RunAsync(["ask", GenerativeAnswerTests.Question, "--json", "--mode", "generative", "--offline", .. configuration]);
        var offlineFirst = await RunAsync(["--offline", "ask", GenerativeAnswerTests.Question, "--json", .. configuration]);

        Assert.Equal(ExitCodes.Success, offline);
        Assert.Equal(ExitCodes.Success, offlineFirst);
        Assert.Equal(1, server.Requests);
    }

    private static Task<int> RunAsync(string[] args) =>
        QaCommandLine.Create().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
}
