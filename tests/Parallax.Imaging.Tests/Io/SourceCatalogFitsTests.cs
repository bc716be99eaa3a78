using Parallax.Fits;
using Parallax.Imaging.Background;
using Parallax.Imaging.Io;
using Parallax.Imaging.Photometry;
using Parallax.Imaging.Sources;
using Parallax.Imaging.Tests.Sources;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Io;

/// <summary>The CAT binary table: round trip, one-based coordinates and units as astropy reads them, fitsverify.</summary>
public class SourceCatalogFitsTests
{
    private static SourceCatalog Catalog()
    {
        var img = Field.Read();
        var bkg = BackgroundEstimator.Estimate(img, new BackgroundParameters { BoxWidth = 32, BoxHeight = 32 });
        var cat = SourceDetector.Detect(img, bkg);
        return AperturePhotometry.Measure(cat, bkg.Subtract(img), new ApertureParameters { Radius = 5, AnnulusInner = 8, AnnulusOuter = 12 });
    }

    public class Write
    {
        [Fact]
        public void Given_a_catalog_When_written_and_read_Then_every_column_round_trips()
        {
            var cat = Catalog();
            using var dir = TestPaths.Temp();
            var path = dir.File("cat.fits");
            using (var w = FitsWriter.Create(path))
            {
                SourceCatalogFits.Write(w, cat);
                w.Commit();
            }
            using var f = FitsFile.Open(path);
            var back = SourceCatalogFits.Read(f);
            Assert.Equal(cat.Count, back.Count);
            Assert.Equal(cat.Width, back.Width);
            Assert.Equal(cat.BackgroundRms, back.BackgroundRms);
            Assert.Equal("adu", back.Unit);
            for (var i = 0; i < cat.Count; i++)
            {
                var (a, b) = (cat.Sources[i], back.Sources[i]);
                Assert.Equal(a.X, b.X, 12);
                Assert.Equal(a.YWin, b.YWin, 12);
                Assert.Equal(a.Theta, b.Theta, 12);
                Assert.Equal(a.FluxAperture, b.FluxAperture);
                Assert.Equal(a.XPeak, b.XPeak);
                Assert.Equal(a.Flags, b.Flags);
                Assert.Equal(a.Ellipticity, b.Ellipticity, 12);
            }
        }

        [SkippableFact]
        public void Given_a_written_catalog_When_read_by_astropy_Then_coordinates_are_one_based_with_units_and_fitsverify_passes()
        {
            var python = ExternalTool.Find("python3") is null ? null : "/usr/bin/python3";
            Skip.If(python is null || !File.Exists(python), "python3 is not installed");
            var cat = Catalog();
            using var dir = TestPaths.Temp();
            var path = dir.File("cat.fits");
            using (var w = FitsWriter.Create(path))
            {
                SourceCatalogFits.Write(w, cat);
                w.Commit();
            }
            var (code, output) = ExternalTool.Run(python!, $"-c \"from astropy.table import Table; t=Table.read('{path}', hdu='CAT'); print(len(t), repr(float(t['X_IMAGE'][0])), t['X_IMAGE'].unit, t['FLUX_APER'].unit, t['THETA_IMAGE'].unit)\"");
            Skip.If(code != 0 && output.Contains("No module named"), "astropy is not installed");
            Assert.True(code == 0, output);
            var parts = output.Trim().Split(' ');
            Assert.Equal(cat.Count.ToString(), parts[0]);
            Assert.Equal(cat.Sources[0].X + 1, double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), 12);
            Assert.Equal(["pix", "adu", "deg"], parts[2..5]);
            if (ExternalTool.Find("fitsverify") is { } fv)
            {
                var (vcode, vout) = ExternalTool.Run(fv, $"-q {path}");
                Assert.True(vcode == 0 && vout.Contains("OK"), vout);
            }
        }
    }
}
