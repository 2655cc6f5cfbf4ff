using System.Text.RegularExpressions;

namespace QaService.Documents;

/// <summary>Document ids: one URL path segment (<c>/api/documents/{id}</c>), readable in citations.</summary>
public static partial class DocumentId
{
    /// <summary>What a configured id may be, in words for the operator.</summary>
    public const string Rule = "an id is 1 to 128 letters (A-Z, a-z), digits, '-', '_' or '.', starting with a letter or digit.";

    public static bool IsWellFormed(string id) => Shape().IsMatch(id);

    // \z, not $: $ also matches before a final newline.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\z")]
    private static partial Regex Shape();
}
