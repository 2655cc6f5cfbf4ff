namespace QaService.Answering;

/// <summary>The question cannot be asked as it is (empty, too long); the message says why, in words for the user.</summary>
public sealed class InvalidQuestionException(string message) : Exception(message);
