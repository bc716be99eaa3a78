using Parallax.Spectroscopy.Combine;
using Parallax.Spectroscopy.FluxCalibration;
using Parallax.Spectroscopy.Spectra;
using Parallax.Spectroscopy.Tests.Support;

namespace Parallax.Spectroscopy.Tests.FluxCalibration;

/// <summary>
/// The proof against the simulator: extracted-spectrum stand-ins are built from the truth folder of a simulated night by
/// the README's formula, electrons per Å = f_λ·λ/(hc)·area·efficiency·10^(−0.4·ext·AIRMASS)·slit transmission, × EXPTIME ×
/// the true dispersion (Å per binned pixel) on the true wavelengths of the trace, with Gaussian noise of variance
/// electrons + 2000 e⁻ (sky and read noise over an aperture) where said. The pipeline side uses only the IRAF files the
/// instrument ships (feige34.dat, kpnoextinct.dat).
/// </summary>
public sealed class SimulatedFluxCalibrationTests
{
    private const double Hc = 1.98644586e-8; // erg Å (h = 6.62607015e-27 erg s, c = 2.99792458e18 Å/s)
    private const double SkyAndReadVariance = 2000;

    private static readonly SimulatedFluxNight Night = SimulatedFluxNight.Night;
    private static readonly string Data = Path.Combine(RepositoryLayout.RepoRoot, "instruments", "simulation", "data");
    internal static readonly FluxStandardTable Feige34 = FluxStandardTable.ReadIraf(Path.Combine(Data, "feige34.dat"));
    internal static readonly ExtinctionCurve Kpno = ExtinctionCurve.Read(Path.Combine(Data, "kpnoextinct.dat"));

    /// <summary>Electrons per binned column of one frame of <paramref name="name"/>, columns shifted by <paramref name="shift"/> pixels (flexure).</summary>
    internal static Spectrum1D Electrons(string name, SimulatedFluxNight.FrameTruth frame, int seed = -1, double shift = 0, double? exptime = null)
    {
        var truth = Night.Spectrum(name);
        var t = exptime ?? frame.Exptime;
        var slit = Night.SlitTransmission(frame.Seeing);
        var area = Night.Spectrograph.TelescopeArea;
        var n = Night.Model.Detector.Columns / Night.Binning;
        var w = new double[n];
        var f = new float[n];
        var v = new float[n];
        var random = seed >= 0 ? new Random(seed) : null;
        for (var x = 0; x < n; x++)
        {
            var l = Night.Wavelength(x + shift);
            var perA = truth.At(truth.Flambda, l) * l / Hc * area * truth.At(truth.Throughput, l) * Math.Pow(10, -0.4 * truth.At(truth.Extinction, l) * frame.Airmass) * slit;
            var e = perA * t * Night.Dispersion(x + shift);
            w[x] = l;
            var variance = random is null ? 0 : e + SkyAndReadVariance;
            f[x] = (float)(e + (random is null ? 0 : Gaussian(random) * Math.Sqrt(variance)));
            v[x] = (float)variance;
        }
        return new Spectrum1D(w, f, v, metadata: new SpectrumMetadata { Object = name, ExposureTime = t, Airmass = frame.Airmass });
    }

    private static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    internal static SimulatedFluxNight.FrameTruth StandardFrame => Night.Frames.Single(f => f.Object == SimulatedFluxNight.Standard);

    internal static IReadOnlyList<SimulatedFluxNight.FrameTruth> ScienceFrames => [.. Night.Frames.Where(f => f.Object == SimulatedFluxNight.Science)];

    public sealed class Sensitivity
    {
        [Fact]
        public void Given_the_ideal_standard_When_the_sensitivity_is_built_Then_it_recovers_efficiency_times_area_within_3_percent()
        {
            var std = StandardFrame;
            var s = SensitivityBuilder.Build(Electrons(SimulatedFluxNight.Standard, std), Feige34, Kpno);
            var truth = Night.Spectrum(SimulatedFluxNight.Standard);
            var slit = Night.SlitTransmission(std.Seeing);
            Assert.True(s.CoverageFraction > 0.9, $"coverage {s.CoverageFraction}");
            Assert.True(s.Rms < 0.01, $"rms {s.Rms} mag");
            var worst = 0.0;
            for (var l = Math.Ceiling(s.Min); l <= s.Max; l += 5)
            {
                var expected = Night.Spectrograph.TelescopeArea * truth.At(truth.Throughput, l) * slit;
                worst = Math.Max(worst, Math.Abs(s.EffectiveArea(l) / expected - 1));
            }
            Assert.True(worst < 0.03, $"worst effective-area error {worst:P2} over {s.Min}..{s.Max} Å");
        }
    }

    public sealed class Calibrate
    {
        [Fact]
        public void Given_a_noisy_standard_and_ideal_science_exposures_When_calibrated_Then_f_lambda_matches_the_truth_within_5_percent_everywhere()
        {
            var std = StandardFrame;
            var s = SensitivityBuilder.Build(Electrons(SimulatedFluxNight.Standard, std, seed: 1), Feige34, Kpno);
            var truth = Night.Spectrum(SimulatedFluxNight.Science);
            foreach (var frame in ScienceFrames)
            {
                var fluxed = FluxCalibrator.Calibrate(Electrons(SimulatedFluxNight.Science, frame), s, Kpno);
                // Slit losses are grey and differ with the seeing of each exposure; a sensitivity carries the standard's.
                var grey = Night.SlitTransmission(frame.Seeing) / Night.SlitTransmission(std.Seeing);
                var (worst, at, compared) = (0.0, 0.0, 0);
                for (var i = 0; i < fluxed.Length; i++)
                {
                    if (!fluxed.IsUsable(i)) continue;
                    var error = Math.Abs(fluxed.Flux[i] / grey / truth.At(truth.Flambda, fluxed.Wavelength[i]) - 1);
                    if (error > worst) (worst, at) = (error, fluxed.Wavelength[i]);
                    compared++;
                }
                Assert.True(compared > 0.9 * fluxed.Length, $"{compared} of {fluxed.Length} pixels calibrated");
                Assert.True(worst < 0.05, $"seeing {frame.Seeing}\": worst f_λ error {worst:P2} at {at:F1} Å; sensitivity {s.Min:F0}..{s.Max:F0} Å, rms {s.Rms:F4} mag");
            }
        }

        [Fact]
        public void Given_noisy_science_exposures_When_calibrated_Then_well_exposed_pixels_are_within_5_percent_and_the_variance_describes_the_noise()
        {
            var std = StandardFrame;
            var s = SensitivityBuilder.Build(Electrons(SimulatedFluxNight.Standard, std, seed: 1), Feige34, Kpno);
            var truth = Night.Spectrum(SimulatedFluxNight.Science);
            var k = 10;
            foreach (var frame in ScienceFrames)
            {
                var fluxed = FluxCalibrator.Calibrate(Electrons(SimulatedFluxNight.Science, frame, seed: k++), s, Kpno);
                var noiseFree = FluxCalibrator.Calibrate(Electrons(SimulatedFluxNight.Science, frame), s, Kpno);
                var grey = Night.SlitTransmission(frame.Seeing) / Night.SlitTransmission(std.Seeing);
                var (worst, wellExposed, z2, n) = (0.0, 0, 0.0, 0);
                for (var i = 0; i < fluxed.Length; i++)
                {
                    if (!fluxed.IsUsable(i)) continue;
                    var sigma = Math.Sqrt(fluxed.Variance[i]);
                    var z = (fluxed.Flux[i] - noiseFree.Flux[i]) / sigma;
                    z2 += z * z;
                    n++;
                    if (fluxed.Flux[i] / sigma < 100) continue; // well exposed: S/N ≥ 100, so 5% is 5σ
                    worst = Math.Max(worst, Math.Abs(fluxed.Flux[i] / grey / truth.At(truth.Flambda, fluxed.Wavelength[i]) - 1));
                    wellExposed++;
                }
                Assert.True(wellExposed > 200, $"only {wellExposed} pixels reach S/N 100");
                Assert.True(worst < 0.05, $"seeing {frame.Seeing}\": worst f_λ error {worst:P2} over {wellExposed} well-exposed pixels");
                Assert.InRange(Math.Sqrt(z2 / n), 0.95, 1.05); // the propagated σ is the scatter actually there (±5%: 1000 pixels give ±2.2%)
            }
        }
    }

    public sealed class Coadd
    {
        [Fact]
        public void Given_four_noisy_exposures_on_shifted_grids_When_coadded_Then_the_noise_drops_by_root_four_within_10_percent_and_a_cosmic_ray_is_rejected()
        {
            const int count = 4;
            var frame = ScienceFrames[0];
            double[] shifts = [0, 0.3, 0.55, 0.8];
            var ideal = new List<Spectrum1D>();
            var noisy = new List<Spectrum1D>();
            for (var k = 0; k < count; k++)
            {
                var clean = Electrons(SimulatedFluxNight.Science, frame, shift: shifts[k]);
                var measured = Electrons(SimulatedFluxNight.Science, frame, seed: 100 + k, shift: shifts[k]);
                noisy.Add(measured);
                ideal.Add(new Spectrum1D(clean.Wavelength, clean.Flux, measured.Variance, metadata: clean.Metadata));
            }
            const int hit = 500;
            noisy[2].Flux[hit] += 40 * MathF.Sqrt(noisy[2].Variance[hit]); // a cosmic ray nobody flagged
            var grid = WavelengthGrid.Common(noisy);
            var options = new CoaddOptions { Grid = grid, Scale = false };
            var coadd = SpectrumCoadder.Coadd(noisy, options);
            var expected = SpectrumCoadder.Coadd(ideal, options with { MaxIterations = 0 });
            var singles = noisy.Select(s => SpectrumResampler.Resample(s, grid)).ToArray();
            var singleIdeal = ideal.Select(s => SpectrumResampler.Resample(s, grid)).ToArray();
            var near = Enumerable.Range(0, grid.Length).Where(i => Math.Abs(grid[i] - noisy[2].Wavelength[hit]) < 8).ToHashSet();
            double coaddSum = 0, singleSum = 0;
            var pixels = 0;
            for (var i = 0; i < grid.Length; i++)
            {
                if (near.Contains(i) || coadd.Spectrum.Mask[i] != 0 || singles.Any(s => s.Mask[i] != 0)) continue;
                var d = coadd.Spectrum.Flux[i] - expected.Spectrum.Flux[i];
                coaddSum += d * d;
                for (var k = 0; k < count; k++)
                {
                    var e = singles[k].Flux[i] - singleIdeal[k].Flux[i];
                    singleSum += e * e / count;
                }
                pixels++;
            }
            var ratio = Math.Sqrt(coaddSum / singleSum);
            Assert.True(pixels > 900, $"{pixels} pixels compared");
            Assert.InRange(ratio * Math.Sqrt(count), 0.9, 1.1);
            Assert.True(coadd.RejectedPixels[2] >= 1, "the cosmic ray was not rejected");
            foreach (var i in near)
            {
                var sigma = Math.Sqrt(coadd.Spectrum.Variance[i]);
                Assert.True(Math.Abs(coadd.Spectrum.Flux[i] - expected.Spectrum.Flux[i]) < 5 * sigma,
                    $"pixel {i}: coadd {coadd.Spectrum.Flux[i]} vs {expected.Spectrum.Flux[i]} ± {sigma}");
            }
            var unclipped = SpectrumCoadder.Coadd(noisy, options with { MaxIterations = 0 });
            Assert.Contains(near, i => Math.Abs(unclipped.Spectrum.Flux[i] - expected.Spectrum.Flux[i]) > 5 * Math.Sqrt(unclipped.Spectrum.Variance[i]));
        }

        [Fact]
        public void Given_the_three_calibrated_science_exposures_When_coadded_Then_the_result_matches_the_truth_within_5_percent()
        {
            var std = StandardFrame;
            var s = SensitivityBuilder.Build(Electrons(SimulatedFluxNight.Standard, std, seed: 2), Feige34, Kpno);
            var fluxed = ScienceFrames.Select((f, k) => FluxCalibrator.Calibrate(Electrons(SimulatedFluxNight.Science, f, seed: 20 + k), s, Kpno)).ToList();
            // Scaling to the first exposure's level takes out the grey slit losses; that one's own is taken out against the truth.
            // The exposures share the instrument's wavelengths: coadded on them, no resampling blurs the lines the truth is compared with.
            var coadd = SpectrumCoadder.Coadd(fluxed, new CoaddOptions { Grid = fluxed[0].Wavelength });
            var grey = Night.SlitTransmission(ScienceFrames[0].Seeing) / Night.SlitTransmission(std.Seeing);
            var truth = Night.Spectrum(SimulatedFluxNight.Science);
            var (worst, wellExposed) = (0.0, 0);
            for (var i = 0; i < coadd.Spectrum.Length; i++)
            {
                var c = coadd.Spectrum;
                if (!c.IsUsable(i) || c.Mask[i] != 0 || c.Flux[i] / Math.Sqrt(c.Variance[i]) < 100) continue; // well exposed: 5% is 5σ
                worst = Math.Max(worst, Math.Abs(c.Flux[i] / grey / truth.At(truth.Flambda, c.Wavelength[i]) - 1));
                wellExposed++;
            }
            Assert.True(wellExposed > 300, $"only {wellExposed} coadded pixels reach S/N 100");
            Assert.True(worst < 0.05, $"worst coadd f_λ error {worst:P2}");
            var expectedScale = Night.SlitTransmission(ScienceFrames[0].Seeing) / Night.SlitTransmission(ScienceFrames[1].Seeing);
            Assert.InRange(coadd.Scales[1] / expectedScale, 0.99, 1.01);
        }
    }
}
