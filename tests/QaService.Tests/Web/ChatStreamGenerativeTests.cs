using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using QaService.Generation;
using QaService.Tests.Generation;
using QaService.Tests.Support;

namespace QaService.Tests.Web;

/// <summary>
/// Generative answers through <c>/api/chat/stream</c> over a real socket: Kestrel on a loopback port, the real Semantic
/// Kernel connector and Polly pipeline, and a scripted OpenAI-compatible server in place of the model.
/// </summary>
public sealed class ChatStreamGenerativeTests
{
    private const string Question = GenerativeAnswerTests.Question;

    [Fact]
    public async Task ChatStream_WithModel_SendsEachTokenAsItArrives_ThenAGenerativeReply()
    {
        const string answer = "Masoud Pezeshkian made the visit [2], his first as president [2].";
        await using var llm = await FakeLlmServer.StartAsync();
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        llm.Enqueue(FakeReply.PauseAfter(answer, tokens: 2, resume.Task));
        await using var app = await KestrelTestApp.StartAsync(llm.HostSettings());
        using var client = app.CreateClient();

        using var response = await client.SendAsync(StreamRequest(Question), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = new List<StreamEvent>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var item in ServerSentEventReader.ReadAsync(response, timeout.Token))
        {
            events.Add(item);
            // The model holds back the rest of its answer until these two tokens have reached the client.
            if (events.Count(e => e.Type == "delta") == 2)
            {
                resume.SetResult();
            }
        }

        Assert.Equal("citations", events[0].Type);
        Assert.Equal(FakeReply.Tokens(answer), events.Where(e => e.Type == "delta").Select(e => e.Data.GetProperty("text").GetString()));
        Assert.DoesNotContain(events, e => e.Type == "reset");
        var done = Assert.Single(events, e => e.Type == "done").Data;
        Assert.Equal("done", events[^1].Type);
        Assert.Equal("generative", done.GetProperty("mode").GetString());
        Assert.Equal("Masoud Pezeshkian made the visit [1], his first as president [1].", done.GetProperty("answer").GetString());
        Assert.Equal(1, done.GetProperty("citations").GetArrayLength());
        Assert.Equal(1, llm.Requests);
        Assert.Empty(app.Logs.AtLeast(LogLevel.Warning));
    }

    [Fact]
    public async Task ChatStream_WhenModelStreamBreaksMidway_ResetsThenSendsTheExtractiveReplyWithItsReason()
    {
        await using var llm = await FakeLlmServer.StartAsync();
        await using var app = await KestrelTestApp.StartAsync(llm.HostSettings());
        using var client = app.CreateClient();
        var extractive = await AskAsync(client, new { question = Question, mode = "extractive" });
        llm.Enqueue(FakeReply.CutAfter("Masoud Pezeshkian visited Pakistan after the war [1].", tokens: 3));

        using var response = await client.SendAsync(StreamRequest(Question), HttpCompletionOption.ResponseHeadersRead);
        var events = await ServerSentEventReader.ReadAllAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["citations", "delta", "delta", "delta", "reset", "citations", "delta", "done"], events.Select(e => e.Type));
        var reason = events[4].Data.GetProperty("reason").GetString();
        Assert.Contains("broke off midway", reason, StringComparison.Ordinal);
        var done = events[^1].Data;
        Assert.Equal("extractive", done.GetProperty("mode").GetString());
        Assert.Equal(reason, done.GetProperty("fallbackReason").GetString());
        Assert.Equal(extractive.GetProperty("answer").GetString(), done.GetProperty("answer").GetString());
        Assert.Equal(done.GetProperty("answer").GetString(), events[^2].Data.GetProperty("text").GetString());
        Assert.Equal(1, llm.Requests);
        Assert.Empty(app.Logs.AtLeast(LogLevel.Error));
        var warning = Assert.Single(app.Logs.AtLeast(LogLevel.Warning));
        Assert.Equal(typeof(GenerativeAnswerer).FullName, warning.Category);
    }

    [Fact]
    public async Task ChatStream_ClientThatDisconnectsMidAnswer_CancelsTheModelCallAndLogsNoWarning()
    {
        await using var llm = await FakeLlmServer.StartAsync();
        // The model sends its first word and then nothing more: only the cancelled request can end its reply early.
        var never = new TaskCompletionSource();
        llm.Enqueue(FakeReply.PauseAfter("Masoud Pezeshkian made the visit [1].", tokens: 1, never.Task));
        await using var app = await KestrelTestApp.StartAsync(llm.HostSettings());

        using (var client = app.CreateClient())
        using (var response = await client.SendAsync(StreamRequest(Question), HttpCompletionOption.ResponseHeadersRead))
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await foreach (var item in ServerSentEventReader.ReadAsync(response, timeout.Token))
            {
                if (item.Type == "delta")
                {
                    break;
                }
            }
        }

        await llm.Abandoned.WaitAsync(TimeSpan.FromSeconds(15));
        await app.WaitForRequestLogAsync("/api/chat/stream");
        Assert.Equal(1, llm.Requests);
        Assert.Empty(app.Logs.AtLeast(LogLevel.Warning));
    }

    private static HttpRequestMessage StreamRequest(string question) =>
        new(HttpMethod.Post, "/api/chat/stream") { Content = JsonContent.Create(new { question }) };

    private static async Task<JsonElement> AskAsync(HttpClient client, object request)
    {
        using var response = await client.PostAsJsonAsync("/api/ask", request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
