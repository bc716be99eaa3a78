using System.Buffers;
using Parallax.Fits.Compression;
using Parallax.Fits.Hdus;
using Parallax.Fits.Headers;
using Parallax.Fits.Images;

namespace Parallax.Fits;

/// <summary>Copying HDUs from an open file: images value for value (compressing or decompressing), others byte for byte.</summary>
public sealed partial class FitsWriter
{
    /// <summary>
    /// Copies an image with its stored values unchanged: same BITPIX, BSCALE, BZERO and BLANK, every pixel bit for bit
    /// (for a compressed source, the values funpack would write). With <paramref name="compression"/> the copy is
    /// tile-compressed (as fpack does; the image then goes into an extension, after an empty primary when needed);
    /// without it, it is written plain, as the primary when nothing has been written yet (as funpack does).
    /// </summary>
    /// <param name="image">The image to copy (plain or tile-compressed).</param>
    /// <param name="header">The cards to write; null for the image's own header. Structural keywords in it are replaced.</param>
    /// <param name="compression">Tile compression for the copy, or null to write it uncompressed.</param>
    /// <exception cref="FitsFormatException">The source cannot be read.</exception>
    /// <exception cref="ArgumentException">Compression asked for an image without pixels, or RICE_1 for float data.</exception>
    public void CopyImage(ImageHdu image, Header? header = null, TileCompressionOptions? compression = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        header ??= image.Header;
        var bpp = Math.Abs(image.Bitpix) / 8;
        if (compression is not null)
        {
            CompressedImageWriter.Choose(image.Bitpix, compression);
            WriteCompressed(StoredBigEndian(image), image.Bitpix, image.Axes, image.Scaling, header, compression);
            return;
        }
        var structure = ImageStructure(image.Bitpix, image.Axes);
        foreach (var card in ImageScalingCards.For(image.Scaling)) structure.Add(card);
        if (!image.HasData)
        {
            WriteHdu(structure, header, 0, _ => { });
            return;
        }
        var size = image.PixelCount * bpp;
        if (image.Compression is not null)
        {
            var bytes = StoredBigEndian(image);
            WriteHdu(structure, header, size, sink => sink.Write(bytes));
            return;
        }
        WriteHdu(structure, header, size, sink => CopyDataUnit(image, size, sink));
    }

    /// <summary>
    /// Copies an HDU as it is stored: its header as in the file (<see cref="Hdu.StoredHeader"/>, structural keywords
    /// included) and its data unit byte for byte, with CHECKSUM and DATASUM recomputed. For extensions of any type
    /// (binary and ASCII tables, compressed images kept compressed, foreign types); an empty primary is written first
    /// when nothing has been written yet. A primary HDU can be copied only as the first HDU of the new file.
    /// </summary>
    /// <exception cref="ArgumentException">A primary HDU when the next HDU written is an extension.</exception>
    /// <exception cref="FitsFormatException">The source's data unit is truncated or the file is closed.</exception>
    public void CopyHdu(Hdu hdu)
    {
        ArgumentNullException.ThrowIfNull(hdu);
        var stored = hdu.StoredHeader;
        var isPrimary = stored.Count > 0 && stored[0].Keyword == "SIMPLE";
        if (isPrimary && !NextIsPrimary)
            throw new ArgumentException($"{hdu.Location} is a primary HDU and can be copied only as the first HDU of a file; copy its image with CopyImage", nameof(hdu));
        if (!isPrimary && NextIsPrimary) WriteEmpty();
        var structure = stored.Clone();
        structure.Remove("CHECKSUM");
        structure.Remove("DATASUM");
        // An ASCII table's data unit is padded with blanks, every other with zeros.
        var padding = stored.GetString("XTENSION", null)?.Trim() == "TABLE" ? (byte)' ' : (byte)0;
        WriteHdu(structure, null, hdu.DataSize, sink => CopyDataUnit(hdu, hdu.DataSize, sink), padding: padding);
    }

    private static void CopyDataUnit(Hdu hdu, long size, DataSink sink)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(1 << 20, Math.Max(1, size)));
        try
        {
            for (long done = 0; done < size; done += buffer.Length)
            {
                var n = (int)Math.Min(buffer.Length, size - done);
                hdu.ReadDataBytes(done, buffer.AsSpan(0, n));
                sink.Write(buffer.AsSpan(0, n));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The image's stored values, big-endian: the data unit as it is, or a compressed image's decoded values.</summary>
    private static byte[] StoredBigEndian(ImageHdu image)
    {
        if (image.Compression is not null) return ToBigEndian(image.ReadRaw());
        var bytes = GC.AllocateUninitializedArray<byte>((int)CheckedBytes(image.PixelCount, Math.Abs(image.Bitpix) / 8));
        image.ReadDataBytes(0, bytes);
        return bytes;
    }
}
