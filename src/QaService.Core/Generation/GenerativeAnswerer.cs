using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Microsoft.SemanticKernel.ChatCompletion;
using QaService.Answering;
using QaService.Generation.Support;
using QaService.Retrieval;

namespace QaService.Generation;

/// <summary>
/// Writes an answer with the language model from the retrieved passages, streamed token by token, and turns every
/// failure of the model into the extractive reply with a reason.
/// </summary>
public sealed partial class GenerativeAnswerer(
    LlmState state,
    PromptFiles prompts,
    LlmChatFactory chats,
    ReplySupport support,
    IOptions<LlmOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<GenerativeAnswerer> logger)
{
    // Tokens run to a few characters each; a server that ignores max_tokens is cut off well past what it was allowed.
    private const int MaxCharactersPerToken = 16;

    private const string UnsupportedRemoved = "sentences the passages do not support were removed from the generated answer";

    private const string UncitedWarning = "The generated answer cites none of the passages; check it against the sources.";

    public GenerationDecision Decide(AnswerMode mode, bool extractiveAbstained)
    {
        if (mode == AnswerMode.Extractive)
        {
            return GenerationDecision.Extractive();
        }

        if (!state.IsConfigured)
        {
            return GenerationDecision.Extractive(mode == AnswerMode.Generative ? FallbackReasons.NotConfigured : null);
        }

        if (extractiveAbstained)
        {
            return GenerationDecision.Extractive(FallbackReasons.NothingRelevant);
        }

        return state.IsBreakerOpen ? GenerationDecision.Extractive(FallbackReasons.BreakerOpen) : GenerationDecision.Ask;
    }

    /// <summary>
    /// Streams the model's answer: the passages it was given (numbered as it sees them), its tokens, then the reply
    /// with the markers mapped to citations. On a failure before the first token this is the extractive reply; after
    /// it, an <see cref="AnswerResetEvent"/> and then the extractive reply.
    /// </summary>
    public async IAsyncEnumerable<AskEvent> AnswerAsync(
        string question, RetrievalResult found, AskReply extractive, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var llm = options.Value;
        var given = found.Passages;

        // The sentence the model is told to reply when the passages do not answer, naming what was searched.
        var notFound = AbstentionText.NotSaid(found.Corpus);

        // The HTTP pipeline's total timeout ends at the response headers; this one also covers a stream that stalls. A
        // service that is stopping does not wait for the model either: the question gets the extractive reply at once.
        using var timeout = new CancellationTokenSource(llm.TotalTimeout, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token, lifetime.ApplicationStopping);

        var text = new StringBuilder();
        var longest = llm.MaxTokens * MaxCharactersPerToken;
        var chunks = 0;
        var finished = false;
        string? failure = null;
        IAsyncEnumerator<StreamingChatMessageContent>? stream = null;
        try
        {
            stream = (await StartAsync(question, given, notFound, deadline.Token).ConfigureAwait(false)).GetAsyncEnumerator(deadline.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            failure = Fail(e, midway: false);
        }

        while (stream is not null)
        {
            string? piece;
            try
            {
                if (!await stream.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }

                piece = stream.Current.Content;
                chunks++;

                // Every OpenAI-compatible server ends a complete answer with a finish reason; a stream that closes
                // without one was cut off, however cleanly.
                finished |= stream.Current is OpenAIStreamingChatMessageContent { FinishReason: not null };
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                failure = Fail(e, midway: text.Length > 0);
                break;
            }

            if (string.IsNullOrEmpty(piece))
            {
                continue;
            }

            if (text.Length + piece.Length > longest)
            {
                failure = FallbackReasons.TooLong(llm.MaxTokens);
                LogFallback("answer too long", failure);
                break;
            }

            if (text.Length == 0)
            {
                yield return new CitationsEvent(given.Select(CitationMarkerMapper.ToCitation).ToList());
            }

            text.Append(piece);
            yield return new AnswerDeltaEvent(piece);
        }

        if (stream is not null)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }

        if (failure is null && chunks == 0)
        {
            // A 200 whose body holds no chunk at all (an HTML page, a proxy's error) was not an answer, not even an empty one.
            failure = FallbackReasons.Unreadable;
            LogFallback("no chunks", failure);
        }
        else if (failure is null && text.ToString().Trim().Length == 0)
        {
            failure = FallbackReasons.Empty;
        }
        else if (failure is null && !finished)
        {
            failure = FallbackReasons.Unfinished;
            LogFallback("no finish reason", failure);
        }

        if (failure is not null)
        {
            if (text.Length > 0)
            {
                yield return new AnswerResetEvent(failure);
            }

            await foreach (var item in ReplyEvents.Of(extractive with { FallbackReason = failure }).ConfigureAwait(false))
            {
                yield return item;
            }

            yield break;
        }

        // Every sentence is checked once the answer is whole; a policy that changes the text sends it again, after a reset.
        var reply = support.Apply(
            Reply(text.ToString(), given, extractive, notFound), found, extractive, (kept, cited) => Reply(kept, cited, extractive, notFound), cancellationToken);
        if (!reply.Rewritten)
        {
            yield return new CompletedEvent(reply.Reply);
            yield break;
        }

        yield return new AnswerResetEvent(reply.Reply.FallbackReason ?? UnsupportedRemoved);
        await foreach (var item in ReplyEvents.Of(reply.Reply).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    private async Task<IAsyncEnumerable<StreamingChatMessageContent>> StartAsync(
        string question, IReadOnlyList<RankedPassage> given, string notFound, CancellationToken cancellationToken)
    {
        var arguments = new KernelArguments
        {
            ["passages"] = string.Join("\n\n", given.Select((p, i) => $"[{i + 1}] {p.Passage.Text}")),
            ["question"] = question,
            ["not_found"] = notFound,
        };
        var prompt = await prompts.RenderAsync(PromptFiles.Answer, arguments, cancellationToken).ConfigureAwait(false);
        return chats.Create().GetStreamingChatMessageContentsAsync(prompt, chats.Settings(), kernel: null, cancellationToken);
    }

    private static AskReply Reply(string generated, IReadOnlyList<RankedPassage> given, AskReply extractive, string notFound)
    {
        var nearest = given.Select(CitationMarkerMapper.ToCitation).ToList();
        var mapped = CitationMarkerMapper.Map(generated, given);
        if (mapped.Text.StartsWith(notFound.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
        {
            return extractive with { Answer = mapped.Text, Mode = ReplyMode.Generative, Abstained = true, Citations = nearest };
        }

        return mapped.CitesNothing
            ? extractive with { Answer = mapped.Text, Mode = ReplyMode.Generative, Abstained = false, Citations = nearest, Warning = UncitedWarning }
            : extractive with { Answer = mapped.Text, Mode = ReplyMode.Generative, Abstained = false, Citations = mapped.Citations };
    }

    private string Fail(Exception e, bool midway)
    {
        var reason = lifetime.ApplicationStopping.IsCancellationRequested ? FallbackReasons.Stopping : FallbackReasons.For(e, options.Value, midway);
        LogFallback(e.GetType().Name, FallbackReasons.ForLog(e, reason));
        return reason;
    }

    // The exception itself is not logged: its message may quote the server's reply, which is not ours to print.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Generative answer fell back to extractive ({ExceptionType}): {Reason}")]
    private partial void LogFallback(string exceptionType, string reason);
}
