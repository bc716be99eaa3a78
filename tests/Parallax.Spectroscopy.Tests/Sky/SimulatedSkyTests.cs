using Parallax.Spectroscopy.Sky;
using Parallax.Spectroscopy.Tests.Support;
using Xunit.Abstractions;

namespace Parallax.Spectroscopy.Tests.Sky;

/// <summary>The B-spline sky on simulated frames: residuals at the noise level, judged with a variance built from the truth.</summary>
public class SimulatedSkyTests
{
    // χ² of the sky pixels (object masked, cosmic-ray pixels of the truth left out, 3 px from the edges) against the
    // variance the simulator's noise has: (sky × response + dark + read noise²) / response², in electrons.
    internal static (double All, int N, double Lines, int LineN) ChiSquare(ExtractionChain chain, float[] sky)
    {
        var sim = chain.Sim;
        var rays = sim.CosmicRayPixels(chain.Spec);
        var finite = sky.Where(float.IsFinite).ToArray();
        Array.Sort(finite);
        var continuum = finite[finite.Length / 2];
        double all = 0, lines = 0;
        int n = 0, ln = 0;
        for (var x = 3; x < sim.Width - 3; x++)
            for (var y = (int)Math.Ceiling(sim.Edges.Lower.RowAt(x) + 3); y <= sim.Edges.Upper.RowAt(x) - 3; y++)
            {
                var i = y * sim.Width + x;
                if (chain.Exclude[i] || rays.Contains(i) || chain.Frame.Mask[i] != 0) continue;
                var r = sim.PixelResponse[i];
                var v = (sky[i] * r + sim.DarkElectrons(i, chain.Spec.Exptime) + sim.ReadNoise * sim.ReadNoise) / (r * r);
                var c = Math.Pow(chain.Frame.Data[i] - sky[i], 2) / v;
                all += c;
                n++;
                if (sky[i] > 10 * continuum) { lines += c; ln++; }
            }
        return (all / n, n, lines / Math.Max(1, ln), ln);
    }

    public class Fit(ITestOutputHelper output)
    {
        [Theory]
        [InlineData("small", "SIM-STAR-1")]
        [InlineData("small", "Feige 34")]
        [InlineData("standard", "SIM-STAR-1")]
        public void Given_a_simulated_frame_with_tilted_sky_lines_When_the_sky_is_fitted_Then_chi_square_per_pixel_is_1_within_10_percent_also_on_the_lines(string preset, string target)
        {
            var chain = ExtractionChain.For(preset, target);
            var (all, n, lines, ln) = ChiSquare(chain, chain.Sky.Sky);
            output.WriteLine($"{preset} {target}: χ²/pixel {all:F4} over {n} sky pixels, {lines:F4} over {ln} line pixels; fit: {chain.Sky.Coefficients} coefficients, {chain.Sky.PixelsRejected} rejected, {chain.Sky.Iterations} passes, reduced χ² {chain.Sky.ReducedChiSquare:F3}");
            Assert.InRange(all, 0.9, 1.1);
            Assert.True(ln > 1000, $"only {ln} sky-line pixels");
            Assert.InRange(lines, 0.9, 1.1);
        }

        [Fact]
        public void Given_the_simulated_slit_illumination_gradient_When_fitted_without_a_spatial_term_Then_the_lines_leave_residuals_a_linear_term_removes()
        {
            var chain = ExtractionChain.For("small", "SIM-STAR-1");
            var flat = BSplineSkyFitter.Fit(chain.Frame, chain.Sim.WavelengthMapTruth, chain.Sim.Edges, chain.Exclude, new SkyFitOptions { SpatialOrder = 0 });
            var (_, _, lines0, _) = ChiSquare(chain, flat.Sky);
            var (_, _, lines1, _) = ChiSquare(chain, chain.Sky.Sky);
            output.WriteLine($"line-pixel χ²: {lines0:F3} with no spatial term, {lines1:F3} with a linear one");
            // A 3 % gradient along the slit on lines of thousands of electrons is several σ at the slit ends.
            Assert.True(lines0 > 1.1, $"χ² {lines0:F3} without a spatial term");
            Assert.InRange(lines1, 0.9, 1.1);
        }

        [Fact]
        public void Given_breakpoints_every_two_columns_When_fitted_Then_the_undersampled_binned_lines_are_not_followed()
        {
            // The sub-pixel spacing matters: the binned lines are 1.3 px FWHM.
            var chain = ExtractionChain.For("small", "SIM-STAR-1");
            var coarse = BSplineSkyFitter.Fit(chain.Frame, chain.Sim.WavelengthMapTruth, chain.Sim.Edges, chain.Exclude, new SkyFitOptions { BreakpointSpacing = 2 });
            var (_, _, lines, _) = ChiSquare(chain, coarse.Sky);
            output.WriteLine($"line-pixel χ² with breakpoints every 2 columns: {lines:F2}");
            Assert.True(lines > 3);
        }
    }
}
