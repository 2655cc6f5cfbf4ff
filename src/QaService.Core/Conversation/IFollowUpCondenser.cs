using QaService.Retrieval;

namespace QaService.Conversation;

/// <summary>
/// Reads a question asked within a conversation as one standalone question. <see cref="ExtractiveFollowUpCondenser"/>
/// does it without a language model; <see cref="LlmFollowUpCondenser"/> rewrites the question with the follow-up prompt
/// and falls back to the extractive one when the model is off or fails.
/// </summary>
public interface IFollowUpCondenser
{
    ValueTask<QuestionAnalysis> CondenseAsync(FollowUpQuestion followUp, CancellationToken cancellationToken);
}
