using QaService.Answering;
using QaService.Tests.Support;

namespace QaService.Tests.Generation;

/// <summary>Generative answers checked sentence by sentence, through the real pipeline against the fake model.</summary>
public sealed class SupportedAnswerTests
{
    private const string Faithful = "Iranian President Masoud Pezeshkian visited Pakistan in the aftermath of two recent conflicts [1].";
    private const string Invented = "Pakistan and Iran signed a gas pipeline treaty in 2025 [1].";
    private const string Paraphrase = "Pezeshkian's trip to Pakistan after two recent wars is an important geopolitical event [1].";

    [Fact]
    public async Task FaithfulAnswer_IsSupportedSentenceBySentence()
    {
        var reply = await AskAsync(Faithful + " The recent 12-day conflict between Israel and Iran was followed by a 4-day war between India and Pakistan [1].");

        Assert.Equal(ReplyMode.Generative, reply.Mode);
        Assert.NotNull(reply.Support);
        Assert.Equal(2, reply.Support.Count);
        Assert.All(reply.Support, s => Assert.True(s.Supported, $"'{reply.Answer[s.Start..s.End]}' scored {s.Score}"));
        Assert.Equal(Faithful, reply.Answer[reply.Support[0].Start..reply.Support[0].End]);
        Assert.All(reply.Support, s => Assert.Equal(1, s.Citation));
    }

    [Fact]
    public async Task Paraphrase_OfACitedSentence_IsSupported()
    {
        var reply = await AskAsync(Paraphrase);

        var sentence = Assert.Single(reply.Support!);
        Assert.True(sentence.Supported, $"scored {sentence.Score}");
    }

    [Fact]
    public async Task InventedSentence_IsMarkedByDefault()
    {
        var reply = await AskAsync($"{Faithful} {Invented}");

        Assert.Equal(ReplyMode.Generative, reply.Mode);
        Assert.Equal($"{Faithful} {Invented}", reply.Answer);
        Assert.Collection(reply.Support!, s => Assert.True(s.Supported), s => Assert.False(s.Supported));
        Assert.Equal(Invented, reply.Answer[reply.Support![1].Start..reply.Support[1].End]);
    }

    [Fact]
    public async Task WithEmbeddings_TheFaithfulSentenceIsSupportedAndTheInventedOneFlagged()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeReply.Answer($"{Faithful} {Paraphrase} {Invented}"));
        using var host = new LlmTestHost(server.BaseAddress, new Dictionary<string, string?> { [TestDefaults.Hybrid.Key] = TestDefaults.Hybrid.Value });

        var reply = await host.AskAsync(GenerativeAnswerTests.Question, AnswerMode.Generative);

        Assert.Equal([true, true, false], reply.Support!.Select(s => s.Supported));
    }

    [Fact]
    public async Task InventedSentence_IsDroppedUnderDrop()
    {
        var reply = await AskAsync($"{Faithful} {Invented}", "drop");

        Assert.Equal(ReplyMode.Generative, reply.Mode);
        Assert.Equal(Faithful, reply.Answer);
        Assert.True(Assert.Single(reply.Support!).Supported);
        Assert.Single(reply.Citations);
    }

    [Fact]
    public async Task InventedSentence_FallsBackToTheExtractiveAnswerUnderFallback()
    {
        var reply = await AskAsync($"{Faithful} {Invented}", "fallback");

        Assert.Equal(ReplyMode.Extractive, reply.Mode);
        Assert.Contains("not supported by the passages", reply.FallbackReason);
        Assert.Null(reply.Support);
    }

    [Fact]
    public async Task Stream_UnderDrop_ResetsAndSendsTheCheckedAnswer()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeReply.Answer($"{Faithful} {Invented}"));
        using var host = new LlmTestHost(server.BaseAddress, new Dictionary<string, string?> { ["Generation:UnsupportedPolicy"] = "drop" });

        var events = await host.StreamAsync(GenerativeAnswerTests.Question, AnswerMode.Generative);

        var reset = events.FindIndex(e => e is AnswerResetEvent);
        Assert.True(reset > 0, "the streamed answer is reset");
        Assert.Equal(Faithful, string.Concat(events.Skip(reset).OfType<AnswerDeltaEvent>().Select(d => d.Text)));
        Assert.Equal(Faithful, Assert.IsType<CompletedEvent>(events[^1]).Reply.Answer);
    }

    private static async Task<AskReply> AskAsync(string generated, string? policy = null)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeReply.Answer(generated));
        var settings = new Dictionary<string, string?>();
        if (policy is not null)
        {
            settings["Generation:UnsupportedPolicy"] = policy;
        }

        using var host = new LlmTestHost(server.BaseAddress, settings);
        return await host.AskAsync(GenerativeAnswerTests.Question, AnswerMode.Generative);
    }
}
