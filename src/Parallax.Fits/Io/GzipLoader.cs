using System.IO.Compression;

namespace Parallax.Fits.Io;

/// <summary>Expands a gzip-compressed FITS file into memory, refusing to grow past a limit (gzip bombs).</summary>
internal static class GzipLoader
{
    /// <summary>True when the bytes start with the gzip magic number 1F 8B.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B;

    /// <summary>Decompresses a whole gzip stream (all members) into a byte array.</summary>
    /// <exception cref="FitsFormatException">Corrupt gzip data, or expansion past <paramref name="maxBytes"/>.</exception>
    public static byte[] Expand(Stream compressed, long maxBytes, string? fileName)
    {
        try
        {
            using var gz = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
            using var ms = new MemoryStream(capacity: (int)Math.Min(Math.Max(compressed.Length * 3, 1 << 16), 1 << 30));
            var buffer = new byte[1 << 20];
            int n;
            while ((n = gz.Read(buffer)) > 0)
            {
                if (ms.Length + n > maxBytes)
                    throw new FitsFormatException($"gzip data expands past the {maxBytes:N0}-byte limit (FitsReadOptions.MaxDecompressedBytes)", fileName);
                ms.Write(buffer, 0, n);
            }
            return ms.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new FitsFormatException($"gzip data is corrupt: {e.Message}", fileName, inner: e);
        }
    }
}
