using System.Text.RegularExpressions;

namespace QaService.Documents;

/// <summary>What a document id may be: one URL path segment (<c>/api/documents/{id}</c>), readable in citations.</summary>
public static partial class DocumentIds
{
    public static bool IsWellFormed(string id) => Pattern().IsMatch(id);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex Pattern();
}
