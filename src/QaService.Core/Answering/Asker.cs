using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using QaService.Conversation;
using QaService.Generation;
using QaService.Indexing;
using QaService.Retrieval;

namespace QaService.Answering;

/// <summary>
/// The one entry point every door calls: question in, reply out (whole, or streamed). A question travels one way:
/// conversation → follow-up reading → retrieval → extractive answer → (generative answer, falling back to it).
/// </summary>
public sealed class Asker(
    IndexOwner index,
    ConversationStore conversations,
    ConversationTurnOrder turnOrder,
    IFollowUpCondenser followUps,
    Retriever retriever,
    ExtractiveAnswerer extractive,
    GenerativeAnswerer generative,
    IOptions<AnsweringOptions> answering,
    IOptions<RetrievalOptions> retrieval)
{
    /// <summary>Leads a follow-up's answer when the previous answer's sentence answers it again.</summary>
    public const string SamePassage = "The same passage answers this too: ";

    public async Task<AskReply> AskAsync(AskRequest request, CancellationToken cancellationToken)
    {
        AskReply? reply = null;
        await foreach (var item in AskStreamAsync(request, cancellationToken).ConfigureAwait(false))
        {
            if (item is CompletedEvent completed)
            {
                reply = completed.Reply;
            }
        }

        return reply ?? throw new InvalidOperationException("The answer stream ended without a reply.");
    }

    /// <summary>
    /// Answers as a stream of events. Validation and readiness errors are thrown before the first event, so a door
    /// can still turn them into a 400 or 503.
    /// </summary>
    public async IAsyncEnumerable<AskEvent> AskStreamAsync(AskRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var question = SmallTalk.WithoutOpening(QuestionText.Clean(request.Question, answering.Value.MaxQuestionLength));
        var snapshot = await index.GetReadyAsync(cancellationToken).ConfigureAwait(false);
        var stages = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();

        await using var ordered = await turnOrder.WaitTurnAsync(request.ConversationId, cancellationToken).ConfigureAwait(false);
        var conversation = await conversations.LoadAsync(request.ConversationId, cancellationToken).ConfigureAwait(false);
        stages["conversation"] = Lap(clock);
        var analysis = conversation.Turns.Count == 0
            ? QuestionAnalyzer.Analyze(question)
            : await followUps.CondenseAsync(new FollowUpQuestion(question, conversation, snapshot.Corpus, request.Mode), cancellationToken).ConfigureAwait(false);
        stages["analysis"] = Lap(clock);
        var found = retriever.Retrieve(snapshot, analysis, cancellationToken);
        stages["retrieval"] = Lap(clock);
        var answer = extractive.Answer(found);
        stages["answering"] = Lap(clock);

        var citations = CitationBuilder.Build(found, answer, retrieval.Value.TopK);
        var abstained = answer.Abstained || answer.Chosen.Count == 0;
        var text = abstained ? answer.AbstentionWords ?? AbstentionText.For(analysis, found.Corpus, citations.Count > 0) : AnswerText(found.Corpus, answer, PreviousLead(conversation.LastTurn, question, snapshot.Corpus));
        var explanation = request.Explain ? ExplanationBuilder.Build(found, answer, stages) : null;
        var extractiveReply = new AskReply(
            text, ReplyMode.Extractive, abstained, conversation.Id, citations, Math.Round(answer.Confidence, 3), null, explanation,
            Turn: conversation.TurnCount + 1);

        // The extractive reply is always computed: it is the answer, or the fallback when the model fails. The model
        // is asked the question as read: a follow-up it condensed comes as the standalone question retrieval used.
        // Small talk is answered in kind, with nothing for a model to do and no fallback to report.
        var decision = analysis.SmallTalk is null ? generative.Decide(request.Mode, abstained) : GenerationDecision.Extractive();
        var events = decision.AskModel
            ? generative.AnswerAsync(analysis.Text, found, extractiveReply, cancellationToken)
            : ReplyEvents.Of(extractiveReply with { FallbackReason = decision.FallbackReason });
        await foreach (var item in events.ConfigureAwait(false))
        {
            if (item is CompletedEvent completed)
            {
                var turn = ConversationTurn.Of(analysis, conversation.LastTurn, answer, completed.Reply.Answer, snapshot.Corpus);
                await conversations.AppendAsync(conversation, turn, cancellationToken).ConfigureAwait(false);
            }

            yield return item;
        }
    }

    /// <summary>
    /// The answer's sentences. A follow-up that the previous answer's sentence answers again says so, rather than
    /// repeating that answer word for word as if it were news.
    /// </summary>
    private static string AnswerText(Corpus corpus, ExtractiveAnswer answer, int? previousLead)
    {
        var text = CitationBuilder.AnswerText(corpus, answer.Chosen);
        return answer.Chosen[0].Key == previousLead ? SamePassage + text : text;
    }

    /// <summary>The sentence the previous answer led with, when this question is not that question again.</summary>
    private static int? PreviousLead(ConversationTurn? previous, string question, Corpus corpus)
    {
        if (previous is null || previous.CitedSentences.Count == 0 || string.Equals(previous.Question, question, StringComparison.OrdinalIgnoreCase)
            || previous.CorpusFingerprint != ConversationTurn.FingerprintOf(corpus))
        {
            return null;
        }

        var lead = previous.CitedSentences[0];
        var previousAnswer = previous.Answer.StartsWith(SamePassage, StringComparison.Ordinal) ? previous.Answer[SamePassage.Length..] : previous.Answer;
        return lead < corpus.Sentences.Count && previousAnswer.StartsWith(corpus.Sentences[lead].Text, StringComparison.Ordinal) ? lead : null;
    }

    private static double Lap(Stopwatch clock)
    {
        var elapsed = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        return Math.Round(elapsed, 3);
    }
}
