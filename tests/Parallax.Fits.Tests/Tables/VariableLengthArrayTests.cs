using System.Numerics;
using System.Text.Json;
using Parallax.Fits.Tables;
using static Parallax.Fits.Tests.Tables.TableVectors;

namespace Parallax.Fits.Tests.Tables;

/// <summary>P and Q columns of the astropy-written binary_varlen.fits, against expected.json.</summary>
public class VariableLengthArrayTests
{
    private const string File = "binary_varlen.fits";

    private static T WithTable<T>(Func<BinaryTableHdu, T> read)
    {
        using var fits = FitsFile.Open(PathOf(File));
        return read((BinaryTableHdu)fits[1]);
    }

    private static double[][] Rows(JsonElement rows) => [.. rows.EnumerateArray().Select(Doubles)];

    public class Columns
    {
        [Fact]
        public void Given_pj_and_qd_formats_When_parsed_Then_they_are_variable_length_with_the_right_descriptor_size_and_maximum()
        {
            var t = WithTable(t => t);
            var pj = t.GetColumn("PJ");
            Assert.True(pj.IsVariableLength);
            Assert.False(pj.Format.HasLongDescriptors);
            Assert.Equal(ColumnType.Int32, pj.Type);
            Assert.Equal(10, pj.Format.MaxLength);
            Assert.Equal(8, pj.Width);
            var qd = t.GetColumn("QD");
            Assert.True(qd.Format.HasLongDescriptors);
            Assert.Equal(16, qd.Width);
            Assert.Equal(t.Header.GetInt64("NAXIS1") * t.RowCount, t.HeapOffset);
            Assert.Equal(t.Header.GetInt64("PCOUNT"), t.HeapSize);
        }
    }

    public class ReadArrays
    {
        [Fact]
        public void Given_pj_When_read_Then_each_row_equals_astropys_array_including_empty_ones()
        {
            var rows = WithTable(t => t.ReadArrays<int>(t.GetColumnIndex("PJ")));
            Assert.Equal(Rows(Values(File, "PJ")), rows.Select(r => r.Select(v => (double)v).ToArray()));
        }

        [Fact]
        public void Given_pe_with_nan_When_read_Then_rows_equal_astropys()
        {
            var rows = WithTable(t => t.ReadArrays<float>(t.GetColumnIndex("PE")));
            var expected = Rows(Values(File, "PE"));
            Assert.Equal(expected.Length, rows.Length);
            for (var r = 0; r < rows.Length; r++) AssertSame(expected[r], [.. rows[r].Select(v => (double)v)]);
        }

        [Fact]
        public void Given_qd_with_64_bit_descriptors_When_read_Then_rows_equal_astropys()
        {
            var rows = WithTable(t => t.ReadArrays<double>(t.GetColumnIndex("QD")));
            Assert.Equal(Rows(Values(File, "QD")), rows);
        }

        [Fact]
        public void Given_pb_When_read_as_bytes_Then_rows_equal_astropys()
        {
            var rows = WithTable(t => t.ReadArrays<byte>(t.GetColumnIndex("PB")));
            Assert.Equal(Rows(Values(File, "PB")), rows.Select(r => r.Select(v => (double)v).ToArray()));
        }

        [Fact]
        public void Given_pi_with_tzero_32768_When_read_as_ushort_Then_rows_are_the_stored_values_plus_32768()
        {
            var rows = WithTable(t => t.ReadArrays<ushort>(t.GetColumnIndex("PU16")));
            Assert.Equal(Rows(Values(File, "PU16")), rows.Select(r => r.Select(v => (double)v).ToArray()));
        }

        [Fact]
        public void Given_pc_When_read_as_complex_Then_rows_equal_astropys()
        {
            var rows = WithTable(t => t.ReadArrays<Complex>(t.GetColumnIndex("PC")));
            var expected = Values(File, "PC").EnumerateArray().Select(Complexes).ToArray();
            Assert.Equal(expected, rows);
        }

        [Fact]
        public void Given_descriptors_out_of_heap_order_When_read_Then_each_row_still_gets_its_own_array()
        {
            var bytes = System.IO.File.ReadAllBytes(PathOf(File));
            using (var fits = FitsFile.Open(bytes))
            {
                var t = (BinaryTableHdu)fits[1];
                var row0 = (int)(t.DataOffset + t.GetColumn("PJ").ByteOffset);
                var row3 = row0 + 3 * t.RowLength;
                var first = bytes.AsSpan(row0, 8).ToArray();
                bytes.AsSpan(row3, 8).CopyTo(bytes.AsSpan(row0, 8));
                first.CopyTo(bytes, row3);
            }
            using var swapped = FitsFile.Open(bytes);
            var rows = ((BinaryTableHdu)swapped[1]).ReadArrays<int>(0);
            var expected = Rows(Values(File, "PJ"));
            (expected[0], expected[3]) = (expected[3], expected[0]);
            Assert.Equal(expected, rows.Select(r => r.Select(v => (double)v).ToArray()));
        }

        [Fact]
        public void Given_a_heap_of_many_megabytes_When_read_Then_arrays_spanning_several_read_windows_come_back_whole()
        {
            var arrays = Enumerable.Range(0, 2000).Select(r => Enumerable.Range(0, r % 7 == 0 ? 0 : 1000 + r).Select(k => r * 1e4 + k).ToArray()).ToArray();
            var table = new BinaryTable(arrays.Length);
            table.AddVariableLengthColumn("SPECTRUM", arrays);
            table.AddColumn("ROW", Enumerable.Range(0, arrays.Length).ToArray());
            using var ms = new MemoryStream();
            using (var w = FitsWriter.Create(ms))
            {
                w.WriteTable(table);
                w.Commit();
            }
            using var fits = FitsFile.Open(ms.ToArray());
            var t = (BinaryTableHdu)fits[1];
            Assert.True(t.HeapSize > 8 << 20);
            Assert.Equal(arrays, t.ReadArrays<double>(0));
            Assert.Equal(arrays, t.ReadDoubleArrays(0));
            Assert.Equal(Enumerable.Range(0, arrays.Length), t.ReadColumn<int>(1));
        }

        [Fact]
        public void Given_a_row_range_When_read_Then_only_those_rows_come_back()
        {
            var rows = WithTable(t => t.ReadArrays<int>(t.GetColumnIndex("PJ"), firstRow: 3, rowCount: 2));
            Assert.Equal(Rows(Values(File, "PJ")).Skip(3), rows.Select(r => r.Select(v => (double)v).ToArray()));
        }
    }

    public class ReadDoubleArrays
    {
        [Fact]
        public void Given_a_scaled_pd_column_When_read_Then_every_row_is_stored_times_tscal_plus_tzero()
        {
            var rows = WithTable(t => t.ReadDoubleArrays(t.GetColumnIndex("PDSCAL")));
            Assert.Equal(Rows(Values(File, "PDSCAL")), rows);
        }

        [Fact]
        public void Given_an_unsigned_pi_column_When_read_as_doubles_Then_values_are_unsigned()
        {
            var rows = WithTable(t => t.ReadDoubleArrays(t.GetColumnIndex("PU16")));
            Assert.Equal(Rows(Values(File, "PU16")), rows);
        }
    }

    public class ReadStrings
    {
        [Fact]
        public void Given_pa_When_read_Then_each_row_is_astropys_text_spaces_inside_kept() =>
            Assert.Equal(Strings(Values(File, "PA")), WithTable(t => t.ReadStrings(t.GetColumnIndex("PA"))));
    }

    public class ReadDescriptors
    {
        [Fact]
        public void Given_pj_When_descriptors_are_read_Then_counts_equal_astropys_array_lengths_and_offsets_lie_in_the_heap()
        {
            var (descriptors, heap) = WithTable(t => (t.ReadDescriptors(t.GetColumnIndex("PJ")), t.HeapSize));
            Assert.Equal(Values(File, "PJ").EnumerateArray().Select(r => (long)r.GetArrayLength()), descriptors.Select(d => d.Count));
            Assert.All(descriptors, d => Assert.InRange(d.Offset + d.Count * 4, 0, heap));
        }

        [Fact]
        public void Given_a_fixed_width_column_When_descriptors_are_read_Then_argument_exception()
        {
            using var fits = FitsFile.Open(PathOf("binary_types.fits"));
            var t = (BinaryTableHdu)fits[1];
            Assert.Throws<ArgumentException>(() => t.ReadDescriptors(t.GetColumnIndex("I32")));
        }

        [Fact]
        public void Given_a_variable_length_column_When_read_with_ReadColumn_Then_argument_exception_points_to_ReadArrays()
        {
            var e = Assert.Throws<ArgumentException>(() => WithTable(t => t.ReadColumn<int>(t.GetColumnIndex("PJ"))));
            Assert.Contains("ReadArrays", e.Message);
        }
    }
}
