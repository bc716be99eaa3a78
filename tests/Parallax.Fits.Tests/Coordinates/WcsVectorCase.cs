using System.Text;
using System.Text.Json;
using Parallax.Fits.Headers;
using Parallax.Fits.Io;
using Parallax.Fits.Tests.Support;

namespace Parallax.Fits.Tests.Coordinates;

/// <summary>One case written by data/wcs/make_wcs_vectors.py: a header and astropy.wcs (wcslib) transforms of it.</summary>
public sealed record WcsVectorCase
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required string Astropy { get; init; }
    public required string Wcslib { get; init; }
    public required string[] Cards { get; init; }
    public required int LngAxis { get; init; }
    /// <summary>Zero-based pixel positions.</summary>
    public required double[][] Pixels { get; init; }
    /// <summary>astropy all_pix2world(pixels, 0); null where astropy gives NaN.</summary>
    public required double?[][] World { get; init; }
    /// <summary>astropy all_world2pix(world, 0) with tolerance 1e-12.</summary>
    public required double?[][] Back { get; init; }
    /// <summary>Sky positions independent of the pixel grid.</summary>
    public required double?[][] WorldInputs { get; init; }
    /// <summary>astropy's pixels for <see cref="WorldInputs"/>; null where astropy gives NaN.</summary>
    public required double?[][] WorldToPixel { get; init; }
    public required double Lonpole { get; init; }
    public required double Latpole { get; init; }
    public required double[] PixelScales { get; init; }
    public required double PixelArea { get; init; }
    public string? Radesys { get; init; }
    public double? Equinox { get; init; }
    public string? RealFile { get; init; }

    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Folder => TestPaths.Data("wcs", "vectors");

    public static IEnumerable<string> Names
        => Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).Order().Select(n => n!);

    public static WcsVectorCase Load(string name)
        => JsonSerializer.Deserialize<WcsVectorCase>(File.ReadAllText(Path.Combine(Folder, name + ".json")), Options)
           ?? throw new InvalidDataException(name);

    /// <summary>The header, parsed from the card images by the FITS header reader (as from a file).</summary>
    public Header ReadHeader() => HeaderFromCards(Cards);

    public static Header HeaderFromCards(IEnumerable<string> cards)
    {
        var text = new StringBuilder();
        foreach (var c in cards) text.Append(c.PadRight(80));
        text.Append("END".PadRight(80));
        while (text.Length % 2880 != 0) text.Append(' ');
        using var source = new MemorySource(Encoding.ASCII.GetBytes(text.ToString()));
        var warnings = new List<string>();
        return HeaderBlockReader.Read(source, 0, new FitsLocation("vectors", null), FitsReadOptions.Default, warnings, out _)
               ?? throw new InvalidDataException("no header");
    }

    public override string ToString() => Name;
}
