using Parallax.Fits;
using Parallax.Fits.Headers;

namespace Parallax.Pipeline.Tests.Support;

/// <summary>Builds headers and tiny FITS frames for tests.</summary>
public static class Frames
{
    /// <summary>A header from keyword/value pairs (values: string, double, long, bool).</summary>
    public static Header Header(params (string Key, object? Value)[] cards)
    {
        var h = new Header();
        foreach (var (k, v) in cards) h.Set(k, v);
        return h;
    }

    /// <summary>Writes a 4×4 uint16 frame with the given header cards.</summary>
    public static string Write(string path, params (string Key, object? Value)[] cards)
    {
        var dir = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        using var w = FitsWriter.Create(path);
        w.WriteImage(new float[16], [4, 4], Header(cards), Parallax.Fits.Images.ImageEncoding.UInt16);
        w.Commit();
        return path;
    }

    /// <summary>A frame of the simulator imager (instrument parallax-sim-imager).</summary>
    public static (string Key, object? Value)[] Sim(string imagetyp, double exptime, string dateObs, string filter = "V", string obj = "")
        => [("INSTRUME", "PARALLAX-SIM-IMAGER"), ("IMAGETYP", imagetyp), ("EXPTIME", exptime), ("DATE-OBS", dateObs), ("FILTER", filter), ("OBJECT", obj), ("XBINNING", 1L), ("YBINNING", 1L)];
}
