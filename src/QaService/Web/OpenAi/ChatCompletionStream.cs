using System.Text;
using System.Text.Json;
using QaService.Answering;

namespace QaService.Host.Web.OpenAi;

/// <summary>
/// Writes a chat completion as server-sent <c>chat.completion.chunk</c> events: the assistant role at once, the
/// answer in pieces once it is checked, then a last chunk with the finish reason, citations and support, and
/// <c>data: [DONE]</c>. A generative answer is sent after its sentences are checked and its references numbered, so
/// the streamed text is exactly the text the citations and support ranges refer to.
/// </summary>
internal sealed class ChatCompletionStream(IAsyncEnumerator<AskEvent> events, bool hasFirst, string id, long created, string model) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        var cancellationToken = context.RequestAborted;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        await using (events)
        {
            await SendAsync(response, Chunk(new ChunkDelta(Role: "assistant", Content: "")), cancellationToken);
            AskReply? reply = null;
            for (var more = hasFirst; more && reply is null; more = await events.MoveNextAsync())
            {
                reply = (events.Current as CompletedEvent)?.Reply;
            }

            if (reply is null)
            {
                throw new InvalidOperationException("The answer stream ended without a reply.");
            }

            foreach (var piece in Pieces(ReferencedAnswer.Of(reply)))
            {
                await SendAsync(response, Chunk(new ChunkDelta(Content: piece)), cancellationToken);
            }

            var last = Chunk(new ChunkDelta(), "stop") with
            {
                Citations = WireCitation.Of(reply.Citations),
                Support = WireSupport.Of(reply.Support),
                Qaservice = AnswerDetails.Of(reply),
            };
            await SendAsync(response, last, cancellationToken);
            await response.WriteAsync("data: [DONE]\n\n", cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }
    }

    private ChatCompletionChunk Chunk(ChunkDelta delta, string? finishReason = null) =>
        new(id, "chat.completion.chunk", created, model, [new ChunkChoice(0, delta, finishReason)]);

    private static async Task SendAsync(HttpResponse response, ChatCompletionChunk chunk, CancellationToken cancellationToken)
    {
        await response.WriteAsync("data: " + JsonSerializer.Serialize(chunk, OpenAiJson.Options) + "\n\n", Encoding.UTF8, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>The answer word by word, each word with the space before it, so the pieces join back to the whole.</summary>
    private static IEnumerable<string> Pieces(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || (char.IsWhiteSpace(text[i]) && !char.IsWhiteSpace(text[i - 1])))
            {
                yield return text[start..i];
                start = i;
            }
        }
    }
}
