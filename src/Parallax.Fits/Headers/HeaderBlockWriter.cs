using System.Text;

namespace Parallax.Fits.Headers;

/// <summary>Writes a header as card images, then END, padded with spaces to a whole 2880-byte block.</summary>
internal static class HeaderBlockWriter
{
    /// <summary>Encodes the header into bytes (a multiple of 2880).</summary>
    public static byte[] Encode(Header header)
    {
        var sb = new StringBuilder((header.Count + 1) * 80);
        foreach (var card in header)
        {
            foreach (var image in HeaderCardFormatter.Format(card))
            {
                if (image.Length != 80) throw new InvalidOperationException($"card image for {card.Keyword} is {image.Length} characters, not 80");
                sb.Append(image);
            }
        }
        sb.Append("END".PadRight(80));
        var padded = (sb.Length + HeaderBlockReader.BlockSize - 1) / HeaderBlockReader.BlockSize * HeaderBlockReader.BlockSize;
        sb.Append(' ', padded - sb.Length);
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    /// <summary>Writes the encoded header to a stream.</summary>
    public static void Write(Header header, Stream stream) => stream.Write(Encode(header));
}
