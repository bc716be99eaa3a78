using Parallax.Imaging;
using Parallax.Spectroscopy.Extraction;
using Parallax.Spectroscopy.Tests.Support;
using Parallax.Spectroscopy.Tracing;
using Xunit.Abstractions;
using static Parallax.Spectroscopy.Tests.Support.SyntheticLongslit;

namespace Parallax.Spectroscopy.Tests.Extraction;

public class OptimalExtractorTests
{
    // A noise-free frame has no noise to judge peaks against: the object is placed by the user at its true row.
    internal static ObjectTrace TraceOf(MaskedImage frame, double row = 40)
    {
        var edges = Edges(frame.Width);
        var placed = ObjectFinder.AtSlitPosition(edges, (row - edges.Lower.RowAt(0)) / edges.Length(0), 3);
        return TraceFitter.Fit(frame, edges, placed);
    }

    public class Extract(ITestOutputHelper output)
    {
        [Fact]
        public void Given_a_noise_free_gaussian_When_extracted_Then_the_flux_is_exact_to_0_1_percent()
        {
            var frame = Frame(300, 50, 3, [(x => 40.3 + 0.004 * x, 1.3, 1000)], seed: null);
            frame.Variance.AsSpan().Fill(0); // a noise-free frame still needs a variance: read noise only
            for (var i = 0; i < frame.Variance.Length; i++) frame.Variance[i] = (float)(Math.Max(frame.Data[i], 0) + 9);
            var s = OptimalExtractor.Extract(frame, SkyPlane(frame, 50), TraceOf(frame, 40.3), Map(300, frame.Height));
            for (var x = 0; x < 300; x++) Assert.InRange(s.Flux[x], 999, 1001);
            Assert.All(s.Mask, m => Assert.Equal(0, m));
        }

        [Fact]
        public void Given_cosmic_rays_on_the_object_When_extracted_Then_they_are_rejected_and_flagged_and_the_flux_stays_within_15_percent_and_2_5_sigma_rms()
        {
            var frame = Frame(400, 50, 3.5, [(x => 40.0, 1.3, 2000)], seed: 11);
            var hit = new List<int>();
            for (var x = 20; x < 380; x += 7)
            {
                // A blob over the profile's three central rows, a track along one row elsewhere.
                frame.Data[40 * 400 + x] += 3000;
                frame.Data[41 * 400 + x] += 1500;
                frame.Data[39 * 400 + x] += 800;
                hit.Add(x);
            }
            for (var i = 0; i < frame.Data.Length; i++) frame.Variance[i] = (float)(Math.Max(frame.Data[i], 0) + 12.25);
            var trace = TraceOf(frame);
            var s = OptimalExtractor.Extract(frame, SkyPlane(frame, 50), trace, Map(400, frame.Height));
            var box = BoxcarExtractor.Extract(frame, SkyPlane(frame, 50), trace, Map(400, frame.Height));
            var pulls = new List<double>();
            foreach (var x in hit)
            {
                output.WriteLine($"x {x}: optimal {s.Flux[x]:F1} ± {Math.Sqrt(s.Variance[x]):F1}, boxcar {box.Flux[x]:F1}, used {s.PixelsUsed[x]}, mask {s.Mask[x]}");
                Assert.True((s.Mask[x] & (ushort)MaskBits.CosmicRay) != 0, $"column {x} not flagged");
                // A blob that takes the profile's core leaves the flux to the wings, whose profile is less certain than the
                // stated variance says: 15 % per column (the boxcar is 260 % off), and the pulls' rms below 2.5 (the stated variance leaves out the profile's own error).
                Assert.InRange(s.Flux[x], 1700, 2300);
                pulls.Add((s.Flux[x] - 2000) / Math.Sqrt(s.Variance[x]));
                Assert.True(box.Flux[x] > 2000 + 4000, "the boxcar keeps the hit");
            }
            Assert.InRange(Math.Sqrt(pulls.Average(p => p * p)), 0, 2.5);
            output.WriteLine($"{hit.Count} columns hit; {s.Mask.Count(m => m != 0)} flagged");
            // Clean columns are rarely flagged (5σ rejection on Gaussian noise).
            Assert.True(s.Mask.Where((_, x) => !hit.Contains(x)).Count(m => m != 0) <= 3);
        }

        [Fact]
        public void Given_a_masked_hot_pixel_on_the_object_When_extracted_Then_it_is_ignored_and_its_bit_reported()
        {
            var frame = Frame(200, 50, 3, [(x => 40.0, 1.3, 1000)], seed: null);
            for (var i = 0; i < frame.Variance.Length; i++) frame.Variance[i] = (float)(Math.Max(frame.Data[i], 0) + 9);
            var trace = TraceOf(frame);
            frame.Data[40 * 200 + 100] = 1e6f;
            frame.Mask[40 * 200 + 100] = (ushort)MaskBits.Hot;
            var s = OptimalExtractor.Extract(frame, SkyPlane(frame, 50), trace, Map(200, frame.Height));
            var box = BoxcarExtractor.Extract(frame, SkyPlane(frame, 50), trace, Map(200, frame.Height));
            Assert.InRange(s.Flux[100], 999, 1001);
            Assert.Equal((ushort)MaskBits.Hot, s.Mask[100]);
            Assert.Equal(s.PixelsUsed[99] - 1, s.PixelsUsed[100]);
            Assert.Equal(box.PixelsUsed[99] - 1, box.PixelsUsed[100]);
            Assert.True((box.Mask[100] & (ushort)MaskBits.Hot) != 0);
        }

        // Horne's gain: Var(boxcar)/Var(optimal) = Σ_box w² V · Σ P²/V for the true profile P and variance V = F P + sky + RN².
        [Theory]
        [InlineData(100.0, 100.0)]  // background-limited
        [InlineData(900.0, 13.5)]   // the standard preset's SIM-STAR-1: ~900 e per column, sky ~12 e + dark 1.8 e per pixel
        public void Given_many_noise_realisations_of_the_simulated_profile_When_extracted_both_ways_Then_the_variance_ratio_is_the_theoretical_gain_within_10_percent(double flux, double sky)
        {
            // The simulator's seeing (1.2" FWHM) at 0.4" per pixel: σ = 1.274 px; boxcar ±1.5 FWHM.
            const double sigma = 1.2 / 2.3548 / 0.4, rn = 3.5, centre = 40.0;
            const int width = 4096;
            var half = 1.5 * 2.3548 * sigma;
            var frame = Frame(width, sky, rn, [(x => centre, sigma, flux)], seed: 5);
            var trace = TraceOf(frame);
            var options = new ExtractionOptions { BoxcarHalfWidth = half };
            var s = OptimalExtractor.Extract(frame, SkyPlane(frame, sky), trace, Map(width, frame.Height), options);
            var box = BoxcarExtractor.Extract(frame, SkyPlane(frame, sky), trace, Map(width, frame.Height), options);
            double boxVariance = 0, inverse = 0;
            for (var y = Lower; y <= Upper; y++)
            {
                var p = PixelFraction(y, centre, sigma);
                var v = flux * p + sky + rn * rn;
                var weight = Math.Clamp(Math.Min(centre + half, y + 0.5) - Math.Max(centre - half, y - 0.5), 0, 1);
                boxVariance += weight * weight * v;
                inverse += p * p / v;
            }
            var expected = boxVariance * inverse;
            var measured = SampleVariance(box.Flux) / SampleVariance(s.Flux);
            output.WriteLine($"F {flux}, sky {sky}: expected gain {expected:F4}, measured {measured:F4} over {width} columns; mean optimal {s.Flux.Average():F2}, boxcar {box.Flux.Average():F2}");
            Assert.InRange(measured / expected, 0.9, 1.1);
            Assert.InRange(s.Flux.Average(), flux * 0.99, flux * 1.01);
            // The stated variances agree with the scatter too.
            Assert.InRange(SampleVariance(s.Flux) / s.Variance.Average(), 0.9, 1.1);
        }

        private static double SampleVariance(double[] v)
        {
            var m = v.Average();
            return v.Sum(a => (a - m) * (a - m)) / (v.Length - 1);
        }
    }
}
