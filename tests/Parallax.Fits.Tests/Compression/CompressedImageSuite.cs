using Parallax.Fits.Compression;
using Parallax.Fits.Headers;
using Parallax.Fits.Images;
using Parallax.Fits.Tests.Support;

namespace Parallax.Fits.Tests.Compression;

/// <summary>
/// A file of tile-compressed images of every kind the writer produces (each pixel type, row and
/// 2-D/3-D tiles, RICE_1, GZIP_1, GZIP_2, awkward values) and, beside it, the same images written
/// plain, so peers can compare the two HDU by HDU.
/// </summary>
internal static class CompressedImageSuite
{
    /// <summary>One image of the suite: its EXTNAME and how it is written, plain and compressed.</summary>
    public sealed record Case(string Name, Action<FitsWriter, Header> WritePlain, Action<FitsWriter, Header> WriteCompressed, string ExpectedAlgorithm, int[] ExpectedTiles);

    public static IReadOnlyList<Case> Cases()
    {
        var rng = new Random(1125);
        const int w = 40, h = 30;
        int[] axes = [w, h];
        int[] rows = [w, 1];

        var i16 = new short[w * h];
        for (var i = 0; i < i16.Length; i++) i16[i] = (short)(1000 + rng.Next(-300, 300));
        i16[0] = short.MinValue;
        i16[1] = short.MaxValue;
        var u16 = new ushort[w * h];
        for (var i = 0; i < u16.Length; i++) u16[i] = (ushort)(30000 + rng.Next(-2000, 2000));
        u16[0] = 0;
        u16[1] = ushort.MaxValue;
        var i32 = new int[w * h];
        for (var i = 0; i < i32.Length; i++) i32[i] = rng.Next(-100000, 100000) * (i % 7 == 0 ? 1000 : 1);
        i32[0] = int.MinValue;
        i32[1] = int.MaxValue;
        var u32 = new uint[w * h];
        for (var i = 0; i < u32.Length; i++) u32[i] = (uint)rng.NextInt64(0, uint.MaxValue + 1L);
        var u8 = new byte[w * h];
        for (var i = 0; i < u8.Length; i++) u8[i] = (byte)(i % 17 == 0 ? 255 : rng.Next(0, 40));
        var f32 = new float[w * h];
        for (var i = 0; i < f32.Length; i++) f32[i] = (float)(rng.NextDouble() * 2000 - 500);
        f32[3] = float.NaN;
        f32[4] = float.PositiveInfinity;
        f32[5] = float.NegativeInfinity;
        f32[6] = -0.0f;
        f32[7] = float.Epsilon;
        f32[8] = float.MaxValue;
        var f64 = new double[w * h];
        for (var i = 0; i < f64.Length; i++) f64[i] = rng.NextDouble() * 1e10 - 3e9;
        f64[2] = double.NaN;
        const int cw = 20, ch = 15, cd = 4;
        var cube = new short[cw * ch * cd];
        for (var i = 0; i < cube.Length; i++) cube[i] = (short)(i % 301 - 150 + rng.Next(-3, 4));
        var hyper = new short[10 * 8 * 3 * 2];
        for (var i = 0; i < hyper.Length; i++) hyper[i] = (short)(i * 37 % 2001 - 1000);
        var line = new ushort[257];
        for (var i = 0; i < line.Length; i++) line[i] = (ushort)(i * 255);
        var blanked = new float[w * h];
        for (var i = 0; i < blanked.Length; i++) blanked[i] = i % 13 == 0 ? float.NaN : 20000 + i;

        TileCompressionOptions Tiles(params int[] t) => new() { TileAxes = t };
        var gzip1 = new TileCompressionOptions { Algorithm = CompressionAlgorithm.Gzip1 };
        var gzip2 = new TileCompressionOptions { Algorithm = CompressionAlgorithm.Gzip2 };
        return
        [
            new("I16", (f, hd) => f.WriteNativeImage<short>(i16, axes, hd), (f, hd) => f.WriteCompressedNativeImage<short>(i16, axes, hd), "RICE_1", rows),
            new("U16", (f, hd) => f.WriteNativeImage<ushort>(u16, axes, hd), (f, hd) => f.WriteCompressedNativeImage<ushort>(u16, axes, hd), "RICE_1", rows),
            new("I32", (f, hd) => f.WriteNativeImage<int>(i32, axes, hd), (f, hd) => f.WriteCompressedNativeImage<int>(i32, axes, hd), "RICE_1", rows),
            new("U32", (f, hd) => f.WriteNativeImage<uint>(u32, axes, hd), (f, hd) => f.WriteCompressedNativeImage<uint>(u32, axes, hd), "RICE_1", rows),
            new("U8", (f, hd) => f.WriteNativeImage<byte>(u8, axes, hd), (f, hd) => f.WriteCompressedNativeImage<byte>(u8, axes, hd), "RICE_1", rows),
            new("F32", (f, hd) => f.WriteNativeImage<float>(f32, axes, hd), (f, hd) => f.WriteCompressedNativeImage<float>(f32, axes, hd), "GZIP_2", rows),
            new("F64", (f, hd) => f.WriteNativeImage<double>(f64, axes, hd), (f, hd) => f.WriteCompressedNativeImage<double>(f64, axes, hd), "GZIP_2", rows),
            new("TILED", (f, hd) => f.WriteNativeImage<ushort>(u16, axes, hd), (f, hd) => f.WriteCompressedNativeImage<ushort>(u16, axes, hd, Tiles(16, 12)), "RICE_1", [16, 12]),
            new("CUBE", (f, hd) => f.WriteNativeImage<short>(cube, [cw, ch, cd], hd), (f, hd) => f.WriteCompressedNativeImage<short>(cube, [cw, ch, cd], hd, Tiles(8, 8, 3)), "RICE_1", [8, 8, 3]),
            new("HYPER", (f, hd) => f.WriteNativeImage<short>(hyper, [10, 8, 3, 2], hd), (f, hd) => f.WriteCompressedNativeImage<short>(hyper, [10, 8, 3, 2], hd, Tiles(4, 3, 2, 1)), "RICE_1", [4, 3, 2, 1]),
            new("LINE", (f, hd) => f.WriteNativeImage<ushort>(line, [line.Length], hd), (f, hd) => f.WriteCompressedNativeImage<ushort>(line, [line.Length], hd, Tiles(100)), "RICE_1", [100]),
            new("GZIP1", (f, hd) => f.WriteNativeImage<int>(i32, axes, hd), (f, hd) => f.WriteCompressedNativeImage<int>(i32, axes, hd, gzip1), "GZIP_1", rows),
            new("GZIP2I", (f, hd) => f.WriteNativeImage<short>(i16, axes, hd), (f, hd) => f.WriteCompressedNativeImage<short>(i16, axes, hd, gzip2), "GZIP_2", rows),
            new("BLANKED", (f, hd) => f.WriteImage(blanked, axes, hd, ImageEncoding.UInt16), (f, hd) => f.WriteCompressedImage(blanked, axes, hd, ImageEncoding.UInt16), "RICE_1", rows),
            new("FLOATS", (f, hd) => f.WriteImage(f32, axes, hd), (f, hd) => f.WriteCompressedImage(f32, axes, hd), "GZIP_2", rows),
        ];
    }

    /// <summary>Writes the suite twice: compressed (<c>suite.fits.fz</c>) and plain (<c>suite.fits</c>); returns both paths.</summary>
    public static (string Compressed, string Plain) Write(TempFolder tmp)
    {
        var compressed = tmp.File("suite.fits.fz");
        var plain = tmp.File("suite.fits");
        var primary = new Header();
        primary.Set("ORIGIN", "compression suite");
        using (var c = FitsWriter.Create(compressed))
        using (var p = FitsWriter.Create(plain))
        {
            c.WriteEmpty(primary);
            p.WriteEmpty(primary);
            foreach (var @case in Cases())
            {
                var header = new Header();
                header.Set("EXTNAME", @case.Name);
                header.Set("OBSERVER", "O'Brien", "quotes survive");
                header.AddHistory("written by the compression suite");
                @case.WriteCompressed(c, header);
                @case.WritePlain(p, header);
            }
            c.Commit();
            p.Commit();
        }
        return (compressed, plain);
    }
}
