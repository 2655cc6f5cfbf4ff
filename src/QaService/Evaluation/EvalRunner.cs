using System.Diagnostics;
using System.Text.Json;
using QaService.Answering;

namespace QaService.Host.Evaluation;

/// <summary>Runs a question file through the asker in-process and scores it the way <c>qa_eval.py</c> does over HTTP.</summary>
internal sealed class EvalRunner(Asker asker)
{
    private readonly List<EvalRow> rows = [];
    private readonly List<double> latencies = [];

    public IReadOnlyList<EvalRow> Rows => rows;

    public static IReadOnlyList<EvalItem> ReadItems(string path) =>
        File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonSerializer.Deserialize<EvalItem>(line, JsonSerializerOptions.Web)
                ?? throw new InvalidDataException($"An empty line in {path}."))
            .ToList();

    public async Task<EvalReport> RunAsync(IEnumerable<EvalItem> items, AnswerMode mode, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            if (item.Kind is "answerable" or "unanswerable")
            {
                var reply = await AskAsync(item.Question!, null, mode, cancellationToken);
                Score(item.Id, item.Kind, item.Question!, item.Evidence ?? [], item.AnswerKeys ?? [], reply);
            }
            else if (item.Kind == "dialog")
            {
                string? conversation = null;
                for (var n = 0; n < item.Turns!.Count; n++)
                {
                    var turn = item.Turns[n];
                    var reply = await AskAsync(turn.Question, conversation, mode, cancellationToken);
                    conversation = reply.ConversationId;
                    Score($"{item.Id}#{n + 1}", n == 0 ? "first-turn" : "follow-up", turn.Question, turn.Evidence, turn.AnswerKeys, reply);
                }
            }
        }

        return Report();
    }

    private async Task<AskReply> AskAsync(string question, string? conversation, AnswerMode mode, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var reply = await asker.AskAsync(new AskRequest(question, conversation, mode), cancellationToken);
        latencies.Add(clock.Elapsed.TotalSeconds);
        return reply;
    }

    private void Score(string id, string kind, string question, IReadOnlyList<string> gold, IReadOnlyList<IReadOnlyList<string>> keys, AskReply reply)
    {
        var texts = reply.Citations.Select(c => c.Text).ToList();
        if (kind == "unanswerable")
        {
            rows.Add(new EvalRow(id, kind, question, reply.Answer, reply.Abstained, false, false, false, reply.Abstained));
            return;
        }

        var hit1 = texts.Count > 0 && EvalScoring.CitesGold(texts[0], gold);
        var hit3 = texts.Take(3).Any(t => EvalScoring.CitesGold(t, gold));
        var correct = !reply.Abstained && EvalScoring.AnswerCorrect(reply.Answer, keys);
        rows.Add(new EvalRow(id, kind, question, reply.Answer, reply.Abstained, hit1, hit3, correct, correct));
    }

    private EvalReport Report()
    {
        var answerable = rows.Where(r => r.Kind is "answerable" or "first-turn").ToList();
        var follow = rows.Where(r => r.Kind == "follow-up").ToList();
        var unanswerable = rows.Where(r => r.Kind == "unanswerable").ToList();
        var sorted = latencies.Order().ToList();
        return new EvalReport(
            answerable.Count, Rate(answerable, r => r.Correct), Rate(answerable, r => r.Hit1), Rate(answerable, r => r.Hit3),
            Rate(answerable, r => r.Abstained), unanswerable.Count, Rate(unanswerable, r => r.Ok), follow.Count,
            Rate(follow, r => r.Correct), Rate(follow, r => r.Hit3),
            sorted.Count == 0 ? null : Math.Round(1000 * sorted[sorted.Count / 2], 2),
            sorted.Count == 0 ? null : Math.Round(1000 * sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * 0.95))], 2));
    }

    private static double? Rate(List<EvalRow> subset, Func<EvalRow, bool> field) =>
        subset.Count == 0 ? null : Math.Round((double)subset.Count(field) / subset.Count, 3);
}
