using Parallax.Fits.Coordinates;
using Parallax.Fits.Headers;
using Xunit;

namespace Parallax.Fits.Tests.Coordinates;


/// <summary>Missing and inconsistent keywords: each throws a <see cref="FitsFormatException"/> naming the keyword.</summary>
public sealed class WcsFromHeaderErrorTests
{
    private static FitsFormatException Fails(Header header) => Assert.Throws<FitsFormatException>(() => Wcs.FromHeader(header));

    public sealed class TheFromHeaderMethod
    {
        [Theory]
        [InlineData("CRVAL1")]
        [InlineData("CRVAL2")]
        [InlineData("CRPIX1")]
        [InlineData("CRPIX2")]
        [InlineData("CTYPE1")]
        [InlineData("CTYPE2")]
        public void Given_a_required_keyword_missing_When_read_Then_throws_naming_it(string keyword)
        {
            var e = Fails(TestHeaders.Tan().Without(keyword));
            Assert.Equal(keyword, e.Keyword);
            Assert.Equal("test.fits", e.FileName);
            Assert.Contains(keyword, e.Message);
        }

        [Fact]
        public void Given_no_CD_matrix_and_no_CDELT_When_read_Then_throws_naming_CDELT1()
            => Assert.Equal("CDELT1", Fails(TestHeaders.Tan().Without("CD1_1", "CD1_2", "CD2_1", "CD2_2")).Keyword);

        [Fact]
        public void Given_a_zero_CDELT_When_read_Then_throws_naming_it()
        {
            var h = TestHeaders.Tan().Without("CD1_1", "CD1_2", "CD2_1", "CD2_2").With("CDELT1", -1e-4).With("CDELT2", 0.0);
            Assert.Equal("CDELT2", Fails(h).Keyword);
        }

        [Fact]
        public void Given_a_singular_CD_matrix_When_read_Then_throws_naming_CD1_1()
        {
            var h = TestHeaders.Tan().With("CD1_2", 1e-4).With("CD2_1", 1e-4).With("CD2_2", -1e-4);
            var e = Fails(h);
            Assert.Equal("CD1_1", e.Keyword);
            Assert.Contains("singular", e.Reason);
        }

        [Fact]
        public void Given_a_singular_PC_matrix_When_read_Then_throws_naming_PC1_1()
        {
            var h = TestHeaders.Tan().Without("CD1_1", "CD1_2", "CD2_1", "CD2_2")
                .With("CDELT1", -1e-4).With("CDELT2", 1e-4).With("PC1_1", 1.0).With("PC1_2", 2.0).With("PC2_1", 0.5).With("PC2_2", 1.0);
            Assert.Equal("PC1_1", Fails(h).Keyword);
        }

        [Theory]
        [InlineData("LINEAR", "CTYPE1")]
        [InlineData("RA--TAN", "CTYPE1")]
        [InlineData("FREQ", "CTYPE1")]
        [InlineData("RA---TAN-TPV", "CTYPE1")]
        public void Given_a_CTYPE1_that_is_not_celestial_When_read_Then_throws_naming_it(string ctype, string keyword)
            => Assert.Equal(keyword, Fails(TestHeaders.Tan().With("CTYPE1", ctype)).Keyword);

        [Fact]
        public void Given_an_unsupported_projection_When_read_Then_throws_naming_CTYPE1_and_listing_the_supported_ones()
        {
            var e = Fails(TestHeaders.Tan().With("CTYPE1", "RA---ZPN").With("CTYPE2", "DEC--ZPN"));
            Assert.Equal("CTYPE1", e.Keyword);
            Assert.Contains("ZPN", e.Reason);
            Assert.Contains("TAN", e.Reason);
        }

        [Fact]
        public void Given_different_projections_on_the_two_axes_When_read_Then_throws_naming_CTYPE2()
            => Assert.Equal("CTYPE2", Fails(TestHeaders.Tan().With("CTYPE2", "DEC--SIN")).Keyword);

        [Theory]
        [InlineData("RA---TAN", "RA---TAN")]
        [InlineData("DEC--TAN", "DEC--TAN")]
        [InlineData("RA---TAN", "GLAT-TAN")]
        [InlineData("GLON-TAN", "ELAT-TAN")]
        public void Given_axes_that_are_not_a_celestial_pair_When_read_Then_throws_naming_CTYPE2(string ctype1, string ctype2)
            => Assert.Equal("CTYPE2", Fails(TestHeaders.Tan().With("CTYPE1", ctype1).With("CTYPE2", ctype2)).Keyword);

        [Fact]
        public void Given_the_SIP_suffix_without_A_ORDER_When_read_Then_throws_naming_A_ORDER()
            => Assert.Equal("A_ORDER", Fails(TestHeaders.Tan().With("CTYPE1", "RA---TAN-SIP").With("CTYPE2", "DEC--TAN-SIP")).Keyword);

        [Fact]
        public void Given_the_SIP_suffix_on_one_axis_only_When_read_Then_throws_naming_the_other()
            => Assert.Equal("CTYPE2", Fails(TestHeaders.Tan().With("CTYPE1", "RA---TAN-SIP")).Keyword);

        [Fact]
        public void Given_A_ORDER_without_B_ORDER_When_read_Then_throws_naming_B_ORDER()
        {
            var h = TestHeaders.Tan().With("CTYPE1", "RA---TAN-SIP").With("CTYPE2", "DEC--TAN-SIP").With("A_ORDER", 2).With("A_2_0", 1e-6);
            Assert.Equal("B_ORDER", Fails(h).Keyword);
        }

        [Fact]
        public void Given_AP_ORDER_without_BP_ORDER_When_read_Then_throws_naming_BP_ORDER()
        {
            var h = TestHeaders.Tan().With("CTYPE1", "RA---TAN-SIP").With("CTYPE2", "DEC--TAN-SIP")
                .With("A_ORDER", 2).With("B_ORDER", 2).With("AP_ORDER", 2);
            Assert.Equal("BP_ORDER", Fails(h).Keyword);
        }

        [Fact]
        public void Given_a_negative_SIP_order_When_read_Then_throws_naming_it()
        {
            var h = TestHeaders.Tan().With("CTYPE1", "RA---TAN-SIP").With("CTYPE2", "DEC--TAN-SIP").With("A_ORDER", -1).With("B_ORDER", 2);
            Assert.Equal("A_ORDER", Fails(h).Keyword);
        }

        [Fact]
        public void Given_a_CEA_lambda_outside_0_to_1_When_read_Then_throws_naming_PV2_1()
        {
            var h = TestHeaders.Tan().With("CTYPE1", "RA---CEA").With("CTYPE2", "DEC--CEA").With("PV2_1", 1.5);
            Assert.Equal("PV2_1", Fails(h).Keyword);
        }

        [Fact]
        public void Given_a_celestial_unit_other_than_degrees_When_read_Then_throws_naming_CUNIT()
            => Assert.Equal("CUNIT1", Fails(TestHeaders.Tan().With("CUNIT1", "arcsec")).Keyword);

        [Fact]
        public void Given_a_reference_latitude_beyond_the_pole_When_read_Then_throws_naming_CRVAL2()
            => Assert.Equal("CRVAL2", Fails(TestHeaders.Tan().With("CRVAL2", 95.0)).Keyword);

        [Fact]
        public void Given_a_CRVAL_that_is_not_a_number_When_read_Then_throws_naming_it()
            => Assert.Equal("CRVAL1", Fails(TestHeaders.Tan().With("CRVAL1", "abc")).Keyword);

        [Theory]
        [InlineData(60.0, 90.0)]  // wcslib: lat0 == 0 is required for |phip - phi0| = 90 and theta0 == 0
        [InlineData(30.0, 150.0)] // wcslib: no valid solution for latp
        public void Given_a_cylindrical_LONPOLE_with_no_pole_solution_When_read_Then_throws_naming_LONPOLE(double crval2, double lonpole)
        {
            var h = TestHeaders.Tan().With("CTYPE1", "RA---CAR").With("CTYPE2", "DEC--CAR").With("CRVAL2", crval2).With("LONPOLE", lonpole);
            Assert.Equal("LONPOLE", Fails(h).Keyword);
        }
    }
}
