using Parallax.Imaging.Detector;
using Parallax.Imaging;
using Parallax.Fits.Headers;
using Parallax.Pipeline.Recipes;

namespace Parallax.Recipes.Tests;

/// <summary>Builds frames and recipe inputs in memory.</summary>
public static class Images
{
    public static MaskedImage Constant(int width, int height, float value) => new(width, height, Enumerable.Repeat(value, width * height).ToArray());

    public static MaskedImage Of(int width, int height, Func<int, int, double> value)
    {
        var data = new float[width * height];
        for (var y = 0; y < height; y++) for (var x = 0; x < width; x++) data[y * width + x] = (float)value(x, y);
        return new MaskedImage(width, height, data);
    }

    /// <summary>Gaussian noise (Box–Muller) from a seeded generator: reproducible.</summary>
    public static MaskedImage Noisy(int width, int height, double level, double sigma, int seed, Func<int, int, double>? extra = null)
    {
        var rng = new Random(seed);
        return Of(width, height, (x, y) =>
        {
            var u1 = 1.0 - rng.NextDouble();
            var u2 = rng.NextDouble();
            return level + sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2) + (extra?.Invoke(x, y) ?? 0);
        });
    }

    public static RecipeFrame Frame(MaskedImage image, string category, double? exptime = null, string? name = null)
    {
        var h = new Header();
        if (exptime is { } t) h.Set("EXPTIME", t);
        return new RecipeFrame { Name = name ?? $"{category.ToLowerInvariant()}.fits", Category = category, Image = image, PrimaryHeader = h, ExposureTime = exptime };
    }

    public static DetectorLayout Detector(double? gain = null, double? readNoise = null, ImageSection? data = null, double? saturation = null)
        => new([new AmplifierLayout { Name = "A", Gain = gain, ReadNoise = readNoise, DataSection = data, Saturation = saturation }]);

    public static RecipeInput Input(IEnumerable<RecipeFrame> frames, DetectorLayout? detector = null, params RecipeFrame[] calibrations)
        => new()
        {
            Frames = frames.ToList(),
            Calibrations = calibrations.ToDictionary(c => c.Category, c => c),
            Detector = detector ?? DetectorLayout.Unknown,
        };

    public static RecipeProduct Single(RecipeOutcome outcome, string category)
        => Assert.IsType<RecipeSucceeded>(outcome).Products.Single(p => p.Category == category);

    /// <summary>The HISTORY lines of a header.</summary>
    public static IEnumerable<string> History(Header header)
        => header.Cards.Where(c => c.Keyword == "HISTORY").Select(c => (c.Value as string) ?? c.Comment ?? "");
}
