using Microsoft.Extensions.Options;

namespace QaService.Generation;

/// <summary>Checks the <c>Llm</c> section at start and says what to set, without ever repeating the key.</summary>
internal sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add("Llm:Provider must be None, OpenAI, AzureOpenAI or OpenAICompatible.");
        }

        if (options.IsConfigured)
        {
            CheckConnection(options, failures);
        }

        if (options.Temperature is < 0 or > 2)
        {
            failures.Add($"Llm:Temperature is {options.Temperature}; use a value from 0 to 2.");
        }

        if (options.MaxTokens is < 16 or > 32_000)
        {
            failures.Add($"Llm:MaxTokens is {options.MaxTokens}; use a value from 16 to 32000.");
        }

        if (string.IsNullOrWhiteSpace(options.PromptsPath))
        {
            failures.Add("Llm:PromptsPath is empty; point it at the prompts folder (default \"prompts\").");
        }

        CheckTimes(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckConnection(LlmOptions options, List<string> failures)
    {
        var provider = options.Provider;
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add(provider == LlmProvider.AzureOpenAI
                ? "Llm:Model is required when Llm:Provider is AzureOpenAI: set it to the deployment name (e.g. Llm__Model=gpt-4o-mini)."
                : $"Llm:Model is required when Llm:Provider is {provider} (e.g. Llm__Model={(provider == LlmProvider.OpenAI ? "gpt-4o-mini" : "llama3.2")}).");
        }

        if (provider is LlmProvider.AzureOpenAI or LlmProvider.OpenAICompatible && string.IsNullOrWhiteSpace(options.Endpoint))
        {
            failures.Add(provider == LlmProvider.AzureOpenAI
                ? "Llm:Endpoint is required when Llm:Provider is AzureOpenAI (e.g. https://my-resource.openai.azure.com)."
                : "Llm:Endpoint is required when Llm:Provider is OpenAICompatible (e.g. http://localhost:11434/v1 for Ollama).");
        }
        else if (!string.IsNullOrWhiteSpace(options.Endpoint)
            && (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https")))
        {
            failures.Add($"Llm:Endpoint '{options.Endpoint}' is not an http or https address.");
        }

        if (provider is LlmProvider.OpenAI or LlmProvider.AzureOpenAI && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add($"Llm:ApiKey is required when Llm:Provider is {provider}: set the environment variable Llm__ApiKey or run "
                + "`dotnet user-secrets set Llm:ApiKey <key> --project src/QaService`.");
        }
    }

    private static void CheckTimes(LlmOptions options, List<string> failures)
    {
        if (options.AttemptTimeout <= TimeSpan.Zero || options.TotalTimeout <= TimeSpan.Zero)
        {
            failures.Add("Llm:AttemptTimeout and Llm:TotalTimeout must be positive (e.g. 00:00:20 and 00:01:00).");
        }
        else if (options.AttemptTimeout > options.TotalTimeout)
        {
            failures.Add($"Llm:AttemptTimeout ({options.AttemptTimeout}) is longer than Llm:TotalTimeout ({options.TotalTimeout}); make it shorter.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"Llm:MaxRetries is {options.MaxRetries}; use 0 to 10.");
        }

        if (options.RetryDelay <= TimeSpan.Zero)
        {
            failures.Add("Llm:RetryDelay must be positive (e.g. 00:00:01).");
        }

        if (options.BreakerFailureRatio is <= 0 or > 1)
        {
            failures.Add($"Llm:BreakerFailureRatio is {options.BreakerFailureRatio}; use a share above 0 and at most 1 (e.g. 0.5).");
        }

        if (options.BreakerMinimumThroughput < 2)
        {
            failures.Add($"Llm:BreakerMinimumThroughput is {options.BreakerMinimumThroughput}; use 2 or more.");
        }

        if (options.BreakerSamplingDuration < TimeSpan.FromMilliseconds(500) || options.BreakerBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            failures.Add("Llm:BreakerSamplingDuration and Llm:BreakerBreakDuration must be at least 00:00:00.5.");
        }
    }
}
