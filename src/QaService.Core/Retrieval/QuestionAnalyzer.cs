using System.Collections.Frozen;
using System.Text.RegularExpressions;
using QaService.Text;

namespace QaService.Retrieval;

/// <summary>Reads a question: drops question words and talk about the article itself, and guesses the answer type.</summary>
public static partial class QuestionAnalyzer
{
    // Words that shape a question but say nothing about its topic (stems, as TextAnalyzer produces them).
    private static readonly FrozenSet<string> QuestionWords = FrozenSet.ToFrozenSet(
        TextAnalyzer.Instance.Terms(
            "what whats which who whom whose where when why how many much does did do done doing has have had having " +
            "can could would should shall may might must am were been being i me my you your we our us he him his she her hers its " +
            "tell explain " +
            "article piece text story writer author say says said mention mentioned describe described " +
            "kind sort type exactly actually really just also about anyone anything something thing things " +
            "give gives given get gets got make made go goes going gone went come comes came coming up " +
            "view account please like " +
            "through via across toward towards upon within from over under between among during since until"));

    // Words that only say where in the article to look ("the opening lines", "the last section"), once that is known.
    private static readonly FrozenSet<string> PartWords = FrozenSet.ToFrozenSet(
        TextAnalyzer.Instance.Terms(
            "open opens opening begin begins start starts end ends ending close closes closing conclude concludes " +
            "finish finishes first last final top outset introduction paragraph paragraphs line lines sentence sentences " +
            "words remarks section part bit"));

    public static QuestionAnalysis Analyze(string question)
    {
        var lower = question.ToLowerInvariant();
        var part = Opening().IsMatch(lower) ? ArticlePart.Opening : Closing().IsMatch(lower) ? ArticlePart.Closing : ArticlePart.Anywhere;
        // "According to the piece" and "name the …" say how to answer, not what about.
        var wording = ListRequest().Replace(AccordingTo().Replace(question, " "), " ");
        var terms = TextAnalyzer.Instance.Terms(wording)
            .Where(t => !QuestionWords.Contains(t) && (part == ArticlePart.Anywhere || !PartWords.Contains(t)))
            .Where(t => t != "stand" || !StandsFor().IsMatch(lower))
            .Distinct()
            .Take(256)
            .ToList();
        var type = DetectType(lower);
        var counted = type is AnswerType.Count ? CountedTerms(lower) : [];
        return new QuestionAnalysis(question, terms, type, counted)
        {
            FocusTerms = FocusTerms(lower),
            AsksAboutAuthor = AboutAuthor().IsMatch(lower),
            AsksForList = AsksForList(lower),
            Part = part,
        };
    }

    /// <summary>
    /// The noun phrase after "which"/"what" (or "who is the") when a verb follows it, as in
    /// "which Israeli prime minister ordered …" → israeli prime minist, or "what agreements did …" → agreement.
    /// "What puts Islamabad in …" or "which side of …" name no thing asked for, and get none; nor does a generic
    /// head ("who is the source of …", "which groups …"), which any name in the article could fill.
    /// </summary>
    private static List<string> FocusTerms(string q)
    {
        var match = FocusStart().Match(q);
        if (!match.Success)
        {
            return [];
        }

        var words = new List<string>();
        var isWho = match.Value.TrimStart().StartsWith("who", StringComparison.Ordinal);
        foreach (var word in q[(match.Index + match.Length)..].Split([' ', '?', ',', '.', '!'], StringSplitOptions.RemoveEmptyEntries))
        {
            var endsPhrase = Auxiliary().IsMatch(word) || (words.Count > 0 && (word.EndsWith("ed", StringComparison.Ordinal) || IrregularVerbs.IsPastForm(word)));
            if (endsPhrase || isWho && FocusStop().IsMatch(word))
            {
                return Focus(words);
            }

            if (words.Count == 4 || FocusStop().IsMatch(word))
            {
                break;
            }

            words.Add(word);
        }

        return isWho ? Focus(words) : [];
    }

    private static List<string> Focus(List<string> words) =>
        words.Count == 0 || GenericHead().IsMatch(words[^1])
            ? []
            : TextAnalyzer.Instance.Terms(string.Join(' ', words)).Where(t => !QuestionWords.Contains(t)).ToList();

    /// <summary>
    /// "Which countries …", "whose nuclear programmes …": a plural noun within three words of which/what/whose; or a
    /// request to name or list things.
    /// </summary>
    private static bool AsksForList(string q)
    {
        if (ListRequest().IsMatch(q))
        {
            return true;
        }

        var match = ListStart().Match(q);
        if (!match.Success)
        {
            return false;
        }

        foreach (var word in q[(match.Index + match.Length)..].Split([' ', '?', ',', '.', '!'], StringSplitOptions.RemoveEmptyEntries).Take(3))
        {
            if (FocusStop().IsMatch(word) || Auxiliary().IsMatch(word))
            {
                return false;
            }

            if (word.Length > 3 && word.EndsWith('s') && !NotPlural().IsMatch(word))
            {
                return true;
            }
        }

        return false;
    }

    private static AnswerType DetectType(string q)
    {
        if (HowMany().IsMatch(q))
        {
            return AnswerType.Count;
        }

        if (HowLong().IsMatch(q))
        {
            return AnswerType.Duration;
        }

        if (When().IsMatch(q))
        {
            return AnswerType.Time;
        }

        if (Who().IsMatch(q))
        {
            return AnswerType.Person;
        }

        if (Where().IsMatch(q))
        {
            return AnswerType.Place;
        }

        if (Why().IsMatch(q))
        {
            return AnswerType.Reason;
        }

        return YesNo().IsMatch(q) ? AnswerType.YesNo : AnswerType.Description;
    }

    private static List<string> CountedTerms(string q)
    {
        var match = HowMany().Match(q);
        var rest = q[(match.Index + match.Length)..];
        var words = rest.Split([' ', '?', ',', '.'], StringSplitOptions.RemoveEmptyEntries).Take(3);
        return TextAnalyzer.Instance.Terms(string.Join(' ', words)).Where(t => !QuestionWords.Contains(t)).ToList();
    }

    [GeneratedRegex(@"\b(which|what)\s+(?!is\b|are\b|was\b|were\b|did\b|does\b|do\b|has\b|have\b|had\b)|\bwhat('s|\s+is|\s+are|\s+was|\s+were)\s+the\s+|\bwho\s+(is|was|are|were)\s+(the\s+)?(?=\w+\s+\w+)")]
    private static partial Regex FocusStart();

    [GeneratedRegex(@"^(is|are|was|were|did|does|do|has|have|had|can|could|will|would|should)$")]
    private static partial Regex Auxiliary();

    [GeneratedRegex(@"^(source|sources|person|persons|people|one|ones|group|groups|party|parties|side|sides|figure|figures|individual|individuals|entity|entities|body|bodies|reason|reasons|cause|causes|motive|motives|justification|pretext|purpose|way|ways)$")]
    private static partial Regex GenericHead();

    [GeneratedRegex(@"\b(which|what|whose)\s+")]
    private static partial Regex ListStart();

    [GeneratedRegex(@"^\W*(please\s+)?(name|list|enumerate)\s+(all\s+|the\s+|every\s+|each\s+)", RegexOptions.IgnoreCase)]
    private static partial Regex ListRequest();

    [GeneratedRegex(@"\baccording\s+to\b", RegexOptions.IgnoreCase)]
    private static partial Regex AccordingTo();

    [GeneratedRegex(@"\bstands?\s+for\b")]
    private static partial Regex StandsFor();

    [GeneratedRegex(@"(ss|us|is|ics|news|this|its|his|hers|yours|ours|theirs)$")]
    private static partial Regex NotPlural();

    [GeneratedRegex(@"\b(article|piece|story|text|report|column|author|writer)\s+(open|opens|opened|begin|begins|began|start|starts|started)\b|\b(opening|first|introductory)\s+(paragraph|line|lines|sentence|sentences|words|section|part|bit)\b|\bat\s+the\s+(start|beginning|outset|top)\s+of\s+(the|this)\s+(article|piece|story|text|report|column)\b")]
    private static partial Regex Opening();

    [GeneratedRegex(@"\b(article|piece|story|text|report|column|author|writer)\s+(end|ends|ended|close|closes|closed|conclude|concludes|concluded|finish|finishes|finished)\b|\b(closing|final|last|concluding)\s+(paragraph|line|lines|sentence|sentences|words|remarks|section|part|bit)\b|\bat\s+the\s+end\s+of\s+(the|this)\s+(article|piece|story|text|report|column)\b")]
    private static partial Regex Closing();

    [GeneratedRegex(@"^(is|are|was|were|did|does|do|has|have|had|can|could|will|would|should|of|in|on|at|to|for|from|with|by|about|against|during|between|the|a|an|that|this|get|gets|got)$")]
    private static partial Regex FocusStop();

    [GeneratedRegex(@"\bwho\s+(wrote|writes|authored|penned)\b|\b(who|what)('s|\s+is|\s+was)\s+the\s+(author|writer|byline)\b(?!'s|’s)|\b(is|was|has)\s+the\s+(author|writer)\b|\b(author|writer)'?s\s+(name|background|job|career|position|post|role|employer|agency|experience|profession)\b|\b(author|writer)\s+(used\s+to|use\s+to|once|formerly|previously|work|works|worked|serve|serves|served|hold|holds|held)\b|\bwritten\s+by\b|\bbyline\b")]
    private static partial Regex AboutAuthor();

    [GeneratedRegex(@"\bhow\s+(many|much)\b|\bwhat\s+(number|percentage|amount)\b|\bwhat\s+(would|will|did|does|do|could|might)\s+(\w+\s+){1,3}cost\b|\bwhat\s+(is|was|are|were|would\s+be)\s+the\s+(cost|price|bill|budget|toll)\b")]
    private static partial Regex HowMany();

    // "How long is the bridge?" asks for a length, not a time.
    [GeneratedRegex(@"\bhow\s+long\b(?!\s+(is|are)\s+(the|a|an|its|their)\b)|\bwhat\s+duration\b")]
    private static partial Regex HowLong();

    // "When" asks for a time at the start of a question, before an auxiliary ("… and when did it end?") or after "tell
    // me"; elsewhere it opens a clause ("How was he received when he came?").
    [GeneratedRegex(@"^\W*(and\s+|so\s+|but\s+|ok\s+)?when\b|\bwhen\s+(did|do|does|was|were|is|are|will|would|has|have|had|could|can)\b|\b(me|us|know|say|says)\s+when\b|\bsince\s+when\b|\bwhat\s+(year|date|day|month|time)\b|\bwhich\s+(year|date|day|month)\b|\bin\s+(which|what)\s+(year|month)\b")]
    private static partial Regex When();

    [GeneratedRegex(@"^\s*(who|whom|whose)\b|\b(who|whom|whose)\b.*\?$|\bwhich\s+(person|leader|leaders|official|officials|president|minister|group|groups|outfit|organi[sz]ation|people|country|countries)\b")]
    private static partial Regex Who();

    [GeneratedRegex(@"^\s*where\b|\bin\s+which\s+(other\s+)?(province|city|region|place|country|capital|town)\b|\bwhich\s+(other\s+)?(province|city|region|place|capital|town)\b")]
    private static partial Regex Where();

    [GeneratedRegex(@"^\s*why\b|\bwhat\s+(caused|prompted|led|drove|is\s+driving|drives)\b|\b(for\s+)?what\s+(reason|reasons|motive|justification|pretext)\b|\bwhat\s+was\s+the\s+(reason|motive|justification|pretext)\b")]
    private static partial Regex Why();

    [GeneratedRegex(@"^\s*(is|are|was|were|did|does|do|has|have|had|can|could|will|would|should)\b")]
    private static partial Regex YesNo();
}
