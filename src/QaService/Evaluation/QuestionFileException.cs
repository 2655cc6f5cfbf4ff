namespace QaService.Host.Evaluation;

/// <summary>A question file given on the command line is malformed; the message names the file and the line.</summary>
internal sealed class QuestionFileException(string message) : Exception(message);
