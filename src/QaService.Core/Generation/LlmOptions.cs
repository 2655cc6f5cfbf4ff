namespace QaService.Generation;

/// <summary>The <c>Llm</c> section: which model writes generative answers and how hard to try before falling back.</summary>
public sealed class LlmOptions
{
    public const string SectionName = "Llm";

    public LlmProvider Provider { get; set; } = LlmProvider.None;

    /// <summary>The base address of the API, ending in <c>/v1</c> for OpenAI-compatible servers.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The model name, or the deployment name for Azure OpenAI.</summary>
    public string? Model { get; set; }

    /// <summary>A secret: give it through an environment variable or user secrets, never in appsettings.json.</summary>
    public string? ApiKey { get; set; }

    public double Temperature { get; set; } = 0.1;

    public int MaxTokens { get; set; } = 400;

    /// <summary>The folder of prompt templates, resolved against the content root.</summary>
    public string PromptsPath { get; set; } = "prompts";

    /// <summary>Longest wait for one attempt to start answering; a slower attempt is cut and retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Longest wait for a whole generative answer, retries and streaming included; then the reply falls back.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's delay; later ones double, with jitter. A <c>Retry-After</c> header wins.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The share of failed attempts, within <see cref="BreakerSamplingDuration"/>, that opens the breaker.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Fewer attempts than this in the sampling window never open the breaker.</summary>
    public int BreakerMinimumThroughput { get; set; } = 8;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an open breaker answers every question extractively before it lets one attempt through.</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => Provider != LlmProvider.None;

    /// <summary>Never shows the key, so the options can be logged or printed safely.</summary>
    public override string ToString() =>
        $"Llm {{ Provider = {Provider}, Endpoint = {Endpoint ?? "(default)"}, Model = {Model ?? "(none)"}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "(set)")} }}";
}
