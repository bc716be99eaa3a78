using Parallax.Fits;
using Parallax.Imaging.Detector;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Detector;

/// <summary>
/// DetectorCorrector on frames whose answer is exact: gain and the noise model, saturation and linearity flags,
/// two amplifiers in one HDU assembled by DETSEC with a flip, per-column overscan, and bad geometry.
/// </summary>
public class DetectorCorrectorTests
{
    /// <summary>A 20 × 6 frame: data columns 1..16 at <paramref name="data"/> ADU, overscan columns 17..20 at <paramref name="bias"/>.</summary>
    private static MaskedImage Frame(float bias, float data)
    {
        var image = new MaskedImage(20, 6);
        for (var y = 0; y < 6; y++)
            for (var x = 0; x < 20; x++) image.Data[y * 20 + x] = x < 16 ? data + y : bias + y;
        return image;
    }

    private static readonly AmplifierGeometry Amp = new()
    {
        Name = "A",
        DataSection = ImageSection.Parse("[1:16,1:6]"),
        BiasSection = ImageSection.Parse("[17:20,1:6]"),
        Gain = 2,
        ReadNoise = 5,
    };

    public class Correct
    {
        [Fact]
        public void Given_a_noiseless_frame_When_corrected_to_electrons_Then_value_and_variance_are_exact()
        {
            var raw = Frame(1000, 1100);

            var result = DetectorCorrector.Correct(raw, new DetectorGeometry([Amp]), new DetectorCorrectionOptions());

            var image = result.Image;
            Assert.Equal((16, 6), (image.Width, image.Height));
            Assert.Equal(PixelUnits.Electron, image.Unit);
            Assert.All(image.Data, v => Assert.Equal(200f, v));      // (1100 + y − (1000 + y)) × 2 e-/ADU
            Assert.All(image.Variance, v => Assert.Equal(225f, v));  // 5² + 200
            Assert.All(image.Mask, m => Assert.Equal(0, m));
            Assert.Equal(1000 + 2.5, result.Amplifiers[0].OverscanLevel, 10);
            Assert.Equal(0, result.Amplifiers[0].OverscanRms);
        }

        [Fact]
        public void Given_a_saturated_and_a_NaN_pixel_When_corrected_Then_they_are_flagged_and_the_rest_is_not()
        {
            var raw = Frame(1000, 1100);
            raw.Data[2 * 20 + 3] = 65535;
            raw.Data[4 * 20 + 5] = float.NaN;
            raw.Mask[0] = (ushort)MaskBits.Hot;

            var result = DetectorCorrector.Correct(raw, new DetectorGeometry([Amp with { SaturationAdu = 65535 }]), new DetectorCorrectionOptions());

            var mask = result.Image.Mask;
            Assert.Equal((ushort)MaskBits.Saturated, mask[2 * 16 + 3]);
            Assert.Equal((ushort)MaskBits.BadPixel, mask[4 * 16 + 5]);
            Assert.Equal((ushort)MaskBits.Hot, mask[0]);
            Assert.Equal(3, mask.Count(m => m != 0));
            Assert.Equal(1, result.Amplifiers[0].SaturatedPixels);
            Assert.True(float.IsNaN(result.Image.Variance[4 * 16 + 5]));
        }

        [Fact]
        public void Given_a_linearity_polynomial_When_corrected_Then_it_is_applied_to_the_bias_subtracted_ADU_and_high_pixels_are_flagged()
        {
            var raw = Frame(1000, 1000);
            raw.Data[1 * 20 + 7] = 1000 + 1 + 30000;   // a = 30000 ADU above the bias of row 1
            var options = new DetectorCorrectionOptions { Nonlinearity = new NonlinearityCorrection { Coefficients = [0, 1, 2e-7], FlagAboveAdu = 25000 } };

            var result = DetectorCorrector.Correct(raw, new DetectorGeometry([Amp]), options);

            Close.Equal((30000 + 2e-7 * 30000 * 30000) * 2, result.Image.Data[1 * 16 + 7], 1e-6, 0, "corrected electrons");
            Assert.Equal((ushort)MaskBits.Nonlinear, result.Image.Mask[1 * 16 + 7]);
            Assert.Equal(1, result.Amplifiers[0].NonlinearPixels);
            Assert.Equal(0f, result.Image.Data[0]);
        }

        [Fact]
        public void Given_two_amplifiers_in_one_HDU_with_DETSEC_When_corrected_Then_each_lands_in_place_and_the_second_is_flipped_in_x()
        {
            // Raw: [A overscan 1..4 | A data 5..12 | B data 13..20 | B overscan 21..24]; B is read from the right, so its DETSEC runs 16:9.
            var raw = new MaskedImage(24, 3);
            for (var y = 0; y < 3; y++)
                for (var x = 0; x < 24; x++)
                    raw.Data[y * 24 + x] = x switch { < 4 => 500, < 12 => 600 + x, < 20 => 900 + x, _ => 800 };
            AmplifierGeometry a = new() { Name = "A", DataSection = ImageSection.Parse("[5:12,1:3]"), BiasSection = ImageSection.Parse("[1:4,1:3]"), DetectorSection = ImageSection.Parse("[1:8,1:3]"), Gain = 1 };
            AmplifierGeometry b = new() { Name = "B", DataSection = ImageSection.Parse("[13:20,1:3]"), BiasSection = ImageSection.Parse("[21:24,1:3]"), DetectorSection = ImageSection.Parse("[16:9,1:3]"), Gain = 3 };

            var result = DetectorCorrector.Correct(raw, new DetectorGeometry([a, b]), new DetectorCorrectionOptions());

            Assert.Equal((16, 3), (result.Image.Width, result.Image.Height));
            for (var x = 0; x < 8; x++) Assert.Equal(100f + 4 + x, result.Image.Data[x]);                    // A: raw x = 4 + x
            for (var x = 8; x < 16; x++) Assert.Equal(3f * (100 + 12 + (15 - x)), result.Image.Data[x]);  // B: output 15 ← raw 12
            Assert.True(result.Amplifiers[1].FlippedX);
            Assert.Equal("[9:16,1:3]", result.Amplifiers[1].Placement.ToString());
            Assert.All(result.Image.Mask, m => Assert.Equal(0, m));
        }

        [Fact]
        public void Given_a_parallel_overscan_When_corrected_Then_each_column_loses_its_own_level()
        {
            var raw = new MaskedImage(5, 8);
            for (var y = 0; y < 8; y++)
                for (var x = 0; x < 5; x++) raw.Data[y * 5 + x] = y < 6 ? 300 + 10 * x : 200 + 10 * x;
            var amp = new AmplifierGeometry { DataSection = ImageSection.Parse("[1:5,1:6]"), BiasSection = ImageSection.Parse("[1:5,7:8]") };

            var result = DetectorCorrector.Correct(raw, new DetectorGeometry([amp]), new DetectorCorrectionOptions { ToElectrons = false });

            Assert.Equal(OverscanAxis.PerColumn, result.Amplifiers[0].Overscan!.Axis);
            Assert.All(result.Image.Data, v => Assert.Equal(100f, v));
        }

        [Fact]
        public void Given_no_bias_section_while_overscan_is_asked_When_corrected_Then_the_error_names_the_amplifier()
        {
            var e = Assert.Throws<ArgumentException>(() => DetectorCorrector.Correct(Frame(0, 1), new DetectorGeometry([Amp with { Name = "Q", BiasSection = null }]), new DetectorCorrectionOptions()));
            Assert.Contains("amplifier Q has no bias section (BIASSEC)", e.Message);
        }

        [Fact]
        public void Given_two_amplifiers_without_DETSEC_When_corrected_Then_assembly_is_refused_with_the_amplifier_named()
        {
            var e = Assert.Throws<ArgumentException>(() => DetectorCorrector.Correct(Frame(0, 1), new DetectorGeometry([Amp, Amp with { Name = "B" }]), new DetectorCorrectionOptions()));
            Assert.Contains("amplifier A has no detector section (DETSEC)", e.Message);
        }

        [Fact]
        public void Given_a_malformed_section_in_a_header_When_the_geometry_is_read_Then_the_error_names_the_keyword_and_HDU()
        {
            using var temp = TestPaths.Temp();
            var path = Path.Combine(temp.Path, "bad.fits");
            var header = new Parallax.Fits.Headers.Header();
            header.Set("BIASSEC", "[17:20;1:6]");
            using (var w = FitsWriter.Create(path))
            {
                w.WriteImage(new float[20 * 6], [20, 6], header);
                w.Commit();
            }
            using var f = FitsFile.Open(path);
            var e = Assert.Throws<FormatException>(() => DetectorGeometry.FromFile(f));
            Assert.StartsWith("HDU 0: BIASSEC '[17:20;1:6]'", e.Message);
        }
    }
}
