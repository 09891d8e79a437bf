using System.Globalization;
using System.Runtime.InteropServices;

namespace SocBot.Ownership;

/// <summary>
/// The model package keeps its 90 MB of weights as a resource of its assembly, which the runtime maps read-only and shared.
/// Once ONNX Runtime holds its own copy, those pages are never read again, yet having been read once they stay charged to
/// the process's resident set. Telling the kernel they are not needed hands them back; a shared read-only mapping has no
/// private data to lose, and any later read simply faults the page in from the file again.
/// </summary>
internal static class ModelImagePages
{
    private const int DontNeed = 4;

    /// <summary>Releases the resident pages of the file's shared read-only mappings (Linux only; elsewhere nothing).</summary>
    public static void Release(string path)
    {
        if (!OperatingSystem.IsLinux() || string.IsNullOrEmpty(path))
        {
            return;
        }

        // Advice that fails leaves the pages resident, which costs memory, not correctness.
        foreach (var (start, length) in SharedReadOnlyMappings(File.ReadLines("/proc/self/maps"), path))
        {
            _ = Advise((nint)start, (nuint)length, DontNeed);
        }
    }

    /// <summary>The address ranges of <paramref name="path"/> mapped "r--s" in a /proc/&lt;pid&gt;/maps listing.</summary>
    internal static IEnumerable<(long Start, long Length)> SharedReadOnlyMappings(IEnumerable<string> maps, string path)
    {
        foreach (var line in maps)
        {
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 6 || fields[1] != "r--s" || fields[5].Trim() != path)
            {
                continue;
            }

            var dash = fields[0].IndexOf('-', StringComparison.Ordinal);
            var start = long.Parse(fields[0].AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var end = long.Parse(fields[0].AsSpan(dash + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            yield return (start, end - start);
        }
    }

    [DllImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static extern int Advise(nint address, nuint length, int advice);
}
