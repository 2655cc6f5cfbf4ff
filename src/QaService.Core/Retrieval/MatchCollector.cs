using Lucene.Net.Index;
using Lucene.Net.Search;

namespace QaService.Retrieval;

/// <summary>Every matching document with its score, ranked as Lucene's top-n collector ranks them: by score, then index order.</summary>
internal sealed class MatchCollector : ICollector
{
    private readonly List<(int Doc, float Score)> matches = [];
    private Scorer? scorer;
    private int docBase;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context) => docBase = context.DocBase;

    public void Collect(int doc) => matches.Add((docBase + doc, scorer!.GetScore()));

    public IEnumerable<(int Doc, float Score)> Ranked(int top)
    {
        matches.Sort(static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Doc.CompareTo(b.Doc));
        return matches.Take(top);
    }
}
