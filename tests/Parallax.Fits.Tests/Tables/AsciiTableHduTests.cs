using Parallax.Fits.Hdus;
using Parallax.Fits.Tables;
using static Parallax.Fits.Tests.Tables.TableVectors;

namespace Parallax.Fits.Tests.Tables;

/// <summary>Reading the astropy-written ascii_table.fits, and hand-built ASCII tables for rules astropy does not exercise.</summary>
public class AsciiTableHduTests
{
    private const string File = "ascii_table.fits";

    private static T WithTable<T>(Func<AsciiTableHdu, T> read)
    {
        using var fits = FitsFile.Open(PathOf(File));
        return read((AsciiTableHdu)fits[1]);
    }

    public class Open
    {
        [Fact]
        public void Given_a_table_extension_When_opened_Then_columns_have_astropys_names_formats_and_positions()
        {
            var t = WithTable(t => t);
            Assert.Equal(HduKind.AsciiTable, t.Kind);
            Assert.Equal(FileEntry(File).GetProperty("rows").GetInt64(), t.RowCount);
            var expected = FileEntry(File).GetProperty("columns").EnumerateArray().ToArray();
            Assert.Equal(expected.Select(e => e.GetProperty("name").GetString()), t.Columns.Select(c => c.Name));
            Assert.Equal(expected.Select(e => e.GetProperty("tform").GetString()), t.Columns.Select(c => c.Format.ToString()));
            Assert.Equal(t.Columns.Select(c => (long)c.Start), t.Columns.Select(c => t.Header.GetInt64($"TBCOL{c.Index + 1}")));
            Assert.Equal("m", t.GetColumn("FIXED").Unit);
            Assert.Equal("-999", t.GetColumn("INT").Null);
        }
    }

    public class ReadDoubles
    {
        [Theory]
        [InlineData("INT")]
        [InlineData("FIXED")]
        [InlineData("EXP")]
        [InlineData("DBL")]
        [InlineData("SCALED")]
        public void Given_a_numeric_column_When_read_Then_values_equal_astropys_with_tnull_and_blank_fields_as_nan(string name)
            => AssertSame(PhysicalWithNulls(File, name), WithTable(t => t.ReadDoubles(t.GetColumnIndex(name))));

        [Fact]
        public void Given_a_text_column_When_read_as_doubles_Then_argument_exception()
            => Assert.Throws<ArgumentException>(() => WithTable(t => t.ReadDoubles(t.GetColumnIndex("TEXT"))));

        [Fact]
        public void Given_fields_without_a_decimal_point_When_read_Then_the_point_is_implied_d_digits_from_the_right()
        {
            // FITS 4.0 section 7.2.5: with Fw.d, Ew.d or Dw.d, a field without an explicit point has one d digits from the right.
            var bytes = TestFits.AsciiTable(["TFORM1  = 'F8.2    '", "TBCOL1  =                    1", "TFORM2  = 'E10.3   '", "TBCOL2  =                    9"],
                18, ["   12345    1234E2", "      -5     -5D-1", "  12.5     1.5E+01"]);
            using var fits = FitsFile.Open(bytes);
            var t = (AsciiTableHdu)fits[1];
            Assert.Equal([123.45, -0.05, 12.5], t.ReadDoubles(0));
            Assert.Equal([1.234 * 100, -0.005 * 0.1, 15.0], t.ReadDoubles(1));
        }

        [Fact]
        public void Given_a_field_that_is_not_a_number_When_read_Then_fits_format_exception_names_row_and_column()
        {
            var bytes = TestFits.AsciiTable(["TTYPE1  = 'VAL     '", "TFORM1  = 'I6      '", "TBCOL1  =                    1"], 6, ["    12", "  1x3 "]);
            using var fits = FitsFile.Open(bytes);
            var e = Assert.Throws<FitsFormatException>(() => ((AsciiTableHdu)fits[1]).ReadDoubles(0));
            Assert.Contains("row 2", e.Message);
            Assert.Contains("'VAL'", e.Message);
        }
    }

    public class ReadStrings
    {
        [Theory]
        [InlineData("TEXT")]
        [InlineData("INT")]
        [InlineData("DBL")]
        public void Given_a_column_When_read_as_text_Then_fields_equal_astropys_raw_text_trimmed(string name)
            => Assert.Equal(Strings(Column(File, name).GetProperty("text")), WithTable(t => t.ReadStrings(t.GetColumnIndex(name))));
    }

    public class Create
    {
        [Fact]
        public void Given_a_field_past_the_end_of_the_row_When_opened_Then_fits_format_exception_names_tbcol()
        {
            var bytes = TestFits.AsciiTable(["TFORM1  = 'I6      '", "TBCOL1  =                    4"], 6, ["     1"]);
            var e = Assert.Throws<FitsFormatException>(() => FitsFile.Open(bytes).Hdus);
            Assert.Equal("TBCOL1", e.Keyword);
            Assert.NotNull(e.CardNumber);
        }

        [Fact]
        public void Given_a_binary_format_in_an_ascii_table_When_opened_Then_fits_format_exception_names_tform()
        {
            var bytes = TestFits.AsciiTable(["TFORM1  = '1J      '", "TBCOL1  =                    1"], 4, ["   1"]);
            var e = Assert.Throws<FitsFormatException>(() => FitsFile.Open(bytes).Hdus);
            Assert.Equal("TFORM1", e.Keyword);
        }
    }
}
