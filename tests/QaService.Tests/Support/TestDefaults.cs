using System.Runtime.CompilerServices;

namespace QaService.Tests.Support;

/// <summary>
/// Hosts built by the tests (in-process and as processes, which inherit the environment) run BM25-only unless a test
/// asks for the hybrid mode with <c>Retrieval:Dense=true</c>: loading the embedding models and embedding every test
/// corpus would slow the suite down for tests about other things. Answer-quality and embedding tests opt in.
/// </summary>
internal static class TestDefaults
{
    public static readonly KeyValuePair<string, string?> Hybrid = new("Retrieval:Dense", "true");

#pragma warning disable CA2255 // The test assembly sets its own process environment once, before any host is built.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void UseBm25OnlyByDefault() => Environment.SetEnvironmentVariable("Retrieval__Dense", "false");
}
