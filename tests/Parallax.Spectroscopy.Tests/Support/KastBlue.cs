using Parallax.Fits;
using Parallax.Fits.Hdus;
using Parallax.Imaging;
using Parallax.Spectroscopy.Arcs;

namespace Parallax.Spectroscopy.Tests.Support;

/// <summary>
/// The real Lick/Kast blue frames of 2015-05-20 (600/4310 grism) in the shared real-data folder, and PypeIt's arc solution
/// for b1 (reference_pypeit/kastb_600_PYPIT_wavecalib.json). Frames are 350 × 2112 uint16: two amplifiers of 1024 data
/// columns with their overscan at columns 2049..2079 and 2080..2110 (zero-based); each amplifier's rows are corrected by
/// the median of that row's overscan, then trimmed to 2048 columns. Variance: Poisson (gain 1.2 e⁻/ADU) plus read noise
/// (3.7 e⁻), as the instrument file states.
/// </summary>
internal static class KastBlue
{
    public const double Gain = 1.2;
    public const double ReadNoise = 3.7;

    /// <summary>The wavelength prior of instruments/lick_kast_blue_longslit.yaml (spectroscopy section).</summary>
    public static WavelengthPrior Prior => new(4450, 1.02, 150, 0.1);

    public static string Raw(string file) => RepositoryLayout.RequireRealData("lick_kast_blue_longslit", "raw", file);

    public static LineList HgCdHe => LineList.Read(Path.Combine(RepositoryLayout.RepoRoot, "instruments", "linelists", "hgcdhe.dat"));

    public static MaskedImage Read(string file)
    {
        using var fits = FitsFile.Open(Raw(file));
        var hdu = (ImageHdu)fits.Hdus[0];
        var raw = hdu.ReadFloat32();
        var (rawWidth, height) = (hdu.Width, hdu.Height);
        const int width = 2048;
        var image = new MaskedImage(width, height);
        var scratch = new float[31];
        for (var y = 0; y < height; y++)
        {
            var row = raw.AsSpan(y * rawWidth, rawWidth);
            foreach (var (data0, overscan0) in new[] { (0, 2049), (1024, 2080) })
            {
                row.Slice(overscan0, 31).CopyTo(scratch);
                Array.Sort(scratch);
                var level = scratch[15];
                for (var x = data0; x < data0 + 1024; x++)
                {
                    var v = row[x] - level;
                    image.Data[y * width + x] = v;
                    image.Variance[y * width + x] = (float)(Math.Max(v, 0) / Gain + ReadNoise * ReadNoise / (Gain * Gain));
                }
            }
        }
        return image;
    }

    /// <summary>Mean of several frames.</summary>
    public static MaskedImage Mean(params string[] files)
    {
        var images = files.Select(Read).ToList();
        var mean = new MaskedImage(images[0].Width, images[0].Height);
        for (var i = 0; i < mean.Data.Length; i++)
        {
            double s = 0, v = 0;
            foreach (var im in images) { s += im.Data[i]; v += im.Variance[i]; }
            mean.Data[i] = (float)(s / images.Count);
            mean.Variance[i] = (float)(v / (images.Count * images.Count));
        }
        return mean;
    }
}
