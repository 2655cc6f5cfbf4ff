using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using QaService.Answering;
using QaService.Tests.Generation;
using QaService.Tests.Support;

namespace QaService.Tests.Conversation;

/// <summary>
/// Follow-ups condensed by the model into a standalone question before retrieval, through the real Semantic Kernel
/// connector and Polly pipeline against a scripted server, and read extractively whenever the model is not to be asked or fails.
/// </summary>
public sealed class LlmFollowUpTests : IDisposable
{
    private const string First = "When did the Velmora Harbour Bridge open?";
    private const string FollowUp = "Why was it closed?";

    // The extractive reading takes "it" for the bridge; this rewrite names the orchestra, so only the model's
    // question can lead retrieval there.
    private const string Standalone = "Why was the Corvin Youth Orchestra closed for a season?";

    private static readonly string ShippedPrompts = Path.Combine(AppContext.BaseDirectory, "prompts");

    private readonly TempFolder documents = new();

    [Theory]
    [InlineData(AnswerMode.Generative)]
    [InlineData(AnswerMode.Auto)]
    public async Task FollowUp_WithModel_IsRetrievedAndAnsweredAsTheStandaloneQuestionItReturns(AnswerMode mode)
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var host = Host(server.BaseAddress);
        var first = await host.AskAsync(First, AnswerMode.Extractive);
        Assert.Equal(0, server.Requests);

        server.Enqueue(FakeReply.Answer($"\"{Standalone}\""), FakeReply.Answer("A fire damaged the hall [1]."));
        var followUp = await host.AskAsync(FollowUp, mode, first.ConversationId);
        Assert.Equal(2, server.Requests);
        server.Enqueue(FakeReply.Answer("A fire damaged the hall [1]."));
        var alone = await host.AskAsync(Standalone, mode);
        Assert.Equal(3, server.Requests);

        var condense = server.Bodies[0];
        Assert.False(FakeLlmServer.IsStreamed(condense));
        Assert.InRange(condense["max_completion_tokens"]!.GetValue<int>(), 16, 100);
        var messages = FakeLlmServer.Messages(condense);
        Assert.Equal(["system", "user"], messages.Select(m => m.Role));
        Assert.Equal(FollowUp, messages[1].Content.Trim());
        Assert.Contains($"User: {First}\nAssistant: {first.Answer}\n", messages[0].Content);
        Assert.All(Rules(ShippedPrompts), rule => Assert.Contains(rule, messages[0].Content));

        Assert.Equal(ReplyMode.Generative, followUp.Mode);
        Assert.Equal(Standalone, FakeLlmServer.Messages(server.Bodies[1])[1].Content.Trim());
        Assert.Equal(FakeLlmServer.Messages(server.Bodies[2]), FakeLlmServer.Messages(server.Bodies[1]));
        Assert.Equal(alone.Answer, followUp.Answer);
        Assert.Equal(alone.Citations, followUp.Citations);
        Assert.Equal("orchestra", Assert.Single(followUp.Citations).DocumentId);
    }

    [Fact]
    public async Task FollowUp_WhenCondensingKeepsFailing_IsReadExtractivelyAndStillAnswered()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Default = FakeReply.Answer("The storm tore several cables [1].");
        using var host = Host(server.BaseAddress);
        var first = await host.AskAsync(First, AnswerMode.Extractive);

        server.Enqueue(FakeReply.Status(500), FakeReply.Status(500), FakeReply.Status(500));
        var followUp = await host.AskAsync(FollowUp, AnswerMode.Generative, first.ConversationId);

        // One condense call and its two retries, then the answer.
        Assert.Equal(4, server.Requests);
        Assert.All(server.Bodies.Take(3), body => Assert.False(FakeLlmServer.IsStreamed(body)));
        Assert.Equal(FollowUp, FakeLlmServer.Messages(server.Bodies[3])[1].Content.Trim());
        Assert.Equal(ReplyMode.Generative, followUp.Mode);
        Assert.Null(followUp.FallbackReason);
        Assert.Contains("storm", followUp.Citations[0].Text);
        Assert.Contains(host.Logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal)
            && line.Contains("Condensing a follow-up fell back", StringComparison.Ordinal) && line.Contains("HTTP 500", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains(host.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FollowUp_WhenNothingListensAtTheEndpoint_GetsTheExtractiveFollowUpReply()
    {
        using var host = Host($"http://127.0.0.1:{ClosedPort()}/v1");
        var extractive = await host.AskAsync(FollowUp, AnswerMode.Extractive, (await host.AskAsync(First, AnswerMode.Extractive)).ConversationId);

        var reply = await host.AskAsync(FollowUp, AnswerMode.Generative, (await host.AskAsync(First, AnswerMode.Extractive)).ConversationId);

        Assert.Equal(ReplyMode.Extractive, reply.Mode);
        Assert.Contains("could not be reached", reply.FallbackReason);
        Assert.Equal(extractive.Answer, reply.Answer);
        Assert.Equal(extractive.Citations, reply.Citations);
        Assert.Contains("storm", reply.Answer);
        Assert.Contains(host.Logs.Lines, line => line.Contains("Condensing a follow-up fell back", StringComparison.Ordinal)
            && line.Contains("could not be reached", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FollowUp_WhenTheCondenseReplyIsMalformed_IsReadExtractively()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Default = FakeReply.Answer("The storm tore several cables [1].");
        using var host = Host(server.BaseAddress);
        var first = await host.AskAsync(First, AnswerMode.Extractive);

        server.Enqueue(FakeReply.Malformed());
        var followUp = await host.AskAsync(FollowUp, AnswerMode.Generative, first.ConversationId);

        Assert.Equal(2, server.Requests);
        Assert.Equal(FollowUp, FakeLlmServer.Messages(server.Bodies[1])[1].Content.Trim());
        Assert.Contains("storm", followUp.Citations[0].Text);
    }

    [Fact]
    public async Task FollowUp_WhenTheModelAnswersInsteadOfRewriting_IsReadExtractively()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var host = Host(server.BaseAddress);
        var first = await host.AskAsync(First, AnswerMode.Extractive);

        server.Enqueue(FakeReply.Answer("The orchestra was closed because of a fire."), FakeReply.Answer("The storm tore several cables [1]."));
        var followUp = await host.AskAsync(FollowUp, AnswerMode.Generative, first.ConversationId);

        Assert.Equal(2, server.Requests);
        Assert.Equal(FollowUp, FakeLlmServer.Messages(server.Bodies[1])[1].Content.Trim());
        Assert.Contains("storm", followUp.Citations[0].Text);
        Assert.Contains(host.Logs.Lines, line => line.Contains("it is not a question", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FollowUp_InExtractiveMode_SendsNothingToTheModel()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var host = Host(server.BaseAddress);
        var first = await host.AskAsync(First, AnswerMode.Extractive);

        var followUp = await host.AskAsync(FollowUp, AnswerMode.Extractive, first.ConversationId);

        Assert.Equal(0, server.Requests);
        Assert.Equal(ReplyMode.Extractive, followUp.Mode);
        Assert.Contains("storm", followUp.Answer);
    }

    [Fact]
    public async Task FollowUp_WithoutAConfiguredModel_SendsNothingToTheModel()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var host = Host(server.BaseAddress, ("Llm:Provider", "None"));
        var first = await host.AskAsync(First);

        var generative = await host.AskAsync(FollowUp, AnswerMode.Generative, first.ConversationId);
        var auto = await host.AskAsync("How long is its main span?", AnswerMode.Auto, first.ConversationId);

        Assert.Equal(0, server.Requests);
        Assert.Contains("storm", generative.Answer);
        Assert.Contains("503", auto.Answer);
    }

    [Fact]
    public async Task FollowUp_WhileTheBreakerIsOpen_SendsNothingToTheModel()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Default = FakeReply.Status(503);
        using var host = Host(
            server.BaseAddress, ("Llm:MaxRetries", "1"), ("Llm:BreakerMinimumThroughput", "2"), ("Llm:BreakerBreakDuration", "00:01:00"));
        var first = await host.AskAsync(First);
        Assert.Equal(2, server.Requests);
        Assert.Equal("breaker open", host.Llm.Status().State);

        var followUp = await host.AskAsync(FollowUp, AnswerMode.Auto, first.ConversationId);

        Assert.Equal(2, server.Requests);
        Assert.Contains("circuit breaker open", followUp.FallbackReason);
        Assert.Contains("storm", followUp.Answer);
    }

    [Fact]
    public async Task FollowUp_AfterTheCondensePromptIsEdited_SendsTheEditedRulesAndEveryEarlierTurn()
    {
        using var prompts = new TempFolder();
        prompts.CopyFrom(ShippedPrompts);
        await using var server = await FakeLlmServer.StartAsync();
        using var host = Host(server.BaseAddress, ("Llm:PromptsPath", prompts.Path));
        const string edited = "5. Keep every name exactly as the conversation spells it.";
        const string bridge = "Why was the Velmora Harbour Bridge closed?";
        var first = await host.AskAsync(First, AnswerMode.Extractive);

        server.Enqueue(FakeReply.Answer(bridge), FakeReply.Answer("A storm tore several cables [1]."));
        var second = await host.AskAsync(FollowUp, AnswerMode.Generative, first.ConversationId);
        var template = Path.Combine(prompts.Path, "Conversation", "Condense", "skprompt.txt");
        File.WriteAllText(template, File.ReadAllText(template).Replace("\n\nConversation so far", $"\n{edited}\n\nConversation so far", StringComparison.Ordinal));
        server.Enqueue(FakeReply.Answer("How long is the main span of the Velmora Harbour Bridge?"), FakeReply.Answer("It is 503 metres long [1]."));
        await host.AskAsync("How long is its main span?", AnswerMode.Generative, first.ConversationId);

        Assert.Equal(4, server.Requests);
        var before = FakeLlmServer.Messages(server.Bodies[0])[0].Content;
        var after = FakeLlmServer.Messages(server.Bodies[2])[0].Content;
        Assert.False(FakeLlmServer.IsStreamed(server.Bodies[2]));
        Assert.DoesNotContain(edited, before);
        Assert.Contains(edited, after);

        // A condensed turn is kept as its standalone question.
        Assert.Contains($"User: {First}\nAssistant: {first.Answer}\nUser: {bridge}\nAssistant: {second.Answer}\n", after);
    }

    public void Dispose() => documents.Dispose();

    private LlmTestHost Host(string endpoint, params (string Key, string? Value)[] extra) =>
        new(endpoint, ConversationApi.Settings(documents, extra));

    // The numbered rules of the shipped Condense prompt.
    private static List<string> Rules(string promptsFolder)
    {
        var rules = File.ReadAllLines(Path.Combine(promptsFolder, "Conversation", "Condense", "skprompt.txt"))
            .Where(line => line.Length > 3 && char.IsDigit(line[0]) && line[1] == '.').Select(line => line.Trim()).ToList();
        Assert.NotEmpty(rules);
        return rules;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
