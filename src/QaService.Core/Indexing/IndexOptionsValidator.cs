using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace QaService.Indexing;

internal sealed class IndexOptionsValidator(IHostEnvironment environment) : IValidateOptions<IndexOptions>
{
    public ValidateOptionsResult Validate(string? name, IndexOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return ValidateOptionsResult.Skip;
        }

        var path = Path.GetFullPath(options.Path, environment.ContentRootPath);
        return File.Exists(path)
            ? ValidateOptionsResult.Fail($"Index:Path {path} is a file; it must be a folder (or not exist yet).")
            : ValidateOptionsResult.Success;
    }
}
