using Parallax.Imaging;
using Parallax.Spectroscopy.Slits;
using Parallax.Spectroscopy.Tests.Slits;

namespace Parallax.Spectroscopy.Tests.Support;

/// <summary>
/// Synthetic long-slit frames built in the test: a straight slit (rows <see cref="Lower"/>..<see cref="Upper"/>), a flat sky,
/// and Gaussian objects integrated exactly over each pixel's rows, in electrons, with Gaussian noise of variance
/// model + read noise² (a Poisson draw at these levels) and a variance plane max(D, 0) + read noise² as a detrend makes it.
/// </summary>
internal static class SyntheticLongslit
{
    public const int Lower = 10;
    public const int Upper = 70;

    private static readonly Dictionary<int, SlitEdges> EdgesCache = [];

    /// <summary>The slit found on a noise-free synthetic flat of this width.</summary>
    public static SlitEdges Edges(int width)
    {
        lock (EdgesCache)
        {
            if (!EdgesCache.TryGetValue(width, out var edges))
                EdgesCache[width] = edges = SlitEdgeFinder.Find(SlitEdgesTests.Flat(width, Upper + 10, _ => Lower - 0.5, _ => Upper + 0.5));
            return edges;
        }
    }

    /// <summary>Fraction of a unit Gaussian (centre c, σ) falling in pixel row y.</summary>
    public static double PixelFraction(int y, double centre, double sigma) => Phi((y + 0.5 - centre) / sigma) - Phi((y - 0.5 - centre) / sigma);

    /// <summary>A frame of <paramref name="width"/> columns: sky per pixel, objects (row(x), σ, electrons per column), noise from the seed (none when null).</summary>
    public static MaskedImage Frame(int width, double sky, double readNoise, IEnumerable<(Func<double, double> Row, double Sigma, double Flux)> objects, int? seed)
    {
        var h = Upper + 10;
        var image = new MaskedImage(width, h) { Unit = PixelUnits.Electron };
        var random = seed is { } s ? new Random(s) : null;
        var list = objects.ToList();
        for (var y = 0; y < h; y++)
            for (var x = 0; x < width; x++)
            {
                var inside = y >= Lower && y <= Upper;
                double model = inside ? sky : 0;
                foreach (var o in list) if (inside) model += o.Flux * PixelFraction(y, o.Row(x), o.Sigma);
                var value = random is null ? model : model + Math.Sqrt(model + readNoise * readNoise) * Normal(random);
                var i = y * width + x;
                image.Data[i] = (float)value;
                image.Variance[i] = (float)(Math.Max(value, 0) + readNoise * readNoise);
            }
        return image;
    }

    /// <summary>A wavelength map linear in x (4000 Å + 2 Å per column), the same on every row.</summary>
    public static float[] Map(int width, int height)
    {
        var map = new float[width * height];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++) map[y * width + x] = 4000f + 2f * x;
        return map;
    }

    /// <summary>The sky as a plane of the frame's shape.</summary>
    public static float[] SkyPlane(MaskedImage frame, double sky)
    {
        var s = new float[frame.Data.Length];
        Array.Fill(s, (float)sky);
        return s;
    }

    public static double Normal(Random r)
    {
        var u1 = 1 - r.NextDouble();
        var u2 = r.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public static double Phi(double z) => 0.5 * (1 + Erf(z / Math.Sqrt(2)));

    private static double Erf(double x)
    {
        // Abramowitz & Stegun 7.1.26 is too coarse for exact pixel sums; a series / continued fraction to 1e-12 instead.
        return MathNet.Numerics.SpecialFunctions.Erf(x);
    }
}
