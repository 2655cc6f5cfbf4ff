namespace QaService.Generation;

/// <summary>The <c>Generation</c> section: what is done with a generated answer once it is written.</summary>
public sealed class GenerationOptions
{
    public const string SectionName = "Generation";

    public UnsupportedPolicy UnsupportedPolicy { get; set; } = UnsupportedPolicy.Mark;
}
