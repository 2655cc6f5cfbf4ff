namespace QaService.Answering;

internal static class ReplyEvents
{
    /// <summary>A finished reply as a stream: its citations, its answer in one piece, then the reply itself.</summary>
    public static async IAsyncEnumerable<AskEvent> Of(AskReply reply)
    {
        yield return new CitationsEvent(reply.Citations);
        yield return new AnswerDeltaEvent(reply.Answer);
        yield return new CompletedEvent(reply);
        await Task.CompletedTask.ConfigureAwait(false);
    }
}
