using System.Globalization;
using System.Text.RegularExpressions;

namespace Parallax.Cli.Commands;

/// <summary>Parses memory sizes such as "512MB", "2GiB", "64M" or "1000000" (bytes). K, M and G are binary (1 MB = 2^20 bytes), as memory is counted.</summary>
internal static partial class ByteSize
{
    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(I?B)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    /// <summary>The number of bytes, or null when the text is not a size.</summary>
    public static long? TryParse(string text)
    {
        var m = Pattern().Match(text);
        if (!m.Success) return null;
        var number = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var shift = char.ToUpperInvariant(m.Groups[2].Value.FirstOrDefault()) switch
        {
            'K' => 10,
            'M' => 20,
            'G' => 30,
            'T' => 40,
            _ => 0,
        };
        var bytes = number * Math.Pow(2, shift);
        return bytes > long.MaxValue / 2 ? null : (long)bytes;
    }
}
