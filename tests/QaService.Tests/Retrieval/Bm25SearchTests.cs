using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.DependencyInjection;
using QaService.Indexing;
using QaService.Retrieval;
using QaService.Tests.Support;

namespace QaService.Tests.Retrieval;

/// <summary>
/// The BM25 search filters by kind for speed; its rankings and scores must stay exactly those of the plain query
/// that requires the kind as a clause, for the few top hits, the sentence candidates and the full passage ranking.
/// </summary>
public sealed class Bm25SearchTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    public static TheoryData<string> QuestionFiles() => ["heldout-1.jsonl", "heldout-2.jsonl", "heldout-3.jsonl"];

    [Theory]
    [MemberData(nameof(QuestionFiles))]
    public async Task Search_RanksAndScoresExactlyAsTheQueryThatRequiresTheKind(string file)
    {
        using var host = CoreHost.Build(folder.Path, new Dictionary<string, string?> { ["Index:Path"] = Path.Combine(folder.Path, "index") });
        var snapshot = await host.Services.GetRequiredService<IndexOwner>().GetReadyAsync(CancellationToken.None);
        var questions = Questions(Path.Combine(RepositoryPaths.Root, "tests", "questions", file));
        Assert.True(questions.Count > 30);

        foreach (var question in questions)
        {
            var terms = Bm25Search.WeightedTerms(QuestionAnalyzer.Analyze(question), snapshot.Corpus);
            foreach (var (kind, top) in new[] { (IndexFormat.PassageKind, 5), (IndexFormat.PassageKind, 2_000), (IndexFormat.SentenceKind, 200) })
            {
                Assert.Equal(Plain(snapshot, terms, kind, top), Bm25Search.Search(snapshot, terms, kind, top));
            }
        }
    }

    [Fact]
    public async Task Search_KeepsATermThatOnlyAPassageHolds()
    {
        // "New. Delhi" splits the city across two sentences: only the passage's text joins it into the place's term.
        var notes = folder.File("notes.md", "# Notes\n\nThe minister flew in from New. Delhi officials met him at the airport.\n\nThe talks began on Monday.\n");
        using var host = CoreHost.Build(folder.Path, new Dictionary<string, string?>
        {
            ["Index:Path"] = Path.Combine(folder.Path, "index-notes"),
            ["Documents:IncludeBuiltIn"] = "false",
            ["Documents:Sources:0:Path"] = notes,
        });
        var snapshot = await host.Services.GetRequiredService<IndexOwner>().GetReadyAsync(CancellationToken.None);
        var terms = Bm25Search.WeightedTerms(QuestionAnalyzer.Analyze("Who came from India?"), snapshot.Corpus);
        Assert.Contains(terms, t => t.Term == "india" && !snapshot.Corpus.KnownTerms.Contains(t.Term));

        var passages = Bm25Search.Search(snapshot, terms, IndexFormat.PassageKind, 5);
        Assert.NotEmpty(passages);
        Assert.Equal(Plain(snapshot, terms, IndexFormat.PassageKind, 5), passages);
    }

    private static List<(int Key, float Score)> Plain(IndexSnapshot snapshot, IReadOnlyList<WeightedTerm> terms, string kind, int top)
    {
        if (terms.Count == 0)
        {
            return [];
        }

        var words = new BooleanQuery();
        foreach (var (term, weight) in terms)
        {
            words.Add(new TermQuery(new Term(IndexFormat.Text, term)) { Boost = weight }, Occur.SHOULD);
        }

        var query = new BooleanQuery
        {
            { new TermQuery(new Term(IndexFormat.Kind, kind)) { Boost = 0 }, Occur.MUST },
            { words, Occur.MUST },
        };
        return snapshot.Searcher.Search(query, top).ScoreDocs.Select(h => (snapshot.KeyOf(h.Doc), h.Score)).ToList();
    }

    private static List<string> Questions(string path) =>
        File.ReadLines(path)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .SelectMany(item => item.TryGetProperty("turns", out var turns) ? turns.EnumerateArray().ToList() : [item])
            .Select(item => item.GetProperty("question").GetString()!)
            .ToList();
}
