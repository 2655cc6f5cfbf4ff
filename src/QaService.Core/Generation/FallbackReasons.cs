using System.ClientModel;
using System.Net;
using System.Net.Sockets;
using Microsoft.SemanticKernel;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace QaService.Generation;

/// <summary>Short, user-readable words for why a generative answer could not be had. Never an exception message.</summary>
internal static class FallbackReasons
{
    public const string NotConfigured = "no language model is configured (Llm:Provider is None)";
    public const string NothingRelevant = "the article holds nothing relevant to the question, so the language model was not asked";
    public const string BreakerOpen = "the language model failed repeatedly and is paused for a while (circuit breaker open)";
    public const string Empty = "the language model sent an empty answer";
    public const string Unreadable = "the language model's reply could not be read";
    public const string Stopping = "the service is stopping, so the language model's answer was not waited for";
    public const string Unfinished = "the language model's answer broke off midway: the stream ended before the answer was finished";

    public static string TooLong(int maxTokens) =>
        $"the language model's answer ran far past Llm:MaxTokens ({maxTokens}), so it was cut off and not used";

    /// <summary>What the server log says: the reason, or for a prompt file the message that names the files.</summary>
    public static string ForLog(Exception failure, string reason) =>
        Chain(failure).OfType<PromptFileException>().FirstOrDefault()?.Message ?? reason;

    public static string For(Exception failure, LlmOptions options, bool midway)
    {
        var reason = Describe(failure, options, midway);
        return midway ? "the language model's answer broke off midway: " + reason : reason;
    }

    private static string Describe(Exception failure, LlmOptions options, bool midway)
    {
        var chain = Chain(failure).ToList();
        if (chain.OfType<BrokenCircuitException>().Any())
        {
            return BreakerOpen;
        }

        if (chain.OfType<PromptFileException>().FirstOrDefault() is { } prompt)
        {
            return prompt.Reason;
        }

        if (chain.Any(e => e is TimeoutRejectedException or OperationCanceledException or TimeoutException))
        {
            return $"the language model did not answer within {options.TotalTimeout.TotalSeconds:0.#} s";
        }

        if (StatusOf(chain) is { } status)
        {
            return status == (int)HttpStatusCode.TooManyRequests
                ? "the language model is rate-limited (HTTP 429)"
                : $"the language model replied with an error (HTTP {status})";
        }

        // A model that already sent part of its answer was reached: the connection broke afterwards.
        if (!midway && chain.Any(e => e is SocketException or HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }))
        {
            return "the language model could not be reached";
        }

        if (chain.Any(e => e is IOException or HttpRequestException))
        {
            return "the connection to the language model failed";
        }

        return Unreadable;
    }

    // Semantic Kernel wraps most HTTP errors in HttpOperationException; a streamed call can surface the OpenAI
    // client's own ClientResultException instead.
    private static int? StatusOf(IEnumerable<Exception> chain) =>
        chain.Select(e => e switch
        {
            HttpOperationException { StatusCode: { } code } => (int)code,
            ClientResultException { Status: > 0 } result => result.Status,
            _ => (int?)null,
        }).FirstOrDefault(status => status is not null);

    private static IEnumerable<Exception> Chain(Exception failure)
    {
        for (Exception? e = failure; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
