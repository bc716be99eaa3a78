using Parallax.Imaging.Detector;
using Parallax.Pipeline.Recipes;
using Parallax.Recipes.Imaging;

namespace Parallax.Recipes.Tests;

public class MasterBiasTests
{
    private static readonly MasterBias Recipe = new();

    public class Run
    {
        [Fact]
        public void Given_noisy_biases_with_a_bright_overscan_When_combined_Then_level_and_read_noise_come_from_the_data_section_only()
        {
            // 64 x 48 frames: data section columns 1..48 at 1000 +- 5 ADU, overscan columns 49..64 at 3000 +- 50 ADU.
            var frames = Enumerable.Range(0, 3).Select(i => Images.Frame(Images.Noisy(64, 48, 1000, 5, seed: 11 + i, (x, _) => x >= 48 ? 2000 + 45 * Math.Sin(x * 12.9898 + i) : 0), "BIAS", 0, $"b{i}.fits"));
            var detector = Images.Detector(gain: 2, data: ImageSection.Parse("[1:48,1:48]"));
            var product = Images.Single(Recipe.Run(Images.Input(frames, detector), new MasterBiasParameters(), default), "MASTER_BIAS");
            Assert.InRange(product.Qc["median_adu"], 999.5, 1000.5);
            Assert.InRange(product.Qc["noise_adu"], 4.75, 5.25);
            Assert.Equal(product.Qc["noise_adu"] * 2, product.Qc["noise_e"], 12);
            Assert.Equal(3, product.Qc["nframes"]);
        }

        [Fact]
        public void Given_three_frames_When_combined_by_median_without_clipping_Then_every_pixel_is_the_median_of_its_three_values()
        {
            var images = Enumerable.Range(0, 3).Select(i => Images.Noisy(8, 6, 100, 3, seed: i)).ToArray();
            var frames = images.Select((im, i) => Images.Frame(im, "BIAS", 0, $"b{i}.fits")).ToList();
            var master = Images.Single(Recipe.Run(Images.Input(frames), new MasterBiasParameters { ClipSigma = 0 }, default), "MASTER_BIAS").Image;
            for (var p = 0; p < master.PixelCount; p++)
            {
                var v = images.Select(im => im.Data[p]).Order().ToArray();
                Assert.Equal(v[1], master.Data[p]);
            }
        }

        [Fact]
        public void Given_biases_When_combined_Then_every_pixel_carries_the_variance_of_a_median_of_the_measured_noise()
        {
            var frames = Enumerable.Range(0, 4).Select(i => Images.Frame(Images.Noisy(32, 32, 500, 4, seed: 30 + i), "BIAS"));
            var product = Images.Single(Recipe.Run(Images.Input(frames), new MasterBiasParameters { Combine = CombineMethod.Mean, ClipSigma = 0 }, default), "MASTER_BIAS");
            var noise = product.Qc["noise_adu"];
            Assert.All(product.Image.Variance, v => Assert.Equal(noise * noise / 4, v, 3));
        }

        [Fact]
        public void Given_one_frame_When_combined_Then_the_noise_is_that_frames_robust_sigma()
        {
            var product = Images.Single(Recipe.Run(Images.Input([Images.Frame(Images.Noisy(64, 64, 300, 6, seed: 3), "BIAS")]), new MasterBiasParameters(), default), "MASTER_BIAS");
            Assert.InRange(product.Qc["noise_adu"], 5.7, 6.3);
        }
    }
}
