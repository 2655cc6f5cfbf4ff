namespace QaService.Tests.Support;

/// <summary>
/// A test that runs a tool from the shared folder beside the repository (<c>../shared</c>), such as the evaluator
/// <c>qa_eval.py</c>. A plain clone has no shared folder: there the test is skipped, with a message naming the missing
/// file, instead of failing. CI has the folder and runs it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FactNeedingSharedFileAttribute : FactAttribute
{
    public FactNeedingSharedFileAttribute(string relativePath)
    {
        var path = Path.Combine(RepositoryPaths.Shared, relativePath);
        if (!File.Exists(path))
        {
            Skip = $"{Path.Combine("..", "shared", relativePath)} is absent ({path}): this test needs the shared folder beside the repository.";
        }
    }
}
