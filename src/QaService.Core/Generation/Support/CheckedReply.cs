using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaService.Answering;
using QaService.Retrieval;

namespace QaService.Generation.Support;

/// <summary>A generative reply after its sentences were checked; <see cref="Rewritten"/> when its text is not what was streamed.</summary>
public sealed record CheckedReply(AskReply Reply, bool Rewritten);

/// <summary>
/// Checks a generative reply sentence by sentence against its passages and applies <c>Generation:UnsupportedPolicy</c>:
/// mark the unsupported sentences, drop them, or fall back to the extractive answer.
/// </summary>
public sealed partial class ReplySupport(SupportChecker checker, IOptions<GenerationOptions> options, ILogger<ReplySupport> logger)
{
    /// <param name="reply">The generative reply; <paramref name="write"/> makes one from a text and the passages its markers number.</param>
    public CheckedReply Apply(
        AskReply reply, RetrievalResult found, AskReply extractive, Func<string, IReadOnlyList<RankedPassage>, AskReply> write, CancellationToken cancellationToken)
    {
        if (reply.Mode != ReplyMode.Generative || reply.Abstained)
        {
            return new CheckedReply(reply, false);
        }

        var support = Check(reply, found, cancellationToken);
        var unsupported = support.Where(s => !s.Supported).ToList();
        if (unsupported.Count == 0 || options.Value.UnsupportedPolicy == UnsupportedPolicy.Mark)
        {
            return new CheckedReply(reply with { Support = support }, false);
        }

        LogUnsupported(logger, unsupported.Count, support.Count, options.Value.UnsupportedPolicy);
        var kept = Without(reply.Answer, unsupported);
        if (options.Value.UnsupportedPolicy == UnsupportedPolicy.Fallback || kept.Length == 0)
        {
            var reason = $"{unsupported.Count} of the {support.Count} sentences of the generated answer are not supported by the passages";
            return new CheckedReply(extractive with { FallbackReason = reason }, true);
        }

        var cited = reply.Citations.Select(c => found.Passages.First(p => p.Passage.Id == c.PassageId)).ToList();
        var dropped = write(kept, cited);
        return new CheckedReply(dropped with { Support = Check(dropped, found, cancellationToken) }, true);
    }

    private IReadOnlyList<SentenceSupport> Check(AskReply reply, RetrievalResult found, CancellationToken cancellationToken)
    {
        var citedIds = reply.Citations.Select(c => c.PassageId).ToList();
        var sources = found.Passages
            .Select(p => Source(p, citedIds.IndexOf(p.Passage.Id) is var i and >= 0 ? i + 1 : null, found))
            .OrderBy(s => s.Citation ?? int.MaxValue)
            .ToList();
        return checker.Check(reply.Answer, sources, found.Corpus, cancellationToken);
    }

    private static SupportSource Source(RankedPassage ranked, int? citation, RetrievalResult found)
    {
        var vectors = found.Snapshot.Embeddings?.Sentences;
        var sentences = found.Corpus.SentenceKeysOf(ranked.Key)
            .Select(k => new EvidenceSentence(found.Corpus.Sentences[k].Text, vectors?[k]))
            .ToList();
        return new SupportSource(citation, ranked.Passage.Id, sentences);
    }

    private static string Without(string answer, IReadOnlyList<SentenceSupport> unsupported)
    {
        var text = new StringBuilder();
        var at = 0;
        foreach (var sentence in unsupported)
        {
            text.Append(answer, at, sentence.Start - at);
            at = sentence.End;
        }

        text.Append(answer, at, answer.Length - at);
        return string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim();
    }

    [LoggerMessage(LogLevel.Information, "{Unsupported} of {Sentences} generated sentences are not supported by the passages; policy {Policy}.")]
    private static partial void LogUnsupported(ILogger logger, int unsupported, int sentences, UnsupportedPolicy policy);
}
