namespace QaService.Tests.Support;

/// <summary>Files of the repository and of the shared folder beside it, found from the test assembly's location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The shared material (article, eval sets, <c>qa_eval.py</c>) lives next to the repository, in <c>../shared</c>, when
    /// it is there at all: a plain clone has none, so tests read their own copies in <c>tests/data</c>.
    /// </summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>The evaluator over HTTP; tests that run it are skipped when it is absent.</summary>
    public static string QaEvalScript => Path.Combine(Shared, "eval", "qa_eval.py");

    public static string TestData => Path.Combine(Root, "tests", "data");

    /// <summary>The items of <c>../shared/eval/dev.jsonl</c> the tests assert on, copied as test data.</summary>
    public static string DevQuestions => Path.Combine(TestData, "dev-sample.jsonl");

    /// <summary>A copy of <c>../shared/article/article.txt</c>, the article the service ships.</summary>
    public static string SharedArticle => Path.Combine(TestData, "article.txt");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "QaService.slnx")) || File.Exists(Path.Combine(folder.FullName, "QaService.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No QaService solution file above {AppContext.BaseDirectory}.");
    }
}
