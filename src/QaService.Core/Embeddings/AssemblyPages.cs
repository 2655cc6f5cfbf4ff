using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;

namespace QaService.Embeddings;

/// <summary>
/// Gives back the memory of an assembly's file pages once its embedded model has been read. Each encoder package
/// carries its ~90 MB ONNX model inside its DLL; reading it maps those pages into the process, where they would stay
/// counted as resident although the ONNX session holds its own copy and never reads them again. They are clean pages
/// of a read-only file mapping, so dropping them is safe: anything that touches them again reads them from the file.
/// </summary>
internal static partial class AssemblyPages
{
    private const int DontNeed = 4; // MADV_DONTNEED

    public static void Release(Assembly assembly)
    {
        if (!OperatingSystem.IsLinux() || string.IsNullOrEmpty(assembly.Location))
        {
            return;
        }

        try
        {
            foreach (var line in File.ReadLines("/proc/self/maps"))
            {
                if (line.EndsWith(assembly.Location, StringComparison.Ordinal)
                    && line.Split(' ', 2)[0].Split('-') is [var start, var end])
                {
                    var from = nint.Parse(start, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    var to = nint.Parse(end, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    _ = Advise(from, (nuint)(to - from), DontNeed);
                }
            }
        }
        catch (IOException)
        {
            // Without /proc the pages simply stay until the system needs them.
        }
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Advise(nint address, nuint length, int advice);
}
