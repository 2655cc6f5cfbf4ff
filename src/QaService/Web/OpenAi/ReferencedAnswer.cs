using QaService.Answering;

namespace QaService.Host.Web.OpenAi;

/// <summary>
/// The answer as an OpenAI client shows it: with numbered references [n] to the reply's citations. A generative
/// answer has them already; an extractive one is made of cited sentences, and each gets the number of its citation.
/// </summary>
internal static class ReferencedAnswer
{
    public static string Of(AskReply reply)
    {
        if (reply.Mode == ReplyMode.Generative || reply.Abstained)
        {
            return reply.Answer;
        }

        var ends = reply.Citations
            .Select((c, i) => (End: reply.Answer.IndexOf(c.Text, StringComparison.Ordinal) is var at and >= 0 ? at + c.Text.Length : -1, Number: i + 1))
            .Where(e => e.End >= 0)
            .OrderBy(e => e.End)
            .ToList();
        var text = new System.Text.StringBuilder();
        var from = 0;
        foreach (var (end, number) in ends)
        {
            text.Append(reply.Answer, from, end - from).Append(" [").Append(number).Append(']');
            from = end;
        }

        return text.Append(reply.Answer, from, reply.Answer.Length - from).ToString();
    }
}
