using Spectre.Console;

namespace QaService.Host.Cli;

/// <summary>
/// Output that goes to a pipe or a file is not wrapped: Spectre.Console assumes 80 columns when it cannot ask a
/// terminal, which would break answers and citation lines in the middle for whoever reads them next.
/// </summary>
internal static class PipedOutput
{
    private const int UnwrappedWidth = 100_000;

    public static void Unwrap(IAnsiConsole console, bool redirected)
    {
        if (redirected)
        {
            console.Profile.Width = UnwrappedWidth;
        }
    }
}
