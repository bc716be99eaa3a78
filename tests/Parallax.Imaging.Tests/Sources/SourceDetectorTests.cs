using Parallax.Imaging.Background;
using Parallax.Imaging.Photometry;
using Parallax.Imaging.Sources;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Sources;

/// <summary>
/// Detection and measurement: recovery of injected stars (completeness, spurious rate, centroids,
/// fluxes), agreement with sep and SExtractor on the committed frame, deblending, masks and edges.
/// </summary>
public class SourceDetectorTests
{
    private static (SourceCatalog Catalog, MaskedImage Subtracted) Run(MaskedImage img, BackgroundParameters? bp = null, DetectionParameters? dp = null, double radius = 5)
    {
        var bkg = BackgroundEstimator.Estimate(img, bp);
        var cat = SourceDetector.Detect(img, bkg, dp);
        var sub = bkg.Subtract(img);
        return (AperturePhotometry.Measure(cat, sub, new ApertureParameters { Radius = radius }), sub);
    }

    private static Source? Nearest(SourceCatalog cat, double x, double y, double within)
    {
        Source? best = null;
        var bestD = within * within;
        foreach (var s in cat.Sources)
        {
            var d = (s.X - x) * (s.X - x) + (s.Y - y) * (s.Y - y);
            if (d <= bestD)
            {
                bestD = d;
                best = s;
            }
        }
        return best;
    }

    public class Detect
    {
        private static readonly Lazy<(StarField Field, SourceCatalog Catalog)> Injected = new(() =>
        {
            // 900 stars on a 720×720 frame, S/N from ~3 to ~3000, FWHM 3 px, σ = 10 ADU.
            var f = StarField.Make(720, 24, 150, 150_000, 3.0, 10, 2026);
            return (f, Run(f.Image).Catalog);
        });

        [Fact]
        public void Given_injected_stars_When_detected_Then_at_least_99_percent_above_snr_10_are_found()
        {
            var (f, cat) = Injected.Value;
            var bright = f.Stars.Where(s => f.OptimalSnr(s.Flux) > 10).ToList();
            Assert.True(bright.Count > 400, $"only {bright.Count} stars above S/N 10");
            var found = bright.Count(s => Nearest(cat, s.X, s.Y, 1.5) is not null);
            Assert.True(found >= 0.99 * bright.Count, $"found {found} of {bright.Count} stars above S/N 10");
        }

        [Fact]
        public void Given_injected_stars_When_detected_Then_at_most_1_percent_of_detections_are_spurious()
        {
            var (f, cat) = Injected.Value;
            var spurious = cat.Sources.Count(s => !f.Stars.Any(t => (t.X - s.X) * (t.X - s.X) + (t.Y - s.Y) * (t.Y - s.Y) < 9));
            Assert.True(spurious <= 0.01 * cat.Count, $"{spurious} of {cat.Count} detections match no injected star");
        }

        [Fact]
        public void Given_bright_injected_stars_When_measured_Then_windowed_centroids_are_within_0_05_px()
        {
            var (f, cat) = Injected.Value;
            var n = 0;
            foreach (var t in f.Stars.Where(s => f.OptimalSnr(s.Flux) > 100))
            {
                var s = Nearest(cat, t.X, t.Y, 1.5) ?? throw new Xunit.Sdk.XunitException($"star at ({t.X:F2},{t.Y:F2}) not found");
                // Expected scatter ≈ FWHM / (2.35 · S/N) ≤ 0.013 px: 0.05 px is ≥ 4σ.
                Assert.True(Math.Abs(s.XWin - t.X) < 0.05 && Math.Abs(s.YWin - t.Y) < 0.05, $"star at ({t.X:F3},{t.Y:F3}) measured at ({s.XWin:F3},{s.YWin:F3})");
                n++;
            }
            Assert.True(n > 100, $"only {n} stars above S/N 100");
        }

        [Fact]
        public void Given_bright_injected_stars_When_measured_Then_aperture_fluxes_are_within_1_percent()
        {
            var (f, cat) = Injected.Value;
            var ratios = new List<double>();
            // r = 5 px holds 1 − exp(−25 / 2σ²) = 99.955% of a FWHM-3 Gaussian.
            var enclosed = 1 - Math.Exp(-25 / (2 * f.PsfSigma * f.PsfSigma));
            foreach (var t in f.Stars)
            {
                var s = Nearest(cat, t.X, t.Y, 1.5);
                if (s is null || s.FluxAperture / s.FluxApertureError < 100) continue;
                var ratio = s.FluxAperture / (t.Flux * enclosed);
                ratios.Add(ratio);
                // Each star: within 1% plus 3 × its own relative error (1% is 1σ at S/N 100 exactly).
                Assert.True(Math.Abs(ratio - 1) < 0.01 + 3 * s.FluxApertureError / s.FluxAperture, $"star at ({t.X:F1},{t.Y:F1}): flux ratio {ratio:F4}");
            }
            Assert.True(ratios.Count > 50, $"only {ratios.Count} stars above aperture S/N 100");
            ratios.Sort();
            Close.Equal(1, ratios[ratios.Count / 2], 0, 0.002, "median flux ratio");
            Assert.True(ratios.Count(r => Math.Abs(r - 1) < 0.01) >= 0.68 * ratios.Count, "fewer than 68% of the fluxes within 1%");
        }

        [Fact]
        public void Given_bright_injected_stars_When_measured_Then_fwhm_and_shape_match_the_psf()
        {
            var (f, cat) = Injected.Value;
            var bright = cat.Sources.Where(s => s.Peak > 200 && s.Flags == SourceFlags.None).ToList();
            Assert.True(bright.Count > 100);
            var fwhm = bright.Select(s => s.Fwhm).Order().ToList()[bright.Count / 2];
            // The pixel-integrated profile is slightly wider than the 3 px Gaussian: √(3² + 8 ln2 / 12) = 3.09 px.
            Close.Equal(3.09, fwhm, 0.05, what: "median FWHM");
            Assert.True(bright.Select(s => s.Ellipticity).Order().ToList()[bright.Count / 2] < 0.05, "round stars come out elongated");
        }

        [Fact]
        public void Given_the_peer_frame_When_detected_Then_it_matches_sep_extract()
        {
            var img = Field.Read();
            var (cat, _) = Run(img, new BackgroundParameters { BoxWidth = 32, BoxHeight = 32 });
            var sep = Field.Csv("sep_catalog.csv");
            var matched = 0;
            var isoRatios = new List<double>();
            var apRatios = new List<double>();
            var offsets = new List<double>();
            foreach (var r in sep)
            {
                var s = Nearest(cat, r.D("x"), r.D("y"), 1.0);
                if (s is null) continue;
                matched++;
                // Same isophote and filtered-value barycentre: positions agree to 0.05 px each and 0.01 px
                // in the median (the two background meshes differ by sep's half-pixel row offset).
                Close.Equal(r.D("x"), s.X, 0, 0.05, "x");
                Close.Equal(r.D("y"), s.Y, 0, 0.05, "y");
                offsets.Add(Math.Max(Math.Abs(s.X - r.D("x")), Math.Abs(s.Y - r.D("y"))));
                isoRatios.Add(s.FluxIso / r.D("flux_iso"));
                apRatios.Add(s.FluxAperture / r.D("flux_r5"));
            }
            Assert.True(matched >= 0.98 * sep.Count, $"matched {matched} of {sep.Count} sep sources");
            Assert.True(Median(offsets) < 0.01, $"median position offset {Median(offsets):F4} px");
            Close.Equal(1, Median(isoRatios), 0, 0.01, "median isophotal flux ratio");
            Close.Equal(1, Median(apRatios), 0, 0.01, "median r=5 aperture flux ratio");
        }

        [Fact]
        public void Given_the_peer_frame_When_detected_Then_positions_and_fluxes_agree_with_source_extractor()
        {
            var img = Field.Read();
            var (cat, _) = Run(img, new BackgroundParameters { BoxWidth = 32, BoxHeight = 32 });
            var sex = Field.Csv("sextractor.csv");
            var matched = 0;
            var dx = new List<double>();
            var ratios = new List<double>();
            foreach (var r in sex)
            {
                var s = Nearest(cat, r.D("x"), r.D("y"), 1.0);
                if (s is null) continue;
                matched++;
                dx.Add(Math.Max(Math.Abs(s.XWin - r.D("xwin")), Math.Abs(s.YWin - r.D("ywin"))));
                ratios.Add(s.FluxAperture / r.D("flux_r5"));
            }
            Assert.True(matched >= 0.98 * sex.Count, $"matched {matched} of {sex.Count} SExtractor sources");
            // SExtractor samples the window on a sub-pixel grid; the windowed centroids agree to 0.05 px (median).
            Assert.True(Median(dx) < 0.05, $"median windowed-centroid difference {Median(dx):F3} px");
            Close.Equal(1, Median(ratios), 0, 0.01, "median r=5 aperture flux ratio");
        }

        [Fact]
        public void Given_two_overlapping_stars_When_detected_Then_they_are_deblended_and_flagged()
        {
            var img = new MaskedImage(64, 64);
            var g = new Gaussian(8);
            for (var y = 0; y < 64; y++)
                for (var x = 0; x < 64; x++)
                {
                    double Star(double cx, double cy, double f) => f / (2 * Math.PI * 2.0) * Math.Exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * 2.0));
                    img.Data[y * 64 + x] = (float)(50 + Star(28, 32, 20000) + Star(35, 32, 8000) + g.Next());
                }
            var (cat, _) = Run(img, new BackgroundParameters { BoxWidth = 32, BoxHeight = 32 });
            Assert.Equal(2, cat.Count);
            Assert.All(cat.Sources, s => Assert.True(s.Flags.HasFlag(SourceFlags.Blended)));
            var left = cat.Sources.MinBy(s => s.X)!;
            var right = cat.Sources.MaxBy(s => s.X)!;
            Close.Equal(28, left.XWin, 0, 0.1, "left x");
            Close.Equal(35, right.XWin, 0, 0.1, "right x");
            Assert.True(left.FluxIso > right.FluxIso);
            // Without deblending the pair is one source.
            var (single, _) = Run(img, new BackgroundParameters { BoxWidth = 32, BoxHeight = 32 }, new DetectionParameters { DeblendThresholds = 1 });
            Assert.Single(single.Sources);
        }

        [Fact]
        public void Given_a_star_on_the_edge_and_a_saturated_star_When_detected_Then_they_are_flagged()
        {
            var img = new MaskedImage(64, 64);
            var g = new Gaussian(9);
            for (var y = 0; y < 64; y++)
                for (var x = 0; x < 64; x++)
                {
                    double Star(double cx, double cy, double f) => f / (2 * Math.PI * 2.0) * Math.Exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * 2.0));
                    img.Data[y * 64 + x] = (float)(50 + Star(1, 30, 5000) + Star(40, 40, 9000) + g.Next());
                }
            img.Mask[40 * 64 + 40] = (ushort)MaskBits.Saturated;
            img.Mask[41 * 64 + 40] = (ushort)MaskBits.CosmicRay;
            var (cat, _) = Run(img, new BackgroundParameters { BoxWidth = 32, BoxHeight = 32 });
            Assert.Equal(2, cat.Count);
            var edge = cat.Sources.MinBy(s => s.X)!;
            var sat = cat.Sources.MaxBy(s => s.X)!;
            Assert.True(edge.Flags.HasFlag(SourceFlags.Truncated));
            Assert.True(sat.Flags.HasFlag(SourceFlags.Saturated));
            Assert.True(sat.Flags.HasFlag(SourceFlags.MaskedPixels));
            Assert.False(sat.Flags.HasFlag(SourceFlags.Truncated));
        }

        [Fact]
        public void Given_pure_noise_When_detected_at_5_sigma_Then_nothing_is_found()
        {
            var img = new MaskedImage(256, 256);
            var g = new Gaussian(10);
            for (var i = 0; i < img.PixelCount; i++) img.Data[i] = (float)(10 * g.Next());
            var (cat, _) = Run(img, null, new DetectionParameters { Threshold = 5 });
            Assert.Empty(cat.Sources);
        }

        [Fact]
        public void Given_an_empty_image_When_detected_Then_the_catalog_is_empty()
        {
            var img = new MaskedImage(1, 1);
            var (cat, _) = Run(img);
            Assert.Empty(cat.Sources);
        }

        private static double Median(List<double> v)
        {
            var s = v.Order().ToList();
            return s.Count == 0 ? double.NaN : s.Count % 2 == 1 ? s[s.Count / 2] : 0.5 * (s[s.Count / 2 - 1] + s[s.Count / 2]);
        }
    }
}
