namespace Parallax.Fits.Compression;

/// <summary>
/// The constants of Rice coding for one pixel width (BYTEPIX): how many bits carry the block's
/// split level (FSBITS), the largest split level before a block is stored raw (FSMAX), and the
/// width of a raw difference (BBITS). These are the values of CFITSIO's ricecomp.c, which the
/// convention defines the bitstream by.
/// </summary>
internal interface IRiceWidth
{
    /// <summary>Bits of the per-block code (split level + 1).</summary>
    static abstract int FsBits { get; }

    /// <summary>Split level that marks a high-entropy block of raw differences.</summary>
    static abstract int FsMax { get; }

    /// <summary>Bits of one pixel (8 × BYTEPIX).</summary>
    static abstract int BBits { get; }

    /// <summary>
    /// The split level CFITSIO's encoder derives from a block's mean mapped difference; the
    /// truncation to the pixel width (unsigned char/short/int in C) is part of the bitstream.
    /// </summary>
    static abstract uint HalfMean(double meanDifference);

    /// <summary>Wraps a pixel difference to the pixel width and sign-extends it, as the C encoder's narrow <c>pdiff</c> does.</summary>
    static abstract int Narrow(int difference);
}

/// <summary>BYTEPIX = 1 (BITPIX 8 images).</summary>
internal readonly struct RiceWidth8 : IRiceWidth
{
    public static int FsBits => 3;
    public static int FsMax => 6;
    public static int BBits => 8;
    public static uint HalfMean(double meanDifference) => (uint)(byte)meanDifference >> 1;
    public static int Narrow(int difference) => (sbyte)difference;
}

/// <summary>BYTEPIX = 2 (BITPIX 16 images).</summary>
internal readonly struct RiceWidth16 : IRiceWidth
{
    public static int FsBits => 4;
    public static int FsMax => 14;
    public static int BBits => 16;
    public static uint HalfMean(double meanDifference) => (uint)(ushort)meanDifference >> 1;
    public static int Narrow(int difference) => (short)difference;
}

/// <summary>BYTEPIX = 4 (BITPIX 32 images and quantised floats).</summary>
internal readonly struct RiceWidth32 : IRiceWidth
{
    public static int FsBits => 5;
    public static int FsMax => 25;
    public static int BBits => 32;
    public static uint HalfMean(double meanDifference) => (uint)meanDifference >> 1;
    public static int Narrow(int difference) => difference;
}
