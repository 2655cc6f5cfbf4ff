using QaService.Answering;

namespace QaService.Host.Web.OpenAi;

/// <summary>The service as OpenAI models: <c>qaservice</c> answers as <c>/api/ask</c> does by default; <c>qaservice-extractive</c> never asks a language model.</summary>
internal static class OpenAiModels
{
    public const string Default = "qaservice";
    public const string Extractive = "qaservice-extractive";

    // A fixed date, as OpenAI lists a model's creation: 2026-01-01.
    private const long Created = 1_767_225_600;

    public static IReadOnlyList<string> Ids { get; } = [Default, Extractive];

    public static ModelList List() => new("list", Ids.Select(Card).ToList());

    public static ModelCard Card(string id) => new(id, "model", Created, "qaservice");

    public static AnswerMode? ModeOf(string model) => model switch
    {
        Default => AnswerMode.Auto,
        Extractive => AnswerMode.Extractive,
        _ => null,
    };
}
