using QaService.Generation;

namespace QaService.Tests.Generation;

public sealed class LlmOptionsValidatorTests
{
    private readonly LlmOptionsValidator validator = new();

    [Fact]
    public void Validate_WithDefaults_Succeeds() => Assert.True(validator.Validate(null, new LlmOptions()).Succeeded);

    [Theory]
    [InlineData(LlmProvider.OpenAICompatible, null, "llama3.2", null, "Llm:Endpoint is required when Llm:Provider is OpenAICompatible")]
    [InlineData(LlmProvider.AzureOpenAI, null, "gpt-4o-mini", "key", "Llm:Endpoint is required when Llm:Provider is AzureOpenAI")]
    [InlineData(LlmProvider.OpenAI, null, null, "key", "Llm:Model is required when Llm:Provider is OpenAI")]
    [InlineData(LlmProvider.OpenAI, null, "gpt-4o-mini", null, "Llm:ApiKey is required when Llm:Provider is OpenAI")]
    [InlineData(LlmProvider.OpenAICompatible, "localhost:11434", "llama3.2", null, "is not an http or https address")]
    public void Validate_WithMissingConnectionSetting_SaysWhatToSet(LlmProvider provider, string? endpoint, string? model, string? key, string message)
    {
        var result = validator.Validate(null, new LlmOptions { Provider = provider, Endpoint = endpoint, Model = model, ApiKey = key });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_WithAttemptTimeoutLongerThanTotal_Fails()
    {
        var options = new LlmOptions { AttemptTimeout = TimeSpan.FromSeconds(30), TotalTimeout = TimeSpan.FromSeconds(10) };

        Assert.Contains(validator.Validate(null, options).Failures!, f => f.Contains("Llm:AttemptTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public void ToString_NeverShowsTheKey()
    {
        var options = new LlmOptions { Provider = LlmProvider.OpenAI, Model = "gpt-4o-mini", ApiKey = "sk-very-secret" };

        Assert.DoesNotContain("sk-very-secret", options.ToString());
        Assert.Contains("(set)", options.ToString());
    }
}
