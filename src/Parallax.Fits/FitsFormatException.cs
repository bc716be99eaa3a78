namespace Parallax.Fits;

/// <summary>
/// The one exception the FITS layer throws for bad input: a truncated or corrupt file, a card
/// that breaks the standard, a keyword that is missing or of the wrong type. The message is a
/// single line naming the file, the HDU index, the card number or keyword, and the reason.
/// </summary>
public class FitsFormatException : Exception
{
    /// <summary>Creates the exception from its parts; <see cref="Exception.Message"/> joins them into one line.</summary>
    /// <param name="reason">What is wrong, in words a user understands.</param>
    /// <param name="fileName">The file being read, or null when reading a stream.</param>
    /// <param name="hduIndex">Zero-based HDU index (0 = primary), or null when not known.</param>
    /// <param name="cardNumber">One-based card number within the HDU's header, or null.</param>
    /// <param name="keyword">The keyword concerned, or null.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public FitsFormatException(string reason, string? fileName = null, int? hduIndex = null,
        int? cardNumber = null, string? keyword = null, Exception? inner = null)
        : base(Compose(reason, fileName, hduIndex, cardNumber, keyword), inner)
    {
        Reason = reason;
        FileName = fileName;
        HduIndex = hduIndex;
        CardNumber = cardNumber;
        Keyword = keyword;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>The file being read, or null for a stream.</summary>
    public string? FileName { get; }

    /// <summary>Zero-based HDU index, or null.</summary>
    public int? HduIndex { get; }

    /// <summary>One-based card number within the header, or null.</summary>
    public int? CardNumber { get; }

    /// <summary>The keyword concerned, or null.</summary>
    public string? Keyword { get; }

    /// <summary>Creates an exception at a location, adding a keyword.</summary>
    public static FitsFormatException At(FitsLocation location, string reason, string? keyword = null, int? cardNumber = null, Exception? inner = null)
        => new(reason, location.FileName, location.HduIndex, cardNumber, keyword, inner);

    private static string Compose(string reason, string? fileName, int? hduIndex, int? cardNumber, string? keyword)
    {
        var where = new System.Text.StringBuilder();
        where.Append(fileName ?? "<stream>");
        if (hduIndex is { } h) where.Append(" HDU ").Append(h);
        if (cardNumber is { } c) where.Append(" card ").Append(c);
        if (keyword is not null) where.Append(" keyword ").Append(keyword);
        return $"{where}: {reason}";
    }
}
