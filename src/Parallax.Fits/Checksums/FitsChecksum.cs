using System.Text;

namespace Parallax.Fits.Checksums;

/// <summary>
/// The FITS CHECKSUM / DATASUM convention: DATASUM is the ones'-complement sum of the data unit
/// (decimal string); CHECKSUM is 16 ASCII characters chosen so the whole HDU sums to negative zero.
/// </summary>
public static class FitsChecksum
{
    /// <summary>The CHECKSUM value written before the real one is known (sums as zero).</summary>
    public const string Placeholder = "0000000000000000";

    /// <summary>The ones'-complement sum of some bytes.</summary>
    public static uint Sum(ReadOnlySpan<byte> bytes)
    {
        var s = new OnesComplementSum();
        s.Add(bytes);
        return s.Value;
    }

    /// <summary>Encodes a 32-bit sum as the 16-character ASCII string of the convention (complemented, as CHECKSUM needs).</summary>
    public static string Encode(uint sum, bool complement = true)
    {
        ReadOnlySpan<byte> exclude = [0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f, 0x40, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f, 0x60];
        var value = complement ? ~sum : sum;
        Span<byte> asc = stackalloc byte[16];
        Span<int> ch = stackalloc int[4];
        for (var i = 0; i < 4; i++)
        {
            var b = (int)((value >> (24 - 8 * i)) & 0xFF);
            var quotient = b / 4 + 0x30;
            var remainder = b % 4;
            ch.Fill(quotient);
            ch[0] += remainder;
            bool again;
            do
            {
                again = false;
                foreach (var k in exclude)
                {
                    for (var j = 0; j < 4; j += 2)
                    {
                        if (ch[j] == k || ch[j + 1] == k)
                        {
                            ch[j]++;
                            ch[j + 1]--;
                            again = true;
                        }
                    }
                }
            }
            while (again);
            for (var j = 0; j < 4; j++) asc[4 * j + i] = (byte)ch[j];
        }
        // The convention rotates the string one place to the right.
        var result = new byte[16];
        for (var i = 0; i < 16; i++) result[i] = asc[(i + 15) % 16];
        return Encoding.ASCII.GetString(result);
    }
}
