using Parallax.Fits;
using Parallax.Fits.Coordinates;
using Parallax.Fits.Tables;
using Parallax.Simulation.Models;

namespace Parallax.Cli.Tests;

/// <summary>
/// <c>parallax reduce --reference-catalog</c> on the simulator's small night (sim-imager, 512 × 512 frames binned 4, V and
/// R) with the simulator's truth catalog.csv as the reference: each reduced frame's WCS must match the TRUE WCS
/// (truth/wcs/&lt;frame&gt;.fits) and its MAGZPT the true zero point ZP − k·AIRMASS (truth/model.yaml).
/// </summary>
public sealed class ReferenceCatalogReduceTests : IClassFixture<ReferenceCatalogReduceTests.Night>
{
    private readonly Night _night;

    public ReferenceCatalogReduceTests(Night night) => _night = night;

    public sealed class Night : IDisposable
    {
        private readonly TempDir _dir = new();

        public Night()
        {
            var sim = CliRunner.Run("simulate", "--instrument", "sim-imager", "--preset", "small", "-o", _dir.Path, "--seed", "5");
            Assert.True(sim.ExitCode == 0, sim.Stderr);
            Reduce = CliRunner.Run("reduce", _dir.File("raw"), "-o", _dir.File("out"), "--reference-catalog", Truth("catalog.csv"), "--no-report");
            Assert.True(Reduce.ExitCode == 0, Reduce.Stdout + Reduce.Stderr);
        }

        public (int ExitCode, string Stdout, string Stderr) Reduce { get; }

        public string Raw => _dir.File("raw");

        public string Out => _dir.File("out");

        public string File(string name) => _dir.File(name);

        public string Truth(string name) => _dir.File(Path.Combine("truth", name));

        public IEnumerable<string> Reduced => Directory.GetFiles(Out, "REDUCED_IMAGE_*.fits").Order(StringComparer.Ordinal);

        public void Dispose() => _dir.Dispose();
    }

    private static string FrameName(string product) => Path.GetFileNameWithoutExtension(product)["REDUCED_IMAGE_".Length..];

    [Fact]
    public void Given_the_truth_catalog_When_reduced_Then_every_frame_WCS_is_within_a_tenth_of_a_pixel_of_the_true_WCS()
    {
        Assert.Equal(4, _night.Reduced.Count());
        foreach (var product in _night.Reduced)
        {
            using var f = FitsFile.Open(product);
            var sci = f.Image("SCI");
            var solved = Wcs.FromHeader(sci.Header);
            var truth = Wcs.FromHeader(FitsFile.ReadPrimaryHeader(_night.Truth(Path.Combine("wcs", FrameName(product) + ".fits"))));
            double sum = 0;
            var n = 0;
            for (var j = 0; j < 16; j++)
            {
                for (var i = 0; i < 16; i++)
                {
                    double x = (sci.Width - 1) * i / 15.0, y = (sci.Height - 1) * j / 15.0;
                    var (ra, dec) = truth.PixelToWorld(x, y);
                    var (sx, sy) = solved.WorldToPixel(ra, dec);
                    sum += (sx - x) * (sx - x) + (sy - y) * (sy - y);
                    n++;
                }
            }
            var rms = Math.Sqrt(sum / n);
            Assert.True(rms < 0.1, $"{product}: solved WCS is {rms:0.###} px rms from the true one");
            Assert.NotNull(solved.Sip);
        }
    }

    [Fact]
    public void Given_the_truth_catalog_When_reduced_Then_MAGZPT_is_the_true_zero_point_within_0_02_mag()
    {
        var model = InstrumentModels.Parse(File.ReadAllText(_night.Truth("model.yaml")), "model.yaml");
        foreach (var product in _night.Reduced)
        {
            using var f = FitsFile.Open(product);
            var primary = f.Primary.Header;
            var filter = model.Filters.Single(x => x.Name == primary.GetString("FILTER").Trim());
            var expected = filter.ZeroPoint - filter.Extinction * primary.GetDouble("AIRMASS");
            var sci = f.Image("SCI").Header;
            var zp = sci.GetDouble("MAGZPT");
            Assert.True(Math.Abs(zp - expected) <= 0.02, $"{product}: MAGZPT {zp:0.####}, truth {expected:0.####}");
            Assert.InRange(sci.GetDouble("MAGZPTE"), 1e-4, 0.02);
        }
    }

    [Fact]
    public void Given_a_reduced_frame_When_its_ASTROM_table_is_read_Then_it_has_one_row_per_match_in_one_based_pixels_with_small_residuals()
    {
        var product = _night.Reduced.First();
        using var f = FitsFile.Open(product);
        var table = (BinaryTableHdu)f.Find("ASTROM")!;
        Assert.Equal(["X", "Y", "RA", "DEC", "DX", "DY", "MAG_CAT", "MAG_INST"], table.ColumnNames);
        var matches = f.Primary.Header.GetDouble("HIERARCH PARALLAX QC ASTROM_MATCHES");
        Assert.Equal(matches, table.RowCount);
        Assert.True(table.RowCount >= 50);
        var x = table.ReadDoubles(table.GetColumnIndex("X"));
        Assert.All(x, v => Assert.InRange(v, 0.5, 512.5));
        var dx = table.ReadDoubles(table.GetColumnIndex("DX"));
        var dy = table.ReadDoubles(table.GetColumnIndex("DY"));
        var rms = Math.Sqrt(dx.Zip(dy, (a, b) => a * a + b * b).Average());
        Assert.Equal(f.Primary.Header.GetDouble("HIERARCH PARALLAX QC ASTROM_RMS_PX"), rms, 6);
        var magCat = table.ReadDoubles(table.GetColumnIndex("MAG_CAT"));
        var magInst = table.ReadDoubles(table.GetColumnIndex("MAG_INST"));
        var zp = f.Image("SCI").Header.GetDouble("MAGZPT");
        // MAG_CAT − MAG_INST scatters about MAGZPT (its median within 0.05 mag; faint stars are noisy).
        var diffs = magCat.Zip(magInst, (c, i) => c - i).Where(double.IsFinite).Order().ToArray();
        Assert.InRange(diffs[diffs.Length / 2], zp - 0.05, zp + 0.05);
    }

    [Fact]
    public void Given_the_same_catalog_again_Then_nothing_is_redone_and_given_a_changed_catalog_Then_only_the_science_frames_are()
    {
        var again = CliRunner.Run("reduce", _night.Raw, "-o", _night.Out, "--reference-catalog", _night.Truth("catalog.csv"), "--no-report");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 done, 10 up to date", again.Stdout);

        var changed = _night.File("catalog-changed.csv");
        File.WriteAllText(changed, File.ReadAllText(_night.Truth("catalog.csv")) + "# the same stars, another file\n");
        var redo = CliRunner.Run("reduce", _night.Raw, "-o", _night.File("out2"), "--reference-catalog", changed, "--no-report");
        Assert.Equal(0, redo.ExitCode);
        // A fresh output folder: everything runs; the products name the catalog and its checksum.
        using var f = FitsFile.Open(Directory.GetFiles(_night.File("out2"), "REDUCED_IMAGE_*.fits").First());
        var cards = f.Primary.Header.Select(c => c.Value?.ToString() ?? "").ToList();
        Assert.Contains("catalog-changed.csv", cards);
        Assert.Contains("REFERENCE_CATALOG", cards);
    }

    [Fact]
    public void Given_a_SOF_with_a_REFERENCE_CATALOG_line_When_run_Then_the_frame_gets_a_zero_point_and_the_catalog_is_in_its_provenance()
    {
        var frame = Directory.GetFiles(_night.Raw, "*.fits").Order(StringComparer.Ordinal).Last();
        var products = Directory.GetFiles(_night.Out, "MASTER_*.fits").Where(p => !p.Contains("MASTER_BPM", StringComparison.Ordinal)).ToArray();
        var sof = _night.File("science.sof");
        File.WriteAllLines(sof,
        [
            $"{frame} SCIENCE",
            $"{products.Single(p => p.Contains("MASTER_BIAS", StringComparison.Ordinal))} MASTER_BIAS",
            $"{products.Single(p => p.Contains("FLAT-2", StringComparison.Ordinal))} MASTER_FLAT",
            $"{_night.Truth("catalog.csv")} REFERENCE_CATALOG",
        ]);

        var r = CliRunner.Run("run", "reduce_image", sof, "-o", _night.File("sof-out"));

        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        Assert.Contains("zp_mag=", r.Stdout);
        using var f = FitsFile.Open(Directory.GetFiles(_night.File("sof-out"), "REDUCED_IMAGE_*.fits").Single());
        Assert.Contains(f.Primary.Header, c => c.Value?.ToString() == "REFERENCE_CATALOG");
        Assert.True(f.Image("SCI").Header.Contains("MAGZPT"));
    }

    [Fact]
    public void Given_a_catalog_without_a_dec_column_When_reduce_starts_Then_one_line_names_the_file_and_the_column_and_nothing_runs()
    {
        var bad = _night.File("bad.csv");
        File.WriteAllText(bad, "ra,V\n135.0,15.0\n");

        var r = CliRunner.Run("reduce", _night.Raw, "-o", _night.File("never"), "--reference-catalog", bad);

        Assert.Equal(3, r.ExitCode);
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(bad, line);
        Assert.Contains("'dec'", line);
        Assert.False(Directory.Exists(_night.File("never")));
    }
}
