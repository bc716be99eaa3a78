using Parallax.Fits.Tables;

namespace Parallax.Fits.Tests.Tables;

/// <summary>TFORM parsing against FITS 4.0 section 7.3.1 and table 18 (element sizes; P = 8-byte and Q = 16-byte descriptors).</summary>
public class ColumnFormatTests
{
    public class Parse
    {
        [Theory]
        [InlineData("L", ColumnType.Logical, 1, 1)]
        [InlineData("1X", ColumnType.Bit, 1, 1)]
        [InlineData("11X", ColumnType.Bit, 11, 2)]
        [InlineData("16X", ColumnType.Bit, 16, 2)]
        [InlineData("B", ColumnType.Byte, 1, 1)]
        [InlineData("3I", ColumnType.Int16, 3, 6)]
        [InlineData("1J", ColumnType.Int32, 1, 4)]
        [InlineData("2K", ColumnType.Int64, 2, 16)]
        [InlineData("20A", ColumnType.Char, 20, 20)]
        [InlineData("20A10", ColumnType.Char, 20, 20)]
        [InlineData("1E", ColumnType.Float32, 1, 4)]
        [InlineData("1E15.7", ColumnType.Float32, 1, 4)]
        [InlineData("4D", ColumnType.Float64, 4, 32)]
        [InlineData("C", ColumnType.Complex64, 1, 8)]
        [InlineData("2M", ColumnType.Complex128, 2, 32)]
        [InlineData("0E", ColumnType.Float32, 0, 0)]
        [InlineData(" 2j ", ColumnType.Int32, 2, 8)]
        public void Given_a_fixed_format_When_parsed_Then_type_repeat_and_row_width_follow_table_18(string tform, ColumnType type, int repeat, long width)
        {
            var f = ColumnFormat.Parse(tform);
            Assert.Equal((type, repeat, width, false), (f.Type, f.Repeat, f.Width, f.IsVariableLength));
        }

        [Theory]
        [InlineData("1PB(1234)", ColumnType.Byte, false, 1234L, 8)]
        [InlineData("PJ()", ColumnType.Int32, false, null, 8)]
        [InlineData("PE", ColumnType.Float32, false, null, 8)]
        [InlineData("1QD(7)", ColumnType.Float64, true, 7L, 16)]
        [InlineData("0PJ(3)", ColumnType.Int32, false, 3L, 0)]
        public void Given_a_variable_length_format_When_parsed_Then_descriptor_size_element_type_and_maximum_are_read(string tform, ColumnType type, bool q, long? max, long width)
        {
            var f = ColumnFormat.Parse(tform);
            Assert.True(f.IsVariableLength);
            Assert.Equal((type, q, max, width), (f.Type, f.HasLongDescriptors, f.MaxLength, f.Width));
        }

        [Theory]
        [InlineData("")]
        [InlineData("3")]
        [InlineData("1Z")]
        [InlineData("P")]
        [InlineData("PP")]
        [InlineData("2PJ")]
        [InlineData("1PJ(12")]
        [InlineData("1PJ(-1)")]
        [InlineData("99999999999E")]
        public void Given_an_invalid_format_When_parsed_Then_a_reason_is_given(string tform)
        {
            Assert.False(ColumnFormat.TryParse(tform, out _, out var why));
            Assert.False(string.IsNullOrEmpty(why));
            Assert.Throws<FormatException>(() => ColumnFormat.Parse(tform));
        }
    }

    public class ToString_
    {
        [Theory]
        [InlineData("E", "1E")]
        [InlineData("11X", "11X")]
        [InlineData("1PB(1234)", "1PB(1234)")]
        [InlineData("QD", "1QD")]
        public void Given_a_format_When_formatted_Then_the_canonical_tform_reads_back_the_same(string tform, string canonical)
        {
            var f = ColumnFormat.Parse(tform);
            Assert.Equal(canonical, f.ToString());
            Assert.Equal(f, ColumnFormat.Parse(f.ToString()));
        }
    }
}

/// <summary>Column keywords a binary-table header may get wrong without breaking the row layout.</summary>
public class BinaryTableKeywordTests
{
    private static byte[] Table(params string[] extraCards)
        => TestFits.BinaryTable(["TTYPE1  = 'F       '", "TFORM1  = 'E       '", "TTYPE2  = 'S       '", "TFORM2  = '4A      '", "TTYPE3  = 'Z       '", "TFORM3  = '0J      '", .. extraCards],
            8, 2, [0x3F, 0xC0, 0, 0, (byte)'a', (byte)'b', 0, (byte)'x', 0x40, 0x20, 0, 0, (byte)'c', (byte)'d', (byte)' ', (byte)' ']);

    public class Create
    {
        [Fact]
        public void Given_tnull_on_a_float_column_When_opened_Then_it_is_ignored_with_a_warning()
        {
            using var fits = FitsFile.Open(Table("TNULL1  =                    0"), "t.fits");
            var t = (BinaryTableHdu)fits[1];
            Assert.Null(t.Columns[0].Null);
            Assert.Contains(fits.Warnings, w => w.Contains("TNULL1", StringComparison.Ordinal));
            Assert.Equal([1.5, 2.5], t.ReadDoubles(0));
        }

        [Fact]
        public void Given_tscal_on_a_text_column_When_opened_in_exception_mode_Then_the_error_names_it()
        {
            var e = Assert.Throws<FitsFormatException>(() =>
            {
                using var fits = FitsFile.Open(Table("TSCAL2  =                  2.0"), "t.fits", FitsReadOptions.Default with { Verify = VerifyMode.Exception });
                _ = fits.Hdus;
            });
            Assert.Equal("TSCAL2", e.Keyword);
        }

        [Fact]
        public void Given_a_zero_repeat_column_When_read_Then_every_row_has_an_empty_array_and_the_other_columns_read_normally()
        {
            using var fits = FitsFile.Open(Table());
            var t = (BinaryTableHdu)fits[1];
            Assert.Empty(t.ReadColumn<int>(2));
            Assert.Equal(2, t.ReadArrays<int>(2).Length);
            Assert.All(t.ReadArrays<int>(2), Assert.Empty);
            Assert.Equal(["ab", "cd"], t.ReadStrings(1));
        }

        [Fact]
        public void Given_a_text_field_with_a_nul_When_read_Then_the_string_ends_at_the_nul()
        {
            using var fits = FitsFile.Open(Table());
            Assert.Equal("ab", ((BinaryTableHdu)fits[1]).ReadStrings(1)[0]);
        }
    }
}
