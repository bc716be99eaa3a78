using System.Numerics;
using Parallax.Fits.Hdus;
using Parallax.Fits.Tables;
using static Parallax.Fits.Tests.Tables.TableVectors;

namespace Parallax.Fits.Tests.Tables;

/// <summary>Reading the astropy-written binary_types.fits; every expected value is what astropy read (expected.json).</summary>
public class BinaryTableHduTests
{
    private const string File = "binary_types.fits";

    private static T WithTable<T>(Func<BinaryTableHdu, T> read)
    {
        using var fits = FitsFile.Open(PathOf(File));
        return read((BinaryTableHdu)fits[1]);
    }

    private static T[] ReadAs<T>(string name) where T : unmanaged
        => WithTable(t => t.ReadColumn<T>(t.GetColumnIndex(name)));

    public class Open
    {
        [Fact]
        public void Given_a_bintable_When_opened_Then_it_is_a_binary_table_with_astropys_row_and_column_counts()
        {
            using var fits = FitsFile.Open(PathOf(File));
            var table = Assert.IsType<BinaryTableHdu>(fits[1]);
            Assert.Equal(HduKind.BinaryTable, table.Kind);
            Assert.Equal(FileEntry(File).GetProperty("rows").GetInt64(), table.RowCount);
            Assert.Equal(FileEntry(File).GetProperty("columns").GetArrayLength(), table.ColumnCount);
            Assert.Equal("TYPES", table.Name);
        }
    }

    public class Columns
    {
        [Fact]
        public void Given_the_header_When_columns_are_read_Then_names_and_formats_match_ttype_and_tform()
        {
            var columns = WithTable(t => t.Columns);
            var expected = FileEntry(File).GetProperty("columns").EnumerateArray().ToArray();
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i].GetProperty("name").GetString(), columns[i].Name);
                Assert.Equal(ColumnFormat.Parse(expected[i].GetProperty("tform").GetString()!), columns[i].Format);
            }
        }

        [Fact]
        public void Given_unit_scale_zero_null_dims_and_display_cards_When_read_Then_each_column_carries_them()
        {
            var t = WithTable(t => t);
            Assert.Equal("adu", t.GetColumn("I16").Unit);
            Assert.Equal("F8.3", t.GetColumn("F32").Display);
            Assert.Equal(-999, t.GetColumn("I16NULL").Null);
            Assert.Equal((0.25, 100.0), (t.GetColumn("I16SCAL").Scale, t.GetColumn("I16SCAL").Zero));
            Assert.Equal([3, 2], t.GetColumn("MATRIX").Dims);
            Assert.Equal(6, t.GetColumn("MATRIX").Repeat);
            Assert.Null(t.GetColumn("VEC3E").Dims);
            Assert.Equal(typeof(ushort), t.GetColumn("U16").ElementType);
            Assert.Equal(typeof(ulong), t.GetColumn("U64").ElementType);
            Assert.Equal(typeof(sbyte), t.GetColumn("S8").ElementType);
            Assert.Equal(typeof(short), t.GetColumn("I16SCAL").ElementType);
        }

        [Fact]
        public void Given_the_columns_When_their_widths_are_summed_Then_they_fill_naxis1_with_offsets_in_order()
        {
            var t = WithTable(t => t);
            long offset = 0;
            foreach (var c in t.Columns)
            {
                Assert.Equal(offset, c.ByteOffset);
                offset += c.Width;
            }
            Assert.Equal(t.Header.GetInt64("NAXIS1"), offset);
        }
    }

    public class GetColumnIndex
    {
        [Fact]
        public void Given_a_name_in_another_case_When_looked_up_Then_the_column_is_found()
        {
            var t = WithTable(t => t);
            Assert.Equal(t.Columns.Single(c => c.Name == "I16NULL").Index, t.GetColumnIndex("i16null"));
            Assert.Equal(t.Columns.Single(c => c.Name == "FLAG").Index, t.GetColumnIndex(" Flag "));
        }

        [Fact]
        public void Given_an_unknown_name_When_looked_up_Then_the_error_lists_the_columns()
        {
            var t = WithTable(t => t);
            var e = Assert.Throws<KeyNotFoundException>(() => t.GetColumnIndex("NOPE"));
            Assert.Contains("'FLAG'", e.Message);
            Assert.False(t.TryGetColumnIndex("NOPE", out _));
        }
    }

    public class ReadColumn
    {
        [Fact]
        public void Given_logicals_When_read_as_bool_Then_they_equal_astropys_values() =>
            Assert.Equal(Bools(Values(File, "FLAG")), ReadAs<bool>("FLAG"));

        [Fact]
        public void Given_an_11_bit_column_When_read_as_bool_Then_each_row_gives_11_bits_as_astropy_reads_them() =>
            Assert.Equal(Bools(Values(File, "BITS")), ReadAs<bool>("BITS"));

        [Fact]
        public void Given_bytes_When_read_as_byte_Then_they_equal_astropys_values() =>
            Assert.Equal(Int64s(Values(File, "U8")), ReadAs<byte>("U8").Select(v => (long)v));

        [Fact]
        public void Given_bytes_with_tzero_minus_128_When_read_as_sbyte_Then_they_equal_astropys_physical_values() =>
            Assert.Equal(Doubles(Values(File, "S8")), ReadAs<sbyte>("S8").Select(v => (double)v));

        [Fact]
        public void Given_int16_When_read_as_short_Then_they_equal_astropys_values() =>
            Assert.Equal(Int64s(Values(File, "I16")), ReadAs<short>("I16").Select(v => (long)v));

        [Fact]
        public void Given_int16_with_tzero_32768_When_read_as_ushort_Then_they_equal_astropys_uint16_values() =>
            Assert.Equal(Int64s(Values(File, "U16")), ReadAs<ushort>("U16").Select(v => (long)v));

        [Fact]
        public void Given_unsigned_int16_When_read_as_short_Then_the_stored_values_come_back() =>
            Assert.Equal(Int64s(Stored(File, "U16")), ReadAs<short>("U16").Select(v => (long)v));

        [Fact]
        public void Given_scaled_int16_When_read_as_short_Then_the_stored_values_come_back_unscaled() =>
            Assert.Equal(Int64s(Stored(File, "I16SCAL")), ReadAs<short>("I16SCAL").Select(v => (long)v));

        [Fact]
        public void Given_int32_When_read_as_int_Then_they_equal_astropys_values() =>
            Assert.Equal(Int64s(Values(File, "I32")), ReadAs<int>("I32").Select(v => (long)v));

        [Fact]
        public void Given_int32_with_tzero_2_31_When_read_as_uint_Then_they_equal_astropys_uint32_values() =>
            Assert.Equal(Int64s(Values(File, "U32")), ReadAs<uint>("U32").Select(v => (long)v));

        [Fact]
        public void Given_int64_When_read_as_long_Then_they_equal_astropys_values_exactly() =>
            Assert.Equal(Int64s(Values(File, "I64")), ReadAs<long>("I64"));

        [Fact]
        public void Given_int64_with_tzero_2_63_When_read_as_ulong_Then_they_equal_astropys_uint64_values_exactly() =>
            Assert.Equal(UInt64s(Values(File, "U64")), ReadAs<ulong>("U64"));

        [Fact]
        public void Given_float32_with_nan_and_infinities_When_read_as_float_Then_they_equal_astropys_values() =>
            AssertSame(Doubles(Values(File, "F32")), [.. ReadAs<float>("F32").Select(v => (double)v)]);

        [Fact]
        public void Given_float64_When_read_as_double_Then_they_equal_astropys_values() =>
            AssertSame(Doubles(Values(File, "F64")), ReadAs<double>("F64"));

        [Fact]
        public void Given_single_complex_When_read_as_complex_Then_they_equal_astropys_values() =>
            Assert.Equal(Complexes(Values(File, "C64")), ReadAs<Complex>("C64"));

        [Fact]
        public void Given_double_complex_When_read_as_complex_Then_they_equal_astropys_values() =>
            Assert.Equal(Complexes(Values(File, "C128")), ReadAs<Complex>("C128"));

        [Fact]
        public void Given_a_complex_vector_When_read_flat_Then_two_values_per_row_equal_astropys() =>
            Assert.Equal(Complexes(Values(File, "C64VEC")), ReadAs<Complex>("C64VEC"));

        [Fact]
        public void Given_a_tdim_matrix_column_When_read_flat_Then_values_are_row_major_as_astropy_flattens_them() =>
            Assert.Equal(Int64s(Values(File, "MATRIX")), ReadAs<int>("MATRIX").Select(v => (long)v));

        [Fact]
        public void Given_a_double_vector_When_read_flat_Then_four_values_per_row_equal_astropys() =>
            AssertSame(Doubles(Values(File, "VEC4D")), ReadAs<double>("VEC4D"));

        [Fact]
        public void Given_an_unsigned_vector_When_read_as_ushort_Then_values_equal_astropys() =>
            Assert.Equal(Int64s(Values(File, "U16VEC")), ReadAs<ushort>("U16VEC").Select(v => (long)v));

        [Fact]
        public void Given_a_row_range_When_read_Then_only_those_rows_come_back()
        {
            var all = Int64s(Values(File, "MATRIX"));
            var part = WithTable(t => t.ReadColumn<int>(t.GetColumnIndex("MATRIX"), firstRow: 2, rowCount: 3));
            Assert.Equal(all.Skip(2 * 6).Take(3 * 6), part.Select(v => (long)v));
        }

        [Fact]
        public void Given_a_type_that_does_not_fit_When_read_Then_argument_exception_names_the_column()
        {
            var t = WithTable(t => t);
            var e = Assert.Throws<ArgumentException>(() => t.ReadColumn<int>(t.GetColumnIndex("I16")));
            Assert.Contains("I16", e.Message);
            Assert.Throws<ArgumentException>(() => t.ReadColumn<ushort>(t.GetColumnIndex("I16")));
            Assert.Throws<ArgumentException>(() => t.ReadColumn<ushort>(t.GetColumnIndex("I16SCAL")));
        }

        [Fact]
        public void Given_rows_outside_the_table_When_read_Then_argument_out_of_range()
        {
            var t = WithTable(t => t);
            Assert.Throws<ArgumentOutOfRangeException>(() => t.ReadColumn<int>(t.GetColumnIndex("I32"), firstRow: 5, rowCount: 2));
            Assert.Throws<ArgumentOutOfRangeException>(() => t.ReadColumn<int>(99));
        }
    }

    public class ReadDoubles
    {
        [Theory]
        [InlineData("U8")]
        [InlineData("S8")]
        [InlineData("I16")]
        [InlineData("I16NULL")]
        [InlineData("U16")]
        [InlineData("I16SCAL")]
        [InlineData("I32")]
        [InlineData("U32")]
        [InlineData("I32NULL")]
        [InlineData("I64")]
        [InlineData("U64")]
        [InlineData("I64NULL")]
        [InlineData("F32")]
        [InlineData("F32SCAL")]
        [InlineData("F64")]
        [InlineData("MATRIX")]
        [InlineData("VEC4D")]
        [InlineData("VEC3E")]
        [InlineData("VEC3SCAL")]
        [InlineData("U16VEC")]
        public void Given_a_numeric_column_When_read_as_doubles_Then_values_equal_astropys_physical_values_with_tnull_as_nan(string name)
            => AssertSame(PhysicalWithNulls(File, name), WithTable(t => t.ReadDoubles(t.GetColumnIndex(name))));

        [Fact]
        public void Given_a_text_column_When_read_as_doubles_Then_argument_exception()
        {
            var t = WithTable(t => t);
            Assert.Throws<ArgumentException>(() => t.ReadDoubles(t.GetColumnIndex("NAME")));
            Assert.Throws<ArgumentException>(() => t.ReadDoubles(t.GetColumnIndex("C64")));
        }
    }

    public class ReadArrays
    {
        [Fact]
        public void Given_a_vector_column_When_read_as_arrays_Then_each_row_holds_its_repeat_values()
        {
            var rows = WithTable(t => t.ReadArrays<float>(t.GetColumnIndex("VEC3E")));
            var flat = Doubles(Values(File, "VEC3E"));
            Assert.Equal(6, rows.Length);
            for (var r = 0; r < rows.Length; r++) Assert.Equal(flat.Skip(3 * r).Take(3), rows[r].Select(v => (double)v));
        }

        [Fact]
        public void Given_a_scaled_vector_When_read_as_double_arrays_Then_rows_hold_physical_values_with_nulls()
        {
            var rows = WithTable(t => t.ReadDoubleArrays(t.GetColumnIndex("VEC3SCAL")));
            AssertSame(PhysicalWithNulls(File, "VEC3SCAL"), [.. rows.SelectMany(r => r)]);
        }
    }

    public class ReadStrings
    {
        [Fact]
        public void Given_a_text_column_When_read_Then_strings_equal_astropys_with_leading_spaces_kept() =>
            Assert.Equal(Strings(Values(File, "NAME")), WithTable(t => t.ReadStrings(t.GetColumnIndex("NAME"))));

        [Fact]
        public void Given_a_numeric_column_When_read_as_strings_Then_argument_exception()
        {
            var t = WithTable(t => t);
            Assert.Throws<ArgumentException>(() => t.ReadStrings(t.GetColumnIndex("I16")));
        }
    }

    public class ReadStringArrays
    {
        [Fact]
        public void Given_12A_with_tdim_4_by_3_When_read_Then_each_row_gives_three_strings_as_astropy_reads_them()
        {
            var rows = WithTable(t => t.ReadStringArrays(t.GetColumnIndex("WORDS")));
            Assert.All(rows, r => Assert.Equal(3, r.Length));
            Assert.Equal(Strings(Values(File, "WORDS")), rows.SelectMany(r => r));
        }
    }

    public class ReadLogicals
    {
        [Fact]
        public void Given_a_zero_byte_in_row_3_When_read_Then_that_row_is_null_and_the_rest_equal_astropys()
        {
            var values = WithTable(t => t.ReadLogicals(t.GetColumnIndex("FLAG")));
            var astropy = Bools(Values(File, "FLAG"));
            for (var i = 0; i < values.Length; i++)
            {
                if (i == 3) Assert.Null(values[i]);
                else Assert.Equal(astropy[i], values[i]);
            }
        }
    }
}
