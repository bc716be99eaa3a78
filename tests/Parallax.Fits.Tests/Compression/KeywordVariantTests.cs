using Parallax.Fits.Compression;
using Parallax.Fits.Headers;
using Parallax.Fits.Tables;
using Parallax.Fits.Tests.Support;
using Xunit;

namespace Parallax.Fits.Tests.Compression;

/// <summary>
/// Forms of the convention that fpack does not write but other writers may: ZSCALE, ZZERO and ZBLANK as
/// header keywords instead of columns, ZHECKSUM/ZDATASUM, no ZTILEn (default row tiles). The table is
/// built here, tile by tile, from known integers, so the truth is the convention's formula
/// value = integer × ZSCALE + ZZERO (NaN for ZBLANK). Neither peer can be the truth here: CFITSIO 4.2
/// (funpack, imcopy) returns ZZERO for every pixel when ZSCALE is a keyword, and astropy 5.2.1 stops on
/// a floating-point exception without ZTILEn and ignores the ZBLANK keyword; with ZTILEn written, astropy
/// agrees with the formula on every defined pixel, which the peer test checks.
/// </summary>
public class KeywordVariantTests
{
    private const int Width = 50, Height = 20;
    private const double Scale = 0.25, Zero = 100.0;

    /// <summary>A quantised float image whose ZSCALE/ZZERO/ZBLANK are keywords (ZTILEn left out unless asked for); returns its path and its integers.</summary>
    private static (string Path, int[] Integers) Write(TempFolder tmp, bool withTiles = false)
    {
        var all = new int[Width * Height];
        var rng = new Random(11);
        var tiles = new byte[Height][];
        var ints = new int[Width];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var v = 100 + rng.NextDouble() * 50;
                // NINT((v - ZZERO) / ZSCALE), and the null value where the pixel is undefined
                ints[x] = (x + y) % 17 == 0 ? TileDequantizer.NullValue : (int)Math.Round((v - Zero) / Scale, MidpointRounding.AwayFromZero);
            }
            tiles[y] = RiceCodec.Encode(ints, 4, 32);
            ints.CopyTo(all, y * Width);
        }
        var table = new BinaryTable(Height);
        table.AddVariableLengthColumn("COMPRESSED_DATA", tiles);
        var h = new Header();
        h.Set("ZIMAGE", true);
        if (withTiles)
        {
            h.Set("ZTILE1", Width);
            h.Set("ZTILE2", 1);
        }
        h.Set("ZCMPTYPE", "RICE_1");
        h.Set("ZNAME1", "BLOCKSIZE");
        h.Set("ZVAL1", 32);
        h.Set("ZNAME2", "BYTEPIX");
        h.Set("ZVAL2", 4);
        h.Set("ZTENSION", "IMAGE");
        h.Set("ZBITPIX", -32);
        h.Set("ZNAXIS", 2);
        h.Set("ZNAXIS1", Width);
        h.Set("ZNAXIS2", Height);
        h.Set("ZPCOUNT", 0);
        h.Set("ZGCOUNT", 1);
        h.Set("ZQUANTIZ", "NO_DITHER");
        h.Set("ZSCALE", Scale);
        h.Set("ZZERO", Zero);
        h.Set("ZBLANK", (long)TileDequantizer.NullValue);
        h.Set("ZHECKSUM", "9aAGC69AC69AC69A", "HDU checksum of the image");
        h.Set("ZDATASUM", "1234567", "data checksum of the image");
        h.Set("EXTNAME", "KEYWORDS");
        var path = tmp.File("keywords.fits.fz");
        using var w = FitsWriter.Create(path);
        w.WriteTable(table, h);
        w.Commit();
        return (path, all);
    }

    /// <summary>The convention's formula, computed in double and rounded once to float32.</summary>
    private static float[] Expected(int[] integers)
        => [.. integers.Select(i => i == TileDequantizer.NullValue ? float.NaN : (float)(i * Scale + Zero))];

    public class Read
    {
        [Fact]
        public void Given_quantisation_keywords_instead_of_columns_and_no_ZTILE_When_read_Then_values_follow_the_formula()
        {
            using var tmp = TestPaths.Temp();
            var (path, integers) = Write(tmp);
            using var f = FitsFile.Open(path);

            var image = f.Image("KEYWORDS");

            Assert.Equal([Width, 1], image.Compression!.TileAxes);
            Assert.Equal(QuantizationMethod.NoDither, image.Compression.Quantization);
            PixelAssert.SameFloats(Expected(integers), image.ReadFloat32(), "keyword-quantised image");
            Assert.Equal(integers.Count(i => i == TileDequantizer.NullValue), image.ReadFloat32().Count(float.IsNaN));
        }

        [SkippableFact]
        public void Given_quantisation_keywords_When_astropy_reads_the_same_file_Then_every_defined_pixel_agrees()
        {
            var py = ExternalTool.RequireAstropy();
            using var tmp = TestPaths.Temp();
            var (path, integers) = Write(tmp, withTiles: true);
            var (code, output) = ExternalTool.Run(py, $"-c \"import sys, numpy as np; from astropy.io import fits; d = fits.open(sys.argv[1])[1].data; np.asarray(d, '<f4').tofile(sys.argv[2])\" \"{path}\" \"{tmp.File("astropy.bin")}\"");
            Assert.True(code == 0, output);
            var bytes = File.ReadAllBytes(tmp.File("astropy.bin"));
            var theirs = new float[bytes.Length / 4];
            Buffer.BlockCopy(bytes, 0, theirs, 0, bytes.Length);
            using var f = FitsFile.Open(path);

            var ours = f.Image(1).ReadFloat32();

            var defined = Enumerable.Range(0, ours.Length).Where(i => integers[i] != TileDequantizer.NullValue).ToArray();
            Assert.Equal(defined.Select(i => theirs[i]), defined.Select(i => ours[i]));
        }

        [Fact]
        public void Given_ZHECKSUM_and_ZDATASUM_When_the_header_is_restored_Then_they_become_the_images_CHECKSUM_and_DATASUM()
        {
            using var tmp = TestPaths.Temp();
            using var f = FitsFile.Open(Write(tmp).Path);
            var image = f.Image(1);

            Assert.Equal("9aAGC69AC69AC69A", image.Header.GetString("CHECKSUM"));
            Assert.Equal("1234567", image.Header.GetString("DATASUM"));
            Assert.False(image.Header.Contains("ZSCALE"));
            Assert.False(image.Header.Contains("ZBLANK"));
            Assert.NotEqual("9aAGC69AC69AC69A", image.StoredHeader.GetString("CHECKSUM"));
            Assert.Equal(Checksums.ChecksumStatus.Valid, Checksums.ChecksumVerifier.Verify(image).Checksum);
        }
    }
}
