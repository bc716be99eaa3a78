namespace Parallax.Fits.Compression;

/// <summary>
/// The per-algorithm parameters of a compressed image (ZNAMEn/ZVALn): Rice's BLOCKSIZE and
/// BYTEPIX, HCOMPRESS's SMOOTH. Defaults are the convention's.
/// </summary>
/// <param name="BlockSize">RICE_1 pixels per block (BLOCKSIZE, default 32).</param>
/// <param name="BytePix">RICE_1 bytes per pixel (BYTEPIX, default 4).</param>
/// <param name="Smooth">HCOMPRESS_1 smoothing on decode (SMOOTH, default off).</param>
internal readonly record struct TileCodecParameters(int BlockSize = RiceCodec.DefaultBlockSize, int BytePix = RiceCodec.DefaultBytePix, bool Smooth = false)
{
    /// <summary>The convention's defaults. Use this rather than <c>default</c>, which has a block size of 0.</summary>
    public static TileCodecParameters Default => new(RiceCodec.DefaultBlockSize, RiceCodec.DefaultBytePix, false);
}
