using System.Globalization;
using Parallax.Fits;
using Parallax.Imaging.Io;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Sources;

/// <summary>The committed 200×200 peer frame (data/sources/field.fits, made by make_peers.py) and its CSV peers.</summary>
public static class Field
{
    /// <summary>The frame as a masked image (no variance, no mask).</summary>
    public static MaskedImage Read()
    {
        using var file = FitsFile.Open(TestPaths.Data("sources", "field.fits"));
        return MaskedImageFits.Read(file);
    }

    /// <summary>The mask make_peers.py gives sep: rows 100..139 × columns 40..79, and rows 0..31 × columns 160..199.</summary>
    public static ushort[] PeerMask()
    {
        var m = new ushort[200 * 200];
        for (var y = 100; y < 140; y++) for (var x = 40; x < 80; x++) m[y * 200 + x] = (ushort)MaskBits.BadPixel;
        for (var y = 0; y < 32; y++) for (var x = 160; x < 200; x++) m[y * 200 + x] = (ushort)MaskBits.BadPixel;
        return m;
    }

    /// <summary>Rows of a committed CSV file as column-name → text dictionaries.</summary>
    public static List<Dictionary<string, string>> Csv(string name)
    {
        var lines = File.ReadAllLines(TestPaths.Data("sources", name));
        var head = lines[0].Split(',');
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => head.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }

    /// <summary>A CSV field as a number.</summary>
    public static double D(this Dictionary<string, string> row, string column) => double.Parse(row[column], CultureInfo.InvariantCulture);
}
