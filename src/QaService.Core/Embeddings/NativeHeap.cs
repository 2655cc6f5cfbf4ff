using System.Runtime.InteropServices;

namespace QaService.Embeddings;

/// <summary>
/// Gives the C heap's free memory back to the system. ONNX Runtime allocates each batch's activations there, from one
/// heap arena per thread; once a build is done, glibc keeps most of those arenas' freed pages resident until asked.
/// </summary>
internal static partial class NativeHeap
{
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not glibc (musl has no malloc_trim): the pages stay until the system needs them.
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
