namespace QaService.Conversation;

/// <summary>The configured Redis could not be reached when the service started.</summary>
public sealed class ConversationStoreUnavailableException(string message, Exception inner) : Exception(message, inner);
