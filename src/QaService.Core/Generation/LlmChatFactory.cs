using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace QaService.Generation;

/// <summary>
/// Builds Semantic Kernel's chat service over the resilient "llm" HttpClient. Only called once a model is configured,
/// so with <c>Llm:Provider=None</c> no HttpClient is ever created.
/// </summary>
public sealed class LlmChatFactory(IOptions<LlmOptions> options, IHttpClientFactory httpClients, ILoggerFactory loggers)
{
    public const string HttpClientName = "llm";

    public IChatCompletionService Create()
    {
        var llm = options.Value;
        if (!llm.IsConfigured)
        {
            throw new InvalidOperationException("No language model is configured (Llm:Provider is None).");
        }

        // A client from the factory per answer: cheap, and it lets the factory rotate handlers while the
        // resilience pipeline (and its breaker) stays one per process.
        var client = httpClients.CreateClient(HttpClientName);
        client.BaseAddress = LlmEndpoint.For(llm);
        return new OpenAIChatCompletionService(llm.Model!, string.IsNullOrEmpty(llm.ApiKey) ? "none" : llm.ApiKey, httpClient: client, loggerFactory: loggers);
    }

    /// <summary>The configured temperature and token limit; <paramref name="maxTokens"/> replaces the limit for a call that wants a short reply.</summary>
    public OpenAIPromptExecutionSettings Settings(int? maxTokens = null)
    {
        var llm = options.Value;
        var limit = maxTokens ?? llm.MaxTokens;
        var settings = new OpenAIPromptExecutionSettings { Temperature = llm.Temperature, MaxTokens = limit };
        if (llm.Provider == LlmProvider.OpenAICompatible)
        {
            // The connector sends max_completion_tokens, which some local servers ignore; they know max_tokens.
            // ExtraBody is the connector's own (experimental) way to add a field to the request.
#pragma warning disable SKEXP0010
            settings.ExtraBody = new Dictionary<string, object?> { ["max_tokens"] = limit };
#pragma warning restore SKEXP0010
        }

        return settings;
    }
}
