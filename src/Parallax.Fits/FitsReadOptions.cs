namespace Parallax.Fits;

/// <summary>Options for opening a FITS file.</summary>
public sealed record FitsReadOptions
{
    /// <summary>The default options: warn on fixable problems, 4 GiB gunzip limit.</summary>
    public static FitsReadOptions Default { get; } = new();

    /// <summary>How to treat standard violations that can be read around. Default: <see cref="VerifyMode.Warn"/>.</summary>
    public VerifyMode Verify { get; init; } = VerifyMode.Warn;

    /// <summary>
    /// Largest size in bytes a gzip-compressed file may expand to, and a tile-compressed image when it is read
    /// whole (or one of its tiles), so a lying header or a compression bomb cannot exhaust memory. Default 4 GiB.
    /// </summary>
    public long MaxDecompressedBytes { get; init; } = 4L << 30;

    /// <summary>Largest number of header cards one HDU may have before the file is judged corrupt. Default 1,000,000.</summary>
    public int MaxHeaderCards { get; init; } = 1_000_000;

    /// <summary>Whether to verify CHECKSUM/DATASUM while opening (slower: reads every byte). Default false.</summary>
    public bool VerifyChecksums { get; init; }
}
