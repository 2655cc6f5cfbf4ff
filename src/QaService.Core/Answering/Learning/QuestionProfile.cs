using QaService.Indexing;
using QaService.Retrieval;
using QaService.Text;

namespace QaService.Answering.Learning;

/// <summary>A question as the candidate features see it: its weighted terms with their rarity, its names and numbers, and its form.</summary>
internal sealed class QuestionProfile
{
    private readonly Corpus corpus;
    private readonly double[] idf;
    private readonly double totalWeight;
    private readonly double unknownIdf;

    private QuestionProfile(RetrievalResult retrieval)
    {
        corpus = retrieval.Corpus;
        Terms = retrieval.Terms;
        TermSet = Terms.Select(t => t.Term).ToHashSet();
        idf = Terms.Select(t => corpus.Idf(t.Term)).ToArray();
        totalWeight = Terms.Select((t, i) => idf[i] * t.Weight).Sum();
        unknownIdf = corpus.Idf("\0never a term\0");
        var own = retrieval.Question.Terms;
        var unknown = own.Where(t => !corpus.KnownTerms.Contains(t)).ToList();
        UnknownCount = unknown.Count;
        UnknownShare = own.Count == 0 ? 0 : (double)unknown.Count / own.Count;
        var names = NamedThings.Stems(retrieval.Question.Text).ToHashSet();
        UnknownNames = unknown.Count(names.Contains);
        Names = names.Where(TermSet.Contains).ToHashSet();
        Numbers = own.Where(t => char.IsDigit(t[0])).ToHashSet();
        Form = QuestionForm.Of(retrieval.Question.Text);
    }

    public IReadOnlyList<WeightedTerm> Terms { get; }

    public HashSet<string> TermSet { get; }

    public int UnknownCount { get; }

    public double UnknownShare { get; }

    /// <summary>Names in the question that the document never uses: a swapped name.</summary>
    public int UnknownNames { get; }

    public IReadOnlySet<string> Names { get; }

    public IReadOnlySet<string> Numbers { get; }

    public int Form { get; }

    public static QuestionProfile Of(RetrievalResult retrieval) => new(retrieval);

    /// <summary>How many of the question's terms <paramref name="terms"/> holds (a question has far fewer terms than a sentence).</summary>
    public int SharedWith(IReadOnlySet<string> terms)
    {
        var shared = 0;
        foreach (var term in TermSet)
        {
            shared += terms.Contains(term) ? 1 : 0;
        }

        return shared;
    }

    /// <summary>The rarity-weighted share of the question's terms that <paramref name="terms"/> holds.</summary>
    public double Coverage(IReadOnlySet<string> terms)
    {
        if (totalWeight <= 0)
        {
            return 0;
        }

        double found = 0;
        for (var i = 0; i < Terms.Count; i++)
        {
            if (terms.Contains(Terms[i].Term))
            {
                found += idf[i] * Terms[i].Weight;
            }
        }

        return found / totalWeight;
    }

    public double NeighbourCoverage(int key, int step)
    {
        var neighbour = key + step;
        return neighbour >= 0 && neighbour < corpus.Sentences.Count && corpus.SameParagraph(key, neighbour)
            ? Coverage(corpus.SentenceTerms[neighbour])
            : 0;
    }

    /// <summary>The rarity-weighted share of the question's terms that the sentences <paramref name="first"/> to <paramref name="last"/> hold together.</summary>
    public double Coverage(int first, int last)
    {
        if (totalWeight <= 0)
        {
            return 0;
        }

        double found = 0;
        for (var i = 0; i < Terms.Count; i++)
        {
            if (AnyHolds(Terms[i].Term, first, last))
            {
                found += idf[i] * Terms[i].Weight;
            }
        }

        return found / totalWeight;
    }

    private bool AnyHolds(string term, int first, int last)
    {
        for (var key = first; key <= last; key++)
        {
            if (corpus.SentenceTerms[key].Contains(term))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The question's own terms (not those carried over from earlier turns) that the sentence lacks.</summary>
    /// <param name="windowFirst">The first sentence of the window around it (the sentences beside it in its paragraph).</param>
    public MissingTerms Missing(IReadOnlySet<string> sentence, int windowFirst, int windowLast)
    {
        var missing = new MissingTerms();
        for (var i = 0; i < Terms.Count; i++)
        {
            var term = Terms[i].Term;
            if (Terms[i].Weight < 1 || sentence.Contains(term))
            {
                continue;
            }

            var rarity = idf[i] / unknownIdf;
            var known = corpus.KnownTerms.Contains(term);
            missing.Count++;
            missing.IdfMass += rarity;
            if (known)
            {
                missing.MaxIdf = Math.Max(missing.MaxIdf, rarity);
            }

            missing.KnownElsewhere += known ? 1 : 0;
            missing.NamesElsewhere += known && Names.Contains(term) ? 1 : 0;
            missing.Names += Names.Contains(term) ? 1 : 0;
            missing.Numbers += Numbers.Contains(term) ? 1 : 0;
            missing.InWindow += AnyHolds(term, windowFirst, windowLast) ? 1 : 0;
        }

        return missing;
    }
}

/// <summary>What of the question a sentence lacks: how many terms, their rarity (0..1), and of which kind.</summary>
internal struct MissingTerms
{
    public int Count;
    public double IdfMass;
    public double MaxIdf;
    public int Names;
    public int Numbers;
    public int InWindow;

    /// <summary>Missing terms the document uses elsewhere: the question borrows them from another passage.</summary>
    public int KnownElsewhere;

    public int NamesElsewhere;
}
