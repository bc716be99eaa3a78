using Parallax.Imaging.Background;
using Parallax.Imaging.Tests.Sources;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Background;

/// <summary>
/// The SExtractor background: agreement with sep.Background on the committed frame (values from
/// data/sources/make_peers.py), recovery of an injected gradient, masks, and parameter checks.
/// </summary>
public class BackgroundEstimatorTests
{
    private static readonly BackgroundParameters Boxes32 = new() { BoxWidth = 32, BoxHeight = 32 };

    public class Estimate
    {
        [Theory]
        [InlineData("nomask")]
        [InlineData("mask")]
        public void Given_the_peer_frame_When_estimated_like_sep_Then_global_level_and_rms_match_sep(string @case)
        {
            var img = Field.Read();
            if (@case == "mask") PeerMaskInto(img);
            var model = BackgroundEstimator.Estimate(img, Boxes32);
            var global = Field.Csv("sep_background.csv").Single(r => r["case"] == @case && r["x"] == "-1");
            // Same histogram algorithm, float rounding aside: 1e-4 of the level, 1e-3 of the RMS.
            Close.Equal(global.D("level"), model.GlobalLevel, 1e-4, what: "global level");
            Close.Equal(global.D("rms"), model.GlobalRms, 1e-3, what: "global rms");
        }

        [Theory]
        [InlineData("nomask")]
        [InlineData("mask")]
        public void Given_the_peer_frame_When_evaluated_Then_pixels_match_sep_within_a_hundredth_of_the_rms(string @case)
        {
            var img = Field.Read();
            if (@case == "mask") PeerMaskInto(img);
            var model = BackgroundEstimator.Estimate(img, Boxes32);
            var level = model.LevelImage();
            var rms = model.RmsImage();
            foreach (var r in Field.Csv("sep_background.csv").Where(r => r["case"] == @case && r["x"] != "-1"))
            {
                var i = (int)r.D("y") * 200 + (int)r.D("x");
                // sep puts mesh rows half a pixel lower (y/bh − ½ instead of (y + ½)/bh − ½): with this
                // frame's 0.3 ADU/px gradient that is ≤ 0.15 ADU, well inside 2% of the 11 ADU RMS.
                Close.Equal(r.D("level"), level[i], 0, 0.02 * model.GlobalRms, $"level at ({r["x"]},{r["y"]})");
                Close.Equal(r.D("rms"), rms[i], 0.01, what: $"rms at ({r["x"]},{r["y"]})");
            }
        }

        [Fact]
        public void Given_a_gradient_with_noise_When_estimated_Then_every_pixel_is_within_one_percent_of_the_truth()
        {
            const int w = 512, h = 384;
            var g = new Gaussian(11);
            var img = new MaskedImage(w, h);
            for (var y = 0; y < h; y++)
                for (var x = 0; x < w; x++)
                    img.Data[y * w + x] = (float)(500 + 0.4 * x + 0.25 * y + 8 * g.Next());
            var model = BackgroundEstimator.Estimate(img);
            var level = model.LevelImage();
            for (var y = 0; y < h; y++)
                for (var x = 0; x < w; x++)
                {
                    var truth = 500 + 0.4 * x + 0.25 * y;
                    Close.Equal(truth, level[y * w + x], 0.01, what: $"level at ({x},{y})");
                }
        }

        [Fact]
        public void Given_flat_sky_with_known_noise_When_estimated_Then_the_rms_map_recovers_the_noise()
        {
            const int w = 384, h = 256;
            var g = new Gaussian(12);
            var img = new MaskedImage(w, h);
            for (var i = 0; i < img.PixelCount; i++) img.Data[i] = (float)(200 + 8 * g.Next());
            var model = BackgroundEstimator.Estimate(img);
            var rms = model.RmsImage();
            // Each box's σ comes from ~4000 pixels (relative error ~1%); the histogram clipping keeps it within 3%.
            Close.Equal(8, model.GlobalRms, 0.03, what: "global rms");
            Close.Equal(8, rms[h / 2 * w + w / 2], 0.05, what: "central rms");
            Close.Equal(200, model.GlobalLevel, 0, 0.2, what: "global level");
        }

        [Fact]
        public void Given_masked_bright_region_When_estimated_Then_masked_pixels_do_not_lift_the_background()
        {
            const int w = 256, h = 256;
            var g = new Gaussian(5);
            var img = new MaskedImage(w, h);
            for (var i = 0; i < img.PixelCount; i++) img.Data[i] = (float)(100 + 5 * g.Next());
            // A 96×96 block of saturated junk, fully covering box (1,1) and parts of its neighbours, masked.
            for (var y = 48; y < 144; y++)
                for (var x = 48; x < 144; x++)
                {
                    img.Data[y * w + x] = 60000;
                    img.Mask[y * w + x] = (ushort)MaskBits.Saturated;
                }
            img.Data[3] = float.NaN;
            var model = BackgroundEstimator.Estimate(img);
            var level = model.LevelImage();
            // Without the mask the block would lift its boxes to ~60000; with it every pixel stays within
            // 1% of the sky (mode noise of a 64×64 box of σ 5 is ~0.2 ADU, more where the spline extrapolates).
            for (var i = 0; i < level.Length; i++) Close.Equal(100, level[i], 0.01, what: $"level at pixel {i}");
            Assert.Equal(4, model.NodesX);
        }

        [Fact]
        public void Given_a_constant_image_When_estimated_Then_level_is_the_constant_and_rms_falls_back_to_one()
        {
            var img = new MaskedImage(70, 50);
            Array.Fill(img.Data, 42f);
            var model = BackgroundEstimator.Estimate(img);
            Assert.Equal(42f, model.GlobalLevel);
            Assert.Equal(1f, model.GlobalRms);
            Assert.All(model.LevelImage(), v => Assert.Equal(42f, v, 3));
        }

        [Theory]
        [InlineData(0, 64, 3, 3)]
        [InlineData(64, 64, 2, 3)]
        [InlineData(64, 64, 3, 0)]
        public void Given_invalid_sizes_When_estimated_Then_it_throws(int bw, int bh, int fw, int fh)
        {
            var img = new MaskedImage(10, 10);
            Assert.Throws<ArgumentOutOfRangeException>(() => BackgroundEstimator.Estimate(img, new BackgroundParameters { BoxWidth = bw, BoxHeight = bh, FilterWidth = fw, FilterHeight = fh }));
        }

        private static void PeerMaskInto(MaskedImage img) => Field.PeerMask().CopyTo(img.Mask, 0);
    }

    public class Subtract
    {
        [Fact]
        public void Given_a_model_When_subtracted_Then_data_minus_level_and_variance_untouched()
        {
            var img = Field.Read();
            img.Variance[7] = 3;
            var model = BackgroundEstimator.Estimate(img, Boxes32);
            var sub = model.Subtract(img);
            var level = model.LevelImage();
            for (var i = 0; i < img.PixelCount; i += 37) Assert.Equal(img.Data[i] - level[i], sub.Data[i], 3);
            Assert.Equal(3f, sub.Variance[7]);
        }
    }
}
