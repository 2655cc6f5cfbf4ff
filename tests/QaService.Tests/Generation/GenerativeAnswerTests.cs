using Microsoft.Extensions.Time.Testing;
using QaService.Answering;
using QaService.Tests.Support;

namespace QaService.Tests.Generation;

/// <summary>Generative answers through the real Semantic Kernel connector and Polly pipeline, against a scripted server.</summary>
public sealed class GenerativeAnswerTests
{
    internal const string Question = "Which president of Iran came to Pakistan on a visit?";

    [Fact]
    public async Task Ask_WithModel_ReturnsGenerativeAnswerCitingExactPassageSpans()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeReply.Answer("President Masoud Pezeshkian visited Pakistan [2]. It followed two conflicts [2, 1] [9]."));
        using var host = new LlmTestHost(server.BaseAddress);

        var reply = await host.AskAsync(Question);

        Assert.Equal(ReplyMode.Generative, reply.Mode);
        Assert.False(reply.Abstained);
        Assert.Null(reply.FallbackReason);
        Assert.Null(reply.Warning);
        Assert.Equal("President Masoud Pezeshkian visited Pakistan [2]. It followed two conflicts [2][1].", reply.Answer);
        Assert.Equal(2, reply.Citations.Count);
        var text = await host.DocumentTextAsync("article");
        Assert.All(reply.Citations, c => Assert.Equal(text[c.Start..c.End], c.Text));
        Assert.True(reply.Citations[0].Score >= reply.Citations[1].Score, "citations are best first");
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task AskStream_WithModel_StreamsTheAnswerTokenByToken()
    {
        const string answer = "Masoud Pezeshkian made the visit [1].";
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeReply.Answer(answer));
        using var host = new LlmTestHost(server.BaseAddress);

        var events = await host.StreamAsync(Question, AnswerMode.Generative);

        Assert.IsType<CitationsEvent>(events[0]);
        var deltas = events.OfType<AnswerDeltaEvent>().Select(d => d.Text).ToList();
        Assert.Equal(FakeReply.Tokens(answer), deltas);
        var reply = Assert.IsType<CompletedEvent>(events[^1]).Reply;
        Assert.Equal(ReplyMode.Generative, reply.Mode);
        Assert.Equal(answer, reply.Answer);
        Assert.Single(reply.Citations);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task Ask_WhenModelIsRateLimitedWithRetryAfter_WaitsAndThenAnswers()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeReply.Status(429, retryAfter: "1"), FakeReply.Answer("Pezeshkian visited [1]."));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var host = new LlmTestHost(server.BaseAddress, time: time);
        await host.DocumentTextAsync("article");

        var asking = host.AskAsync(Question);
        while (server.Requests == 0)
        {
            await Task.Delay(10);
        }

        // The retry is timed on the fake clock: it comes only once a second of it has passed since the 429.
        var waited = TimeSpan.Zero;
        while (server.Requests < 2 && waited < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
            time.Advance(TimeSpan.FromMilliseconds(100));
            waited += TimeSpan.FromMilliseconds(100);
        }

        var reply = await asking.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(ReplyMode.Generative, reply.Mode);
        Assert.InRange(waited, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task Ask_WhenModelAsksToWaitLongerThanAnAttempt_FallsBackAtOnceSayingItIsRateLimited()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeReply.Status(429, retryAfter: "3600"), FakeReply.Answer("Pezeshkian visited [1]."));
        using var host = new LlmTestHost(server.BaseAddress);

        var reply = await host.AskAsync(Question);

        Assert.Equal(ReplyMode.Extractive, reply.Mode);
        Assert.Contains("rate-limited", reply.FallbackReason, StringComparison.Ordinal);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task Ask_WithQuestionTheArticleDoesNotAnswer_AbstainsWithoutCallingTheModel()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var host = new LlmTestHost(server.BaseAddress);

        var reply = await host.AskAsync("What is the recipe for a chocolate birthday cake?", AnswerMode.Generative);

        Assert.True(reply.Abstained);
        Assert.Equal(ReplyMode.Extractive, reply.Mode);
        Assert.NotNull(reply.FallbackReason);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task Ask_WhenModelSaysThePassagesDoNotAnswer_AbstainsGeneratively()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeReply.Answer("The article does not say."));
        using var host = new LlmTestHost(server.BaseAddress);

        var reply = await host.AskAsync(Question);

        Assert.Equal(ReplyMode.Generative, reply.Mode);
        Assert.True(reply.Abstained);
        Assert.NotEmpty(reply.Citations);
        Assert.Equal(1, server.Requests);
        Assert.Contains("reply with exactly this sentence and nothing else: The article does not say.", FakeLlmServer.Messages(server.Bodies[0])[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_OverDocumentsOfTheUsersOwn_TellsTheModelToSayTheDocumentsDoNotSay()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeReply.Answer("The documents do not say."));
        using var documents = new QaService.Tests.Support.TempFolder();
        using var host = new LlmTestHost(server.BaseAddress, new Dictionary<string, string?>
        {
            ["Documents:IncludeBuiltIn"] = "false",
            ["Documents:Sources:0:Path"] = documents.File("bridge.txt", QaService.Tests.Conversation.ConversationApi.Bridge),
            ["Documents:Sources:1:Path"] = documents.File("orchestra.txt", QaService.Tests.Conversation.ConversationApi.Orchestra),
        });

        var reply = await host.AskAsync("Who designed the Velmora Harbour Bridge's lamps?", AnswerMode.Generative);

        Assert.Contains("reply with exactly this sentence and nothing else: The documents do not say.", FakeLlmServer.Messages(server.Bodies[0])[0].Content, StringComparison.Ordinal);
        Assert.Equal(ReplyMode.Generative, reply.Mode);
        Assert.True(reply.Abstained);
        Assert.Equal("The documents do not say.", reply.Answer);
    }

    [Fact]
    public async Task Ask_WhenModelCitesNothing_FlagsTheAnswer()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeReply.Answer("Pezeshkian visited Pakistan [7]."));
        using var host = new LlmTestHost(server.BaseAddress);

        var reply = await host.AskAsync(Question);

        Assert.Equal(ReplyMode.Generative, reply.Mode);
        Assert.Equal("Pezeshkian visited Pakistan.", reply.Answer);
        Assert.NotNull(reply.Warning);
        Assert.Equal(1, server.Requests);
    }
}
