using System.Text.RegularExpressions;

namespace QaService.Retrieval;

/// <summary>What a chat message that asks nothing of the documents is instead.</summary>
public enum SmallTalkKind
{
    Greeting,
    Thanks,
    Acknowledgement,
    Help,
    Farewell,
}

/// <summary>
/// Tells a chat message that asks nothing of the documents ("hi", "thanks!", "ok", "help") from a question. Only the
/// whole message counts: "What help did Iran offer?" is a question; and "Hi, who wrote it?" is one once
/// <see cref="WithoutOpening"/> has set its greeting aside. Such a message is neither searched for nor read as a
/// follow-up, which re-answered the previous question after a "thanks".
/// </summary>
public static partial class SmallTalk
{
    /// <summary>
    /// The message without a greeting, thanks or acknowledgement that opens it and is set off by a comma, a full stop or
    /// an exclamation mark ("Thanks! Where is the TTP?", "ok, and when?"): that is no word to search for. "Thanks to the
    /// treaty, …" keeps its words.
    /// </summary>
    public static string WithoutOpening(string message)
    {
        while (Opening().Match(message) is { Success: true } opening && opening.Groups["talk"].Length > 1 && Of(opening.Groups["talk"].Value) is not null)
        {
            message = message[opening.Length..];
        }

        return message;
    }

    public static SmallTalkKind? Of(string message)
    {
        // Every phrase is shorter than this: a longer message is a question, and is not read word by word here.
        if (message.Length > MaxLength)
        {
            return null;
        }

        var words = string.Join(' ', Words().Matches(message.ToLowerInvariant()).Select(m => m.Value));
        return Greeting().IsMatch(words) ? SmallTalkKind.Greeting
            : Thanks().IsMatch(words) ? SmallTalkKind.Thanks
            : Acknowledgement().IsMatch(words) ? SmallTalkKind.Acknowledgement
            : Help().IsMatch(words) ? SmallTalkKind.Help
            : Farewell().IsMatch(words) ? SmallTalkKind.Farewell
            : null;
    }

    private const int MaxLength = 48;

    [GeneratedRegex(@"^(hi|hello|hey|hiya|howdy|greetings|good (morning|afternoon|evening|day))( (there|all|everyone|again))?$")]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^((ok|okay|great|perfect|cool|nice|awesome|got it|good) )?(thanks|thank you|thank u|thx|ty|cheers|many thanks|much appreciated)( (a lot|so much|very much|again))?$")]
    private static partial Regex Thanks();

    [GeneratedRegex(@"^(ok|okay|k|cool|nice|great|good|fine|alright|all right|got it|i see|understood|makes sense|awesome|perfect|wow|interesting|ok cool|okay cool|sure|lol|haha|hmm)$")]
    private static partial Regex Acknowledgement();

    // "How does this work?" and "What do you do?" are as often questions about what was just said.
    [GeneratedRegex(@"^(help|help me|help please|please help|what can you do|who are you|what are you|are you a (bot|robot|human|person)|are you an ai)$")]
    private static partial Regex Help();

    [GeneratedRegex(@"^(bye|bye bye|goodbye|good bye|see you|see ya|cya|good night|that's all|that is all)( (then|now|for now))?$")]
    private static partial Regex Farewell();

    // Up to four words before a comma, a full stop or an exclamation mark and a space, then the rest. A colon or a dash
    // opens more often than it closes ("Nice: what happened there?", "Fine-tuning …").
    [GeneratedRegex(@"^\s*(?<talk>[\p{L}']+(?:\s+[\p{L}']+){0,3})\s*[,.!]+\s+(?=\S)")]
    private static partial Regex Opening();

    // Letters, digits and apostrophes: punctuation, emoji and spacing do not change what a message says.
    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex Words();
}
