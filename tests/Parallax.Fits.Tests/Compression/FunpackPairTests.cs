using Parallax.Fits.Checksums;
using Parallax.Fits.Compression;
using Parallax.Fits.Hdus;
using Parallax.Fits.Headers;
using Parallax.Fits.Tables;
using Parallax.Fits.Tests.Support;
using Xunit;

namespace Parallax.Fits.Tests.Compression;

/// <summary>
/// fpack-written files and funpack's decompression of them (data/compression/funpack,
/// make_funpack_pairs.py): every image read from the .fz file has funpack's values bit for bit,
/// funpack's header cards, and the tables beside the images come through untouched.
/// </summary>
public class FunpackPairTests
{
    private static readonly string Folder = TestPaths.Data("compression", "funpack");

    public static IEnumerable<object[]> Pairs()
        => Directory.EnumerateFiles(Folder, "*.fits.fz").Select(f => new object[] { Path.GetFileName(f)[..^".fits.fz".Length] }).OrderBy(o => (string)o[0]);

    /// <summary>funpack drops the empty primary fpack put before a ZSIMPLE image: pair HDUs accordingly.</summary>
    private static IEnumerable<(Hdu Packed, Hdu Unpacked)> Match(FitsFile packed, FitsFile unpacked)
    {
        var shift = packed.Count > 1 && packed[1].Kind == HduKind.CompressedImage && packed[1].StoredHeader.Contains("ZSIMPLE") ? 1 : 0;
        Assert.Equal(packed.Count - shift, unpacked.Count);
        for (var i = 0; i < unpacked.Count; i++) yield return (packed[i + shift], unpacked[i]);
    }

    public class Images
    {
        [Theory]
        [MemberData(nameof(Pairs), MemberType = typeof(FunpackPairTests))]
        public void Given_an_fpacked_file_When_each_image_is_read_Then_values_equal_funpacks_bit_for_bit(string name)
        {
            using var packed = FitsFile.Open(Path.Combine(Folder, name + ".fits.fz"));
            using var unpacked = FitsFile.Open(Path.Combine(Folder, name + ".funpacked.fits"));
            var compared = 0;
            foreach (var (p, u) in Match(packed, unpacked))
            {
                if (u is not ImageHdu plain || !plain.HasData) continue;
                var image = Assert.IsType<ImageHdu>(p);
                Assert.Equal(HduKind.CompressedImage, image.Kind);
                Assert.Equal(plain.Bitpix, image.Bitpix);
                Assert.Equal(plain.Axes, image.Axes);
                Assert.Equal(plain.Scaling, image.Scaling);
                AssertSameRaw(plain.ReadRaw(), image.ReadRaw(), $"{name} HDU {image.Index}");
                PixelAssert.SameFloats(plain.ReadFloat32(), image.ReadFloat32(), $"{name} HDU {image.Index}");
                var expected64 = plain.ReadFloat64();
                var actual64 = image.ReadFloat64();
                Assert.True(expected64.Zip(actual64).All(t => t.First.Equals(t.Second)), $"{name} HDU {image.Index}: float64 values differ");
                compared++;
            }
            Assert.True(compared > 0);
        }

        [Theory]
        [MemberData(nameof(Pairs), MemberType = typeof(FunpackPairTests))]
        public void Given_an_fpacked_file_When_headers_are_read_Then_each_image_header_holds_funpacks_cards_in_order(string name)
        {
            using var packed = FitsFile.Open(Path.Combine(Folder, name + ".fits.fz"));
            using var unpacked = FitsFile.Open(Path.Combine(Folder, name + ".funpacked.fits"));
            foreach (var (p, u) in Match(packed, unpacked))
            {
                var expected = Cards(u.Header);
                var actual = Cards(p.Header);
                Assert.True(expected.SequenceEqual(actual),
                    $"{name} HDU {p.Index}:\nfunpack: {string.Join(" | ", expected)}\nours:    {string.Join(" | ", actual)}");
                Assert.Equal(u.Name, p.Name);
            }
        }

        /// <summary>Keyword = value of every card, without the checksums (funpack -C writes none) and comment-only cards.</summary>
        private static List<string> Cards(Header h)
            => [.. h.Where(c => !c.IsCommentary && c.Keyword is not ("CHECKSUM" or "DATASUM")).Select(c => $"{c.Keyword}={c.ValueText}")];
    }

    public class Tables
    {
        [Fact]
        public void Given_an_fpacked_product_When_opened_Then_its_tables_are_read_as_funpack_copies_them()
        {
            using var packed = FitsFile.Open(Path.Combine(Folder, "mef_tables.fits.fz"));
            using var unpacked = FitsFile.Open(Path.Combine(Folder, "mef_tables.funpacked.fits"));

            var a = Assert.IsType<BinaryTableHdu>(packed.Find("CAT"));
            var b = Assert.IsType<BinaryTableHdu>(unpacked.Find("CAT"));
            Assert.Equal(b.ReadColumn<int>(0), a.ReadColumn<int>(0));
            Assert.Equal(b.ReadStrings(2), a.ReadStrings(2));
            Assert.Equal(b.ReadArrays<float>(3), a.ReadArrays<float>(3));
            Assert.IsType<AsciiTableHdu>(packed.Find("NOTES"));
            Assert.Same(packed.Find("SCI"), packed.Image("SCI"));
            Assert.Equal(HduKind.CompressedImage, packed.Image("DQ").Kind);
            Assert.Equal(CompressionAlgorithm.Rice1, packed.Image("DQ").Compression!.Algorithm);
        }
    }

    public class Layout
    {
        [Fact]
        public void Given_a_cube_with_3D_tiles_When_planes_and_sections_are_read_Then_they_equal_funpacks_cube()
        {
            using var packed = FitsFile.Open(Path.Combine(Folder, "cube_rice_3d.fits.fz"));
            using var unpacked = FitsFile.Open(Path.Combine(Folder, "cube_rice_3d.funpacked.fits"));
            var cube = packed.Image(1);
            var truth = unpacked.Image(0);
            Assert.Equal([16, 12, 2], cube.Compression!.TileAxes);
            Assert.Equal(27L, cube.Compression.TileCount);   // ⌈40/16⌉ × ⌈30/12⌉ × ⌈5/2⌉, cut short at every far edge
            for (var plane = 0; plane < cube.Planes; plane++)
            {
                PixelAssert.SameFloats(truth.ReadRows(0, truth.Height, plane), cube.ReadRows(0, cube.Height, plane), $"plane {plane}");
                PixelAssert.SameFloats(truth.ReadSection(13, 7, 20, 9, plane), cube.ReadSection(13, 7, 20, 9, plane), $"section of plane {plane}");
            }
            var span = new float[40 * 30 + 77];
            var expected = new float[span.Length];
            cube.ReadFloat32(40 * 30 * 2 - 33, span);
            truth.ReadFloat32(40 * 30 * 2 - 33, expected);
            PixelAssert.SameFloats(expected, span, "a run across planes");
        }

        [Fact]
        public void Given_a_compressed_primary_image_When_its_header_is_read_Then_it_is_the_primary_header_and_the_table_header_stays_reachable()
        {
            using var packed = FitsFile.Open(Path.Combine(Folder, "cube_rice_3d.fits.fz"));
            var cube = packed.Image(1);

            Assert.Equal("SIMPLE", cube.Header[0].Keyword);
            Assert.Null(cube.Name);   // fpack's EXTNAME 'COMPRESSED_IMAGE' names nothing
            Assert.False(cube.Header.Contains("ZIMAGE"));
            Assert.False(cube.Header.Contains("TFORM1"));
            Assert.Equal(3, cube.Header.GetInt32("NAXIS"));
            Assert.Equal("BINTABLE", cube.StoredHeader.GetString("XTENSION"));
            Assert.Same(cube.StoredHeader, cube.Compression!.Table.Header);
            Assert.Equal(cube.Compression.TileCount, cube.Compression.Table.RowCount);
        }

        [Fact]
        public void Given_tiles_CFITSIO_could_not_quantise_When_read_Then_the_gzip_column_and_NaN_rows_decode_as_funpack()
        {
            using var packed = FitsFile.Open(Path.Combine(Folder, "fq_nan_rows.fits.fz"));
            var sci = packed.Image("SCI");

            var constantRow = sci.ReadRows(7, 1);
            var nanRow = sci.ReadRows(3, 1);

            Assert.All(constantRow, v => Assert.Equal(17.25f, v));
            Assert.All(nanRow, v => Assert.True(float.IsNaN(v)));
            Assert.Equal(QuantizationMethod.SubtractiveDither1, sci.Compression!.Quantization);
        }

        [Fact]
        public void Given_an_fpacked_file_When_checksums_are_verified_Then_they_are_absent_not_wrongly_taken_from_the_image_header()
        {
            using var packed = FitsFile.Open(Path.Combine(Folder, "plio_u16.fits.fz"));
            var r = ChecksumVerifier.Verify(packed[1]);
            Assert.Equal((ChecksumStatus.Absent, ChecksumStatus.Absent), (r.Checksum, r.Datasum));
        }
    }

    /// <summary>Same type, same values bit for bit, except that any NaN matches any NaN (CFITSIO writes NaN as all ones).</summary>
    private static void AssertSameRaw(Array expected, Array actual, string what)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        if (expected is float[] f) PixelAssert.SameFloats(f, (float[])actual, what);
        else if (expected is double[] d) Assert.True(d.Zip((double[])actual).All(t => t.First.Equals(t.Second)), what);
        else Assert.Equal(Bits(expected), Bits(actual));
    }

    private static byte[] Bits(Array raw) => raw switch
    {
        byte[] b => b,
        short[] s => System.Runtime.InteropServices.MemoryMarshal.AsBytes(s.AsSpan()).ToArray(),
        int[] i => System.Runtime.InteropServices.MemoryMarshal.AsBytes(i.AsSpan()).ToArray(),
        float[] f => System.Runtime.InteropServices.MemoryMarshal.AsBytes(f.AsSpan()).ToArray(),
        double[] d => System.Runtime.InteropServices.MemoryMarshal.AsBytes(d.AsSpan()).ToArray(),
        _ => throw new InvalidOperationException(raw.GetType().Name),
    };
}
