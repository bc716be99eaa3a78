using Parallax.Fits.Tests.Support;

namespace Parallax.Fits.Tests.Robustness;

/// <summary>The malformed files of data/bad (see its README.md): each gives one clear line, and whatever can be read still is.</summary>
public class BadInputTests
{
    private static string Bad(string name) => TestPaths.Data("bad", name);

    private static FitsFormatException Strict(string name)
        => Assert.Throws<FitsFormatException>(() =>
        {
            using var f = FitsFile.Open(Bad(name), FitsReadOptions.Default with { Verify = VerifyMode.Exception });
            _ = f.Hdus;
            foreach (var h in f.Hdus) if (h is Hdus.ImageHdu { HasData: true } img) img.ReadFloat32();
        });

    private static void OneLine(FitsFormatException e, string name)
    {
        Assert.DoesNotContain('\n', e.Message);
        Assert.StartsWith(Bad(name), e.Message);
    }

    public class Truncation
    {
        [Fact]
        public void Given_a_truncated_data_unit_When_opened_leniently_Then_the_header_reads_and_the_pixels_fail_clearly()
        {
            using var f = FitsFile.Open(Bad("truncated_data.fits"));
            Assert.Equal(64, f.Image(0).Width);
            Assert.True(f.Image(0).IsTruncated);
            Assert.Contains(f.Warnings, w => w.Contains("truncated"));
            var e = Assert.Throws<FitsFormatException>(() => f.Image(0).ReadFloat32());
            Assert.Contains("needs 6,144 bytes from offset 2,880", e.Message);
            OneLine(e, "truncated_data.fits");
        }

        [Fact]
        public void Given_a_truncated_data_unit_When_opened_strictly_Then_open_fails_naming_the_sizes()
            => Assert.Contains("promises 6,144 bytes but only 3,000 remain", Strict("truncated_data.fits").Message);

        [Fact]
        public void Given_a_truncated_header_When_opened_Then_the_error_says_END_was_not_reached()
            => Assert.Contains("header is truncated", Strict("truncated_header.fits").Message);

        [Fact]
        public void Given_a_truncated_gzip_stream_When_opened_Then_a_format_error_names_the_file()
            => OneLine(Strict("truncated_gzip.fits.gz"), "truncated_gzip.fits.gz");
    }

    public class LyingSizes
    {
        [Fact]
        public void Given_NAXIS1_of_a_billion_When_read_Then_it_fails_without_allocating_gigabytes()
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            using (var f = FitsFile.Open(Bad("huge_naxis.fits")))
            {
                var e = Assert.Throws<FitsFormatException>(() => f.Image(0).ReadFloat32());
                Assert.Contains("truncated", e.Message);
            }
            Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 16 << 20, "more than 16 MB allocated for a 5 KB file");
        }

        [Fact]
        public void Given_axes_whose_product_overflows_64_bits_When_opened_Then_the_size_is_refused()
            => Assert.Contains("more bytes than any file can hold", Strict("overflow_naxis.fits").Message);

        [Fact]
        public void Given_BITPIX_12_When_opened_Then_the_error_names_BITPIX()
        {
            var e = Strict("bad_bitpix.fits");
            Assert.Equal("BITPIX", e.Keyword);
            Assert.Contains("BITPIX 12 is not one of", e.Message);
        }

        [Fact]
        public void Given_a_missing_NAXIS2_When_opened_Then_the_error_names_it()
        {
            var e = Strict("missing_naxis2.fits");
            Assert.Equal("NAXIS2", e.Keyword);
            Assert.Contains("required keyword is missing", e.Message);
        }
    }

    public class NotFits
    {
        [Theory]
        [InlineData("not_fits.png")]
        [InlineData("not_fits.txt")]
        public void Given_a_file_that_is_not_FITS_When_opened_Then_it_says_so(string name)
        {
            var e = Strict(name);
            Assert.Contains("not a FITS file", e.Message);
            OneLine(e, name);
        }

        [Fact]
        public void Given_an_empty_file_When_opened_Then_it_says_empty()
            => Assert.Contains("file is empty", Strict("empty.fits").Message);

        [Fact]
        public void Given_a_header_without_END_When_opened_Then_binary_bytes_are_not_taken_for_cards()
        {
            var e = Strict("no_end.fits");
            Assert.True(e.Message.Contains("not printable ASCII") || e.Message.Contains("END"), e.Message);
        }
    }

    public class Cards
    {
        [Fact]
        public void Given_a_tab_in_a_card_When_opened_strictly_Then_the_card_and_byte_are_named_and_leniently_the_pixels_read()
        {
            var e = Strict("control_char.fits");
            Assert.NotNull(e.CardNumber);
            Assert.Contains("0x09", e.Message);
            using var f = FitsFile.Open(Bad("control_char.fits"));
            Assert.Equal(64 * 48, f.Image(0).ReadFloat32().Length);
            Assert.Equal(2, f.Warnings.Count(w => w.Contains("not printable ASCII")));
        }

        [Fact]
        public void Given_a_lower_case_keyword_When_fixed_Then_EXPTIME_is_60()
        {
            Assert.Contains("exptime", Strict("lowercase_keyword.fits").Message);
            using var f = FitsFile.Open(Bad("lowercase_keyword.fits"), FitsReadOptions.Default with { Verify = VerifyMode.Fix });
            Assert.Equal(60.0, f.Primary.Header.GetDouble("EXPTIME"));
        }

        [Fact]
        public void Given_EXPTIME_as_the_string_060_00_When_read_as_a_number_Then_it_is_60()
        {
            using var f = FitsFile.Open(Bad("exptime_string.fits"), FitsReadOptions.Default with { Verify = VerifyMode.Exception });
            Assert.Equal("060.00", f.Primary.Header.GetString("EXPTIME"));
            Assert.Equal(60.0, f.Primary.Header.GetDouble("EXPTIME"));
        }
    }
}
