using System.Text;
using Parallax.Fits.Io;

namespace Parallax.Fits.Headers;

/// <summary>
/// Reads a header from 2880-byte blocks up to its END card, joins CONTINUE long strings, and
/// applies the verify mode to cards that break the standard.
/// </summary>
internal static class HeaderBlockReader
{
    public const int BlockSize = 2880;
    private const int CardsPerBlock = BlockSize / 80;

    /// <summary>Reads one header starting at <paramref name="offset"/>; <paramref name="dataOffset"/> is where its data unit starts.</summary>
    /// <returns>The header, or null when the source has no further HDU.</returns>
    /// <exception cref="FitsFormatException">Truncated header, no END card within the card limit, bad bytes in Exception mode.</exception>
    public static Header? Read(FitsSource source, long offset, FitsLocation location, FitsReadOptions options, ICollection<string> warnings, out long dataOffset)
    {
        var block = new byte[BlockSize];
        var images = new List<string>(CardsPerBlock * 2);
        var first = true;
        dataOffset = offset;
        while (true)
        {
            var got = ReadBlock(source, dataOffset, block);
            dataOffset += got;
            if (got == 0 && first) return null;
            if (first && location.HduIndex == 0 && got > 0 && !StartsWithSimple(block.AsSpan(0, got)))
                throw FitsFormatException.At(location, "not a FITS file: it does not start with the card SIMPLE = T");
            if (got < BlockSize)
            {
                if (first && IsAllPadding(block.AsSpan(0, got))) return null;
                throw FitsFormatException.At(location, $"header is truncated: the file ends {got} bytes into a 2880-byte block before the END card");
            }
            if (first && !LooksLikeCard(block))
            {
                // Trailing bytes after the last HDU that are not a header: astropy warns and ignores them.
                if (IsAllPadding(block)) return null;
                if (location.HduIndex > 0)
                {
                    warnings.Add($"{location.FileName ?? "<stream>"}: {source.Length - offset} bytes after the last HDU are not a FITS header; ignored");
                    return null;
                }
                throw FitsFormatException.At(location, "not a FITS file: the first card is not SIMPLE = T");
            }
            first = false;
            for (var c = 0; c < CardsPerBlock; c++)
            {
                var span = block.AsSpan(c * 80, 80);
                var image = DecodeCard(span, location, images.Count + 1, options, warnings);
                if (image.StartsWith("END", StringComparison.Ordinal) && image.AsSpan(3).IsWhiteSpace())
                    return Assemble(images, location, options, warnings);
                images.Add(image);
            }
            if (images.Count > options.MaxHeaderCards)
                throw FitsFormatException.At(location, $"no END card within {options.MaxHeaderCards} cards: the header is corrupt");
        }
    }

    private static int ReadBlock(FitsSource source, long offset, byte[] block)
    {
        var done = 0;
        while (done < BlockSize)
        {
            var n = source.Read(offset + done, block.AsSpan(done));
            if (n <= 0) break;
            done += n;
        }
        return done;
    }

    private static bool StartsWithSimple(ReadOnlySpan<byte> bytes) => bytes.StartsWith("SIMPLE  ="u8);

    private static bool IsAllPadding(ReadOnlySpan<byte> bytes) => !bytes.ContainsAnyExcept((byte)0) || !bytes.ContainsAnyExcept((byte)' ');

    private static bool LooksLikeCard(ReadOnlySpan<byte> block)
    {
        // Keyword field: printable ASCII.
        for (var i = 0; i < 8; i++) if (block[i] < 32 || block[i] > 126) return false;
        return true;
    }

    private static string DecodeCard(ReadOnlySpan<byte> span, FitsLocation location, int cardNumber, FitsReadOptions options, ICollection<string> warnings)
    {
        var idx = span.IndexOfAnyExceptInRange((byte)32, (byte)126);
        if (idx < 0) return Encoding.ASCII.GetString(span);
        var reason = $"byte 0x{span[idx]:X2} at column {idx + 1} is not printable ASCII";
        if (options.Verify == VerifyMode.Exception) throw FitsFormatException.At(location, reason, cardNumber: cardNumber);
        warnings.Add($"{location} card {cardNumber}: {reason}; replaced with '?'");
        var chars = new char[80];
        for (var i = 0; i < 80; i++) chars[i] = span[i] is >= 32 and <= 126 ? (char)span[i] : '?';
        return new string(chars);
    }

    private static Header Assemble(List<string> images, FitsLocation location, FitsReadOptions options, ICollection<string> warnings)
    {
        var header = new Header { Location = location };
        for (var i = 0; i < images.Count; i++)
        {
            var p = HeaderCardParser.Parse(images[i]);
            if (p.Problem is not null)
            {
                if (options.Verify == VerifyMode.Exception)
                    throw FitsFormatException.At(location, p.Problem, p.Keyword.Length > 0 ? p.Keyword : null, i + 1);
                warnings.Add($"{location} card {i + 1} ({p.Keyword}): {p.Problem}{(options.Verify == VerifyMode.Fix ? "; fixed" : "; kept as read")}");
            }
            var cardImages = new List<string> { images[i] };
            var kind = p.Kind;
            var value = p.Value;
            var comment = p.Comment;
            // A string ending in '&' continues on following CONTINUE cards (FITS 4.0 section 4.2.1.2).
            if (kind == HeaderValueKind.String && !p.IsHierarch)
            {
                var text = (string)value!;
                while (text.EndsWith('&') && i + 1 < images.Count && images[i + 1].StartsWith("CONTINUE", StringComparison.Ordinal))
                {
                    var next = HeaderCardParser.Parse(images[i + 1]);
                    if (next.Kind != HeaderValueKind.String) break;
                    text = text[..^1] + (string)next.Value!;
                    comment = next.Comment is { Length: > 0 } c ? (comment is { Length: > 0 } ? comment + " " + c : c) : comment;
                    cardImages.Add(images[++i]);
                }
                value = text;
            }
            var keyword = p.Keyword;
            var fixedImages = cardImages.ToArray();
            if (p.Problem is not null && options.Verify == VerifyMode.Fix)
            {
                keyword = FixKeyword(keyword);
                fixedImages = null!;
                if (kind == HeaderValueKind.Invalid) kind = HeaderValueKind.String;
            }
            header.Add(new HeaderCard(keyword, kind, value, comment, p.IsHierarch, p.RawValue, fixedImages));
        }
        return header;
    }

    private static string FixKeyword(string keyword)
    {
        var sb = new StringBuilder(keyword.Length);
        foreach (var ch in keyword.ToUpperInvariant()) sb.Append(HeaderCard.IsKeywordChar(ch) ? ch : '_');
        return sb.ToString();
    }
}
