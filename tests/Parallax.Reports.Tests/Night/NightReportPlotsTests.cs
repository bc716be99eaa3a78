using Parallax.Fits;
using Parallax.Fits.Headers;
using Parallax.Fits.Tables;
using Parallax.Imaging;
using Parallax.Imaging.Io;
using Parallax.Reports.Night;
using Parallax.Testing;

namespace Parallax.Reports.Tests.Night;

/// <summary>
/// The night report's astrometry and zero-point plots, on products written here: REDUCED_IMAGE frames with or
/// without an ASTROM table (X, Y, RA, DEC, DX, DY, MAG_CAT, MAG_INST) and a zp_mag QC value with AIRMASS.
/// </summary>
public class NightReportPlotsTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Writes a 64 × 48 REDUCED_IMAGE product; an ASTROM table with the given columns when any are given.</summary>
    private static void WriteProduct(TempFolder dir, string name, string filter, double? airmass, double? zeroPoint, string[]? astromColumns, int rows = 12)
    {
        var primary = new Header();
        primary.Set("PRODCATG", "REDUCED_IMAGE");
        primary.Set("PRODTYPE", "reduced_image");
        primary.Set("PROCSTAT", "LEVEL_2");
        primary.Set("RECIPE", "reduce_image");
        primary.Set("TASKID", "reduce_image:SCIENCE-1");
        primary.Set("FILTER", filter);
        if (airmass is { } a) primary.Set("AIRMASS", a);
        if (zeroPoint is { } zp) primary.Add(HeaderCard.Create("HIERARCH PARALLAX QC ZP_MAG", zp, "zero point [mag]"));
        var image = new MaskedImage(64, 48, [.. Enumerable.Range(0, 64 * 48).Select(i => 100f + i % 7)], unit: PixelUnits.Electron);
        using var writer = FitsWriter.Create(Path.Combine(dir.Path, name));
        MaskedImageFits.Write(writer, image, primary);
        if (astromColumns is not null)
        {
            var table = new BinaryTable(rows);
            // Stars on a grid; residuals a rotation of 0.1 px about the centre (the shape does not matter here).
            double[] Column(Func<int, double> f) => [.. Enumerable.Range(0, rows).Select(f)];
            var values = new Dictionary<string, double[]>
            {
                ["X"] = Column(i => 5 + 5 * (i % 4)), ["Y"] = Column(i => 5 + 10 * (i / 4)),
                ["RA"] = Column(i => 135 + i * 1e-3), ["DEC"] = Column(i => 25 + i * 1e-3),
                ["DX"] = Column(i => 0.1 * Math.Cos(i)), ["DY"] = Column(i => 0.1 * Math.Sin(i)),
                ["MAG_CAT"] = Column(i => 14 + 0.2 * i), ["MAG_INST"] = Column(i => -9 + 0.2 * i),
            };
            foreach (var c in astromColumns) table.AddColumn(c, values[c]);
            var header = new Header();
            header.Set("EXTNAME", "ASTROM");
            writer.WriteTable(table, header);
        }
        writer.Commit();
    }

    private static readonly string[] AllColumns = ["X", "Y", "RA", "DEC", "DX", "DY", "MAG_CAT", "MAG_INST"];

    private static (NightReport Report, System.Xml.Linq.XDocument Html) Report(TempFolder dir)
    {
        var report = NightReportBuilder.Build(dir.Path);
        return (report, Html.Parse(NightReportHtml.Render(report)));
    }

    private static List<string> FigureIds(System.Xml.Linq.XDocument doc)
        => [.. doc.Descendants("figure").Select(f => (string?)f.Attribute("id") ?? "")];

    public class Build
    {
        [Fact]
        public void Given_frames_with_an_ASTROM_table_and_zero_points_When_reported_Then_each_has_its_residual_plot_and_the_night_its_zero_point_plot()
        {
            using var dir = new TempFolder();
            WriteProduct(dir, "REDUCED_IMAGE_a.fits", "V", 1.10, 24.95, AllColumns);
            WriteProduct(dir, "REDUCED_IMAGE_b.fits", "V", 1.52, 24.87, AllColumns);
            WriteProduct(dir, "REDUCED_IMAGE_c.fits", "R", 1.31, 25.20, AllColumns);
            var (report, doc) = Report(dir);
            var ids = FigureIds(doc);
            foreach (var stem in new[] { "a", "b", "c" }) Assert.Contains($"plot-REDUCED-IMAGE-{stem}-astrometry", ids);
            Assert.Contains("plot-night-zero-point-airmass", ids);
            var zp = Assert.Single(report.NightPlots);
            // Three frames, each with a zp_mag and an AIRMASS, in two filters.
            Assert.Equal("Zero point against airmass (3 frame(s))", zp.Title);
            Assert.Equal(PngSignature, zp.Png.Take(8));
            var astrometry = report.Products.Single(p => p.FileName == "REDUCED_IMAGE_a.fits").Plots.Single(p => p.Id.EndsWith("-astrometry", StringComparison.Ordinal));
            Assert.Equal(PngSignature, astrometry.Png.Take(8));
            Assert.Equal(1.10, report.Products.Single(p => p.FileName == "REDUCED_IMAGE_a.fits").Airmass);
            Assert.Equal("R", report.Products.Single(p => p.FileName == "REDUCED_IMAGE_c.fits").Filter);
            // The figures are embedded images: the report stays one file.
            Assert.All(doc.Descendants("figure").SelectMany(f => f.Descendants("img")), i => Assert.StartsWith("data:image/png;base64,", (string?)i.Attribute("src")));
        }

        [Fact]
        public void Given_frames_without_ASTROM_table_zero_point_or_airmass_When_reported_Then_neither_plot_appears_and_the_report_is_made()
        {
            using var dir = new TempFolder();
            WriteProduct(dir, "REDUCED_IMAGE_a.fits", "V", airmass: 1.2, zeroPoint: null, astromColumns: null);
            WriteProduct(dir, "REDUCED_IMAGE_b.fits", "V", airmass: null, zeroPoint: 25.0, astromColumns: null);
            var (report, doc) = Report(dir);
            Assert.Empty(report.NightPlots);
            var ids = FigureIds(doc);
            Assert.DoesNotContain(ids, id => id.EndsWith("-astrometry", StringComparison.Ordinal) || id.Contains("zero-point", StringComparison.Ordinal));
            // The products' own histograms are still there.
            Assert.Contains("plot-REDUCED-IMAGE-a-histogram", ids);
            Assert.Contains("plot-REDUCED-IMAGE-b-histogram", ids);
        }

        [Fact]
        public void Given_an_ASTROM_table_without_DY_or_without_rows_When_reported_Then_no_residual_plot_is_drawn_and_nothing_fails()
        {
            using var dir = new TempFolder();
            WriteProduct(dir, "REDUCED_IMAGE_a.fits", "V", 1.2, 25.0, ["X", "Y", "RA", "DEC", "DX"]);
            WriteProduct(dir, "REDUCED_IMAGE_b.fits", "V", 1.3, 24.9, AllColumns, rows: 0);
            var (report, doc) = Report(dir);
            Assert.DoesNotContain(FigureIds(doc), id => id.EndsWith("-astrometry", StringComparison.Ordinal));
            // The zero points do not depend on the table.
            Assert.Equal("Zero point against airmass (2 frame(s))", Assert.Single(report.NightPlots).Title);
        }

        [Fact]
        public void Given_an_airmass_below_1_or_no_zero_point_When_reported_Then_that_frame_is_left_out_of_the_zero_point_plot()
        {
            using var dir = new TempFolder();
            WriteProduct(dir, "REDUCED_IMAGE_a.fits", "V", 0.5, 25.0, null);
            WriteProduct(dir, "REDUCED_IMAGE_b.fits", "V", 1.3, 24.9, null);
            WriteProduct(dir, "REDUCED_IMAGE_c.fits", "V", 1.4, null, null);
            var (report, _) = Report(dir);
            Assert.Equal("Zero point against airmass (1 frame(s))", Assert.Single(report.NightPlots).Title);
        }
    }
}
