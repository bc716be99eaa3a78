using System.Collections;
using System.Globalization;

namespace Parallax.Fits.Headers;

/// <summary>
/// An ordered FITS header. Keeps every card in order, unknown ones included, so a header read
/// and written unchanged is identical byte for byte. Lookups are case-insensitive; HIERARCH
/// keywords are found with or without the "HIERARCH " prefix. Where a keyword repeats, the first
/// occurrence wins (as in astropy). Typed getters explain a failure in one line naming the file,
/// HDU and keyword.
/// </summary>
public sealed class Header : IEnumerable<HeaderCard>
{
    private readonly List<HeaderCard> _cards;
    private Dictionary<string, int>? _index;

    /// <summary>Creates an empty header.</summary>
    public Header() => _cards = [];

    /// <summary>Creates a header holding the given cards in order.</summary>
    public Header(IEnumerable<HeaderCard> cards) => _cards = [.. cards];

    /// <summary>Where this header was read from, used in error messages.</summary>
    public FitsLocation Location { get; set; }

    /// <summary>Number of logical cards (a CONTINUE sequence counts once; END is not stored).</summary>
    public int Count => _cards.Count;

    /// <summary>The cards in order.</summary>
    public IReadOnlyList<HeaderCard> Cards => _cards;

    /// <summary>The card at a position.</summary>
    public HeaderCard this[int index] => _cards[index];

    /// <summary>Gets a keyword's value (null when undefined), or sets it (replacing in place, else appending).</summary>
    /// <exception cref="FitsFormatException">Getting a keyword that is absent.</exception>
    public object? this[string keyword]
    {
        get => FindCard(keyword)?.Value ?? (Contains(keyword) ? null : throw Missing(keyword));
        set => Set(keyword, value);
    }

    /// <summary>True when the keyword is present.</summary>
    public bool Contains(string keyword) => IndexOf(keyword) >= 0;

    /// <summary>The position of the first card with this keyword, or -1.</summary>
    public int IndexOf(string keyword)
    {
        _index ??= BuildIndex();
        return _index.TryGetValue(Normalise(keyword), out var i) ? i : -1;
    }

    /// <summary>The first card with this keyword, or null.</summary>
    public HeaderCard? FindCard(string keyword)
    {
        var i = IndexOf(keyword);
        return i >= 0 ? _cards[i] : null;
    }

    /// <summary>Sets a keyword's value, replacing the first card in place (keeping its comment unless one is given) or appending a new card.</summary>
    public void Set(string keyword, object? value, string? comment = null)
    {
        var i = IndexOf(keyword);
        if (i >= 0) _cards[i] = _cards[i].WithValue(value, comment);
        else Add(HeaderCard.Create(keyword, value, comment));
    }

    /// <summary>Appends a card (duplicates allowed, as for COMMENT and HISTORY).</summary>
    public void Add(HeaderCard card)
    {
        _cards.Add(card);
        if (_index is not null && IsIndexed(card)) _index.TryAdd(card.Keyword, _cards.Count - 1);
    }

    /// <summary>Inserts a card at a position.</summary>
    public void Insert(int index, HeaderCard card)
    {
        _cards.Insert(index, card);
        _index = null;
    }

    /// <summary>Appends a COMMENT card.</summary>
    public void AddComment(string text) => Add(HeaderCard.Commentary("COMMENT", text));

    /// <summary>Appends a HISTORY card.</summary>
    public void AddHistory(string text) => Add(HeaderCard.Commentary("HISTORY", text));

    /// <summary>Removes every card with this keyword; returns how many were removed.</summary>
    public int Remove(string keyword)
    {
        var key = Normalise(keyword);
        var n = _cards.RemoveAll(c => c.Keyword == key);
        if (n > 0) _index = null;
        return n;
    }

    /// <summary>Removes the card at a position.</summary>
    public void RemoveAt(int index)
    {
        _cards.RemoveAt(index);
        _index = null;
    }

    /// <summary>A deep copy (cards are immutable, so the list is copied).</summary>
    public Header Clone() => new(_cards) { Location = Location };

    /// <summary>The keyword's value as a string. Numbers and logicals are given as written.</summary>
    /// <exception cref="FitsFormatException">The keyword is absent or undefined.</exception>
    public string GetString(string keyword)
    {
        var card = Require(keyword);
        return card.Kind switch
        {
            HeaderValueKind.String or HeaderValueKind.Invalid => (string)card.Value!,
            HeaderValueKind.Undefined => throw Bad(keyword, "has no value (undefined)"),
            _ => card.RawValue ?? card.ValueText,
        };
    }

    /// <summary>The keyword's value as a string, or <paramref name="fallback"/> when absent or undefined.</summary>
    public string? GetString(string keyword, string? fallback)
    {
        var card = FindCard(keyword);
        return card is null || card.Kind is HeaderValueKind.Undefined or HeaderValueKind.None ? fallback : GetString(keyword);
    }

    /// <summary>The keyword's value as a double. Integers convert; a string that holds a number (such as '060.00') is accepted.</summary>
    /// <exception cref="FitsFormatException">Absent, undefined, logical, or a string that is not a number.</exception>
    public double GetDouble(string keyword)
        => TryConvertDouble(Require(keyword), out var d, out var why) ? d : throw Bad(keyword, why!);

    /// <summary>The keyword's value as a double, or <paramref name="fallback"/> when absent or undefined; throws when present but not a number.</summary>
    public double GetDouble(string keyword, double fallback)
    {
        var card = FindCard(keyword);
        if (card is null || card.Kind == HeaderValueKind.Undefined) return fallback;
        return TryConvertDouble(card, out var d, out var why) ? d : throw Bad(keyword, why!);
    }

    /// <summary>Tries to read a keyword as a double; false when absent or not a number.</summary>
    public bool TryGetDouble(string keyword, out double value)
    {
        value = double.NaN;
        var card = FindCard(keyword);
        return card is not null && TryConvertDouble(card, out value, out _);
    }

    /// <summary>The keyword's value as a 64-bit integer. A real with no fractional part converts; so does a string holding an integer.</summary>
    /// <exception cref="FitsFormatException">Absent, undefined, fractional, out of range, or not a number.</exception>
    public long GetInt64(string keyword)
        => TryConvertInt64(Require(keyword), out var l, out var why) ? l : throw Bad(keyword, why!);

    /// <summary>The keyword's value as a 64-bit integer, or <paramref name="fallback"/> when absent or undefined.</summary>
    public long GetInt64(string keyword, long fallback)
    {
        var card = FindCard(keyword);
        if (card is null || card.Kind == HeaderValueKind.Undefined) return fallback;
        return TryConvertInt64(card, out var l, out var why) ? l : throw Bad(keyword, why!);
    }

    /// <summary>Tries to read a keyword as a 64-bit integer.</summary>
    public bool TryGetInt64(string keyword, out long value)
    {
        value = 0;
        var card = FindCard(keyword);
        return card is not null && TryConvertInt64(card, out value, out _);
    }

    /// <summary>The keyword's value as a 32-bit integer.</summary>
    /// <exception cref="FitsFormatException">As <see cref="GetInt64(string)"/>, or out of 32-bit range.</exception>
    public int GetInt32(string keyword)
    {
        var l = GetInt64(keyword);
        return l is >= int.MinValue and <= int.MaxValue ? (int)l : throw Bad(keyword, $"value {l} does not fit in a 32-bit integer");
    }

    /// <summary>The keyword's value as a 32-bit integer, or <paramref name="fallback"/> when absent.</summary>
    public int GetInt32(string keyword, int fallback)
    {
        var l = GetInt64(keyword, fallback);
        return l is >= int.MinValue and <= int.MaxValue ? (int)l : throw Bad(keyword, $"value {l} does not fit in a 32-bit integer");
    }

    /// <summary>The keyword's value as a logical. Accepts T/F, and the strings 'T', 'F', 'TRUE', 'FALSE'.</summary>
    /// <exception cref="FitsFormatException">Absent or not a logical.</exception>
    public bool GetBool(string keyword)
    {
        var card = Require(keyword);
        if (card.Kind == HeaderValueKind.Logical) return (bool)card.Value!;
        if (card.Kind == HeaderValueKind.String)
        {
            switch (((string)card.Value!).Trim().ToUpperInvariant())
            {
                case "T" or "TRUE": return true;
                case "F" or "FALSE": return false;
            }
        }
        throw Bad(keyword, $"value {Shown(card)} is not a logical (T or F)");
    }

    /// <summary>The keyword's value as a logical, or <paramref name="fallback"/> when absent.</summary>
    public bool GetBool(string keyword, bool fallback) => Contains(keyword) ? GetBool(keyword) : fallback;

    /// <summary>Strips a "HIERARCH " prefix, collapses spaces and upper-cases, as cards store keywords.</summary>
    internal static string Normalise(string keyword)
    {
        var k = keyword.Trim();
        if (k.StartsWith("HIERARCH ", StringComparison.OrdinalIgnoreCase)) k = k[9..];
        if (k.Contains("  ", StringComparison.Ordinal)) k = string.Join(' ', k.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return k.ToUpperInvariant();
    }

    private Dictionary<string, int> BuildIndex()
    {
        var d = new Dictionary<string, int>(_cards.Count, StringComparer.Ordinal);
        for (var i = 0; i < _cards.Count; i++)
        {
            if (IsIndexed(_cards[i])) d.TryAdd(_cards[i].Keyword, i);
        }
        return d;
    }

    private static bool IsIndexed(HeaderCard card) => !card.IsCommentary || card.Keyword is not ("COMMENT" or "HISTORY" or "");

    private HeaderCard Require(string keyword)
    {
        var card = FindCard(keyword) ?? throw Missing(keyword);
        return card;
    }

    private static bool TryConvertDouble(HeaderCard card, out double value, out string? why)
    {
        why = null;
        switch (card.Kind)
        {
            case HeaderValueKind.Real: value = (double)card.Value!; return true;
            case HeaderValueKind.Integer: value = (long)card.Value!; return true;
            case HeaderValueKind.String or HeaderValueKind.Invalid:
                var s = ((string)card.Value!).Trim();
                if (HeaderCardParser.TryParseReal(s, out value)) return true;
                why = $"value {Shown(card)} is a string that does not hold a number";
                return false;
            default:
                value = double.NaN;
                why = $"value {Shown(card)} is not a number";
                return false;
        }
    }

    private static bool TryConvertInt64(HeaderCard card, out long value, out string? why)
    {
        value = 0;
        if (!TryConvertDouble(card, out var d, out why))
            return false;
        if (card.Kind == HeaderValueKind.Integer) { value = (long)card.Value!; return true; }
        if (card.Kind is HeaderValueKind.String or HeaderValueKind.Invalid
            && long.TryParse(((string)card.Value!).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)) return true;
        if (d != Math.Floor(d) || d < long.MinValue || d > long.MaxValue)
        {
            why = $"value {Shown(card)} is not a whole number";
            return false;
        }
        value = (long)d;
        return true;
    }

    private static string Shown(HeaderCard card) => card.Kind switch
    {
        HeaderValueKind.String => $"'{card.Value}'",
        HeaderValueKind.Undefined => "(undefined)",
        _ => card.RawValue ?? card.ValueText,
    };

    private FitsFormatException Missing(string keyword) => FitsFormatException.At(Location, "required keyword is missing", Normalise(keyword));

    private FitsFormatException Bad(string keyword, string why) => FitsFormatException.At(Location, why, Normalise(keyword), IndexOf(keyword) + 1);

    /// <inheritdoc/>
    public IEnumerator<HeaderCard> GetEnumerator() => _cards.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
