using Microsoft.Extensions.DependencyInjection;
using QaService.Answering.Learning;
using QaService.Indexing;
using QaService.Retrieval;
using QaService.Tests.Support;

namespace QaService.Tests.Answering;

/// <summary>
/// The features that give SQuAD-style unanswerable questions away: a negation the sentence lacks, a name the document
/// never uses, a name borrowed from another passage. Checked on a real index of a small document.
/// </summary>
public sealed class CandidateFeaturesTests : IDisposable
{
    private const string Report = """
        The harbour council approved the breakwater plan in 1990 after a long debate.

        Engineers from Rotterdam later surveyed the outer basin for dredging.
        """;

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("When did the harbour council approve the breakwater plan?", 0, 0)]
    [InlineData("When did the harbour council not approve the breakwater plan?", 1, 1)]
    [InlineData("When didn't the harbour council approve the breakwater plan?", 1, 1)]
    public async Task Negation_IsSeenThoughTheAnalyzerDropsItAsAStopWord(string question, float negated, float mismatch)
    {
        var best = await CandidateAsync(question, "approved");

        Assert.Equal(negated, Feature(best, "negation.question"));
        Assert.Equal(0, Feature(best, "negation.sentence"));
        Assert.Equal(mismatch, Feature(best, "negation.mismatch"));
    }

    [Fact]
    public async Task NameTheDocumentNeverUses_CountsAsUnknownName()
    {
        var known = await CandidateAsync("When did the harbour council approve the breakwater plan?", "approved");
        var swapped = await CandidateAsync("When did the Zanzibar council approve the breakwater plan?", "approved");

        Assert.Equal(0, Feature(known, "question.unknownNames"));
        Assert.Equal(1, Feature(swapped, "question.unknownNames"));
    }

    [Fact]
    public async Task NameFromAnotherPassage_CountsAsMissingElsewhere()
    {
        var borrowed = await CandidateAsync("When did the council in Rotterdam approve the breakwater plan?", "approved");
        var plain = await CandidateAsync("When did the harbour council approve the breakwater plan?", "approved");

        Assert.Equal(1, Feature(borrowed, "missing.namesElsewhere"));
        Assert.True(Feature(borrowed, "missing.knownElsewhere") >= 1);
        Assert.Equal(0, Feature(plain, "missing.knownElsewhere"));
    }

    [Fact]
    public async Task QuestionFeatures_OneHotTheQuestionWordAndAnswerType()
    {
        var best = await CandidateAsync("When did the harbour council approve the breakwater plan?", "approved");

        var features = QuestionFeatures.Of([(best, 0.9f), (best, 0.1f)]);

        Assert.Equal(QuestionFeatures.Names.Length, features.Length);
        Assert.Equal(QuestionFeatures.Count, features.Length);
        var set = QuestionFeatures.Names.Where((name, i) => features[i] == 1 && (name.StartsWith("form.", StringComparison.Ordinal) || name.StartsWith("answerType.", StringComparison.Ordinal)));
        Assert.Equal(["form.6", "answerType.Time"], set);
        Assert.Equal(0.8f, features[Array.IndexOf(QuestionFeatures.Names, "probability.gap")], 3);
    }

    [Fact]
    public async Task BylineAndAuthorNote_AreNeverCandidates_ThoughTheyShareTheQuestionsWords()
    {
        using var host = CoreHost.Build(folder.Path, new Dictionary<string, string?>
        {
            ["Documents:IncludeBuiltIn"] = "false",
            ["Documents:Sources:0:Path"] = folder.File("signed.md", "Ilse Marren\n\n" + Report + "\nThe author surveyed the outer basin for the harbour council.\n"),
            ["Index:Path"] = Path.Combine(folder.Path, "signed-index"),
        });
        var snapshot = await host.Services.GetRequiredService<IndexOwner>().GetReadyAsync(CancellationToken.None);
        var retrieval = host.Services.GetRequiredService<Retriever>().Retrieve(
            snapshot, QuestionAnalyzer.Analyze("Who surveyed the outer basin for the harbour council?"), CancellationToken.None);

        var texts = CandidateFeatures.Extract(retrieval).Select(c => retrieval.Corpus.Sentences[c.Key].Text).ToList();

        Assert.Contains(texts, t => t.StartsWith("Engineers from Rotterdam", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.StartsWith("The author", StringComparison.Ordinal) || t == "Ilse Marren");
    }

    private static float Feature(Candidate candidate, string name) => candidate.Features[Array.IndexOf(CandidateFeatures.Names, name)];

    private async Task<Candidate> CandidateAsync(string question, string sentenceWord)
    {
        using var host = CoreHost.Build(folder.Path, new Dictionary<string, string?>
        {
            ["Documents:IncludeBuiltIn"] = "false",
            ["Documents:Sources:0:Path"] = folder.File("harbour.md", Report),
            ["Index:Path"] = Path.Combine(folder.Path, "index"),
        });
        var snapshot = await host.Services.GetRequiredService<IndexOwner>().GetReadyAsync(CancellationToken.None);
        var retrieval = host.Services.GetRequiredService<Retriever>().Retrieve(snapshot, QuestionAnalyzer.Analyze(question), CancellationToken.None);
        var candidates = CandidateFeatures.Extract(retrieval);
        return candidates.Single(c => retrieval.Corpus.Sentences[c.Key].Text.Contains(sentenceWord, StringComparison.Ordinal));
    }
}
