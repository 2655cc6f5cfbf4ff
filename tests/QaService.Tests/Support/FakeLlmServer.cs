using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace QaService.Tests.Support;

/// <summary>
/// A real OpenAI-compatible chat completions server on a loopback port, inside the test process. Each request takes
/// the next scripted reply (then <see cref="Default"/>); every request body is kept so tests can read what was sent.
/// </summary>
public sealed class FakeLlmServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<FakeReply> script = new();
    private readonly ConcurrentQueue<JsonObject> bodies = new();
    private readonly TaskCompletionSource abandoned = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int requests;

    private FakeLlmServer(WebApplication app) => this.app = app;

    public FakeReply Default { get; set; } = FakeReply.Answer("No script was given [1].");

    public int Requests => Volatile.Read(ref requests);

    public IReadOnlyList<JsonObject> Bodies => bodies.ToList();

    /// <summary>Completes when a client first goes away before its reply was fully written.</summary>
    public Task Abandoned => abandoned.Task;

    public string BaseAddress => app.Urls.First() + "/v1";

    public static async Task<FakeLlmServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeLlmServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    /// <summary>The chat messages of a request body, as (role, text).</summary>
    public static IReadOnlyList<(string Role, string Content)> Messages(JsonObject body) =>
        body["messages"]!.AsArray().Select(m => (m!["role"]!.GetValue<string>(), Content(m["content"]!))).ToList();

    /// <summary>Whether the client asked for a streamed reply.</summary>
    public static bool IsStreamed(JsonObject body) => body["stream"]?.GetValue<bool>() == true;

    public void Enqueue(params FakeReply[] replies)
    {
        foreach (var reply in replies)
        {
            script.Enqueue(reply);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref requests);
        var body = (JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync()) as JsonObject)!;
        bodies.Enqueue(body);
        var reply = script.TryDequeue(out var next) ? next : Default;
        var stream = IsStreamed(body);
        try
        {
            await reply.Write(context, stream, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            if (context.RequestAborted.IsCancellationRequested)
            {
                abandoned.TrySetResult();
            }
        }
    }

    /// <summary>Configuration that points a QaService host at this server, with quick retries.</summary>
    public Dictionary<string, string?> HostSettings() => new()
    {
        ["Llm:Provider"] = "OpenAICompatible",
        ["Llm:Endpoint"] = BaseAddress,
        ["Llm:Model"] = "test-model",
        ["Llm:ApiKey"] = "sk-test-key-do-not-print",
        ["Llm:MaxRetries"] = "1",
        ["Llm:RetryDelay"] = "00:00:00.050",
    };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    // A message's content is a string, or a list of text parts.
    private static string Content(JsonNode content) =>
        content is JsonArray parts ? string.Concat(parts.Select(p => p!["text"]?.GetValue<string>())) : content.GetValue<string>();
}

/// <summary>One scripted reply of <see cref="FakeLlmServer"/>: an answer (plain JSON or SSE, as asked), or a fault.</summary>
public sealed record FakeReply(Func<HttpContext, bool, CancellationToken, Task> Write)
{
    /// <summary>The answer, streamed one word (with its leading space) per chunk when the client asks for a stream.</summary>
    public static FakeReply Answer(string text) => new(async (context, stream, cancellationToken) =>
    {
        if (!stream)
        {
            await context.Response.WriteAsJsonAsync(Completion(text), cancellationToken);
            return;
        }

        await StartStream(context, cancellationToken);
        foreach (var token in Tokens(text))
        {
            await SendChunk(context, Chunk(token, null), cancellationToken);
        }

        await EndStream(context, cancellationToken);
    });

    /// <summary>Streams the first words of the answer, waits for <paramref name="resume"/>, then streams the rest.</summary>
    public static FakeReply PauseAfter(string text, int tokens, Task resume) => new(async (context, _, cancellationToken) =>
    {
        await StartStream(context, cancellationToken);
        foreach (var (token, i) in Tokens(text).Select((token, i) => (token, i)))
        {
            if (i == tokens)
            {
                await resume.WaitAsync(cancellationToken);
            }

            await SendChunk(context, Chunk(token, null), cancellationToken);
        }

        await EndStream(context, cancellationToken);
    });

    public static FakeReply Status(int status, string? retryAfter = null) => new((context, _, cancellationToken) =>
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        return context.Response.WriteAsJsonAsync(new { error = new { message = $"scripted {status}", type = "server_error" } }, cancellationToken);
    });

    /// <summary>Never answers; the request ends only when the client gives up.</summary>
    public static FakeReply Hang() => new((_, _, cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken));

    /// <summary>A 200 whose body is not valid JSON (as a stream chunk when a stream was asked for).</summary>
    public static FakeReply Malformed() => new(async (context, stream, cancellationToken) =>
    {
        if (!stream)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"choices\": [ {\"message\": ", cancellationToken);
            return;
        }

        await StartStream(context, cancellationToken);
        await context.Response.WriteAsync("data: {\"choices\": [ {\"delta\": \n\n", cancellationToken);
        await context.Response.WriteAsync("data: [DONE]\n\n", cancellationToken);
    });

    /// <summary>A 200 with a web page instead of an answer, as a proxy or a misconfigured endpoint sends.</summary>
    public static FakeReply Html() => new((context, _, cancellationToken) =>
    {
        context.Response.ContentType = "text/html";
        return context.Response.WriteAsync("<html><body><h1>Welcome to nginx!</h1></body></html>", cancellationToken);
    });

    /// <summary>Streams the first words of the answer, then drops the connection.</summary>
    public static FakeReply CutAfter(string text, int tokens) => new(async (context, _, cancellationToken) =>
    {
        await StartStream(context, cancellationToken);
        foreach (var token in Tokens(text).Take(tokens))
        {
            await SendChunk(context, Chunk(token, null), cancellationToken);
        }

        await Task.Delay(100, cancellationToken);
        context.Abort();
    });

    /// <summary>Streams the first words of the answer, then closes the stream cleanly, without a finish reason or [DONE].</summary>
    public static FakeReply EndAfter(string text, int tokens) => new(async (context, _, cancellationToken) =>
    {
        await StartStream(context, cancellationToken);
        foreach (var token in Tokens(text).Take(tokens))
        {
            await SendChunk(context, Chunk(token, null), cancellationToken);
        }
    });

    public static IReadOnlyList<string> Tokens(string text) =>
        text.Split(' ').Select((word, i) => i == 0 ? word : " " + word).ToList();

    private static async Task StartStream(HttpContext context, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "text/event-stream";
        await context.Response.StartAsync(cancellationToken);
    }

    private static async Task EndStream(HttpContext context, CancellationToken cancellationToken)
    {
        await SendChunk(context, Chunk(null, "stop"), cancellationToken);
        await context.Response.WriteAsync("data: [DONE]\n\n", cancellationToken);
    }

    private static async Task SendChunk(HttpContext context, object chunk, CancellationToken cancellationToken)
    {
        await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk) + "\n\n", cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }

    private static object Completion(string text) => new
    {
        id = "chatcmpl-test",
        @object = "chat.completion",
        created = 1_700_000_000,
        model = "test-model",
        choices = new[] { new { index = 0, message = new { role = "assistant", content = text }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
    };

    private static object Chunk(string? token, string? finish) => new
    {
        id = "chatcmpl-test",
        @object = "chat.completion.chunk",
        created = 1_700_000_000,
        model = "test-model",
        choices = new[] { new { index = 0, delta = token is null ? new { role = (string?)null, content = (string?)null } : new { role = (string?)"assistant", content = (string?)token }, finish_reason = finish } },
    };
}
