using Parallax.Imaging;
using Parallax.Reports.Plots;
using SkiaSharp;

namespace Parallax.Reports.Tests.Plots;

public class QcPlotsTests
{
    private static readonly PlotSize Size = new(640, 400);

    /// <summary>Decodes the PNG and checks its size and that something was drawn (more than a handful of distinct colours).</summary>
    private static void AssertPlot(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal((Size.Width, Size.Height), (bitmap.Width, bitmap.Height));
        var colours = new HashSet<SKColor>();
        for (var y = 0; y < bitmap.Height; y += 3) for (var x = 0; x < bitmap.Width; x += 3) colours.Add(bitmap.GetPixel(x, y));
        Assert.True(colours.Count > 5, $"only {colours.Count} colours: an empty plot");
    }

    public class BiasProfiles
    {
        [Fact]
        public void Given_row_and_column_medians_When_plotted_Then_a_PNG_of_the_asked_size_comes_back()
        {
            var image = new MaskedImage(50, 40);
            for (var y = 0; y < 40; y++) for (var x = 0; x < 50; x++) image.Data[y * 50 + x] = 1000 + y + 0.1f * x;
            var (rows, columns) = ImageProfiles.Of(image);
            AssertPlot(QcPlots.BiasProfiles(rows, columns, size: Size));
        }
    }

    public class ImageProfilesOf
    {
        [Fact]
        public void Given_a_ramp_with_a_masked_outlier_and_a_NaN_When_profiled_Then_the_medians_are_the_analytic_ones()
        {
            // value = 10·y + x on 5 × 3: row y median = 10y + 2, column x median = 10 + x.
            var image = new MaskedImage(5, 3);
            for (var y = 0; y < 3; y++) for (var x = 0; x < 5; x++) image.Data[y * 5 + x] = 10 * y + x;
            image.Data[7] = 1e6f;
            image.Mask[7] = (ushort)MaskBits.CosmicRay; // (x 2, y 1): left out
            image.Data[14] = float.NaN; // (x 4, y 2)
            var (rows, columns) = ImageProfiles.Of(image);
            Assert.Equal([2, (11 + 13) / 2.0, (21 + 22) / 2.0], rows);
            Assert.Equal([10, 11, 12, 13, 9], columns);
        }
    }

    public class Others
    {
        [Fact]
        public void Given_each_plot_with_plain_numbers_When_drawn_Then_each_is_a_PNG_of_the_asked_size()
        {
            var rng = new Random(1);
            var flat = Enumerable.Range(0, 10_000).Select(_ => (float)(1 + 0.02 * (rng.NextDouble() - 0.5))).ToArray();
            flat[5] = float.NaN;
            AssertPlot(QcPlots.FlatHistogram(flat, size: Size));
            AssertPlot(QcPlots.AstrometricResiduals([.. Enumerable.Range(0, 30).Select(i => new AstrometricResidual(i * 30, (i * 17) % 500, 0.1 * Math.Sin(i), 0.1 * Math.Cos(i)))], size: Size));
            AssertPlot(QcPlots.ZeroPointVsAirmass([.. Enumerable.Range(0, 8).Select(i => new ZeroPointMeasurement(1 + 0.1 * i, 25 - 0.15 * (1 + 0.1 * i), 0.02, i % 2 == 0 ? "V" : "R"))], Size));
            AssertPlot(QcPlots.ArcResiduals([new(4000, 0.05), new(4500, -0.03), new(5000, 0.4, Used: false), new(5500, 0.01)], size: Size));
            var wl = Enumerable.Range(0, 200).Select(i => 4000.0 + 10 * i).ToArray();
            AssertPlot(QcPlots.ExtractedSpectrum(wl, [.. wl.Select(w => 100 + Math.Exp(-(w - 5000) * (w - 5000) / 200.0))], [.. wl.Select(_ => 20.0)], size: Size));
            AssertPlot(QcPlots.SensitivityFunction(wl, [.. wl.Select(w => 20 + w / 1000)], [(4500, 24.5), (5500, 25.5)], size: Size));
        }

        [Fact]
        public void Given_a_sky_of_another_length_When_a_spectrum_is_plotted_Then_it_is_refused_naming_the_array()
            => Assert.Contains("sky", Assert.Throws<ArgumentException>(() => QcPlots.ExtractedSpectrum([1.0, 2.0], [1.0, 2.0], [1.0])).Message);
    }
}
