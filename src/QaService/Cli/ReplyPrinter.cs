using System.Text;
using System.Text.Json;
using QaService.Answering;
using QaService.Host.Web;
using Spectre.Console;

namespace QaService.Host.Cli;

/// <summary>Renders a reply in the console: the answer, then numbered, coloured citations.</summary>
internal sealed class ReplyPrinter(IAnsiConsole console)
{
    public void Print(AskReply reply)
    {
        console.Write(Answer(reply));
        console.WriteLine();
        PrintDetails(reply);
    }

    /// <summary>
    /// Shows the answer as it streams in, in place: a generative answer that breaks off is wiped, and the finished
    /// reply's text (with its markers renumbered to the citations) replaces the streamed one.
    /// </summary>
    public async Task<AskReply> PrintStreamAsync(IAsyncEnumerable<AskEvent> events)
    {
        AskReply? reply = null;
        if (!console.Profile.Capabilities.Interactive || !console.Profile.Capabilities.Ansi)
        {
            // Redirected output cannot be redrawn in place: print the finished reply once.
            await foreach (var item in events)
            {
                reply = (item as CompletedEvent)?.Reply ?? reply;
            }

            Print(reply ?? throw new InvalidOperationException("The answer stream ended without a reply."));
            return reply;
        }

        var shown = new StringBuilder();
        await console.Live(new Spectre.Console.Text("")).StartAsync(async live =>
        {
            await foreach (var item in events)
            {
                switch (item)
                {
                    case AnswerDeltaEvent delta:
                        live.UpdateTarget(new Spectre.Console.Text(shown.Append(delta.Text).ToString()));
                        break;
                    case AnswerResetEvent:
                        live.UpdateTarget(new Spectre.Console.Text(shown.Clear().ToString()));
                        break;
                    case CompletedEvent completed:
                        reply = completed.Reply;
                        live.UpdateTarget(Answer(reply));
                        break;
                }
            }
        });

        var finished = reply ?? throw new InvalidOperationException("The answer stream ended without a reply.");
        PrintDetails(finished);
        return finished;
    }

    private static Markup Answer(AskReply reply) =>
        new($"[{(reply.Abstained ? "yellow" : "white")}]{Markup.Escape(reply.Answer)}[/]");

    private void PrintDetails(AskReply reply)
    {
        if (reply.FallbackReason is { } reason)
        {
            console.MarkupLine($"[grey](extractive answer: {Markup.Escape(reason)})[/]");
        }
        else if (reply.Mode == ReplyMode.Generative)
        {
            console.MarkupLine("[grey](generative answer)[/]");
        }

        if (reply.Warning is { } warning)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(warning)}[/]");
        }

        for (var i = 0; i < reply.Citations.Count; i++)
        {
            var c = reply.Citations[i];
            console.MarkupLine(
                $"  [aqua][[{i + 1}]][/] [grey]{Markup.Escape(c.PassageId)} {c.Start}-{c.End}[/] {Markup.Escape(Shorten(c.Text, 110))}");
        }
    }

    public void PrintSources(AskReply reply)
    {
        for (var i = 0; i < reply.Citations.Count; i++)
        {
            var c = reply.Citations[i];
            console.MarkupLine($"[aqua][[{i + 1}]][/] [grey]{Markup.Escape(c.DocumentId)} {c.Start}-{c.End} score {c.Score}[/]");
            console.WriteLine(c.Text);
            console.WriteLine();
        }
    }

    public void PrintExplanation(AskReply reply)
    {
        if (reply.Explanation is not { } explanation)
        {
            console.MarkupLine("[grey]No explanation was asked for.[/]");
            return;
        }

        console.MarkupLine($"[grey]answer type:[/] {explanation.AnswerType}   [grey]query terms:[/] {Markup.Escape(string.Join(' ', explanation.QueryTerms))}");
        if (explanation.ContextTerms is { Count: > 0 } carried)
        {
            console.MarkupLine($"[grey]carried over from earlier turns:[/] {Markup.Escape(string.Join(' ', carried))}");
        }

        console.MarkupLine($"[grey]decision:[/] {Markup.Escape(explanation.Decision)}");
        var stages = string.Join(", ", explanation.StageMilliseconds.Select(s => $"{s.Key} {s.Value:0.###} ms"));
        console.MarkupLine($"[grey]time:[/] {Markup.Escape(stages)}");
        var table = new Table().AddColumns("rank", "passage", "fused", "bm25 (rank)", "dense (rank)", "matched terms");
        foreach (var p in explanation.Passages)
        {
            table.AddRow(
                p.Rank.ToString(), Markup.Escape(p.PassageId), p.FusedScore.ToString("0.0000"),
                $"{p.Bm25Score:0.00} ({p.Bm25Rank?.ToString() ?? "-"})",
                p.DenseSimilarity is { } d ? $"{d:0.000} ({p.DenseRank})" : "off",
                Markup.Escape(string.Join(' ', p.MatchedTerms)));
        }

        console.Write(table);
        foreach (var s in explanation.Sentences)
        {
            var mark = s.Chosen ? "[green]*[/]" : " ";
            console.MarkupLine(
                $"{mark} {s.Score:0.000} cov {s.Coverage:0.00} lex {s.Lexical:0.00} dense {s.Dense:0.00} type {s.TypeMatch:0.0}  {Markup.Escape(Shorten(s.Text, 70))}");
        }

        // Lucene's score trees run to many lines per passage; they are in the JSON reply for whoever needs them.
        console.MarkupLine("[grey]Lucene's BM25 score trees are in the JSON reply: ask --json --explain.[/]");
    }

    public static string ToJson(AskReply reply) => JsonSerializer.Serialize(reply, ApiJson.Options);

    /// <summary>One line per answer, for piped use.</summary>
    public static string OneLine(AskReply reply) =>
        string.Join(' ', reply.Answer.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
