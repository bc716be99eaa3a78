namespace Parallax.Fits.Hdus;

/// <summary>Where an HDU's parts lie in the file.</summary>
/// <param name="Index">Zero-based HDU index.</param>
/// <param name="HeaderOffset">Byte offset of the first header block.</param>
/// <param name="DataOffset">Byte offset of the data unit.</param>
/// <param name="DataSize">Bytes of data, without padding.</param>
internal readonly record struct HduLayout(int Index, long HeaderOffset, long DataOffset, long DataSize)
{
    /// <summary>Data size rounded up to whole 2880-byte blocks.</summary>
    public long PaddedDataSize => (DataSize + 2879) / 2880 * 2880;

    /// <summary>Offset of the next HDU's header.</summary>
    public long NextOffset => DataOffset + PaddedDataSize;
}
