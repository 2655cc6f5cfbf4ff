using System.Text.RegularExpressions;

namespace QaService.Retrieval;

/// <summary>What a chat message that asks nothing of the documents is instead.</summary>
public enum SmallTalkKind
{
    Greeting,
    Thanks,
    Acknowledgement,
    Help,
}

/// <summary>
/// Tells a chat message that asks nothing of the documents ("hi", "thanks!", "ok", "help") from a question. Only the
/// whole message counts: "Hi, who wrote it?" is a question, and so is "What help did Iran offer?". Such a message is
/// neither searched for nor read as a follow-up, which re-answered the previous question after a "thanks".
/// </summary>
public static partial class SmallTalk
{
    public static SmallTalkKind? Of(string message)
    {
        var words = string.Join(' ', Words().Matches(message.ToLowerInvariant()).Select(m => m.Value));
        return Greeting().IsMatch(words) ? SmallTalkKind.Greeting
            : Thanks().IsMatch(words) ? SmallTalkKind.Thanks
            : Acknowledgement().IsMatch(words) ? SmallTalkKind.Acknowledgement
            : Help().IsMatch(words) ? SmallTalkKind.Help
            : null;
    }

    [GeneratedRegex(@"^(hi|hello|hey|hiya|howdy|greetings|good (morning|afternoon|evening|day))( (there|all|everyone|again))?$")]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^((ok|okay|great|perfect|cool|nice|awesome|got it|good) )?(thanks|thank you|thank u|thx|ty|cheers|many thanks|much appreciated)( (a lot|so much|very much|again))?$")]
    private static partial Regex Thanks();

    [GeneratedRegex(@"^(ok|okay|k|cool|nice|great|good|fine|alright|all right|got it|i see|understood|makes sense|awesome|perfect|wow|interesting|ok cool|okay cool|sure)$")]
    private static partial Regex Acknowledgement();

    [GeneratedRegex(@"^(help|help me|help please|please help|what can you do|what do you do|how does this work|how do i use this|who are you|what are you)$")]
    private static partial Regex Help();

    // Letters, digits and apostrophes: punctuation, emoji and spacing do not change what a message says.
    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex Words();
}
