using Microsoft.Extensions.Options;

namespace QaService.Ingestion;

internal sealed class ChunkingOptionsValidator : IValidateOptions<ChunkingOptions>
{
    public ValidateOptionsResult Validate(string? name, ChunkingOptions options) =>
        options.OverlapSentences >= options.SentencesPerPassage
            ? ValidateOptionsResult.Fail(
                $"Chunking:OverlapSentences ({options.OverlapSentences}) must be smaller than Chunking:SentencesPerPassage ({options.SentencesPerPassage}).")
            : ValidateOptionsResult.Success;
}
