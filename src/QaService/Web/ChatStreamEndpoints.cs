using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using QaService.Answering;

namespace QaService.Host.Web;

/// <summary>
/// <c>POST /api/chat/stream</c>: the ask request, answered as server-sent events — <c>citations</c> (the citation
/// array), <c>delta</c> (<c>{"text": ...}</c>, one or more) and <c>done</c> (the whole reply of <c>/api/ask</c>).
/// A generative answer that breaks off midway sends <c>reset</c> (<c>{"reason": ...}</c>) and then the extractive
/// answer from its own <c>citations</c> on.
/// </summary>
internal static class ChatStreamEndpoints
{
    public sealed record AnswerDelta(string Text);

    public sealed record AnswerReset(string Reason);

    public static RouteGroupBuilder MapChatStreamEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/chat/stream", StreamAsync)
            .WithName("ChatStream")
            .WithSummary("Answers like /api/ask, streamed as server-sent events.")
            .WithDescription(
                "Events in order: `citations` (array of citations), `delta` ({\"text\": ...}, one or more pieces of the answer) "
                + "and `done` (the whole reply, as /api/ask returns it). When a generative answer breaks off midway, `reset` "
                + "({\"reason\": ...}) says to drop the text streamed so far, and the extractive answer follows from its own `citations` on. "
                + "Bad input and not-ready are problem replies, sent before any event.")
            .DescribeJsonBody<AskRequestBody>()
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireRateLimiting(AskRateLimiting.PolicyName);
        return api;
    }

    private static async Task<Results<ServerSentEventsResult<string>, ProblemHttpResult>> StreamAsync(
        HttpRequest http, Asker asker, AskFailures failures, IOptions<AnsweringOptions> answering, CancellationToken cancellationToken)
    {
        var (request, problem) = await AskRequestReader.ReadAsync(http, answering.Value.MaxQuestionLength, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        // The asker refuses a bad question or a missing index on its first step, and reads the index before its first
        // event. Take that step before the stream starts, while the reply can still be a problem instead of a 200
        // that breaks off.
        var events = asker.AskStreamAsync(request, cancellationToken).GetAsyncEnumerator(cancellationToken);
        bool hasFirst;
        try
        {
            hasFirst = await events.MoveNextAsync();
        }
        catch (Exception e) when (!AskFailures.IsClientGone(e, http.HttpContext))
        {
            await events.DisposeAsync();
            return failures.ToProblem(e, http.HttpContext.Response);
        }

        return TypedResults.ServerSentEvents(ToFrames(events, hasFirst));
    }

    private static async IAsyncEnumerable<SseItem<string>> ToFrames(IAsyncEnumerator<AskEvent> events, bool hasCurrent)
    {
        await using (events)
        {
            while (hasCurrent)
            {
                yield return ToFrame(events.Current);
                hasCurrent = await events.MoveNextAsync();
            }
        }
    }

    // An event the page does not know about must fail a test, not vanish from the stream.
    private static SseItem<string> ToFrame(AskEvent item) => item switch
    {
        CitationsEvent e => Frame("citations", e.Citations),
        AnswerDeltaEvent e => Frame("delta", new AnswerDelta(e.Text)),
        AnswerResetEvent e => Frame("reset", new AnswerReset(e.Reason)),
        CompletedEvent e => Frame("done", e.Reply),
        _ => throw new UnreachableException($"The chat stream has no frame for {item.GetType().Name}."),
    };

    private static SseItem<string> Frame<T>(string type, T data) =>
        new(JsonSerializer.Serialize(data, ApiJson.Options), type);
}
