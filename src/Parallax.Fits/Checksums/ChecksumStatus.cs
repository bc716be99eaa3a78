namespace Parallax.Fits.Checksums;

/// <summary>The outcome of checking one of CHECKSUM or DATASUM.</summary>
public enum ChecksumStatus
{
    /// <summary>The keyword is absent: nothing to check.</summary>
    Absent,

    /// <summary>The keyword is present and matches.</summary>
    Valid,

    /// <summary>The keyword is present and does not match: the HDU changed since it was written.</summary>
    Invalid,
}
