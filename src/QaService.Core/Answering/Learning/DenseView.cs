using QaService.Retrieval;

namespace QaService.Answering.Learning;

/// <summary>
/// Each embedding model's cosine for a sentence, how far it falls below that model's best sentence, and its rank;
/// zeros (and the worst rank) when dense retrieval is off, so one feature vector serves both modes.
/// </summary>
internal sealed class DenseView
{
    public const int WorstRank = 50;
    private readonly IReadOnlyList<float[]> byModel;
    private readonly float[] best;
    private readonly float[]? passages;
    private readonly float bestPassage;

    private DenseView(RetrievalResult retrieval)
    {
        byModel = retrieval.SentenceDenseByModel ?? (retrieval.SentenceDense is { } one ? [one] : []);
        best = byModel.Select(scores => scores.Length == 0 ? 0 : scores.Max()).ToArray();
        passages = retrieval.PassageDense;
        bestPassage = passages is { Length: > 0 } ? passages.Max() : 0;
    }

    public static DenseView Of(RetrievalResult retrieval) => new(retrieval);

    public float Cosine(int model, int key) => model < byModel.Count ? byModel[model][key] : 0;

    public float Gap(int model, int key) => model < byModel.Count ? best[model] - byModel[model][key] : 0;

    public float Rank(int model, int key)
    {
        if (model >= byModel.Count)
        {
            return WorstRank;
        }

        var scores = byModel[model];
        var own = scores[key];
        var higher = 0;
        for (var i = 0; i < scores.Length && higher < WorstRank; i++)
        {
            if (scores[i] > own)
            {
                higher++;
            }
        }

        return higher;
    }

    public float PassageGap(IReadOnlyList<int> passageKeys) =>
        passages is null ? 0 : bestPassage - passageKeys.Max(p => passages[p]);
}
