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
    private readonly float[][] topScores;
    private readonly float[]? passages;
    private readonly float bestPassage;

    private DenseView(RetrievalResult retrieval)
    {
        byModel = retrieval.SentenceDenseByModel ?? (retrieval.SentenceDense is { } one ? [one] : []);
        topScores = byModel.Select(TopScores).ToArray();
        best = topScores.Select(top => top.Length == 0 ? 0 : top.Max()).ToArray();
        passages = retrieval.PassageDense;
        bestPassage = passages is { Length: > 0 } ? passages.Max() : 0;
    }

    public static DenseView Of(RetrievalResult retrieval) => new(retrieval);

    public float Cosine(int model, int key) => model < byModel.Count ? byModel[model][key] : 0;

    public float Gap(int model, int key) => model < byModel.Count ? best[model] - byModel[model][key] : 0;

    /// <summary>How many sentences this model scores above the sentence, up to <see cref="WorstRank"/>.</summary>
    public float Rank(int model, int key)
    {
        if (model >= byModel.Count)
        {
            return WorstRank;
        }

        // Every score above a sentence's own is among the model's top scores, unless there are more than WorstRank of them.
        var own = byModel[model][key];
        var above = 0;
        foreach (var score in topScores[model])
        {
            above += score > own ? 1 : 0;
        }

        return Math.Min(WorstRank, above);
    }

    /// <summary>The model's <see cref="WorstRank"/> highest scores, found once per question rather than per candidate.</summary>
    private static float[] TopScores(float[] scores)
    {
        var top = new PriorityQueue<float, float>(WorstRank + 1);
        foreach (var score in scores)
        {
            if (top.Count < WorstRank)
            {
                top.Enqueue(score, score);
            }
            else if (score > top.Peek())
            {
                top.EnqueueDequeue(score, score);
            }
        }

        return [.. top.UnorderedItems.Select(item => item.Element)];
    }

    public float PassageGap(IReadOnlyList<int> passageKeys) =>
        passages is null ? 0 : bestPassage - passageKeys.Max(p => passages[p]);
}
