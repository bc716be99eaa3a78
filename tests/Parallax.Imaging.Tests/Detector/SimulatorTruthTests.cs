using System.Globalization;
using Parallax.Fits;
using Parallax.Imaging.Detector;
using Parallax.Imaging.Statistics;
using Parallax.Imaging.Tests.Support;
using Parallax.Simulation.Models;
using Parallax.Simulation.Night;
using Parallax.Simulation.Plans;

namespace Parallax.Imaging.Tests.Detector;

/// <summary>
/// Overscan correction of simulated bias frames against the simulator's truth: the shipped sim-imager on a
/// 256 × 128 detector (two amplifiers of 128 columns with 32 overscan columns each, different bias levels, row
/// ramps, gains and read noise). The truth holds the noise-free bias on the raw geometry and each frame's bias
/// jitter, so the expected overscan level of an amplifier is the truth bias over its BIASSEC plus the jitter,
/// and after correction the data area must equal truth(data) − truth(overscan row level) up to read noise.
/// </summary>
public class SimulatorTruthTests
{
    private static readonly Lazy<(string Dir, string Raw)> Night = new(() =>
    {
        var model = InstrumentModels.Load("sim-imager");
        var a = model.Detector.Amplifiers;
        model = model with
        {
            Detector = model.Detector with { Columns = 256, Rows = 128, BadColumns = [], Amplifiers = [a[0] with { Columns = [0, 127] }, a[1] with { Columns = [128, 255] }] },
            Presets = new Dictionary<string, NightPlan>(),
        };
        var plan = NightPlans.Parse("""
            instrument: sim-imager
            calibrations:
              - {type: bias, count: 2}
            """, "plan.yaml", model);
        var dir = Path.Combine(Path.GetTempPath(), "parallax-detector-tests", Guid.NewGuid().ToString("N"));
        NightSimulator.Run(model, plan, dir, 20261125, new SimulationOptions { MaxParallelism = 1, PerFrameTruth = false });
        return (dir, Directory.GetFiles(Path.Combine(dir, "raw"), "*.fits").Order(StringComparer.Ordinal).First());
    });

    private static Dictionary<string, double> Jitter(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Night.Value.Dir, "truth", "frames.csv"));
        var head = lines[0].Split(',');
        var row = lines.Skip(1).Select(l => l.Split(',')).First(r => r[0] == Path.GetFileName(file));
        return head.Select((h, i) => (h, i)).Where(p => p.h.StartsWith("bias_offset_", StringComparison.Ordinal))
            .ToDictionary(p => p.h["bias_offset_".Length..], p => double.Parse(row[p.i], CultureInfo.InvariantCulture));
    }

    public class Correct
    {
        [Theory]
        [InlineData(OverscanSmoothing.None)]
        [InlineData(OverscanSmoothing.Legendre)]
        [InlineData(OverscanSmoothing.BSpline)]
        public void Given_a_simulated_bias_When_overscan_corrected_Then_each_amplifier_level_is_the_true_bias_within_noise(OverscanSmoothing smoothing)
        {
            var raw = Night.Value.Raw;
            using var truthFile = FitsFile.Open(Path.Combine(Night.Value.Dir, "truth", "bias.fits"));
            var truth = truthFile.FirstImageWithData()!;
            var truthPixels = truth.ReadFloat64();
            var jitter = Jitter(raw);
            using var f = FitsFile.Open(raw);

            var result = DetectorCorrector.Correct(f, new DetectorCorrectionOptions
            {
                ToElectrons = false,
                Overscan = new OverscanOptions { Statistic = OverscanStatistic.SigmaClippedMean, Smoothing = smoothing, Order = 1, BreakpointSpacing = 64 },
            });

            Assert.Equal(2, result.Amplifiers.Count);
            foreach (var amp in result.Amplifiers)
            {
                var bias = ImageSection.Parse(truth.Header.GetString("BIASSEC" + amp.Name));
                double sum = 0;
                for (var y = bias.YStart; y < bias.YEnd; y++)
                    for (var x = bias.XStart; x < bias.XEnd; x++) sum += truthPixels[y * truth.Width + x];
                var expected = sum / (bias.Width * bias.Height) + jitter[amp.Name];
                // σ per pixel ≈ 4.2/1.45 ≈ 2.9 ADU; 32 × 128 overscan pixels give σ(level) ≈ 0.05 ADU: 0.25 ADU is 5σ.
                Close.Equal(expected, amp.OverscanLevel, 0, 0.25, $"overscan level of amplifier {amp.Name} ({smoothing})");
            }
        }

        [Fact]
        public void Given_a_simulated_bias_When_corrected_to_electrons_Then_the_data_area_is_the_true_bias_structure_plus_read_noise()
        {
            var raw = Night.Value.Raw;
            using var truthFile = FitsFile.Open(Path.Combine(Night.Value.Dir, "truth", "bias.fits"));
            var truth = truthFile.FirstImageWithData()!;
            var t = truth.ReadFloat64();
            using var f = FitsFile.Open(raw);
            var geometry = DetectorGeometry.FromFile(f);

            var result = DetectorCorrector.Correct(f, new DetectorCorrectionOptions
            {
                Overscan = new OverscanOptions { Statistic = OverscanStatistic.SigmaClippedMean, Smoothing = OverscanSmoothing.Legendre, Order = 1 },
            }, geometry);

            Assert.Equal((256, 128), (result.Image.Width, result.Image.Height));
            foreach (var (amp, report) in geometry.Amplifiers.Zip(result.Amplifiers))
            {
                var bias = amp.BiasSection!.Value;
                var data = amp.DataSection;
                var residual = new float[data.Width * data.Height];
                for (var y = 0; y < data.Height; y++)
                {
                    var ry = data.YStart + y;
                    double level = 0;
                    for (var x = bias.XStart; x < bias.XEnd; x++) level += t[ry * truth.Width + x];
                    level /= bias.Width;
                    for (var x = 0; x < data.Width; x++)
                    {
                        var expected = (t[ry * truth.Width + data.XStart + x] - level) * amp.Gain;
                        var outX = report.Placement.XStart + x;
                        residual[y * data.Width + x] = (float)(result.Image.Data[(report.Placement.YStart + y) * result.Image.Width + outX] - expected);
                    }
                }
                // The residual is read noise (electrons) plus the overscan level error (≈ 0.05 ADU × gain), plus a few cosmic-ray pixels.
                Close.Equal(0, RobustStatistics.Median(residual), 0, 0.3, $"median residual of amplifier {amp.Name}, e-");
                Close.Equal(amp.ReadNoise, RobustStatistics.MadSigma(residual), 0.05, 0, $"read noise of amplifier {amp.Name}, e-");
                // The overscan noise in ADU is the read noise over the gain.
                Close.Equal(amp.ReadNoise / amp.Gain, report.OverscanRms, 0.06, 0, $"overscan rms of amplifier {amp.Name}, ADU");
                // The variance plane holds rn² + max(signal, 0): its mean is near rn² + E[max(N(0, rn), 0)] = rn² + rn/√(2π).
                Close.Equal(amp.ReadNoise * amp.ReadNoise + amp.ReadNoise / Math.Sqrt(2 * Math.PI), MeanVariance(result.Image, report.Placement), 0.05, 0, $"variance of amplifier {amp.Name}");
            }
        }

        private static double MeanVariance(MaskedImage image, ImageSection placement)
        {
            var v = new List<float>();
            for (var y = placement.YStart; y < placement.YEnd; y++) v.AddRange(image.VarianceRow(y).Slice(placement.XStart, placement.Width).ToArray());
            return v.Average(x => (double)x);
        }
    }
}
