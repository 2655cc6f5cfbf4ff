using System.Text.RegularExpressions;
using QaService.Text;

namespace QaService.Conversation;

/// <summary>
/// What in the wording of a question points back at earlier turns: a pronoun with nothing in the question for it to
/// stand for, a demonstrative (that, this, there), an elliptical opening ("what about …", "and …?", "in which …?") or
/// a word that needs something said before ("in return", "too"), or a request for something other than what was
/// already said ("what else"). A question that points back with a pronoun for a person (he, she, him, her; "is it true
/// that she retired?" too) is told apart.
/// </summary>
public sealed partial record FollowUpCues(
    bool RefersBack, bool PointsBack, bool IsElliptical, bool WantsSomethingElse, int WordCount, bool NamesSomething = false, bool RefersToPerson = false)
{
    public static FollowUpCues Read(string question)
    {
        var lower = question.ToLowerInvariant();
        var pronoun = Pronoun().Match(lower);

        // "Did Hamas say what it wants?" resolves "it" inside the question itself: a name before the pronoun.
        var firstName = NamedThings.FirstIndex(question);
        var refersBack = pronoun.Success && (firstName < 0 || firstName > pronoun.Index);
        return new FollowUpCues(
            refersBack,
            Demonstrative().IsMatch(lower),
            Elliptical().IsMatch(lower) || Relative().IsMatch(lower),
            SomethingElse().IsMatch(lower),
            Words().Count(lower),
            firstName >= 0,
            refersBack && Pronoun().Matches(lower).Any(m => (firstName < 0 || firstName > m.Index) && Personal().IsMatch(m.Value)));
    }

    [GeneratedRegex(@"\b(it|its|itself|he|him|his|himself|she|her|hers|herself|they|them|their|theirs|themselves|the same|the latter|the former)\b")]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"^(he|him|his|himself|she|her|hers|herself)$")]
    private static partial Regex Personal();

    [GeneratedRegex(@"\b(that|this|those|these|there|then|such)\b")]
    private static partial Regex Demonstrative();

    // A fragment that opens with a preposition ("in which country?", "for how long?") continues the previous question.
    [GeneratedRegex(@"^\s*(and|but|so|also|or|what about|how about|what of|and what about|same for|as for)\b|^\s*(in|on|at|for|from|by|with|to|since|until|during|of|against)\s+(which|what|whom|whose|how|where|when)\b")]
    private static partial Regex Elliptical();

    // Words that only make sense against something said before: "what could it offer in return?", "did Iran too?".
    [GeneratedRegex(@"\b(in return|in exchange|instead|as well|too|either|neither|likewise|the rest)\b")]
    private static partial Regex Relative();

    [GeneratedRegex(@"\b(else|other|others|another|besides|apart from|aside from|in addition)\b")]
    private static partial Regex SomethingElse();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
