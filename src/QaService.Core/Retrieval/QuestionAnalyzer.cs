using System.Collections.Frozen;
using System.Text.RegularExpressions;
using QaService.Text;

namespace QaService.Retrieval;

/// <summary>
/// Reads a question: drops question words and talk about the article itself, and notes what it asks for (its answer
/// type, the thing named after which/what, a list, the author, a part of the article).
/// </summary>
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
            "view account please like name names named naming " +
            "through via across toward towards upon within from over under between among during since until"));

    public static QuestionAnalysis Analyze(string question)
    {
        if (SmallTalk.Of(question) is { } talk)
        {
            return new QuestionAnalysis(question, [], AnswerType.Description, []) { SmallTalk = talk };
        }

        var lower = question.ToLowerInvariant();
        var part = ArticlePartCues.Read(lower);
        // "According to the piece" and "name the …" say how to answer, not what about.
        var wording = ListRequest().Replace(AccordingTo().Replace(question, " "), " ");
        var terms = TextAnalyzer.Instance.Terms(wording)
            .Where(t => !QuestionWords.Contains(t) && (part == ArticlePart.Anywhere || !ArticlePartCues.IsCueWord(t)))
            .Where(t => t != "stand" || !StandsFor().IsMatch(lower))
            .Distinct()
            .Take(256)
            .ToList();
        var type = AnswerTypeReader.Read(lower);
        var counted = type is AnswerType.Count ? AnswerTypeReader.CountedWords(lower).Where(t => !QuestionWords.Contains(t)).ToList() : [];
        return new QuestionAnalysis(question, terms, type, counted)
        {
            FocusTerms = FocusTerms(lower),
            AsksAboutAuthor = AboutAuthor().IsMatch(lower),
            AsksForList = AsksForList(lower),
            RequiresPerson = PersonAsked().IsMatch(lower),
            Part = part,
        };
    }

    /// <summary>
    /// The noun phrase after "which"/"what" (or "who is the") when a verb follows it, as in
    /// "which Israeli prime minister ordered …" → israeli prime minist, or "what agreements did …" → agreement.
    /// "What puts Islamabad in …" or "which side of …" name no thing asked for, and get none; nor does a generic
    /// head ("who is the source of …", "which groups …"), which any name in the article could fill, or a word about
    /// wording ("what abbreviation …", "which phrase …"), which the article's own words fill.
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

    [GeneratedRegex(@"\b(which|what)\s+(?!is\b|are\b|was\b|were\b|did\b|does\b|do\b|has\b|have\b|had\b)|\bwhat('s|\s+is|\s+are|\s+was|\s+were)\s+the\s+|\bwho\s+(is|was|are|were)\s+(the\s+)?(?=\w+\s+\w+)")]
    private static partial Regex FocusStart();

    [GeneratedRegex(@"^(is|are|was|were|did|does|do|has|have|had|can|could|will|would|should)$")]
    private static partial Regex Auxiliary();

    [GeneratedRegex(@"^(source|sources|person|persons|people|one|ones|group|groups|party|parties|side|sides|figure|figures|individual|individuals|entity|entities|body|bodies|reason|reasons|cause|causes|motive|motives|justification|pretext|purpose|way|ways|abbreviation|abbreviations|acronym|acronyms|term|terms|word|words|phrase|phrases|expression|expressions|label|labels)$")]
    private static partial Regex GenericHead();

    [GeneratedRegex(@"\b(which|what|whose)\s+")]
    private static partial Regex ListStart();

    [GeneratedRegex(@"^\W*(please\s+)?(name|list|enumerate)\s+(all\s+|the\s+|every\s+|each\s+)", RegexOptions.IgnoreCase)]
    private static partial Regex ListRequest();

    [GeneratedRegex(@"\baccording\s+to\b", RegexOptions.IgnoreCase)]
    private static partial Regex AccordingTo();

    [GeneratedRegex(@"\bwhich\s+(\w+\s+){0,2}?(official|officials|leader|leaders|president|minister|general|generals|commander|commanders|politician|politicians|diplomat|diplomats|envoy|mayor|governor|ambassador|spokesman|spokesperson|king|queen|prince|senator|chancellor|person|people)\b|\bwho\s+(currently\s+|now\s+)?(leads|led|heads|headed|runs|commands|commanded|chairs|brokered|negotiated|mediated|founded)\b|\bname\s+(any|some|the)\s+(of\s+the\s+)?(\w+\s+){0,2}(officials|generals|leaders|commanders|people)\b")]
    private static partial Regex PersonAsked();

    [GeneratedRegex(@"\bstands?\s+for\b")]
    private static partial Regex StandsFor();

    [GeneratedRegex(@"(ss|us|is|ics|news|this|its|his|hers|yours|ours|theirs)$")]
    private static partial Regex NotPlural();

    [GeneratedRegex(@"^(is|are|was|were|did|does|do|has|have|had|can|could|will|would|should|of|in|on|at|to|for|from|with|by|about|against|during|between|the|a|an|that|this|get|gets|got)$")]
    private static partial Regex FocusStop();

    [GeneratedRegex(@"\bwho\s+(wrote|writes|authored|penned)\b|\b(who|what)('s|\s+is|\s+was)\s+the\s+(author|writer|byline|journalist|columnist)\b(?!'s|’s)|\bwhat\s+(does|did)\s+the\s+(author|writer)\s+do\b|\b(is|was|has)\s+the\s+(author|writer)\b|\b(author|writer)'?s\s+(name|background|job|career|position|post|role|employer|agency|experience|profession)\b|\b(author|writer)\s+(used\s+to|use\s+to|once|formerly|previously|work|works|worked|serve|serves|served|hold|holds|held)\b|\bwritten\s+by\b|\bbyline\b")]
    private static partial Regex AboutAuthor();
}
