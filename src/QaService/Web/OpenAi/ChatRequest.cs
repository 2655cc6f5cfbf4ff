using QaService.Answering;

namespace QaService.Host.Web.OpenAi;

/// <summary>
/// A chat completion request as QaService reads it: the last user message is the question; the earlier user messages
/// are the conversation it follows up on (assistant and system messages carry nothing the service needs).
/// </summary>
internal sealed record ChatRequest(string Model, AnswerMode Mode, bool Stream, IReadOnlyList<string> EarlierQuestions, string Question);
