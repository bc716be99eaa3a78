using Parallax.Imaging.Detector;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Detector;

/// <summary>
/// The per-pixel pass of DetectorCorrector at every data width 1..256 (every SIMD tail), flipped and not,
/// with NaN, saturated and masked pixels at varying positions, against a scalar computation written here.
/// Also: masked overscan pixels stay out of the level.
/// </summary>
public class AmplifierKernelTests
{
    public static TheoryData<bool> Flips => new() { false, true };

    public class Correct
    {
        [Theory]
        [MemberData(nameof(Flips), MemberType = typeof(AmplifierKernelTests))]
        public void Given_every_width_up_to_256_When_corrected_Then_each_pixel_equals_the_scalar_formula(bool flip)
        {
            var g = new Gaussian(17);
            for (var width = 1; width <= 256; width++)
            {
                const int rows = 3, overscan = 4;
                var raw = new MaskedImage(width + overscan, rows);
                for (var y = 0; y < rows; y++)
                    for (var x = 0; x < raw.Width; x++) raw.Data[y * raw.Width + x] = x < width ? (float)(1500 + 300 * g.Uniform()) : 1000 + y;
                var p = g.Index(width);
                raw.Data[p] = float.NaN;
                raw.Data[raw.Width + (p * 7) % width] = 60000;
                raw.Mask[2 * raw.Width + (p * 3) % width] = (ushort)MaskBits.CosmicRay;
                var amp = new AmplifierGeometry
                {
                    DataSection = ImageSection.FromZeroBased(0, 0, width, rows),
                    BiasSection = ImageSection.FromZeroBased(width, 0, overscan, rows),
                    DetectorSection = flip ? new ImageSection(width, 1, 1, rows) : ImageSection.FromZeroBased(0, 0, width, rows),
                    Gain = 1.7, ReadNoise = 3, SaturationAdu = 50000,
                };

                var image = DetectorCorrector.Correct(raw, new DetectorGeometry([amp]), new DetectorCorrectionOptions()).Image;

                for (var y = 0; y < rows; y++)
                    for (var x = 0; x < width; x++)
                    {
                        var v = raw.Data[y * raw.Width + x];
                        var o = y * width + (flip ? width - 1 - x : x);
                        var e = (v - (1000f + y)) * 1.7f;
                        var mask = raw.Mask[y * raw.Width + x] | (v >= 50000 ? (ushort)MaskBits.Saturated : 0) | (float.IsNaN(v) ? (ushort)MaskBits.BadPixel : 0);
                        Assert.Equal(mask, image.Mask[o]);
                        if (float.IsNaN(v))
                        {
                            Assert.True(float.IsNaN(image.Data[o]) && float.IsNaN(image.Variance[o]), $"NaN at width {width}");
                            continue;
                        }
                        Close.Equal(e, image.Data[o], 1e-6, 0, $"width {width} pixel ({x}, {y})");
                        Close.Equal(9 + Math.Max(e, 0), image.Variance[o], 1e-6, 0, $"width {width} variance ({x}, {y})");
                    }
            }
        }

        [Fact]
        public void Given_a_masked_hit_in_the_overscan_When_the_mean_is_taken_Then_the_hit_is_left_out()
        {
            var raw = new MaskedImage(10, 2);
            for (var i = 0; i < raw.Data.Length; i++) raw.Data[i] = i % 10 < 6 ? 150 : 100;
            raw.Data[8] = 5000;
            raw.Mask[8] = (ushort)MaskBits.CosmicRay;
            var amp = new AmplifierGeometry { DataSection = ImageSection.Parse("[1:6,1:2]"), BiasSection = ImageSection.Parse("[7:10,1:2]") };

            var result = DetectorCorrector.Correct(raw, new DetectorGeometry([amp]), new DetectorCorrectionOptions { ToElectrons = false, Overscan = new OverscanOptions { Statistic = OverscanStatistic.Mean } });

            Assert.Equal(100, result.Amplifiers[0].OverscanLevel);
            Assert.All(result.Image.Data, v => Assert.Equal(50f, v));
        }
    }
}
