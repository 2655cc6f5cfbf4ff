using System.Net.Http.Json;
using System.Text.Json;
using QaService.Tests.Support;

namespace QaService.Tests.Web;

/// <summary><c>"explain": true</c> on <c>POST /api/ask</c>: the evidence behind a reply, hybrid and BM25-only.</summary>
public sealed class AskExplainApiTests
{
    private static async Task<JsonElement> AskAsync(HttpClient client, string question, bool explain)
    {
        using var response = await client.PostAsJsonAsync("/api/ask", new { question, mode = "extractive", explain });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static QaAppFactory Factory(bool dense) => new(new Dictionary<string, string?> { ["Retrieval:Dense"] = dense.ToString() });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Ask_WithExplain_ShowsTheEvidenceOfEveryCitedPassage(bool dense)
    {
        await using var factory = Factory(dense);
        using var client = factory.CreateClient();

        var reply = await AskAsync(client, "Which president of Iran visited Pakistan?", explain: true);

        Assert.False(reply.GetProperty("abstained").GetBoolean());
        var explanation = reply.GetProperty("explanation");
        var passages = explanation.GetProperty("passages").EnumerateArray().ToList();
        var byId = passages.ToDictionary(p => p.GetProperty("passageId").GetString()!);
        var cited = reply.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("passageId").GetString()!).Distinct().ToList();
        Assert.NotEmpty(cited);
        Assert.All(cited, id => Assert.True(byId.ContainsKey(id), $"The cited passage {id} has no evidence."));

        // Fused ranks run 1, 2, 3 … in the order of the fused score.
        Assert.Equal(Enumerable.Range(1, passages.Count), passages.Select(p => p.GetProperty("rank").GetInt32()));
        var fused = passages.Select(p => p.GetProperty("fusedScore").GetDouble()).ToList();
        Assert.Equal(fused.OrderDescending(), fused);

        foreach (var id in cited)
        {
            var passage = byId[id];
            var matched = passage.GetProperty("matchedTerms").EnumerateArray().Select(t => t.GetString()!).ToList();
            var lucene = passage.GetProperty("bm25Explanation").GetString()!;
            Assert.True(passage.GetProperty("bm25Score").GetSingle() > 0, passage.ToString());
            Assert.True(passage.GetProperty("bm25Rank").GetInt32() >= 1);
            Assert.NotEmpty(matched);
            Assert.Contains("BM25Similarity", lucene, StringComparison.Ordinal);
            Assert.All(matched, term => Assert.Contains($"text:{term}", lucene, StringComparison.Ordinal));
            AssertDenseEvidence(passage, dense);
        }

        Assert.StartsWith("answered: ", explanation.GetProperty("decision").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, explanation.GetProperty("signals").ValueKind);
        AssertStageTimings(explanation);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Ask_WithExplain_WhenTheArticleDoesNotSay_ExplainsTheAbstention(bool dense)
    {
        await using var factory = Factory(dense).WithSetting(TestDefaults.Abstaining.Key, TestDefaults.Abstaining.Value);
        using var client = factory.CreateClient();

        var reply = await AskAsync(client, "What is the boiling point of mercury?", explain: true);

        Assert.True(reply.GetProperty("abstained").GetBoolean(), reply.ToString());
        var explanation = reply.GetProperty("explanation");
        Assert.StartsWith("abstained: ", explanation.GetProperty("decision").GetString(), StringComparison.Ordinal);
        Assert.All(explanation.GetProperty("passages").EnumerateArray(), p => AssertDenseEvidence(p, dense));
        AssertStageTimings(explanation);
    }

    [Fact]
    public async Task Ask_WithoutExplain_SendsNoExplanation()
    {
        await using var factory = Factory(dense: false);
        using var client = factory.CreateClient();

        var reply = await AskAsync(client, "Which president of Iran visited Pakistan?", explain: false);

        Assert.False(reply.TryGetProperty("explanation", out _));
    }

    private static void AssertDenseEvidence(JsonElement passage, bool dense)
    {
        var similarity = passage.GetProperty("denseSimilarity");
        var rank = passage.GetProperty("denseRank");
        if (dense)
        {
            Assert.InRange(similarity.GetSingle(), -1f, 1f);
            Assert.True(rank.GetInt32() >= 1);
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, similarity.ValueKind);
            Assert.Equal(JsonValueKind.Null, rank.ValueKind);
        }
    }

    private static void AssertStageTimings(JsonElement explanation)
    {
        var stages = explanation.GetProperty("stageMilliseconds").EnumerateObject().ToDictionary(s => s.Name, s => s.Value.GetDouble());
        foreach (var stage in new[] { "analysis", "retrieval", "answering" })
        {
            Assert.True(stages.TryGetValue(stage, out var milliseconds) && milliseconds >= 0, $"No time for the {stage} stage: {explanation}");
        }

        Assert.Contains(stages.Values, ms => ms > 0);
    }
}
