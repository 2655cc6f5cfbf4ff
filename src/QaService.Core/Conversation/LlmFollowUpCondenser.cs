using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using QaService.Generation;
using QaService.Retrieval;

namespace QaService.Conversation;

/// <summary>
/// Rewrites a follow-up into a standalone question with the language model (the <c>Conversation/Condense</c> prompt)
/// and retrieves with that question. When the model is not to be asked (extractive mode, no model configured, breaker
/// open), fails, or sends back something that does not read as a question, the follow-up is read by
/// <see cref="ExtractiveFollowUpCondenser"/> instead, so condensing never fails a request.
/// </summary>
public sealed partial class LlmFollowUpCondenser(
    ExtractiveFollowUpCondenser extractive,
    GenerativeAnswerer generative,
    PromptFiles prompts,
    LlmChatFactory chats,
    IOptions<LlmOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<LlmFollowUpCondenser> logger) : IFollowUpCondenser
{
    // One line of question, with room for the names a rewrite spells out.
    private const int MaxTokens = 100;

    public async ValueTask<QuestionAnalysis> CondenseAsync(FollowUpQuestion followUp, CancellationToken cancellationToken)
    {
        var fallback = await extractive.CondenseAsync(followUp, cancellationToken).ConfigureAwait(false);

        // The same rule as for answers; retrieval has not run yet, so there is nothing to abstain on. A "thanks" needs
        // no rewriting.
        if (fallback.SmallTalk is not null || !generative.Decide(followUp.Mode, extractiveAbstained: false).AskModel)
        {
            return fallback;
        }

        var standalone = await RewriteAsync(followUp, cancellationToken).ConfigureAwait(false);

        // The model names what the follow-up is about; the extractive priors still keep a "what else …?" away from
        // the sentences already given.
        return standalone is null ? fallback : QuestionAnalyzer.Analyze(standalone) with { SentencePriors = fallback.SentencePriors };
    }

    private async Task<string?> RewriteAsync(FollowUpQuestion followUp, CancellationToken cancellationToken)
    {
        var llm = options.Value;
        using var timeout = new CancellationTokenSource(llm.TotalTimeout, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token, lifetime.ApplicationStopping);

        string? reply;
        try
        {
            var arguments = new KernelArguments
            {
                ["history"] = History(followUp.Conversation),
                ["question"] = followUp.Question,
            };
            var prompt = await prompts.RenderAsync(PromptFiles.Condense, arguments, deadline.Token).ConfigureAwait(false);
            var message = await chats.Create()
                .GetChatMessageContentAsync(prompt, chats.Settings(Math.Min(MaxTokens, llm.MaxTokens)), kernel: null, deadline.Token)
                .ConfigureAwait(false);
            reply = message.Content;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(e.GetType().Name, FallbackReasons.ForLog(e, FallbackReasons.For(e, llm, midway: false)));
            return null;
        }

        var standalone = StandaloneQuestion.Clean(reply);
        if (StandaloneQuestion.Problem(standalone, followUp.Question) is { } problem)
        {
            LogRejected(problem);
            return null;
        }

        LogCondensed(followUp.Question.Length, standalone.Length);
        return standalone;
    }

    // Small talk stores the turn before it again (see ConversationTurn.Of), which the model reads once.
    private static string History(ConversationState conversation) => string.Join(
        '\n',
        conversation.Turns.Where((turn, i) => i == 0 || (turn.Question, turn.Answer) != (conversation.Turns[i - 1].Question, conversation.Turns[i - 1].Answer))
            .SelectMany(turn => new[] { "User: " + OneLine(turn.Question), "Assistant: " + OneLine(turn.Answer) }));

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // Neither the exception nor the model's reply is logged: both may quote text that is not ours to print.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Condensing a follow-up fell back to the extractive reading ({ExceptionType}): {Reason}")]
    private partial void LogFailed(string exceptionType, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language model's standalone question was not used ({Problem}); the follow-up is read extractively.")]
    private partial void LogRejected(string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Condensed a follow-up of {FollowUpLength} characters into a standalone question of {StandaloneLength}.")]
    private partial void LogCondensed(int followUpLength, int standaloneLength);
}
