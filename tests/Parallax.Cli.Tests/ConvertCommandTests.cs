using Parallax.Fits;
using Parallax.Fits.Images;

namespace Parallax.Cli.Tests;

public class ConvertCommandTests
{
    public class Bitpix
    {
        [Fact]
        public void Given_a_uint16_frame_When_converted_to_float32_Then_values_are_identical_and_the_input_is_untouched()
        {
            using var dir = new TempDir();
            var input = InfoCommandTests.WriteFrame(dir, "raw.fits", "Light Frame", 60);
            var before = File.ReadAllBytes(input);
            var output = dir.File("out/float.fits");
            var (code, _, stderr) = CliRunner.Run("convert", input, output, "--bitpix", "-32");
            Assert.True(code == 0, stderr);
            Assert.Equal(before, File.ReadAllBytes(input));
            using var a = FitsFile.Open(input);
            using var b = FitsFile.Open(output);
            Assert.Equal(-32, b.Image(0).Bitpix);
            Assert.Equal(a.Image(0).ReadFloat32(), b.Image(0).ReadFloat32());
            Assert.Equal(60.0, b.Primary.Header.GetDouble("EXPTIME"));
        }

        [Fact]
        public void Given_a_float_frame_When_converted_to_16_bits_Then_non_negative_data_become_uint16()
        {
            using var dir = new TempDir();
            var input = InfoCommandTests.WriteFrame(dir, "f.fits", "Flat Field", 2, ImageEncoding.Float32);
            var output = dir.File("u.fits");
            Assert.Equal(0, CliRunner.Run("convert", input, output, "--bitpix", "16").ExitCode);
            using var b = FitsFile.Open(output);
            Assert.True(b.Image(0).Scaling.IsUnsigned16);
        }

        [Fact]
        public void Given_the_same_path_for_input_and_output_When_converted_Then_refused()
        {
            using var dir = new TempDir();
            var input = InfoCommandTests.WriteFrame(dir, "same.fits", "Bias Frame", 0);
            var (code, _, stderr) = CliRunner.Run("convert", input, input);
            Assert.Equal(2, code);
            Assert.Contains("refusing to overwrite the input", stderr);
        }

        [Fact]
        public void Given_an_invalid_bitpix_When_converted_Then_usage_error()
        {
            using var dir = new TempDir();
            var input = InfoCommandTests.WriteFrame(dir, "x.fits", "Bias Frame", 0);
            Assert.Equal(2, CliRunner.Run("convert", input, dir.File("y.fits"), "--bitpix", "12").ExitCode);
        }
    }
}
