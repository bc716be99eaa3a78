using System.Security.Cryptography;
using System.Text.Json;
using Parallax.Fits;
using Parallax.Fits.Tables;
using Parallax.Testing;

namespace Parallax.Cli.Tests;

/// <summary>
/// The small simulated night of seed 1 (`parallax simulate --instrument sim-imager --preset small --seed 1`),
/// reduced once by `parallax reduce` with its defaults, each reduced frame measured by `parallax detect`, next to
/// the peer's values committed in data/peer_night/small_seed1.json (bench/peers/night_python.py: ccdproc + sep,
/// written by data/peer_night/make_small_seed1.sh).
/// </summary>
public sealed class PeerNightReduction : IDisposable
{
    private readonly TempDir _dir = new();

    public PeerNightReduction()
    {
        Peer = JsonDocument.Parse(File.ReadAllText(RepositoryLayout.TestData("Parallax.Cli.Tests", "peer_night", "small_seed1.json"))).RootElement;
        var night = _dir.File("night");
        Run("simulate", "--instrument", "sim-imager", "--preset", "small", "-o", night, "--seed", "1");
        Raw = Path.Combine(night, "raw");
        Out = _dir.File("out");
        Run("reduce", Raw, "-o", Out, "--no-report");
        foreach (var product in Directory.GetFiles(Out, "REDUCED_IMAGE_*.fits"))
        {
            var catalog = _dir.File(Path.GetFileName(product) + ".cat.fits");
            Run("detect", product, "-o", catalog);
            Catalogs[FrameName(product)] = catalog;
        }
    }

    /// <summary>The peer's summary.json.</summary>
    public JsonElement Peer { get; }

    /// <summary>The simulated raw frames.</summary>
    public string Raw { get; }

    /// <summary>Our products.</summary>
    public string Out { get; }

    /// <summary>Our `parallax detect` catalog of each reduced frame, by frame name (no extension).</summary>
    public Dictionary<string, string> Catalogs { get; } = [];

    public static string FrameName(string reducedProduct) => Path.GetFileNameWithoutExtension(reducedProduct)["REDUCED_IMAGE_".Length..];

    /// <summary>SHA-256 (hex) of a file.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The SCI pixels of a product, with its width.</summary>
    public static (float[] Pixels, int Width, string? Filter) Science(string path)
    {
        using var f = FitsFile.Open(path);
        var sci = f.Image("SCI");
        return (sci.ReadFloat32(), (int)sci.Header.GetInt64("NAXIS1"), f.Primary.Header.GetString("FILTER", null)?.Trim());
    }

    /// <summary>Mean of each block × block square (NaN left out), row by row, as night_python.py's block_means.</summary>
    public static double[,] BlockMeans(float[] pixels, int width, int block)
    {
        var height = pixels.Length / width;
        int ny = height / block, nx = width / block;
        var sums = new double[ny, nx];
        var counts = new int[ny, nx];
        for (var y = 0; y < ny * block; y++)
            for (var x = 0; x < nx * block; x++)
            {
                var v = pixels[y * width + x];
                if (!float.IsFinite(v)) continue;
                sums[y / block, x / block] += v;
                counts[y / block, x / block]++;
            }
        for (var j = 0; j < ny; j++)
            for (var i = 0; i < nx; i++) sums[j, i] /= counts[j, i];
        return sums;
    }

    /// <summary>The peer's block means as a 2-D array.</summary>
    public static double[,] PeerBlocks(JsonElement rows)
    {
        var list = rows.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        var a = new double[list.Length, list[0].Length];
        for (var j = 0; j < list.Length; j++)
            for (var i = 0; i < list[j].Length; i++) a[j, i] = list[j][i];
        return a;
    }

    /// <summary>Our catalog: zero-based x, y and the 5-pixel aperture flux.</summary>
    public static (double[] X, double[] Y, double[] Flux) Catalog(string path)
    {
        using var f = FitsFile.Open(path);
        var t = (BinaryTableHdu)f.Find("CAT")!;
        return (t.ReadDoubles(t.GetColumnIndex("X_IMAGE")).Select(v => v - 1).ToArray(),
                t.ReadDoubles(t.GetColumnIndex("Y_IMAGE")).Select(v => v - 1).ToArray(),
                t.ReadDoubles(t.GetColumnIndex("FLUX_APER")));
    }

    public static double Median(IEnumerable<double> values)
    {
        var s = values.Order().ToArray();
        return s.Length == 0 ? double.NaN : s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
    }

    private static void Run(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        if (code != 0) throw new InvalidOperationException($"parallax {string.Join(' ', args)} exited with {code}:\n{stdout}{stderr}");
    }

    public void Dispose() => _dir.Dispose();
}

[CollectionDefinition("peer night")]
public sealed class PeerNightCollection : ICollectionFixture<PeerNightReduction>;
