using Parallax.Fits.Headers;
using Parallax.Fits.Coordinates;
using Parallax.Fits.Coordinates.Projections;
using Xunit;

namespace Parallax.Fits.Tests.Coordinates;


/// <summary>Behaviour of <see cref="Wcs"/> beyond the astropy vectors: factories, keyword handling, NaN rules.</summary>
public sealed class WcsTests
{
    public sealed class TheCreateTanMethod
    {
        [Fact]
        public void Given_the_scale_and_rotation_of_a_CROTA2_header_When_created_Then_agrees_with_astropy_on_that_header()
        {
            // tan_create_equivalent: CDELT1 = -1e-4, CDELT2 = 1e-4, CROTA2 = 17.5, evaluated by astropy.
            var c = WcsVectorCase.Load("tan_create_equivalent");
            var wcs = Wcs.CreateTan(10.68, 41.27, 400.5, 300.5, 1e-4, 17.5);
            for (var i = 0; i < c.Pixels.Length; i++)
            {
                var (lon, lat) = wcs.PixelToWorld(c.Pixels[i][0], c.Pixels[i][1]);
                WcsAgainstAstropyTests.AssertAgrees(c.World[i][0], lon, 1e-8, $"pixel {i} longitude");
                WcsAgainstAstropyTests.AssertAgrees(c.World[i][1], lat, 1e-8, $"pixel {i} latitude");
            }
        }

        [Fact]
        public void Given_a_reference_pixel_When_created_Then_that_pixel_zero_based_minus_one_maps_to_the_reference_point()
        {
            var wcs = Wcs.CreateTan(83.633, -5.39, 1024.5, 1024.5, 0.2 / 3600.0, 33.0);
            var (lon, lat) = wcs.PixelToWorld(1023.5, 1023.5);
            Assert.Equal(83.633, lon, 1e-12);
            Assert.Equal(-5.39, lat, 1e-12);
            Assert.Equal((1024.5, 1024.5), wcs.ReferencePixel);
        }

        [Fact]
        public void Given_no_rotation_When_created_Then_east_is_left_and_north_up()
        {
            var wcs = Wcs.CreateTan(150.0, 2.0, 101.0, 101.0, 1e-3);
            var centre = wcs.PixelToWorld(100.0, 100.0);
            var right = wcs.PixelToWorld(110.0, 100.0);
            var up = wcs.PixelToWorld(100.0, 110.0);
            Assert.True(right.Longitude < centre.Longitude, "+x goes west");
            Assert.True(up.Latitude > centre.Latitude, "+y goes north");
            Assert.Equal(1e-3, wcs.PixelScale, 1e-15);
            Assert.Equal("ICRS", wcs.RadeSys);
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(-1.0)]
        [InlineData(double.NaN)]
        public void Given_a_scale_that_is_not_positive_When_created_Then_throws(double scale)
            => Assert.Throws<ArgumentException>(() => Wcs.CreateTan(0, 0, 1, 1, scale));

        [Fact]
        public void Given_a_declination_beyond_the_pole_When_created_Then_throws()
            => Assert.Throws<ArgumentException>(() => Wcs.CreateTan(0, 91, 1, 1, 1e-3));

        [Fact]
        public void Given_a_singular_CD_matrix_When_created_Then_throws()
            => Assert.Throws<ArgumentException>(() => Wcs.CreateTan(0, 0, 1, 1, 1e-3, 1e-3, 1e-3, 1e-3));
    }

    public sealed class TheFromHeaderMethod
    {
        [Fact]
        public void Given_PC_and_CD_together_When_read_Then_PC_wins_as_in_wcslib_and_a_note_says_so()
        {
            var wcs = Wcs.FromHeader(TestHeaders.Tan().With("CDELT1", -2e-4).With("CDELT2", 2e-4).With("PC1_1", 0.5).With("PC2_2", 0.5));
            Assert.Equal((-1e-4, 0.0, 0.0, 1e-4), wcs.Cd);
            Assert.False(wcs.UsesCdMatrix);
            Assert.Contains(wcs.Notes, n => n.Contains("CDi_j ignored", StringComparison.Ordinal));
        }

        [Fact]
        public void Given_CROTA2_alongside_a_CD_matrix_When_read_Then_CROTA2_is_ignored()
        {
            var wcs = Wcs.FromHeader(TestHeaders.Tan().With("CROTA2", 45.0));
            Assert.Equal((-1e-4, 0.0, 0.0, 1e-4), wcs.Cd);
            Assert.Contains(wcs.Notes, n => n.Contains("CROTAi ignored", StringComparison.Ordinal));
        }

        [Fact]
        public void Given_CROTA2_of_90_degrees_When_read_Then_the_matrix_is_exact()
        {
            var h = TestHeaders.Tan().Without("CD1_1", "CD1_2", "CD2_1", "CD2_2").With("CDELT1", -2e-4).With("CDELT2", 1e-4).With("CROTA2", 90.0);
            var wcs = Wcs.FromHeader(h);
            // PC1_2 = -(CDELT2/CDELT1) sin(rho), PC2_1 = (CDELT1/CDELT2) sin(rho); CD = CDELT * PC.
            Assert.Equal((0.0, -1e-4, -2e-4, 0.0), wcs.Cd);
        }

        [Fact]
        public void Given_deprecated_RADECSYS_and_EPOCH_When_read_Then_they_are_used_with_notes()
        {
            var wcs = Wcs.FromHeader(TestHeaders.Tan().With("RADECSYS", "FK4").With("EPOCH", 1950.0));
            Assert.Equal("FK4", wcs.RadeSys);
            Assert.Equal(1950.0, wcs.Equinox);
            Assert.Equal(2, wcs.Notes.Count);
        }

        [Fact]
        public void Given_galactic_axes_When_read_Then_there_is_no_equatorial_frame()
        {
            var wcs = Wcs.FromHeader(TestHeaders.Tan().With("CTYPE1", "GLON-TAN").With("CTYPE2", "GLAT-TAN").With("EQUINOX", 2000.0));
            Assert.Null(wcs.RadeSys);
            Assert.Null(wcs.Equinox);
            Assert.Equal(("GLON", "GLAT"), (wcs.LongitudeType, wcs.LatitudeType));
        }

        [Fact]
        public void Given_SIP_coefficients_without_the_suffix_When_read_Then_they_are_applied_as_astropy_does()
        {
            var h = TestHeaders.Tan().With("A_ORDER", 2).With("A_2_0", 1e-5).With("B_ORDER", 2);
            var wcs = Wcs.FromHeader(h);
            Assert.NotNull(wcs.Sip);
            Assert.Equal(1e-5, wcs.Sip!.A(2, 0));
            Assert.Contains(wcs.Notes, n => n.Contains("-SIP", StringComparison.Ordinal));
        }

        [Fact]
        public void Given_TPV_style_PV_cards_on_a_TAN_header_When_read_Then_they_are_ignored_with_notes()
        {
            var wcs = Wcs.FromHeader(TestHeaders.Tan().With("PV1_1", 1.0).With("PV2_1", 1.0));
            Assert.IsType<TanProjection>(wcs.Projection);
            Assert.Equal(2, wcs.Notes.Count);
        }

        [Fact]
        public void Given_SIN_PV_parameters_When_read_Then_the_projection_carries_them()
        {
            var wcs = Wcs.FromHeader(TestHeaders.Tan().With("CTYPE1", "RA---SIN").With("CTYPE2", "DEC--SIN").With("PV2_1", 0.1).With("PV2_2", -0.2));
            Assert.Equal(0.1, wcs.Projection.Parameters[1]);
            Assert.Equal(-0.2, wcs.Projection.Parameters[2]);
            Assert.Empty(wcs.Notes);
        }
    }

    public sealed class ThePixelToWorldMethod
    {
        [Fact]
        public void Given_NaN_pixels_When_transformed_Then_gives_NaN_without_throwing()
        {
            var wcs = Wcs.FromHeader(TestHeaders.Tan());
            var (lon, lat) = wcs.PixelToWorld(double.NaN, 3.0);
            Assert.True(double.IsNaN(lon) && double.IsNaN(lat));
        }

        [Fact]
        public void Given_spans_of_different_lengths_When_transformed_Then_throws()
        {
            var wcs = Wcs.FromHeader(TestHeaders.Tan());
            Assert.Throws<ArgumentException>(() => wcs.PixelToWorld(new double[3], new double[3], new double[2], new double[3]));
        }
    }

    public sealed class TheWorldToPixelMethod
    {
        [Theory]
        [InlineData(330.0, -2.0)] // antipode: far hemisphere of TAN
        [InlineData(150.0, 91.0)]
        [InlineData(double.NaN, 0.0)]
        [InlineData(double.PositiveInfinity, 0.0)]
        public void Given_a_position_TAN_cannot_show_When_transformed_Then_gives_NaN(double lon, double lat)
        {
            var (x, y) = Wcs.FromHeader(TestHeaders.Tan()).WorldToPixel(lon, lat);
            Assert.True(double.IsNaN(x) && double.IsNaN(y));
        }

        [Fact]
        public void Given_a_SIP_wcs_far_beyond_its_fitted_region_When_transformed_Then_gives_NaN_rather_than_a_wrong_pixel()
        {
            // A strongly non-linear polynomial has no real inverse far out: Newton must not return garbage.
            var sip = new SipDistortion(new double[,] { { 0, 0, 0 }, { 0, 0, 0 }, { 1e-3, 0, 0 } }, new double[3, 3]);
            var wcs = Wcs.FromHeader(TestHeaders.Tan()).WithSip(sip);
            var (lon, lat) = wcs.PixelToWorld(-400.0, 119.0);
            var (x, y) = wcs.WorldToPixel(lon, lat);
            // Either the exact pixel or NaN: never a pixel that does not map back.
            if (!double.IsNaN(x))
            {
                var (lon2, lat2) = wcs.PixelToWorld(x, y);
                Assert.Equal(lon, lon2, 1e-10);
                Assert.Equal(lat, lat2, 1e-10);
            }
            var (fx, fy) = wcs.WorldToPixel(lon + 20.0, lat);
            Assert.True(double.IsNaN(fx) && double.IsNaN(fy), $"got ({fx}, {fy})");
        }
    }

    public sealed class TheWriteToMethod
    {
        [Fact]
        public void Given_a_header_with_stale_WCS_keywords_When_written_Then_they_are_replaced()
        {
            var source = Wcs.FromHeader(TestHeaders.Tan());
            var target = TestHeaders.Make(("SIMPLE", true), ("OBJECT", "M42"), ("CDELT1", 5.0), ("PC1_1", 2.0), ("CROTA2", 10.0),
                ("A_ORDER", 3), ("A_3_0", 1.0), ("PV2_1", 0.5), ("CTYPE1", "GLON-CAR"));
            source.WriteTo(target);
            Assert.False(target.Contains("CDELT1"));
            Assert.False(target.Contains("PC1_1"));
            Assert.False(target.Contains("CROTA2"));
            Assert.False(target.Contains("A_ORDER"));
            Assert.False(target.Contains("A_3_0"));
            Assert.False(target.Contains("PV2_1"));
            Assert.Equal("RA---TAN", target.GetString("CTYPE1"));
            Assert.Equal(1, target.IndexOf("OBJECT"));
            Assert.Equal(-1e-4, target.GetDouble("CD1_1"));
            Assert.Equal(180.0, target.GetDouble("LONPOLE"));
            Assert.Equal(2.0, target.GetDouble("LATPOLE"));
        }

        [Fact]
        public void Given_a_SIP_wcs_When_written_Then_the_SIP_keywords_and_suffix_are_there()
        {
            var c = WcsVectorCase.Load("tan_sip_with_inverse");
            var wcs = Wcs.FromHeader(c.ReadHeader());
            var header = new Header();
            wcs.WriteTo(header);
            Assert.Equal("RA---TAN-SIP", header.GetString("CTYPE1"));
            Assert.Equal("DEC--TAN-SIP", header.GetString("CTYPE2"));
            Assert.Equal(3, header.GetInt32("A_ORDER"));
            Assert.Equal(3, header.GetInt32("BP_ORDER"));
            var original = c.ReadHeader();
            foreach (var key in new[] { "A_2_0", "A_1_2", "B_0_3", "AP_1_0", "BP_0_0" })
                Assert.Equal(original.GetDouble(key), header.GetDouble(key));
        }

        [Fact]
        public void Given_a_PC_CDELT_wcs_When_written_Then_it_keeps_that_form()
        {
            var wcs = Wcs.FromHeader(WcsVectorCase.Load("tan_pc_cdelt").ReadHeader());
            var header = new Header();
            wcs.WriteTo(header);
            Assert.Equal(-2.5e-4, header.GetDouble("CDELT1"));
            Assert.Equal(Math.Cos(0.7), header.GetDouble("PC1_1"));
            Assert.False(header.Contains("CD1_1"));
            Assert.Equal("FK5", header.GetString("RADESYS"));
            Assert.Equal(2000.0, header.GetDouble("EQUINOX"));
        }
    }
}
