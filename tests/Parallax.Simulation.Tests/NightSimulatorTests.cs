using System.Diagnostics;
using System.Security.Cryptography;
using Parallax.Fits;
using Parallax.Fits.Coordinates;
using Parallax.Simulation.Models;
using Parallax.Simulation.Night;
using Parallax.Simulation.Plans;

namespace Parallax.Simulation.Tests;

public class NightSimulatorTests
{
    private static Dictionary<string, string> Hashes(string dir)
        => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    public class Run
    {
        [Theory]
        [InlineData("sim-imager")]
        [InlineData("sim-longslit")]
        public void Given_one_seed_When_the_small_night_is_simulated_twice_Then_every_file_is_byte_identical(string instrument)
        {
            var model = InstrumentModels.Load(instrument);
            var plan = NightPlans.Preset(model, "small");
            var (a, b, c) = (TestModels.TempDir(), TestModels.TempDir(), TestModels.TempDir());
            try
            {
                NightSimulator.Run(model, plan, a, 2024, new SimulationOptions { MaxParallelism = 1 });
                NightSimulator.Run(model, plan, b, 2024, new SimulationOptions { MaxParallelism = 4 });
                NightSimulator.Run(model, plan, c, 2025);
                var (ha, hb, hc) = (Hashes(a), Hashes(b), Hashes(c));
                Assert.True(ha.Count > 20);
                Assert.Equal(ha.OrderBy(p => p.Key), hb.OrderBy(p => p.Key));
                var raws = ha.Keys.Where(k => k.StartsWith("raw", StringComparison.Ordinal)).ToList();
                Assert.All(raws, k => Assert.NotEqual(ha[k], hc[k]));
            }
            finally
            {
                foreach (var d in new[] { a, b, c }) Directory.Delete(d, true);
            }
        }

        [Fact]
        public void Given_the_small_imaging_night_When_simulated_Then_the_raw_headers_are_complete_and_consistent()
        {
            var model = TestModels.Imager;
            var dir = TestModels.TempDir();
            try
            {
                var result = NightSimulator.Run(model, NightPlans.Preset(model, "small"), dir, 3);
                Assert.Equal(18, result.Frames.Count);
                var types = new HashSet<string>();
                foreach (var path in Directory.GetFiles(result.RawDirectory, "*.fits"))
                {
                    var (pixels, width, height, h) = TestModels.ReadImage(path);
                    types.Add(h.GetString("IMAGETYP"));
                    Assert.Equal("PARALLAX-SIM-IMAGER", h.GetString("INSTRUME"));
                    Assert.Equal(32768, h.GetInt64("BZERO"));
                    Assert.Equal(16, h.GetInt64("BITPIX"));
                    foreach (var k in new[] { "DATE-OBS", "MJD-OBS", "EXPTIME", "OBJECT", "GAIN", "RDNOISE", "DATASEC", "TRIMSEC", "DETSEC", "SATURATE", "XBINNING" })
                        Assert.True(h.Contains(k), $"{path}: {k} missing");
                    var date = DateTime.Parse(h.GetString("DATE-OBS"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
                    Assert.Equal((date - new DateTime(1858, 11, 17, 0, 0, 0, DateTimeKind.Utc)).TotalDays, h.GetDouble("MJD-OBS"), 6);
                    // Sections tile the raw frame: each amplifier's data and overscan, no overlap, all rows.
                    var covered = new int[width];
                    foreach (var amp in new[] { "A", "B" })
                    {
                        foreach (var key in new[] { "DATASEC", "BIASSEC" })
                        {
                            var (x, w, y, hgt) = TestModels.Section(h.GetString(key + amp));
                            Assert.Equal((0, height), (y, hgt));
                            for (var i = x; i < x + w; i++) covered[i]++;
                        }
                    }
                    Assert.All(covered, c => Assert.Equal(1, c));
                    if (h.GetString("IMAGETYP") == "OBJECT")
                    {
                        Assert.Contains(h.GetString("FILTER"), new[] { "V", "R" });
                        var wcs = Wcs.FromHeader(h);
                        var (ra, dec) = wcs.PixelToWorld(width / 2.0, height / 2.0);
                        Assert.Equal(h.GetDouble("RA"), ra, 2);
                        Assert.Equal(h.GetDouble("DEC"), dec, 2);
                        Assert.InRange(h.GetDouble("AIRMASS"), 1.0, 3.0);
                    }
                    Assert.All(pixels, v => Assert.InRange(v, 0, 65535));
                }
                Assert.Equal(["BIAS", "DARK", "FLAT", "OBJECT"], types.Order());
                // The truth: a true WCS per object frame that reads back, and a catalog.
                var wcsFiles = Directory.GetFiles(Path.Combine(result.TruthDirectory, "wcs"));
                Assert.Equal(4, wcsFiles.Length);
                using (var f = FitsFile.Open(wcsFiles[0])) Assert.NotNull(Wcs.FromHeader(f.Hdus[0].Header).Sip);
                Assert.True(File.ReadAllLines(Path.Combine(result.TruthDirectory, "catalog.csv")).Length > 50);
                Assert.True(File.Exists(Path.Combine(result.TruthDirectory, "flat_V.fits")));
                Assert.True(File.Exists(Path.Combine(result.TruthDirectory, "README.md")));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [SkippableTheory]
        [InlineData("sim-imager")]
        [InlineData("sim-longslit")]
        public void Given_simulated_frames_and_truth_When_fitsverify_checks_them_Then_they_conform(string instrument)
        {
            Skip.If(!File.Exists("/usr/bin/fitsverify"), "fitsverify is not installed (apt-get install fitsverify)");
            var model = InstrumentModels.Load(instrument);
            var dir = TestModels.TempDir();
            try
            {
                var small = NightPlans.Preset(model, "small");
                var plan = instrument == "sim-imager"
                    ? small with { Calibrations = [new CalibrationBlock { Type = "bias", Count = 1 }], Science = [small.Science[0] with { Count = 1, Filters = ["V"] }] }
                    : small with { Calibrations = [new CalibrationBlock { Type = "arc", Lamp = "HeNeAr", Count = 1, Exptime = 5 }], Science = [] };
                var result = NightSimulator.Run(model, plan, dir, 1);
                var files = Directory.GetFiles(result.RawDirectory).Concat(Directory.GetFiles(result.TruthDirectory, "*.fits", SearchOption.AllDirectories)).ToList();
                var psi = new ProcessStartInfo("/usr/bin/fitsverify") { RedirectStandardOutput = true, UseShellExecute = false };
                psi.ArgumentList.Add("-q");
                foreach (var f in files) psi.ArgumentList.Add(f);
                using var p = Process.Start(psi)!;
                var output = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                Assert.Equal(files.Count, output.Split('\n').Count(l => l.StartsWith("verification OK", StringComparison.Ordinal)));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }
    }

    public class Schedule
    {
        [Fact]
        public void Given_a_plan_When_scheduled_Then_frames_follow_in_time_with_the_overhead_and_science_waits_for_its_start()
        {
            var model = TestModels.Imager;
            var plan = NightPlans.Parse("""
                instrument: sim-imager
                start: 2025-03-16T01:00:00
                science_start: 2025-03-16T04:00:00
                overhead: 25
                calibrations:
                  - {type: bias, count: 3}
                  - {type: flat, filters: [V], count: 2, level: 30000}
                science:
                  - {object: F, ra: 135, dec: 25, filters: [V, R], exptime: 100, count: 3, dither: 10}
                """, "plan.yaml", model);
            var frames = NightScheduler.Schedule(model, plan, 1);
            Assert.Equal(3 + 2 + 6, frames.Count);
            Assert.Equal(new DateTime(2025, 3, 16, 1, 0, 25, DateTimeKind.Utc), frames[1].StartUtc);
            // Dome flat exposure for 30000 ADU at the mean gain.
            var gain = model.Detector.Amplifiers.Average(a => a.Gain);
            Assert.Equal(Math.Round(30000 * gain / model.Filter("V").DomeFlatRate, 1), frames[3].Exptime);
            Assert.Equal(new DateTime(2025, 3, 16, 4, 1, 0, DateTimeKind.Utc), frames[5].StartUtc);   // plus the slew
            Assert.Equal(["V", "V", "V", "R", "R", "R"], frames.Skip(5).Select(f => f.Filter));
            Assert.Equal((0.0, 0.0), frames[5].Dither);
            Assert.Equal((10.0, 10.0), frames[6].Dither);
            Assert.All(frames.Skip(5), f => Assert.InRange(f.Airmass, 1.0, 1.3));
            Assert.Equal("simi20250316_0011.fits", frames[^1].FileName);
        }

        [Fact]
        public void Given_a_plan_for_another_instrument_When_parsed_Then_the_mismatch_is_reported()
        {
            var e = Assert.Throws<InvalidModelException>(() => NightPlans.Parse("instrument: sim-longslit\n", "p.yaml", TestModels.Imager));
            Assert.Contains("sim-longslit", e.Message);
        }

        [Fact]
        public void Given_a_binning_that_does_not_divide_the_detector_When_validated_Then_it_is_refused()
        {
            var e = Assert.Throws<InvalidModelException>(() => new NightPlan { Binning = 3 }.Validate(TestModels.Imager));
            Assert.Contains("binning", e.Message);
        }
    }
}
