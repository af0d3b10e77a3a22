using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace CivicConnect.Integration.Tests.Photos;

/// <summary>
/// Pictures drawn by the tests, pixel by pixel, so each scene is a different kind of picture and
/// each seed a different shot of it: "pothole" (a dark blob on grey asphalt noise), "graffiti"
/// (bright colour strokes on a brick-red wall), "streetlight" (a thin dark pole against a blue sky).
/// </summary>
public static class SyntheticPhotos
{
    public static byte[] Pothole(int seed, int width = 640, int height = 480) => Jpeg(Draw(width, height, seed, PotholePixel));

    public static byte[] Graffiti(int seed, int width = 640, int height = 480) => Jpeg(Draw(width, height, seed, GraffitiPixel));

    public static byte[] Streetlight(int seed, int width = 640, int height = 480) => Jpeg(Draw(width, height, seed, StreetlightPixel));

    /// <summary>The same picture saved again at another size and quality (what a phone or a messenger does when re-sending).</summary>
    public static byte[] Resaved(byte[] jpeg, int width, int quality)
    {
        using var image = Image.Load<Rgb24>(jpeg);
        image.Mutate(x => x.Resize(width, 0));
        using var output = new MemoryStream();
        image.SaveAsJpeg(output, new JpegEncoder { Quality = quality });
        return output.ToArray();
    }

    public static byte[] Jpeg(Image<Rgb24> image)
    {
        using (image)
        {
            using var output = new MemoryStream();
            image.SaveAsJpeg(output, new JpegEncoder { Quality = 90 });
            return output.ToArray();
        }
    }

    private delegate Rgb24 PixelPainter(int x, int y, int width, int height, Scene scene);

    private static Image<Rgb24> Draw(int width, int height, int seed, PixelPainter painter)
    {
        var scene = new Scene(new Random(seed));
        var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < width; x++)
                {
                    row[x] = painter(x, y, width, height, scene);
                }
            }
        });
        return image;
    }

    private static Rgb24 PotholePixel(int x, int y, int width, int height, Scene s)
    {
        var grain = s.Noise(x, y, 40);
        var dx = (x - (width * s.CentreX)) / (width * s.Size);
        var dy = (y - (height * s.CentreY)) / (height * s.Size * 0.6);
        var inHole = (dx * dx) + (dy * dy) < 1 + (0.25 * Math.Sin((x + y) * 0.05 * s.Wobble));
        var level = inHole ? 35 + (grain / 3) : 105 + grain;
        return Grey(level);
    }

    private static Rgb24 GraffitiPixel(int x, int y, int width, int height, Scene s)
    {
        var brick = ((y / 24) % 2 == 0 ? x : x + 30) % 60 < 3 || y % 24 < 3;
        var wall = brick ? new Rgb24(200, 200, 190) : new Rgb24((byte)(150 + (s.Noise(x, y, 30) / 2)), 60, 45);
        for (var i = 0; i < s.Strokes.Length; i++)
        {
            var (phase, frequency, baseline, colour) = s.Strokes[i];
            var curve = (height * baseline) + (height * 0.12 * Math.Sin((x * frequency) + phase));
            if (Math.Abs(y - curve) < 9)
            {
                return colour;
            }
        }

        return wall;
    }

    private static Rgb24 StreetlightPixel(int x, int y, int width, int height, Scene s)
    {
        var poleX = width * s.CentreX;
        var headY = height * 0.18;
        if (Math.Abs(x - poleX) < 7 && y > headY)
        {
            return Grey(40);
        }

        if (y > headY - 12 && y < headY && x > poleX - 60 && x < poleX + 8)
        {
            return Grey(55);
        }

        var sky = 1 - ((double)y / height);
        return new Rgb24((byte)(70 + (40 * sky)), (byte)(120 + (60 * sky)), (byte)(200 + (50 * sky) - (s.Noise(x, y, 10) / 2)));
    }

    private static Rgb24 Grey(double level)
    {
        var v = (byte)Math.Clamp(level, 0, 255);
        return new Rgb24(v, v, v);
    }

    private sealed class Scene
    {
        private readonly int salt;

        public Scene(Random random)
        {
            salt = random.Next();
            CentreX = 0.35 + (random.NextDouble() * 0.3);
            CentreY = 0.4 + (random.NextDouble() * 0.3);
            Size = 0.2 + (random.NextDouble() * 0.15);
            Wobble = 0.5 + random.NextDouble();
            Strokes = Enumerable.Range(0, 3).Select(_ => (
                random.NextDouble() * Math.PI * 2,
                0.01 + (random.NextDouble() * 0.03),
                0.25 + (random.NextDouble() * 0.5),
                new Rgb24((byte)random.Next(256), (byte)random.Next(128, 256), (byte)random.Next(256)))).ToArray();
        }

        public double CentreX { get; }

        public double CentreY { get; }

        public double Size { get; }

        public double Wobble { get; }

        public (double Phase, double Frequency, double Baseline, Rgb24 Colour)[] Strokes { get; }

        /// <summary>Deterministic pixel noise in [-amplitude/2, amplitude/2].</summary>
        public double Noise(int x, int y, int amplitude)
        {
            var h = unchecked((uint)((x * 73856093) ^ (y * 19349663) ^ salt));
            h ^= h >> 13;
            h = unchecked(h * 0x5bd1e995);
            h ^= h >> 15;
            return ((h % 1000) / 1000.0 * amplitude) - (amplitude / 2.0);
        }
    }
}
