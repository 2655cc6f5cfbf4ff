using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace QaService.Documents;

internal sealed class DocumentsOptionsValidator(IHostEnvironment environment) : IValidateOptions<DocumentsOptions>
{
    public ValidateOptionsResult Validate(string? name, DocumentsOptions options)
    {
        var failures = new List<string>();
        if (!options.IncludeBuiltIn && options.Sources.Count == 0)
        {
            failures.Add("Documents: IncludeBuiltIn is false and no Sources are listed, so there is nothing to answer over.");
        }

        foreach (var source in options.Sources)
        {
            if (string.IsNullOrWhiteSpace(source.Path))
            {
                failures.Add("Documents:Sources: every source needs a Path.");
                continue;
            }

            var path = Path.GetFullPath(source.Path, environment.ContentRootPath);
            if (!DocumentLoader.IsSupported(path))
            {
                failures.Add($"Documents:Sources: '{source.Path}' is not a .txt or .md file.");
            }
            else if (Directory.Exists(path))
            {
                failures.Add($"Documents:Sources: '{source.Path}' is a folder; give each document file as a source of its own.");
            }
            else if (!File.Exists(path))
            {
                failures.Add($"Documents:Sources: '{source.Path}' does not exist (looked at {path}).");
            }
        }

        foreach (var id in options.Sources.Select(s => s.Id).Where(id => !string.IsNullOrWhiteSpace(id) && !DocumentId.IsWellFormed(id.Trim())))
        {
            failures.Add($"Documents:Sources: the id '{id}' is not one: {DocumentId.Rule}");
        }

        var shared = options.Sources.Where(s => !string.IsNullOrWhiteSpace(s.Path))
            .GroupBy(s => DocumentLoader.IdOf(s, s.Path), StringComparer.Ordinal)
            .Where(g => g.Count() > 1);
        failures.AddRange(shared.Select(g =>
            $"Documents:Sources: {string.Join(" and ", g.Select(s => $"'{s.Path}'"))} would all have the id '{g.Key}'; give each its own Id."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
