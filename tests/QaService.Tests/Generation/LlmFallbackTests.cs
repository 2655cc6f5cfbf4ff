using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using QaService.Answering;
using QaService.Tests.Support;

namespace QaService.Tests.Generation;

/// <summary>Every way the model can fail ends in the extractive answer, with a reason and without an error.</summary>
public sealed class LlmFallbackTests
{
    private const string Question = GenerativeAnswerTests.Question;

    [Fact]
    public async Task Ask_WhenModelKeepsReturning500_RetriesThenFallsBackToExtractive()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Default = FakeReply.Status(500);
        using var host = new LlmTestHost(server.BaseAddress);
        var extractive = await host.AskAsync(Question, AnswerMode.Extractive);

        var reply = await host.AskAsync(Question);

        AssertFallback(extractive, reply, "HTTP 500");
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public async Task Ask_SmallTalk_IsAnsweredInKindWithoutTheModelOrAFallbackNotice()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var host = new LlmTestHost(server.BaseAddress);

        var reply = await host.AskAsync("thanks!");

        Assert.Equal(ReplyMode.Extractive, reply.Mode);
        Assert.Null(reply.FallbackReason);
        Assert.StartsWith("You're welcome.", reply.Answer, StringComparison.Ordinal);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task Ask_WhenModelHangs_FallsBackWhenTheTotalTimeoutPasses()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Default = FakeReply.Hang();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var host = new LlmTestHost(server.BaseAddress, new Dictionary<string, string?>
        {
            ["Llm:AttemptTimeout"] = "00:00:00.400",
            ["Llm:TotalTimeout"] = "00:00:01.500",
            ["Llm:MaxRetries"] = "5",
        }, time: time);
        var extractive = await host.AskAsync(Question, AnswerMode.Extractive);

        // The clock runs at half the real rate, so every attempt has time to reach the server before it times out.
        var asking = host.AskAsync(Question);
        for (var elapsed = 0; elapsed < 1500; elapsed += 10)
        {
            await Task.Delay(20);
            Assert.False(asking.IsCompleted, $"fell back after {elapsed} ms");
            time.Advance(TimeSpan.FromMilliseconds(10));
        }

        var reply = await asking.WaitAsync(TimeSpan.FromSeconds(30));
        AssertFallback(extractive, reply, "did not answer within 1.5 s");

        // No more attempts than fit in the total (how many reached the server depends on the real clock too; that
        // failed attempts are retried is the 500 test's).
        Assert.InRange(server.Requests, 1, 4);
    }

    [Fact]
    public async Task Ask_WhileTheServiceStops_FallsBackWithoutWaitingForTheModel()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Default = FakeReply.Hang();
        using var host = new LlmTestHost(server.BaseAddress, new Dictionary<string, string?>
        {
            ["Llm:AttemptTimeout"] = "00:10:00",
            ["Llm:TotalTimeout"] = "00:10:00",
        });
        var extractive = await host.AskAsync(Question, AnswerMode.Extractive);

        var asking = host.AskAsync(Question, AnswerMode.Generative);
        while (server.Requests == 0)
        {
            await Task.Delay(10);
        }

        host.StopApplication();
        var reply = await asking.WaitAsync(TimeSpan.FromMinutes(2));

        AssertFallback(extractive, reply, "the service is stopping");
    }

    [Fact]
    public async Task Ask_WhenModelSendsMalformedJson_FallsBack()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Default = FakeReply.Malformed();
        using var host = new LlmTestHost(server.BaseAddress);
        var extractive = await host.AskAsync(Question, AnswerMode.Extractive);

        var reply = await host.AskAsync(Question);

        AssertFallback(extractive, reply, "could not be read");
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task Ask_WhenTheEndpointSendsAWebPage_FallsBackSayingTheReplyCouldNotBeRead()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Default = FakeReply.Html();
        using var host = new LlmTestHost(server.BaseAddress);
        var extractive = await host.AskAsync(Question, AnswerMode.Extractive);

        var reply = await host.AskAsync(Question);

        AssertFallback(extractive, reply, "could not be read");
    }

    [Fact]
    public async Task Ask_WhenModelRunsFarPastMaxTokens_IsCutOffAndFallsBack()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Default = FakeReply.Answer(string.Concat(Enumerable.Repeat("Pezeshkian visited Pakistan [1]. ", 400)));
        using var host = new LlmTestHost(server.BaseAddress, new Dictionary<string, string?> { ["Llm:MaxTokens"] = "50" });
        var extractive = await host.AskAsync(Question, AnswerMode.Extractive);

        var reply = await host.AskAsync(Question);

        AssertFallback(extractive, reply, "ran far past Llm:MaxTokens (50)");
    }

    [Fact]
    public async Task Ask_WhenNothingListensAtTheEndpoint_FallsBack()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var host = new LlmTestHost($"http://127.0.0.1:{ClosedPort()}/v1");
        var extractive = await host.AskAsync(Question, AnswerMode.Extractive);

        var reply = await host.AskAsync(Question);

        AssertFallback(extractive, reply, "could not be reached");
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task AskStream_WhenStreamStallsMidway_FallsBackWhenTheTotalTimeoutPasses()
    {
        await using var server = await FakeLlmServer.StartAsync();
        var never = new TaskCompletionSource();
        server.Enqueue(FakeReply.PauseAfter("Masoud Pezeshkian visited Pakistan after the war [1].", tokens: 2, never.Task));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var host = new LlmTestHost(server.BaseAddress, new Dictionary<string, string?> { ["Llm:TotalTimeout"] = "00:01:00" }, time: time);
        var extractive = await host.AskAsync(Question, AnswerMode.Extractive);

        var events = new List<AskEvent>();
        var streaming = Task.Run(async () =>
        {
            await foreach (var item in host.Asker.AskStreamAsync(new AskRequest(Question), CancellationToken.None))
            {
                lock (events)
                {
                    events.Add(item);
                }
            }
        });
        while (Count<AnswerDeltaEvent>(events) < 2)
        {
            await Task.Delay(10);
        }

        // The headers came long ago, so only the answerer's own deadline can end the stall.
        time.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(200);
        Assert.False(streaming.IsCompleted, "gave up before the total timeout");
        time.Advance(TimeSpan.FromSeconds(1));
        await streaming.WaitAsync(TimeSpan.FromSeconds(20));

        var reset = events.FindIndex(e => e is AnswerResetEvent);
        Assert.Equal(2, events.Take(reset).OfType<AnswerDeltaEvent>().Count());
        AssertFallback(extractive, ((CompletedEvent)events[^1]).Reply, "did not answer within 60 s");
    }

    private static int Count<T>(List<AskEvent> events)
    {
        lock (events)
        {
            return events.OfType<T>().Count();
        }
    }

    [Fact]
    public async Task AskStream_WhenStreamBreaksMidway_ResetsTheTextAndEndsWithTheExtractiveReply()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeReply.CutAfter("Masoud Pezeshkian visited Pakistan after the war [1].", tokens: 3));
        using var host = new LlmTestHost(server.BaseAddress);
        var extractive = await host.AskAsync(Question, AnswerMode.Extractive);

        var events = await host.StreamAsync(Question);

        var reset = events.FindIndex(e => e is AnswerResetEvent);
        Assert.True(reset > 0, "the stream says it fell back");
        Assert.Equal(3, events.Take(reset).OfType<AnswerDeltaEvent>().Count());
        Assert.Equal(
            [typeof(CitationsEvent), typeof(AnswerDeltaEvent), typeof(CompletedEvent)],
            events.Skip(reset + 1).Select(e => e.GetType()));
        var reply = ((CompletedEvent)events[^1]).Reply;
        AssertFallback(extractive, reply, "broke off midway");
        Assert.DoesNotContain("could not be reached", reply.FallbackReason, StringComparison.Ordinal);
        Assert.Equal(extractive.Answer, ((AnswerDeltaEvent)events[^2]).Text);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task AskStream_WhenStreamEndsWithoutFinishing_ResetsTheTextAndEndsWithTheExtractiveReply()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeReply.EndAfter("Masoud Pezeshkian visited Pakistan after the war [1].", tokens: 3));
        using var host = new LlmTestHost(server.BaseAddress);
        var extractive = await host.AskAsync(Question, AnswerMode.Extractive);

        var events = await host.StreamAsync(Question);

        var reset = events.FindIndex(e => e is AnswerResetEvent);
        Assert.True(reset > 0, "the stream says it fell back");
        var reply = ((CompletedEvent)events[^1]).Reply;
        AssertFallback(extractive, reply, "ended before the answer was finished");
        Assert.DoesNotContain("could not be reached", reply.FallbackReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WhenBreakerIsOpen_FallsBackAtOnceWithoutCallingTheModel()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Default = FakeReply.Status(503);
        using var host = new LlmTestHost(server.BaseAddress, new Dictionary<string, string?>
        {
            ["Llm:MaxRetries"] = "1",
            ["Llm:BreakerMinimumThroughput"] = "2",
            ["Llm:BreakerBreakDuration"] = "00:01:00",
        });
        var extractive = await host.AskAsync(Question, AnswerMode.Extractive);
        await host.AskAsync(Question);
        Assert.Equal(2, server.Requests);
        Assert.Equal("breaker open", host.Llm.Status().State);

        var generative = await host.AskAsync(Question, AnswerMode.Generative);
        var auto = await host.AskAsync(Question);

        AssertFallback(extractive, generative, "circuit breaker open");
        AssertFallback(extractive, auto, "circuit breaker open");
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task Ask_AfterTheBreak_TriesTheModelAgainAndClosesTheBreakerWhenItAnswers()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Default = FakeReply.Status(503);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var host = new LlmTestHost(server.BaseAddress, new Dictionary<string, string?>
        {
            // No retry: its back-off would wait on the fake clock.
            ["Llm:MaxRetries"] = "0",
            ["Llm:BreakerMinimumThroughput"] = "2",
            ["Llm:BreakerBreakDuration"] = "00:01:00",
        }, time: time);
        await host.AskAsync(Question);
        await host.AskAsync(Question);
        var duringBreak = await host.AskAsync(Question);
        Assert.Contains("circuit breaker open", duringBreak.FallbackReason);
        Assert.Equal(2, server.Requests);

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("breaker open", host.Llm.Status().State);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("recovering", host.Llm.Status().State);
        server.Default = FakeReply.Answer("President Masoud Pezeshkian visited Pakistan [1].");
        var afterBreak = await host.AskAsync(Question);

        Assert.Equal(ReplyMode.Generative, afterBreak.Mode);
        Assert.Null(afterBreak.FallbackReason);
        Assert.Equal(3, server.Requests);
        Assert.Equal("healthy", host.Llm.Status().State);
    }

    [Fact]
    public async Task Ask_InGenerativeModeWithoutModel_FallsBackAndSaysSo()
    {
        await using var server = await FakeLlmServer.StartAsync();
        using var host = new LlmTestHost(server.BaseAddress, new Dictionary<string, string?> { ["Llm:Provider"] = "None" });

        var generative = await host.AskAsync(Question, AnswerMode.Generative);
        var auto = await host.AskAsync(Question);

        Assert.Equal(ReplyMode.Extractive, generative.Mode);
        Assert.Contains("no language model is configured", generative.FallbackReason);
        Assert.Null(auto.FallbackReason);
        Assert.Equal("not configured", host.Llm.Status().State);
        Assert.Equal(0, server.Requests);
    }

    private static void AssertFallback(AskReply extractive, AskReply reply, string reason)
    {
        Assert.Equal(ReplyMode.Extractive, reply.Mode);
        Assert.Contains(reason, reply.FallbackReason);
        Assert.Equal(extractive.Answer, reply.Answer);
        Assert.Equal(extractive.Citations, reply.Citations);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
