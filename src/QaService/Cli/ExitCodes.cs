namespace QaService.Host.Cli;

internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;

    /// <summary>The code System.CommandLine gives its own parse errors.</summary>
    public const int BadArguments = 1;
    public const int BadConfiguration = 2;
}
