namespace Parallax.Fits;

/// <summary>Options for writing FITS files.</summary>
public sealed record FitsWriteOptions
{
    /// <summary>The defaults: checksums on, overwrite allowed.</summary>
    public static FitsWriteOptions Default { get; } = new();

    /// <summary>Write CHECKSUM and DATASUM in every HDU. Default true.</summary>
    public bool WriteChecksums { get; init; } = true;

    /// <summary>Replace an existing file at the destination. Default true (the replacement is atomic).</summary>
    public bool Overwrite { get; init; } = true;
}
