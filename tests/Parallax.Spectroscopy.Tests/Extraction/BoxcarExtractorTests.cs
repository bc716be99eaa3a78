using Parallax.Spectroscopy.Extraction;
using static Parallax.Spectroscopy.Tests.Support.SyntheticLongslit;

namespace Parallax.Spectroscopy.Tests.Extraction;

public class BoxcarExtractorTests
{
    public class Extract
    {
        [Theory]
        [InlineData(40.0, 4.5)]
        [InlineData(40.5, 2.0)]
        public void Given_a_noise_free_gaussian_and_a_pixel_aligned_aperture_When_extracted_Then_the_flux_is_the_gaussian_integral_over_it(double centre, double half)
        {
            const double sigma = 1.4, flux = 5000;
            var frame = Frame(64, 20, 3, [(x => centre, sigma, flux)], seed: null);
            var trace = OptimalExtractorTests.TraceOf(frame, centre);
            var s = BoxcarExtractor.Extract(frame, SkyPlane(frame, 20), trace, Map(64, frame.Height), new ExtractionOptions { BoxcarHalfWidth = half });
            // The aperture [c − h, c + h] falls on pixel edges: the sum is F (Φ(h/σ) − Φ(−h/σ)).
            var expected = flux * (Phi(half / sigma) - Phi(-half / sigma));
            for (var x = 0; x < 64; x++)
            {
                Assert.InRange(s.Flux[x], expected * (1 - 2e-4), expected * (1 + 2e-4));
                Assert.Equal(20 * 2 * half, s.Sky[x], 0.05);
                Assert.Equal((int)Math.Round(2 * half), s.PixelsUsed[x]);
                Assert.InRange(s.Wavelength[x], 4000 + 2 * x - 1e-3, 4000 + 2 * x + 1e-3);
            }
        }
    }
}
