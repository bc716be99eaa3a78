using System.Globalization;
using Parallax.Fits;
using Parallax.Fits.Coordinates;
using Parallax.Fits.Hdus;
using Parallax.Fits.Headers;
using Parallax.Fits.Tables;
using Parallax.Imaging;
using Parallax.Imaging.Io;
using Parallax.Imaging.Sources;

namespace Parallax.Cli.Tests;

/// <summary>
/// The coadd recipe against the simulator's truth: the small sim-imager night is simulated and reduced, its two dithered V frames
/// are given their TRUE WCS (truth/wcs, as an astrometric solution would) and coadded with <c>parallax run coadd</c>. Star fluxes
/// and positions are compared with the truth catalog, the exposure map with the frames' footprints, the variance with the noise.
/// </summary>
public sealed class CoaddTruthTests : IClassFixture<CoaddTruthTests.CoaddedNight>
{
    private readonly CoaddedNight _night;

    public CoaddTruthTests(CoaddedNight night) => _night = night;

    /// <summary>One simulated, reduced and coadded night shared by the tests.</summary>
    public sealed class CoaddedNight : IDisposable
    {
        private readonly TempDir _dir = new();

        public CoaddedNight()
        {
            var sim = CliRunner.Run("simulate", "--instrument", "sim-imager", "--preset", "small", "-o", _dir.Path, "--seed", "5");
            Assert.True(sim.ExitCode == 0, sim.Stderr);
            var reduce = CliRunner.Run("reduce", _dir.File("raw"), "-o", _dir.File("out"));
            Assert.True(reduce.ExitCode == 0, reduce.Stdout + reduce.Stderr);
            Directory.CreateDirectory(_dir.File("solved"));
            var rows = TruthTable.Read(Truth("frames.csv"));
            foreach (var row in rows.Where(r => r["imagetyp"] == "OBJECT" && r["filter"] == "V"))
            {
                var name = row["file"];
                Frames.Add(new TruthFrame(Path.GetFileNameWithoutExtension(name), double.Parse(row["exptime"], CultureInfo.InvariantCulture), double.Parse(row["airmass"], CultureInfo.InvariantCulture)));
                using var truthWcs = FitsFile.Open(Truth(Path.Combine("wcs", name)));
                var wcs = Wcs.FromHeader(truthWcs.Hdus[0].Header);
                Header primary;
                MaskedImage image;
                using (var product = FitsFile.Open(_dir.File(Path.Combine("out", "REDUCED_IMAGE_" + name))))
                {
                    primary = product.Hdus[0].Header.Clone();
                    image = MaskedImageFits.Read(product);
                }
                image.Wcs = wcs;
                Solved.Add(_dir.File(Path.Combine("solved", name)));
                using var writer = FitsWriter.Create(Solved[^1]);
                MaskedImageFits.Write(writer, image, Strip(primary));
                writer.Commit();
            }
            var run = CliRunner.Run(["run", "coadd", .. Solved, "-o", _dir.File("coadd"), "--name", "V"]);
            RunOutput = run.Stdout + run.Stderr;
            Assert.True(run.ExitCode == 0, RunOutput);
            ProductPath = _dir.File(Path.Combine("coadd", "COADD_V.fits"));
            using var f = FitsFile.Open(ProductPath);
            Coadd = MaskedImageFits.Read(f);
            Exposure = ((ImageHdu)f.Find("EXPOSURE")!).ReadFloat32();
            Weight = ((ImageHdu)f.Find("WEIGHT")!).ReadFloat32();
            Catalog = SourceCatalogFits.Read(f);
            var cat = (BinaryTableHdu)f.Find("CAT")!;
            cat.TryGetColumnIndex("RA", out var ra);
            cat.TryGetColumnIndex("DEC", out var dec);
            Ra = cat.ReadDoubles(ra);
            Dec = cat.ReadDoubles(dec);
            Primary = f.Hdus[0].Header.Clone();
        }

        /// <summary>Simulated frames carry an approximate WCS in the primary header too; a solved frame keeps only its solution.</summary>
        private static Header Strip(Header primary)
        {
            foreach (var k in new[] { "CTYPE1", "CTYPE2", "CRPIX1", "CRPIX2", "CRVAL1", "CRVAL2", "CD1_1", "CD1_2", "CD2_1", "CD2_2", "CDELT1", "CDELT2" })
                primary.Remove(k);
            return primary;
        }

        public List<TruthFrame> Frames { get; } = [];

        public List<string> Solved { get; } = [];

        public string RunOutput { get; }

        public string ProductPath { get; }

        public MaskedImage Coadd { get; }

        public float[] Exposure { get; }

        public float[] Weight { get; }

        public SourceCatalog Catalog { get; }

        public double[] Ra { get; }

        public double[] Dec { get; }

        public Header Primary { get; }

        public string Truth(string name) => _dir.File(Path.Combine("truth", name));

        public Wcs TruthWcs(TruthFrame frame)
        {
            using var f = FitsFile.Open(Truth(Path.Combine("wcs", frame.Name + ".fits")));
            return Wcs.FromHeader(f.Hdus[0].Header);
        }

        public void Dispose() => _dir.Dispose();
    }

    public sealed record TruthFrame(string Name, double ExposureTime, double Airmass);

    /// <summary>A truth CSV as rows of column → text.</summary>
    private static class TruthTable
    {
        public static List<Dictionary<string, string>> Read(string path)
        {
            var lines = File.ReadAllLines(path);
            var columns = lines[0].Split(',');
            return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).Select(v => columns.Select((c, i) => (c, v[i])).ToDictionary(p => p.c, p => p.Item2)).ToList();
        }
    }

    /// <summary>Stars of the truth with their mean rate over the frames (e/s) and sky position, and every source for isolation.</summary>
    private (List<(int Id, double Rate, double Ra, double Dec)> Stars, List<(double Ra, double Dec, double Rate)> All) TruthStars()
    {
        var catalog = TruthTable.Read(_night.Truth("catalog.csv")).ToDictionary(r => int.Parse(r["id"], CultureInfo.InvariantCulture));
        var rates = new Dictionary<int, List<double>>();
        foreach (var frame in _night.Frames)
            foreach (var r in TruthTable.Read(_night.Truth(Path.Combine("sources", frame.Name + ".csv"))))
            {
                var id = int.Parse(r["id"], CultureInfo.InvariantCulture);
                if (!rates.TryGetValue(id, out var list)) rates[id] = list = [];
                list.Add(double.Parse(r["electrons"], CultureInfo.InvariantCulture) / frame.ExposureTime);
            }
        double D(Dictionary<string, string> r, string k) => double.Parse(r[k], CultureInfo.InvariantCulture);
        var all = rates.Select(p => (D(catalog[p.Key], "ra"), D(catalog[p.Key], "dec"), p.Value.Average())).ToList();
        var stars = rates.Where(p => p.Value.Count == _night.Frames.Count && catalog[p.Key]["type"] == "star")
            .Select(p => (p.Key, p.Value.Average(), D(catalog[p.Key], "ra"), D(catalog[p.Key], "dec"))).ToList();
        return (stars, all);
    }

    /// <summary>Catalog sources matched to isolated truth stars (no other source with 1% of its flux within 8 px) at S/N above 100.</summary>
    private List<(Source Measured, double TruthRate, double X, double Y)> MatchedBrightStars()
    {
        var wcs = _night.Coadd.Wcs!;
        var (stars, all) = TruthStars();
        var projected = all.Select(a => { var (x, y) = wcs.WorldToPixel(a.Ra, a.Dec); return (x, y, a.Rate); }).ToList();
        var matched = new List<(Source, double, double, double)>();
        foreach (var (_, rate, ra, dec) in stars)
        {
            var (x, y) = wcs.WorldToPixel(ra, dec);
            if (projected.Any(p => p.Rate > 0.01 * rate && p.Rate != rate && Math.Abs(p.x - x) < 8 && Math.Abs(p.y - y) < 8)) continue;
            var s = _night.Catalog.Sources.Where(c => Math.Abs(c.XWin - x) < 1 && Math.Abs(c.YWin - y) < 1).ToList();
            if (s.Count != 1) continue;
            var m = s[0];
            if (m.Flags != SourceFlags.None || !(m.FluxAperture / m.FluxApertureError > 100)) continue;
            matched.Add((m, rate, x, y));
        }
        return matched;
    }

    [Fact]
    public void Given_two_dithered_frames_When_coadded_Then_star_fluxes_are_the_truth_within_2_percent_above_SN_100()
    {
        var matched = MatchedBrightStars();
        Assert.True(matched.Count >= 15, $"only {matched.Count} isolated stars above S/N 100 were matched");
        foreach (var (m, rate, _, _) in matched)
            Assert.True(Math.Abs(m.FluxAperture / rate - 1) < 0.02, $"star at ({m.XWin:0.0}, {m.YWin:0.0}): {m.FluxAperture:0.0} e/s against the true {rate:0.0}");
    }

    [Fact]
    public void Given_two_dithered_frames_When_coadded_Then_star_positions_are_the_truth_within_0_1_pixel()
    {
        var matched = MatchedBrightStars();
        Assert.True(matched.Count >= 15, $"only {matched.Count} isolated stars above S/N 100 were matched");
        foreach (var (m, _, x, y) in matched)
            Assert.True(Math.Abs(m.XWin - x) < 0.1 && Math.Abs(m.YWin - y) < 0.1, $"star measured at ({m.XWin:0.000}, {m.YWin:0.000}), truth ({x:0.000}, {y:0.000})");
    }
}
