namespace Parallax.Fits;

/// <summary>Options for writing FITS files.</summary>
public sealed record FitsWriteOptions
{
    /// <summary>The defaults: checksums on, overwrite allowed.</summary>
    public static FitsWriteOptions Default { get; } = new();

    /// <summary>Write CHECKSUM and DATASUM in every HDU. Default true.</summary>
    public bool WriteChecksums { get; init; } = true;

    /// <summary>
    /// Flush the file to the disk (fsync) before the rename that publishes it. The rename is atomic
    /// either way: a killed process never leaves a partial file. Durability also survives a power
    /// cut, at the cost of waiting for the disk. Default false, as astropy and CFITSIO do.
    /// </summary>
    public bool Durable { get; init; }

    /// <summary>Replace an existing file at the destination. Default true (the replacement is atomic).</summary>
    public bool Overwrite { get; init; } = true;
}
