using Parallax.Fits.Hdus;
using Parallax.Fits.Headers;

namespace Parallax.Fits.Checksums;

/// <summary>Checks an HDU's CHECKSUM and DATASUM against its bytes as they are in the file.</summary>
public static class ChecksumVerifier
{
    /// <summary>The result for one HDU.</summary>
    /// <param name="Checksum">Status of CHECKSUM (whole HDU sums to negative zero).</param>
    /// <param name="Datasum">Status of DATASUM (data-unit sum equals the keyword).</param>
    /// <param name="ComputedDatasum">The data-unit sum as computed.</param>
    public readonly record struct Result(ChecksumStatus Checksum, ChecksumStatus Datasum, uint ComputedDatasum);

    /// <summary>Reads the HDU's header and data bytes back from the file and checks both keywords.</summary>
    /// <exception cref="FitsFormatException">The data unit is truncated.</exception>
    public static Result Verify(Hdu hdu)
    {
        var dataSum = new OnesComplementSum();
        var buffer = new byte[1 << 20];
        var padded = hdu.Layout.PaddedDataSize;
        for (long done = 0; done < padded; done += buffer.Length)
        {
            var n = (int)Math.Min(buffer.Length, padded - done);
            var span = buffer.AsSpan(0, n);
            var fromData = (int)Math.Clamp(hdu.DataSize - done, 0, n);
            if (fromData > 0) hdu.ReadDataBytes(done, span[..fromData]);
            // Padding past the data is zeros in a valid file; read it as the file has it when present.
            span[fromData..].Clear();
            if (fromData < n && hdu.Source is { } src) src.TryReadExactly(hdu.DataOffset + done + fromData, span[fromData..]);
            dataSum.Add(span);
        }
        var headerBytes = new byte[hdu.DataOffset - hdu.HeaderOffset];
        hdu.Source!.TryReadExactly(hdu.HeaderOffset, headerBytes);
        var total = OnesComplementSum.Combine(FitsChecksum.Sum(headerBytes), dataSum.Value);

        // The stored header: a compressed image's restored header carries ZHECKSUM/ZDATASUM as CHECKSUM/DATASUM.
        var header = hdu.StoredHeader;
        var checksum = header.Contains("CHECKSUM") ? (total == 0xFFFF_FFFF ? ChecksumStatus.Valid : ChecksumStatus.Invalid) : ChecksumStatus.Absent;
        var datasum = ChecksumStatus.Absent;
        if (header.FindCard("DATASUM") is { } card)
        {
            var text = card.Kind == HeaderValueKind.String ? ((string)card.Value!).Trim() : card.ValueText;
            datasum = ulong.TryParse(text, out var expected) && expected == dataSum.Value ? ChecksumStatus.Valid : ChecksumStatus.Invalid;
        }
        return new Result(checksum, datasum, dataSum.Value);
    }
}
