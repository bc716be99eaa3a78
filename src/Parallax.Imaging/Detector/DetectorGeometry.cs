using Parallax.Fits;
using Parallax.Fits.Hdus;

namespace Parallax.Imaging.Detector;

/// <summary>
/// The amplifiers of one detector readout: several in one HDU (sections with a suffix per amplifier,
/// BIASSECA, DATASECA ...), or one per image extension (each with its own DATASEC/BIASSEC/DETSEC).
/// Immutable; an instrument description may build it directly instead of reading headers.
/// </summary>
/// <param name="Amplifiers">The amplifiers, in readout order.</param>
public sealed record DetectorGeometry(IReadOnlyList<AmplifierGeometry> Amplifiers)
{
    /// <summary>
    /// The geometry a file's headers describe. A primary HDU with pixels is one readout: its amplifiers
    /// are those named by AMPLIST (space separated suffixes), else every suffix X of a DATASECX or
    /// TRIMSECX keyword, else a single amplifier from the unsuffixed keywords. A file whose pixels are
    /// in extensions has one amplifier per image extension with pixels, named by EXTNAME, with the
    /// primary header as fallback for GAIN, RDNOISE, SATURATE.
    /// </summary>
    /// <exception cref="FormatException">A section keyword is malformed; the message names the keyword and the HDU.</exception>
    /// <exception cref="InvalidDataException">The file holds no image with pixels.</exception>
    public static DetectorGeometry FromFile(FitsFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Primary is ImageHdu { HasData: true } primary)
        {
            var h = primary.Header;
            var suffixes = Suffixes(h);
            return new DetectorGeometry(suffixes.Count == 0
                ? [Wrap(0, () => AmplifierGeometry.FromHeader(h, primary.Width, primary.Height, hdu: 0))]
                : [.. suffixes.Select(s => Wrap(0, () => AmplifierGeometry.FromHeader(h, primary.Width, primary.Height, s, hdu: 0)))]);
        }
        var amps = new List<AmplifierGeometry>();
        for (var i = 1; i < file.Count; i++)
        {
            if (file[i] is not ImageHdu { HasData: true } image) continue;
            var index = i;
            amps.Add(Wrap(i, () => AmplifierGeometry.FromHeader(image.Header, image.Width, image.Height, name: image.Header.GetString("EXTNAME", null)?.Trim() ?? $"HDU{index}", hdu: index, fallback: file.Primary.Header)));
        }
        if (amps.Count == 0) throw new InvalidDataException($"{file.FileName ?? "the file"} holds no image with pixels");
        return new DetectorGeometry(amps);
    }

    private static List<string> Suffixes(Parallax.Fits.Headers.Header h)
    {
        if (h.GetString("AMPLIST", null) is { } list && list.Trim().Length > 0)
            return [.. list.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        var found = new List<string>();
        foreach (var card in h.Cards)
        {
            foreach (var stem in new[] { "DATASEC", "TRIMSEC" })
                if (card.Keyword.Length > stem.Length && card.Keyword.StartsWith(stem, StringComparison.Ordinal))
                {
                    var s = card.Keyword[stem.Length..];
                    if (!found.Contains(s)) found.Add(s);
                }
        }
        return found;
    }

    private static AmplifierGeometry Wrap(int hdu, Func<AmplifierGeometry> read)
    {
        try
        {
            return read();
        }
        catch (FormatException e)
        {
            throw new FormatException($"HDU {hdu}: {e.Message}", e);
        }
    }
}
