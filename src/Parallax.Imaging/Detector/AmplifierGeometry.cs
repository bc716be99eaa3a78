using Parallax.Fits.Headers;

namespace Parallax.Imaging.Detector;

/// <summary>
/// Where one amplifier's pixels sit in a raw frame and how it converts charge: its data section (the
/// part kept after trimming), its overscan, its place on the detector, gain, read noise and saturation.
/// Built from header keywords (<see cref="FromHeader"/>) or supplied by an instrument description
/// (with-expressions override single fields, e.g. a BIASSEC the headers lack). Immutable.
/// </summary>
public sealed record AmplifierGeometry
{
    /// <summary>Name used in reports and history (the keyword suffix, EXTNAME, or a name the instrument gives).</summary>
    public string Name { get; init; } = "A";

    /// <summary>Index of the HDU holding the amplifier's pixels; null: the first image HDU with pixels.</summary>
    public int? Hdu { get; init; }

    /// <summary>Raw pixels kept after trimming (TRIMSEC, else DATASEC). A flipped range here flips the pixels when placed.</summary>
    public required ImageSection DataSection { get; init; }

    /// <summary>The overscan (or prescan) pixels (BIASSEC); null: no overscan correction for this amplifier.</summary>
    public ImageSection? BiasSection { get; init; }

    /// <summary>Where the data land on the detector (DETSEC, unbinned detector pixels); null: the amplifier is the whole output.</summary>
    public ImageSection? DetectorSection { get; init; }

    /// <summary>Gain, electrons per ADU. Positive. Default 1.</summary>
    public double Gain { get; init; } = 1;

    /// <summary>Read noise, electrons rms. ≥ 0. Default 0.</summary>
    public double ReadNoise { get; init; }

    /// <summary>Raw level (ADU, before any bias subtraction or gain) at and above which pixels are flagged <see cref="MaskBits.Saturated"/>; null: no flagging.</summary>
    public double? SaturationAdu { get; init; }

    /// <summary>
    /// The amplifier described by a header: TRIMSEC{suffix} or DATASEC{suffix} (else the whole image),
    /// BIASSEC{suffix}, DETSEC{suffix}, GAIN{suffix} (else GAIN, else 1), RDNOISE{suffix} (else
    /// RDNOISE or READNOIS, else 0) and SATURATE{suffix} (else SATURATE). Keywords missing from
    /// <paramref name="header"/> are looked up in <paramref name="fallback"/> (a primary header).
    /// </summary>
    /// <param name="header">The header holding the keywords.</param>
    /// <param name="width">NAXIS1 of the image (for '*' sections and the whole-image default).</param>
    /// <param name="height">NAXIS2 of the image.</param>
    /// <param name="suffix">Keyword suffix of this amplifier ('' for single-amplifier keywords, 'A', '1' ...).</param>
    /// <param name="name">Name; null: the suffix, else EXTNAME, else "A".</param>
    /// <param name="hdu">Index of the HDU with the pixels.</param>
    /// <param name="fallback">Header consulted for keywords <paramref name="header"/> lacks.</param>
    /// <exception cref="FormatException">A section keyword is malformed or outside the image; the message names it.</exception>
    public static AmplifierGeometry FromHeader(Header header, int width, int height, string suffix = "", string? name = null, int? hdu = null, Header? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        string? Text(string key) => header.GetString(key, null) ?? fallback?.GetString(key, null);
        double? Number(string key) => header.TryGetDouble(key, out var v) ? v : fallback is not null && fallback.TryGetDouble(key, out var f) ? f : null;
        ImageSection? Section(string key)
        {
            if (Text(key) is not { } s) return null;
            var section = ImageSection.Parse(s, key, width, height);
            if (!key.StartsWith("DETSEC", StringComparison.Ordinal)) section.EnsureWithin(width, height, key);
            return section;
        }
        var data = Section("TRIMSEC" + suffix) ?? Section("DATASEC" + suffix) ?? ImageSection.FromZeroBased(0, 0, width, height);
        return new AmplifierGeometry
        {
            Name = name ?? (suffix.Length > 0 ? suffix : Text("EXTNAME")?.Trim() ?? "A"),
            Hdu = hdu,
            DataSection = data,
            BiasSection = Section("BIASSEC" + suffix),
            DetectorSection = Section("DETSEC" + suffix),
            Gain = Number("GAIN" + suffix) ?? Number("GAIN") ?? 1,
            ReadNoise = Number("RDNOISE" + suffix) ?? Number("RDNOISE") ?? Number("READNOIS") ?? 0,
            SaturationAdu = Number("SATURATE" + suffix) ?? Number("SATURATE"),
        };
    }

    /// <summary>Checks the fields against the raw image they describe.</summary>
    /// <exception cref="ArgumentException">A section lies outside the image, or the gain or read noise is out of range; the message names the amplifier.</exception>
    public void Validate(int width, int height)
    {
        if (!(Gain > 0) || !double.IsFinite(Gain)) throw new ArgumentException($"amplifier {Name}: gain {Gain} e-/ADU must be positive and finite");
        if (!(ReadNoise >= 0) || !double.IsFinite(ReadNoise)) throw new ArgumentException($"amplifier {Name}: read noise {ReadNoise} e- must be ≥ 0 and finite");
        if (DataSection.XEnd > width || DataSection.YEnd > height) throw new ArgumentException($"amplifier {Name}: data section {DataSection} reaches beyond the {width}×{height} raw image");
        if (BiasSection is { } b && (b.XEnd > width || b.YEnd > height)) throw new ArgumentException($"amplifier {Name}: bias section {b} reaches beyond the {width}×{height} raw image");
    }
}
