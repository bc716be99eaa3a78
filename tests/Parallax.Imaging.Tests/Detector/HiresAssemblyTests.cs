using Parallax.Fits;
using Parallax.Imaging.Detector;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Detector;

/// <summary>
/// A real Keck HIRES bias (three CCDs, one per extension, 2 × 2 binned, each read from the far side so
/// DETSEC runs high-to-low in x) assembled into one detector image. The overscan section comes from the
/// instrument description (instruments/keck_hires.yaml: '[1031:1070,1:2048]', gains 1.9, 2.2, 2.2), as
/// the headers lack BIASSEC and GAIN. Expected values are computed here from the raw pixels directly.
/// </summary>
public class HiresAssemblyTests
{
    public class Correct
    {
        [SkippableFact]
        public void Given_a_three_extension_HIRES_bias_When_assembled_by_DETSEC_Then_the_shape_is_3072_by_2048_and_each_CCD_sits_flipped_in_its_place()
        {
            var path = TestPaths.RequireRealData("keck_hires_bias_only", "raw", "hires3027.fits.gz");
            using var f = FitsFile.Open(path);
            var fromHeaders = DetectorGeometry.FromFile(f);
            double[] gains = [1.9, 2.2, 2.2];
            var geometry = new DetectorGeometry([.. fromHeaders.Amplifiers.Select((a, i) => a with { BiasSection = ImageSection.Parse("[1031:1070,1:2048]", "biassec"), Gain = gains[i] })]);

            var result = DetectorCorrector.Correct(f, new DetectorCorrectionOptions { Overscan = new OverscanOptions { Statistic = OverscanStatistic.Median } }, geometry);

            Assert.Equal(["VidInp2", "VidInp4", "VidInp6"], geometry.Amplifiers.Select(a => a.Name));
            Assert.Equal((3072, 2048), (result.Image.Width, result.Image.Height));
            Assert.Equal((2, 2), (result.BinningX, result.BinningY));
            Assert.Equal(["[1:1024,1:2048]", "[1025:2048,1:2048]", "[2049:3072,1:2048]"], result.Amplifiers.Select(a => a.Placement.ToString()));
            Assert.All(result.Amplifiers, a => Assert.True(a.FlippedX));
            Assert.All(result.Image.Mask, m => Assert.Equal(0, m & (ushort)MaskBits.NoData));
            for (var i = 0; i < 3; i++)
            {
                var raw = f.Image(i + 1).ReadFloat32();
                foreach (var y in new[] { 0, 777, 2047 })
                {
                    var overscan = raw.AsSpan(y * 1070 + 1030, 40).ToArray();
                    Array.Sort(overscan);
                    var level = 0.5 * (overscan[19] + overscan[20]);
                    foreach (var c in new[] { 0, 1, 500, 1023 })
                    {
                        var expected = (raw[y * 1070 + 6 + c] - level) * gains[i];
                        var actual = result.Image.Data[y * 3072 + 1024 * i + (1023 - c)];
                        Close.Equal(expected, actual, 1e-6, 1e-3, $"CCD {i + 1} raw ({6 + c}, {y})");
                    }
                }
            }
        }
    }
}
