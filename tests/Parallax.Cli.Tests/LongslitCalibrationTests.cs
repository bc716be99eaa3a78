using Parallax.Fits;
using Parallax.Fits.Hdus;
using Parallax.Fits.Tables;

namespace Parallax.Cli.Tests;

/// <summary>
/// The long-slit calibration cascade (bias, flat, wavelength solution) through `parallax reduce`: on the simulator's
/// small long-slit night against its true wavelength map, and on the real Kast blue set against PypeIt's line
/// identifications of the same arc.
/// </summary>
public sealed class LongslitCalibrationTests
{
    private static (float[] Map, int Width, int Height, Fits.Headers.Header Header) ReadSci(string path)
    {
        using var f = FitsFile.Open(path);
        var hdu = (ImageHdu)f.Find("SCI")!;
        return (hdu.ReadFloat32(), hdu.Width, hdu.Height, hdu.Header.Clone());
    }

    private static (double[] X, double[] Wavelength, byte[] Used) ReadLines(string path)
    {
        using var f = FitsFile.Open(path);
        var table = (BinaryTableHdu)f.Find("LINES")!;
        return (table.ReadColumn<double>(table.GetColumnIndex("X_PIXEL")), table.ReadColumn<double>(table.GetColumnIndex("WAVELENGTH")),
            table.ReadColumn<byte>(table.GetColumnIndex("USED")));
    }

    [SkippableFact]
    public void Given_the_simulated_small_longslit_night_When_reduced_Then_the_wavelength_map_is_the_true_one_within_0_05_px_and_passes_fitsverify()
    {
        using var dir = new TempDir();
        var sim = CliRunner.Run("simulate", "--instrument", "sim-longslit", "--preset", "small", "-o", dir.Path, "--seed", "3");
        Assert.True(sim.ExitCode == 0, sim.Stderr);
        var reduce = CliRunner.Run("reduce", dir.File("raw"), "-o", dir.File("out"), "--no-report");
        Assert.True(reduce.ExitCode is 0 or 3, reduce.Stdout + reduce.Stderr);
        Assert.Contains("wavelength_solution:ARC-1", reduce.Stdout);
        var product = Directory.GetFiles(dir.File("out"), "MASTER_ARC_*.fits").Single();
        var (map, w, h, header) = ReadSci(product);
        using (var truthFile = FitsFile.Open(dir.File(Path.Combine("truth", "wavelength_map.fits"))))
        {
            var truth = ((ImageHdu)truthFile.Hdus[0]).ReadFloat32();
            Assert.Equal(truth.Length, map.Length);
            // Residuals in pixels: divided by the local dispersion of the truth along x.
            double sum = 0, worst = 0;
            var n = 0;
            for (var y = 0; y < h; y++)
                for (var x = 1; x < w - 1; x++)
                {
                    var i = y * w + x;
                    if (!float.IsFinite(map[i]) || !float.IsFinite(truth[i]) || !float.IsFinite(truth[i + 1]) || !float.IsFinite(truth[i - 1])) continue;
                    var dispersion = (truth[i + 1] - truth[i - 1]) / 2.0;
                    var r = (map[i] - truth[i]) / dispersion;
                    sum += r * r;
                    worst = Math.Max(worst, Math.Abs(r));
                    n++;
                }
            // The slit covers most rows: at least half the frame has a wavelength.
            Assert.True(n > w * h / 2, $"{n} pixels with a wavelength");
            Assert.InRange(Math.Sqrt(sum / n), 0, 0.05);
            Assert.InRange(worst, 0, 0.1);
        }
        Assert.Equal("air", header.GetString("AIRORVAC", null));
        Assert.True(ReadLines(product).Used.Count(u => u == 1) >= 20);
        ExternalTool.RequireFitsverify();
        var (errors, warnings, report) = ExternalTool.Fitsverify(product);
        Assert.True(errors == 0 && warnings == 0, report);
    }

    [Fact]
    public void Given_an_instrument_file_naming_a_missing_line_list_When_reduced_Then_the_arc_task_fails_naming_the_file_and_the_list_and_the_others_run()
    {
        using var dir = new TempDir();
        var sim = CliRunner.Run("simulate", "--instrument", "sim-longslit", "--preset", "small", "-o", dir.Path, "--seed", "3");
        Assert.True(sim.ExitCode == 0, sim.Stderr);
        Directory.CreateDirectory(dir.File("inst"));
        var yaml = File.ReadAllText(Path.Combine(RepositoryLayout.RepoRoot, "instruments", "parallax-sim-longslit.yaml"))
            .Replace("linelists: [simulation/data/henear.dat, simulation/data/cuar.dat, simulation/data/thar.dat]", "linelists: [nowhere/henear.dat]");
        File.WriteAllText(dir.File(Path.Combine("inst", "parallax-sim-longslit.yaml")), yaml);
        var reduce = CliRunner.Run("reduce", dir.File("raw"), "-o", dir.File("out"), "--no-report", "--instruments", dir.File("inst"));
        Assert.NotEqual(0, reduce.ExitCode);
        var line = reduce.Stdout.Split('\n').First(l => l.Contains("wavelength_solution:ARC-1"));
        Assert.Contains("parallax-sim-longslit.yaml: spectroscopy.linelists: nowhere/henear.dat cannot be read", line);
        Assert.Contains("done       master_flat:FLAT-1", reduce.Stdout);
    }

    [SkippableFact]
    public void Given_the_real_Kast_blue_set_When_reduced_Then_the_b1_arc_lines_are_PypeIts_identifications()
    {
        var pypeit = PypeItArcSolution.ReadKastBlue();
        var raw = RepositoryLayout.RequireRealData("lick_kast_blue_longslit", "raw");
        using var dir = new TempDir();
        var reduce = CliRunner.Run("reduce", raw, "-o", dir.File("out"), "--no-report");
        Assert.Contains("wavelength_solution:ARC-1", reduce.Stdout);
        var product = Directory.GetFiles(dir.File("out"), "MASTER_ARC_*.fits").Single();
        var (x, wavelength, used) = ReadLines(product);
        var matched = 0;
        for (var i = 0; i < pypeit.LinePixels.Length; i++)
        {
            var air = PypeItArcSolution.VacuumToAir(pypeit.LineWavelengths[i]);
            var ours = Enumerable.Range(0, x.Length).Where(j => used[j] == 1 && Math.Abs(x[j] - pypeit.LinePixels[i]) < 0.5).ToList();
            if (ours.Count == 1 && Math.Abs(wavelength[ours[0]] - air) < 0.05) matched++;
        }
        // As the library's own test: every PypeIt line but the Cd I 3466.20 / 3467.66 blend, which we do not use.
        Assert.Equal(pypeit.LinePixels.Length - 1, matched);
    }
}
