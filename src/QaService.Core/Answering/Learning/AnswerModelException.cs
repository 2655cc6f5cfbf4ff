namespace QaService.Answering.Learning;

/// <summary>The answer model file is missing, unreadable, or was trained for other features than this build computes.</summary>
public sealed class AnswerModelException(string message, Exception? inner = null) : Exception(message, inner);
