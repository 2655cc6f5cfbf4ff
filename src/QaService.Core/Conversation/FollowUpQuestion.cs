using QaService.Answering;
using QaService.Indexing;

namespace QaService.Conversation;

/// <summary>A question asked after at least one earlier turn, with what is needed to read it in context.</summary>
public sealed record FollowUpQuestion(string Question, ConversationState Conversation, Corpus Corpus, AnswerMode Mode);
