using Parallax.Fits;
using Parallax.Fits.Tables;
using Parallax.Imaging.Astrometry;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Astrometry;

public class ReferenceCatalogTests
{
    public class ParseCsv
    {
        [Fact]
        public void Given_Gaia_like_columns_When_parsed_Then_positions_motions_and_bands_are_read_with_NaN_for_empty_cells()
        {
            const string Text = """
                # a Gaia DR3 extract
                source_id,ra,dec,pmra,pmdec,phot_g_mean_mag,phot_bp_mean_mag,phot_rp_mean_mag,note
                1,135.0,25.0,10.0,-20.0,15.5,15.9,14.9,ok
                2,135.1,25.1,,,16.0,,15.4,x
                """;

            var c = ReferenceCatalogCsv.Parse(new StringReader(Text), "gaia.csv");

            Assert.Equal(2, c.Count);
            Assert.Equal([135.0, 135.1], c.Ra);
            Assert.Equal(2016.0, c.Epoch);
            Assert.Equal(-20.0, c.PmDec![0]);
            Assert.True(double.IsNaN(c.PmRa![1]));
            Assert.Equal(["phot_g_mean_mag", "phot_bp_mean_mag", "phot_rp_mean_mag"], c.Bands);
            Assert.True(double.IsNaN(c.Magnitudes("PHOT_BP_MEAN_MAG")![1]));
            Assert.Null(c.Magnitudes("note"));
        }

        [Fact]
        public void Given_proper_motions_When_moved_ten_years_Then_the_offsets_are_the_motions_times_ten()
        {
            var c = ReferenceCatalogCsv.Parse(new StringReader("ra,dec,pmra,pmdec,ref_epoch\n10,60,100,-50,2016\n"), "pm.csv");

            var (ra, dec) = c.PositionAt(0, 2026.0);

            // 1000 mas east on the sky is 1000 / cos(60°) = 2000 mas of RA; -500 mas in Dec.
            Close.Equal(10 + 2.0 / 3600, ra, 0, 1e-12);
            Close.Equal(60 - 0.5 / 3600, dec, 0, 1e-12);
        }

        [Theory]
        [InlineData("ra,mag\n1,2\n", "cat.csv: no column 'dec'")]
        [InlineData("dec,mag\n1,2\n", "cat.csv: no column 'ra'")]
        [InlineData("ra,dec\n1,abc\n", "cat.csv: column 'dec' row 1 is 'abc'")]
        [InlineData("ra,dec\n1,95\n", "cat.csv: column 'dec' row 1 is 95")]
        [InlineData("ra,dec,pmra\n1,2,3\n", "cat.csv: column 'pmdec' is missing")]
        [InlineData("ra,dec\n1,2,3\n", "cat.csv: line 2 has 3 cells")]
        [InlineData("", "cat.csv: empty file")]
        public void Given_a_malformed_catalog_When_parsed_Then_one_line_names_the_file_and_column(string text, string start)
        {
            var e = Assert.Throws<ReferenceCatalogException>(() => ReferenceCatalogCsv.Parse(new StringReader(text), "cat.csv"));

            Assert.StartsWith(start, e.Message);
            Assert.DoesNotContain('\n', e.Message);
        }
    }

    public class ReadFits
    {
        [Fact]
        public void Given_a_binary_table_with_upper_case_columns_When_read_Then_it_gives_the_same_catalog()
        {
            var table = new BinaryTable(3);
            table.AddColumn("RA", new[] { 1.0, 2.0, 3.0 });
            table.AddColumn("DEC", new[] { -1.0, 0.0, 1.0 });
            table.AddColumn("PHOT_G_MEAN_MAG", new[] { 12f, float.NaN, 14f });
            table.AddStringColumn("NAME", ["a", "b", "c"]);
            using var stream = new MemoryStream();
            using (var w = FitsWriter.Create(stream))
            {
                w.WriteEmpty();
                w.WriteTable(table);
                w.Commit();
            }
            using var file = FitsFile.Open(stream.ToArray(), "cat.fits");

            var c = ReferenceCatalogFits.Read(file, "cat.fits");

            Assert.Equal([1.0, 2.0, 3.0], c.Ra);
            Assert.Equal([-1.0, 0.0, 1.0], c.Dec);
            Assert.Equal(["PHOT_G_MEAN_MAG"], c.Bands);
            Assert.True(double.IsNaN(c.Magnitudes("phot_g_mean_mag")![1]));
            Assert.Null(c.PmRa);
        }

        [Fact]
        public void Given_a_table_without_dec_When_read_Then_the_message_names_the_file_and_columns()
        {
            var table = new BinaryTable(1);
            table.AddColumn("RA", new[] { 1.0 });
            using var stream = new MemoryStream();
            using (var w = FitsWriter.Create(stream))
            {
                w.WriteEmpty();
                w.WriteTable(table);
                w.Commit();
            }
            using var file = FitsFile.Open(stream.ToArray(), "cat.fits");

            var e = Assert.Throws<ReferenceCatalogException>(() => ReferenceCatalogFits.Read(file, "cat.fits"));

            Assert.Equal("cat.fits: no binary table with columns 'ra' and 'dec' (the first has RA)", e.Message);
        }
    }
}
