using Parallax.Fits.Coordinates;
using Parallax.Simulation.Detector;
using Parallax.Simulation.Models;

namespace Parallax.Simulation.Imaging;

/// <summary>
/// The two WCSs of an imaging frame. The true one maps trimmed (binned) pixels to the sky through the
/// true pointing, the true rotation and a radial SIP distortion (U = u(1 + k r²), k set by the displacement
/// at the corner; AP/BP hold the first-order inverse). The nominal one is what the telescope writes in the
/// raw header: TAN only, at the commanded pointing, no rotation, on raw pixels (CRPIX shifted by the overscan
/// before the data).
/// </summary>
internal static class FrameWcs
{
    /// <summary>The true WCS, on trimmed binned pixels.</summary>
    public static Wcs True(DetectorLayout layout, OpticsModel optics, (double Ra, double Dec) pointing)
    {
        var scale = optics.PixelScale * layout.Binning / 3600;
        var wcs = Wcs.CreateTan(pointing.Ra, pointing.Dec, (layout.Columns + 1) / 2.0, (layout.Rows + 1) / 2.0, scale, optics.Rotation);
        if (optics.Distortion == 0) return wcs;
        var m = layout.Model;
        var corner = Math.Sqrt(Math.Pow((m.Columns - 1) / 2.0, 2) + Math.Pow((m.Rows - 1) / 2.0, 2));
        var k = optics.Distortion * layout.Binning * layout.Binning / (corner * corner * corner);
        var a = new double[4, 4];
        var b = new double[4, 4];
        a[3, 0] = k; a[1, 2] = k;
        b[2, 1] = k; b[0, 3] = k;
        var ap = new double[4, 4];
        var bp = new double[4, 4];
        ap[3, 0] = -k; ap[1, 2] = -k;
        bp[2, 1] = -k; bp[0, 3] = -k;
        return wcs.WithSip(new SipDistortion(a, b, ap, bp));
    }

    /// <summary>The header's approximate WCS, on raw pixels.</summary>
    public static Wcs Nominal(DetectorLayout layout, OpticsModel optics, (double Ra, double Dec) pointing)
    {
        var scale = optics.PixelScale * layout.Binning / 3600;
        return Wcs.CreateTan(pointing.Ra, pointing.Dec, layout.TrimOffset + (layout.Columns + 1) / 2.0, (layout.Rows + 1) / 2.0, scale);
    }
}
