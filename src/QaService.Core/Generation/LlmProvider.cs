namespace QaService.Generation;

/// <summary>Which language model service writes generative answers.</summary>
public enum LlmProvider
{
    /// <summary>No model: every answer is extractive and nothing leaves the machine.</summary>
    None,

    /// <summary>api.openai.com (or another endpoint given in <c>Llm:Endpoint</c>).</summary>
    OpenAI,

    /// <summary>Azure OpenAI through its OpenAI-compatible <c>/openai/v1</c> endpoint; <c>Llm:Model</c> is the deployment.</summary>
    AzureOpenAI,

    /// <summary>Any server that speaks OpenAI's chat completions: Ollama, vLLM, llama.cpp's server, LM Studio.</summary>
    OpenAICompatible,
}
