using System.Diagnostics;
using QaService.Answering;
using QaService.Indexing;

namespace QaService.Host.Evaluation;

/// <summary>Asks one question of one document and scores the reply by the rules of <c>qa_eval.py</c>.</summary>
internal sealed class TurnScorer(string document, Asker asker, Corpus corpus, AnswerMode mode)
{
    public async Task<(EvalRow Row, string? ConversationId)> ScoreTurnAsync(
        string id, string kind, string question, IReadOnlyList<string> gold, IReadOnlyList<IReadOnlyList<string>> keys,
        string? conversation, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        AskReply reply;
        try
        {
            reply = await asker.AskAsync(new AskRequest(question, conversation, mode), cancellationToken);
        }
        catch (Exception e) when (e is InvalidQuestionException or IndexNotReadyException)
        {
            // What the HTTP API answers with a 4xx or 503: a reply the evaluator counts as failed.
            return (new EvalRow(document, id, kind, question, "", false, false, false, false, false, false, 0, true, clock.Elapsed.TotalSeconds, 0, 0), null);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var valid = reply.Citations.Count(c => corpus.FindDocument(c.DocumentId) is { } d && c.Start >= 0 && c.End <= d.Text.Length
            && c.Start <= c.End && d.Text[c.Start..c.End] == c.Text);
        if (kind == "unanswerable")
        {
            return (new EvalRow(document, id, kind, question, reply.Answer, reply.Abstained, false, false, false, false, reply.Abstained,
                reply.Confidence, false, seconds, reply.Citations.Count, valid), reply.ConversationId);
        }

        var texts = reply.Citations.Select(c => c.Text).ToList();
        var hit1 = texts.Count > 0 && EvalScoring.CitesGold(texts[0], gold);
        var hit3 = texts.Take(3).Any(t => EvalScoring.CitesGold(t, gold));
        var correct = !reply.Abstained && EvalScoring.AnswerCorrect(reply.Answer, keys);
        var strict = !reply.Abstained && EvalScoring.StrictCorrect(reply.Answer, keys);
        return (new EvalRow(document, id, kind, question, reply.Answer, reply.Abstained, hit1, hit3, correct, strict, correct,
            reply.Confidence, false, seconds, reply.Citations.Count, valid), reply.ConversationId);
    }
}
