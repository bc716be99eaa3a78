namespace Parallax.Fits.Compression;

/// <summary>
/// Decodes the bit planes of one quadrant of H-transform coefficients. Each plane is either
/// written directly (4 pixels a nybble) or quadtree coded: a 4-bit code says which of the four
/// sub-quadrants hold a set bit, recursively, until 2 × 2 blocks of pixels.
/// </summary>
internal static class HCompressQuadtree
{
    /// <summary>
    /// ORs <paramref name="planes"/> bit planes (most significant first) into the quadrant of
    /// <paramref name="rows"/> × <paramref name="columns"/> coefficients that starts at
    /// <paramref name="target"/>[0] with rows <paramref name="stride"/> apart.
    /// </summary>
    public static void DecodeQuadrant(ref HCompressBitReader reader, Span<long> target, int stride, int rows, int columns, int planes, Span<byte> scratch)
    {
        if (planes == 0) return;
        if (rows <= 0 || columns <= 0)
            throw CorruptTile.Error("HCOMPRESS_1", $"{planes} bit planes given for an empty quadrant");
        var log2 = CeilingLog2(Math.Max(rows, columns));
        var codes = scratch[..(((rows + 1) / 2) * ((columns + 1) / 2))];
        for (var bit = planes - 1; bit >= 0; bit--)
        {
            var format = reader.Nybble();
            if (format == 0)
            {
                for (var i = 0; i < codes.Length; i++) codes[i] = (byte)reader.Nybble();
            }
            else if (format == 0xF)
            {
                codes[0] = (byte)reader.Huffman();
                int nx = 1, ny = 1, leftX = rows, leftY = columns, c = 1 << log2;
                for (var k = 1; k < log2; k++)
                {
                    // sizes grow as n[k-1] = (n[k] + 1) / 2 towards the quadrant's size
                    c >>= 1;
                    nx <<= 1;
                    ny <<= 1;
                    if (leftX <= c) nx--; else leftX -= c;
                    if (leftY <= c) ny--; else leftY -= c;
                    Expand(ref reader, codes, nx, ny);
                }
            }
            else
            {
                throw CorruptTile.Error("HCOMPRESS_1", $"bit-plane format code {format} is neither 0 (direct) nor 15 (quadtree)");
            }
            InsertPlane(codes, rows, columns, target, stride, 1L << bit);
        }
    }

    /// <summary>log2 of n rounded up (0 for n = 1).</summary>
    public static int CeilingLog2(int n) => n <= 1 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)(n - 1));

    /// <summary>
    /// One quadtree step: the codes of a ((nx+1)/2) × ((ny+1)/2) array become one bit per pixel
    /// of an nx × ny array (in place), then every set pixel reads its own 4-bit code.
    /// </summary>
    private static void Expand(ref HCompressBitReader reader, Span<byte> codes, int nx, int ny)
    {
        int nx2 = (nx + 1) / 2, ny2 = (ny + 1) / 2;
        // spread the codes to the even positions, from the end so the source is not overwritten
        var k = ny2 * nx2 - 1;
        for (var i = nx2 - 1; i >= 0; i--)
        {
            var s00 = 2 * (ny * i + ny2 - 1);
            for (var j = ny2 - 1; j >= 0; j--, k--, s00 -= 2) codes[s00] = codes[k];
        }
        int row;
        for (row = 0; row < nx - 1; row += 2)
        {
            int s00 = ny * row, s10 = s00 + ny, j;
            for (j = 0; j < ny - 1; j += 2, s00 += 2, s10 += 2)
            {
                var v = codes[s00];
                codes[s10 + 1] = (byte)(v & 1);
                codes[s10] = (byte)((v >> 1) & 1);
                codes[s00 + 1] = (byte)((v >> 2) & 1);
                codes[s00] = (byte)((v >> 3) & 1);
            }
            if (j < ny)
            {
                var v = codes[s00];
                codes[s10] = (byte)((v >> 1) & 1);
                codes[s00] = (byte)((v >> 3) & 1);
            }
        }
        if (row < nx)
        {
            int s00 = ny * row, j;
            for (j = 0; j < ny - 1; j += 2, s00 += 2)
            {
                var v = codes[s00];
                codes[s00 + 1] = (byte)((v >> 2) & 1);
                codes[s00] = (byte)((v >> 3) & 1);
            }
            if (j < ny) codes[s00] = (byte)((codes[s00] >> 3) & 1);
        }
        // the order of reading (last pixel first) is part of the format
        for (var i = nx * ny - 1; i >= 0; i--)
            if (codes[i] != 0) codes[i] = (byte)reader.Huffman();
    }

    /// <summary>Expands each 4-bit code to its 2 × 2 pixels and sets <paramref name="planeValue"/> where the bit is 1.</summary>
    private static void InsertPlane(ReadOnlySpan<byte> codes, int nx, int ny, Span<long> target, int stride, long planeValue)
    {
        var k = 0;
        int row;
        for (row = 0; row < nx - 1; row += 2)
        {
            int s00 = stride * row, j;
            for (j = 0; j < ny - 1; j += 2, s00 += 2, k++)
            {
                var v = codes[k];
                if ((v & 8) != 0) target[s00] |= planeValue;
                if ((v & 4) != 0) target[s00 + 1] |= planeValue;
                if ((v & 2) != 0) target[s00 + stride] |= planeValue;
                if ((v & 1) != 0) target[s00 + stride + 1] |= planeValue;
            }
            if (j < ny)
            {
                var v = codes[k++];
                if ((v & 8) != 0) target[s00] |= planeValue;
                if ((v & 2) != 0) target[s00 + stride] |= planeValue;
            }
        }
        if (row < nx)
        {
            int s00 = stride * row, j;
            for (j = 0; j < ny - 1; j += 2, s00 += 2, k++)
            {
                var v = codes[k];
                if ((v & 8) != 0) target[s00] |= planeValue;
                if ((v & 4) != 0) target[s00 + 1] |= planeValue;
            }
            if (j < ny && (codes[k] & 8) != 0) target[s00] |= planeValue;
        }
    }
}
