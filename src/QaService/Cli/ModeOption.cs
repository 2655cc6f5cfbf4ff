using System.CommandLine;
using QaService.Answering;

namespace QaService.Host.Cli;

/// <summary><c>--mode auto|extractive|generative</c>, in any case, refused in the user's words rather than .NET's.</summary>
internal static class ModeOption
{
    public static Option<AnswerMode> Create() => new("--mode")
    {
        Description = "auto, extractive or generative.",
        DefaultValueFactory = _ => AnswerMode.Auto,
        CustomParser = result =>
        {
            var given = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
            if (Enum.TryParse<AnswerMode>(given, ignoreCase: true, out var mode) && Enum.IsDefined(mode) && !given.Any(char.IsDigit))
            {
                return mode;
            }

            result.AddError($"--mode takes auto, extractive or generative, not '{given}'.");
            return AnswerMode.Auto;
        },
    };
}
