using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QaService.Indexing;
using QaService.Retrieval;

namespace QaService.Tests.Web;

/// <summary>The event stream over a real socket: Kestrel on a loopback port, read as it arrives.</summary>
public sealed class ChatStreamKestrelTests
{
    [Fact]
    public async Task ChatStream_OverKestrel_SendsCitationsThenDeltasThenDone()
    {
        await using var app = await KestrelTestApp.StartAsync();
        using var client = app.CreateClient();
        var document = await client.GetFromJsonAsync<DocumentText>("/api/documents/article");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat/stream")
        {
            Content = JsonContent.Create(new { question = "How long did the recent conflict between Israel and Iran last?" }),
        };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var events = await ServerSentEventReader.ReadAllAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var order = events.Select(e => e.Type).Distinct().ToList();
        Assert.Equal(["citations", "delta", "done"], order);
        Assert.Equal("done", events[^1].Type);
        Assert.Equal("citations", events[0].Type);

        var citations = events[0].Data.EnumerateArray().ToList();
        Assert.NotEmpty(citations);
        foreach (var citation in citations)
        {
            var start = citation.GetProperty("start").GetInt32();
            var end = citation.GetProperty("end").GetInt32();
            Assert.Equal(document!.Text[start..end], citation.GetProperty("text").GetString());
        }

        var done = events[^1].Data;
        var streamed = string.Concat(events.Where(e => e.Type == "delta").Select(e => e.Data.GetProperty("text").GetString()));
        Assert.Equal(done.GetProperty("answer").GetString(), streamed);
        Assert.False(string.IsNullOrWhiteSpace(done.GetProperty("conversationId").GetString()));
        Assert.Empty(app.Logs.AtLeast(LogLevel.Warning));
    }

    [Fact]
    public async Task ChatStream_ClientThatDisconnects_CancelsTheWorkAndLogsNoError()
    {
        var scorer = new ScorerThatWaitsForCancellation();
        await using var app = await KestrelTestApp.StartAsync(services: s => s.AddSingleton<ISemanticScorer>(scorer));
        using var client = app.CreateClient();
        using var disconnect = new CancellationTokenSource();

        var streaming = client.PostAsJsonAsync("/api/chat/stream", new { question = "Who visited Pakistan?" }, disconnect.Token);
        await scorer.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await disconnect.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => streaming);
        await scorer.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await app.WaitForRequestLogAsync("/api/chat/stream");
        Assert.Empty(app.Logs.AtLeast(LogLevel.Warning));
    }

    private sealed record DocumentText(string Id, string Title, string Text);

    /// <summary>Stands in for slow work inside the pipeline: it runs until the request's token is cancelled.</summary>
    private sealed class ScorerThatWaitsForCancellation : ISemanticScorer
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SemanticScores Score(IndexSnapshot snapshot, string question, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            var cancelled = cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(60));
            if (cancelled)
            {
                Cancelled.TrySetResult();
            }

            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException("The request was never cancelled.");
        }
    }
}
