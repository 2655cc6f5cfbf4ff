namespace QaService.Answering;

public enum AnswerMode
{
    Auto,
    Extractive,
    Generative,
}

public sealed record AskRequest(string Question, string? ConversationId = null, AnswerMode Mode = AnswerMode.Auto, bool Explain = false);
