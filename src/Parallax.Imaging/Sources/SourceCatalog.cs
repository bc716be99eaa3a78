namespace Parallax.Imaging.Sources;

/// <summary>The sources found in one image, with the background and threshold they were found against.</summary>
public sealed class SourceCatalog
{
    /// <summary>A catalog of <paramref name="sources"/> found in a width × height image.</summary>
    public SourceCatalog(IReadOnlyList<Source> sources, int width, int height, double backgroundLevel, double backgroundRms, double threshold, string unit = PixelUnits.Adu)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(unit);
        Unit = unit;
        Sources = sources;
        Width = width;
        Height = height;
        BackgroundLevel = backgroundLevel;
        BackgroundRms = backgroundRms;
        Threshold = threshold;
    }

    /// <summary>The sources, numbered from 1 in order of detection (bottom row first).</summary>
    public IReadOnlyList<Source> Sources { get; }

    /// <summary>Image columns.</summary>
    public int Width { get; }

    /// <summary>Image rows.</summary>
    public int Height { get; }

    /// <summary>Global background level (image unit).</summary>
    public double BackgroundLevel { get; }

    /// <summary>Global background RMS (image unit).</summary>
    public double BackgroundRms { get; }

    /// <summary>Absolute detection threshold in the filtered, background-subtracted image (image unit).</summary>
    public double Threshold { get; }

    /// <summary>Unit of the fluxes and levels (the image's BUNIT).</summary>
    public string Unit { get; }

    /// <summary>Number of sources.</summary>
    public int Count => Sources.Count;

    /// <summary>A catalog with the same metadata and other sources (e.g. after photometry).</summary>
    public SourceCatalog With(IReadOnlyList<Source> sources) => new(sources, Width, Height, BackgroundLevel, BackgroundRms, Threshold, Unit);
}
