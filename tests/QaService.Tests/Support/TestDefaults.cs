using System.Runtime.CompilerServices;

namespace QaService.Tests.Support;

/// <summary>
/// Hosts built by the tests (in-process and as processes, which inherit the environment) run BM25-only unless a test
/// asks for the hybrid mode with <c>Retrieval:Dense=true</c>: loading the embedding models and embedding every test
/// corpus would slow the suite down for tests about other things. Answer-quality and embedding tests opt in.
/// Questions wait up to two minutes for an index, so a busy machine slows the suite down rather than failing it.
/// Hosts also answer every question (<c>Answering:MinConfidence=0</c>), so tests about the doors, conversations and
/// limits do not hang on the learned abstention; tests about abstention set it with <see cref="Abstaining"/>.
/// </summary>
internal static class TestDefaults
{
    public static readonly KeyValuePair<string, string?> Hybrid = new("Retrieval:Dense", "true");

    public static readonly KeyValuePair<string, string?> AnswerEverything = new("Answering:MinConfidence", "0");

    /// <summary>The service's own default minimum confidence, for tests about answering or abstaining.</summary>
    public static readonly KeyValuePair<string, string?> Abstaining = new("Answering:MinConfidence", "0.25");

#pragma warning disable CA2255 // The test assembly sets its own process environment once, before any host is built.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void SetDefaults()
    {
        Environment.SetEnvironmentVariable("Retrieval__Dense", "false");
        Environment.SetEnvironmentVariable("Answering__MinConfidence", AnswerEverything.Value);
        Environment.SetEnvironmentVariable("Index__ReadyTimeout", "00:02:00");
    }
}
