namespace QaService.Tests.Support;

/// <summary>Files of the repository and of the shared folder beside it, found from the test assembly's location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The shared material (article, eval sets) lives next to the repository, in <c>../shared</c>.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string DevQuestions => Path.Combine(Shared, "eval", "dev.jsonl");

    public static string SharedArticle => Path.Combine(Shared, "article", "article.txt");

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
