using System.Buffers.Binary;
using System.Text;
using Parallax.Fits.Tables;
using static Parallax.Fits.Tests.Tables.TableVectors;

namespace Parallax.Fits.Tests.Tables;

/// <summary>Corrupt table headers, descriptors and heaps give <see cref="FitsFormatException"/> naming what is wrong, never an index or allocation failure.</summary>
public class CorruptTableTests
{
    private static byte[] Bytes(string file) => File.ReadAllBytes(PathOf(file));

    /// <summary>Replaces the first occurrence of an 80-character card that starts with <paramref name="start"/> by <paramref name="card"/>; returns its 1-based card number in its header.</summary>
    private static int ReplaceCard(byte[] bytes, string start, string card, int hduHeaderOffset = 2880)
    {
        var at = IndexOf(bytes, start, hduHeaderOffset);
        Assert.True(at >= 0 && at % 80 == 0, $"card {start} not found");
        Encoding.ASCII.GetBytes(card.PadRight(80)).CopyTo(bytes, at);
        return (at - hduHeaderOffset) / 80 + 1;
    }

    private static int IndexOf(byte[] bytes, string text, int from) => bytes.AsSpan(from).IndexOf(Encoding.ASCII.GetBytes(text)) is var i and >= 0 ? i + from : -1;

    private static FitsFormatException OpenFails(byte[] bytes, FitsReadOptions? options = null)
        => Assert.Throws<FitsFormatException>(() => { using var f = FitsFile.Open(bytes, "corrupt.fits", options); _ = f.Hdus; });

    public class Header
    {
        [Fact]
        public void Given_a_tform_wider_than_the_row_When_opened_Then_the_error_names_that_tform_and_its_card()
        {
            var bytes = Bytes("binary_types.fits");
            var card = ReplaceCard(bytes, "TFORM3  = 'B       '", "TFORM3  = '1000B   '");
            var e = OpenFails(bytes);
            Assert.Equal("TFORM3", e.Keyword);
            Assert.Equal(card, e.CardNumber);
            Assert.Contains("NAXIS1", e.Message);
        }

        [Fact]
        public void Given_tforms_narrower_than_the_row_When_opened_Then_the_error_names_the_last_tform()
        {
            var bytes = Bytes("binary_varlen.fits");
            ReplaceCard(bytes, "TFORM3  = 'QD(3)   '", "TFORM3  = 'PD(3)   '");
            var e = OpenFails(bytes);
            Assert.Equal("TFORM8", e.Keyword);
            Assert.Contains("add up to NAXIS1", e.Message);
        }

        [Theory]
        [InlineData("'Z       '")]
        [InlineData("'P       '")]
        [InlineData("'2PJ(3)  '")]
        [InlineData("'PJ(x)   '")]
        [InlineData("'99999999999999E'")]
        public void Given_an_invalid_tform_When_opened_Then_the_error_names_it(string value)
        {
            var bytes = Bytes("binary_types.fits");
            var card = ReplaceCard(bytes, "TFORM5  =", $"TFORM5  = {value}");
            var e = OpenFails(bytes);
            Assert.Equal("TFORM5", e.Keyword);
            Assert.Equal(card, e.CardNumber);
        }

        [Fact]
        public void Given_a_missing_tform_When_opened_Then_the_error_names_it()
        {
            var bytes = Bytes("binary_types.fits");
            ReplaceCard(bytes, "TFORM2  =", "COMMENT no format");
            Assert.Equal("TFORM2", OpenFails(bytes).Keyword);
        }

        [Fact]
        public void Given_theap_outside_the_data_unit_When_opened_Then_the_error_names_theap()
        {
            var bytes = Bytes("binary_varlen.fits");
            ReplaceCard(bytes, "EXTNAME =", "THEAP   =              9999999");
            Assert.Equal("THEAP", OpenFails(bytes).Keyword);
        }

        [Fact]
        public void Given_a_tdim_larger_than_the_repeat_When_opened_in_warn_mode_Then_it_is_ignored_with_a_warning()
        {
            var bytes = Bytes("binary_types.fits");
            ReplaceCard(bytes, "TDIM23  =", "TDIM23  = '(4,2)   '");
            using var fits = FitsFile.Open(bytes, "tdim.fits");
            var table = (BinaryTableHdu)fits[1];
            Assert.Null(table.Columns[22].Dims);
            Assert.Contains(fits.Warnings, w => w.Contains("TDIM23", StringComparison.Ordinal));
        }

        [Fact]
        public void Given_a_tdim_larger_than_the_repeat_When_opened_in_exception_mode_Then_the_error_names_it()
        {
            var bytes = Bytes("binary_types.fits");
            ReplaceCard(bytes, "TDIM23  =", "TDIM23  = '(4,2)   '");
            Assert.Equal("TDIM23", OpenFails(bytes, FitsReadOptions.Default with { Verify = VerifyMode.Exception }).Keyword);
        }
    }

    public class Descriptors
    {
        /// <summary>Writes a P descriptor (count, offset) into row <paramref name="row"/> of column PJ.</summary>
        private static byte[] WithDescriptor(int row, uint count, uint offset, string column = "PJ")
        {
            var bytes = Bytes("binary_varlen.fits");
            long at;
            using (var fits = FitsFile.Open(bytes))
            {
                var t = (BinaryTableHdu)fits[1];
                at = t.DataOffset + row * t.RowLength + t.GetColumn(column).ByteOffset;
            }
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan((int)at), count);
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan((int)at + 4), offset);
            return bytes;
        }

        private static FitsFormatException ReadFails(byte[] bytes, Action<BinaryTableHdu> read)
        {
            using var fits = FitsFile.Open(bytes, "corrupt.fits");
            var t = (BinaryTableHdu)fits[1];
            return Assert.Throws<FitsFormatException>(() => read(t));
        }

        [Fact]
        public void Given_a_count_of_two_billion_When_the_column_is_read_Then_the_error_names_row_and_column_before_allocating()
        {
            var e = ReadFails(WithDescriptor(2, int.MaxValue, 0), t => t.ReadArrays<int>(0));
            Assert.Contains("row 3", e.Message);
            Assert.Contains("'PJ'", e.Message);
            Assert.Equal("TFORM1", e.Keyword);
        }

        [Fact]
        public void Given_an_offset_past_the_heap_When_read_Then_fits_format_exception()
            => ReadFails(WithDescriptor(0, 1, 100_000), t => t.ReadArrays<int>(0));

        [Fact]
        public void Given_an_array_that_runs_past_the_heap_end_When_read_Then_fits_format_exception()
        {
            var heap = new Func<long>(() => { using var f = FitsFile.Open(Bytes("binary_varlen.fits")); return ((BinaryTableHdu)f[1]).HeapSize; })();
            ReadFails(WithDescriptor(0, 2, (uint)heap - 4), t => t.ReadArrays<int>(0));
        }

        [Fact]
        public void Given_an_offset_with_the_top_bit_set_When_read_Then_fits_format_exception()
            => ReadFails(WithDescriptor(0, 1, 0xFFFF_FFF0), t => t.ReadDoubleArrays(0));

        [Fact]
        public void Given_a_bad_descriptor_When_descriptors_are_read_Then_fits_format_exception()
            => ReadFails(WithDescriptor(4, 1000, 0), t => t.ReadDescriptors(0));

        [Fact]
        public void Given_a_negative_64_bit_count_When_a_q_column_is_read_Then_fits_format_exception()
        {
            var bytes = Bytes("binary_varlen.fits");
            using (var fits = FitsFile.Open(bytes))
            {
                var t = (BinaryTableHdu)fits[1];
                var at = (int)(t.DataOffset + t.RowLength + t.GetColumn("QD").ByteOffset);
                BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(at), -1);
            }
            ReadFails(bytes, t => t.ReadArrays<double>(t.GetColumnIndex("QD")));
        }

        [Fact]
        public void Given_a_range_outside_the_heap_When_read_raw_Then_fits_format_exception()
            => ReadFails(Bytes("binary_varlen.fits"), t => t.ReadHeap(t.HeapSize - 2, new byte[4]));
    }

    public class Truncation
    {
        [Fact]
        public void Given_a_file_cut_inside_the_rows_When_a_column_is_read_Then_fits_format_exception_not_garbage()
        {
            var bytes = Bytes("binary_types.fits");
            long dataOffset;
            using (var f = FitsFile.Open(bytes)) dataOffset = f[1].DataOffset;
            var cut = bytes.AsSpan(0, (int)dataOffset + 100).ToArray();
            using var fits = FitsFile.Open(cut, "cut.fits");
            var t = (BinaryTableHdu)fits[1];
            Assert.True(t.IsTruncated);
            Assert.Throws<FitsFormatException>(() => t.ReadDoubles(t.GetColumnIndex("F64")));
        }
    }
}
