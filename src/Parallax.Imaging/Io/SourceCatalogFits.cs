using Parallax.Fits;
using Parallax.Fits.Headers;
using Parallax.Fits.Tables;
using Parallax.Imaging.Sources;

namespace Parallax.Imaging.Io;

/// <summary>
/// Maps a <see cref="SourceCatalog"/> to and from a FITS binary table (EXTNAME <c>CAT</c>) with
/// SExtractor's column names and conventions: pixel coordinates are one-based (the centre of the
/// first pixel is 1.0, as X_IMAGE), THETA_IMAGE is in degrees counter-clockwise from +x, every
/// column has a TUNIT. The header records the image size, background level and RMS and the
/// detection threshold. Like <see cref="MaskedImageFits"/> it works on a writer or file the caller opened.
/// </summary>
public static class SourceCatalogFits
{
    /// <summary>EXTNAME of the catalog table.</summary>
    public const string Extension = "CAT";

    /// <summary>
    /// Appends the catalog as a binary table (an empty primary HDU first when nothing has been
    /// written). <paramref name="extra"/> cards (provenance, parameters) go into the table header.
    /// </summary>
    public static void Write(FitsWriter writer, SourceCatalog catalog, Header? extra = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(catalog);
        if (writer.HduCount == 0) writer.WriteEmpty(new Header());
        writer.WriteTable(ToTable(catalog), TableHeader(catalog, extra));
    }

    /// <summary>
    /// The catalog as a binary table with SExtractor's column names, one-based pixel coordinates and a
    /// TUNIT per column, without writing it (a recipe returns it, the engine writes it). Callers may add columns.
    /// </summary>
    public static BinaryTable ToTable(SourceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var s = catalog.Sources;
        var n = s.Count;
        var unit = catalog.Unit;
        var t = new BinaryTable(n);
        static ColumnOptions U(string u) => new() { Unit = u };
        t.AddColumn("NUMBER", s.Select(x => x.Number).ToArray(), options: U(""));
        t.AddColumn("X_IMAGE", s.Select(x => x.X + 1).ToArray(), options: U("pix"));
        t.AddColumn("Y_IMAGE", s.Select(x => x.Y + 1).ToArray(), options: U("pix"));
        t.AddColumn("XWIN_IMAGE", s.Select(x => x.XWin + 1).ToArray(), options: U("pix"));
        t.AddColumn("YWIN_IMAGE", s.Select(x => x.YWin + 1).ToArray(), options: U("pix"));
        t.AddColumn("ISOAREA_IMAGE", s.Select(x => x.PixelCount).ToArray(), options: U("pix**2"));
        t.AddColumn("FLUX_ISO", s.Select(x => x.FluxIso).ToArray(), options: U(unit));
        t.AddColumn("FLUXERR_ISO", s.Select(x => x.FluxIsoError).ToArray(), options: U(unit));
        t.AddColumn("FLUX_APER", s.Select(x => x.FluxAperture).ToArray(), options: U(unit));
        t.AddColumn("FLUXERR_APER", s.Select(x => x.FluxApertureError).ToArray(), options: U(unit));
        t.AddColumn("LOCAL_SKY", s.Select(x => x.LocalSky).ToArray(), options: U(unit));
        t.AddColumn("X2_IMAGE", s.Select(x => x.X2).ToArray(), options: U("pix**2"));
        t.AddColumn("Y2_IMAGE", s.Select(x => x.Y2).ToArray(), options: U("pix**2"));
        t.AddColumn("XY_IMAGE", s.Select(x => x.XY).ToArray(), options: U("pix**2"));
        t.AddColumn("A_IMAGE", s.Select(x => x.A).ToArray(), options: U("pix"));
        t.AddColumn("B_IMAGE", s.Select(x => x.B).ToArray(), options: U("pix"));
        t.AddColumn("THETA_IMAGE", s.Select(x => x.Theta * 180 / Math.PI).ToArray(), options: U("deg"));
        t.AddColumn("ELLIPTICITY", s.Select(x => x.Ellipticity).ToArray(), options: U(""));
        t.AddColumn("FWHM_IMAGE", s.Select(x => x.Fwhm).ToArray(), options: U("pix"));
        t.AddColumn("PEAK", s.Select(x => x.Peak).ToArray(), options: U(unit));
        t.AddColumn("XPEAK_IMAGE", s.Select(x => x.XPeak + 1).ToArray(), options: U("pix"));
        t.AddColumn("YPEAK_IMAGE", s.Select(x => x.YPeak + 1).ToArray(), options: U("pix"));
        t.AddColumn("XMIN_IMAGE", s.Select(x => x.XMin + 1).ToArray(), options: U("pix"));
        t.AddColumn("XMAX_IMAGE", s.Select(x => x.XMax + 1).ToArray(), options: U("pix"));
        t.AddColumn("YMIN_IMAGE", s.Select(x => x.YMin + 1).ToArray(), options: U("pix"));
        t.AddColumn("YMAX_IMAGE", s.Select(x => x.YMax + 1).ToArray(), options: U("pix"));
        t.AddColumn("FLAGS", s.Select(x => (int)x.Flags).ToArray(), options: U(""));
        return t;
    }

    /// <summary>
    /// The table header of a catalog: EXTNAME <c>CAT</c>, the image size, background level and RMS,
    /// detection threshold, flux unit and pixel convention, then the <paramref name="extra"/> cards
    /// whose keywords are not already there.
    /// </summary>
    public static Header TableHeader(SourceCatalog catalog, Header? extra = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var unit = catalog.Unit;
        var h = new Header();
        h.Add(HeaderCard.Create("EXTNAME", Extension, "source catalog"));
        h.Add(HeaderCard.Create("IMWIDTH", catalog.Width, "[pix] columns of the measured image"));
        h.Add(HeaderCard.Create("IMHEIGHT", catalog.Height, "[pix] rows of the measured image"));
        h.Add(HeaderCard.Create("BKGLEVEL", catalog.BackgroundLevel, $"[{unit}] global background level"));
        h.Add(HeaderCard.Create("BKGRMS", catalog.BackgroundRms, $"[{unit}] global background RMS"));
        h.Add(HeaderCard.Create("DETTHRES", catalog.Threshold, $"[{unit}] detection threshold (filtered image)"));
        h.Add(HeaderCard.Create("FLUXUNIT", unit, "unit of fluxes and levels (BUNIT of the image)"));
        h.Add(HeaderCard.Create("PIXCONV", "FITS", "pixel coordinates are 1-based (first centre = 1.0)"));
        if (extra is not null)
            foreach (var card in extra)
                if (!h.Contains(card.Keyword)) h.Add(card);
        return h;
    }

    /// <summary>Reads the <c>CAT</c> table (or the first binary table) back into a catalog, converting to zero-based coordinates.</summary>
    /// <exception cref="FitsFormatException">No binary table, or a column missing.</exception>
    public static SourceCatalog Read(FitsFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var hdu = file.Find(Extension) as BinaryTableHdu ?? file.Hdus.OfType<BinaryTableHdu>().FirstOrDefault()
            ?? throw new FitsFormatException("has no binary table with a source catalog", file.FileName);
        double[] D(string name) => hdu.TryGetColumnIndex(name, out var i) ? hdu.ReadDoubles(i)
            : throw FitsFormatException.At(hdu.Location, $"catalog column {name} is missing");
        var n = (int)hdu.RowCount;
        var number = D("NUMBER");
        var x = D("X_IMAGE");
        var y = D("Y_IMAGE");
        var xw = D("XWIN_IMAGE");
        var yw = D("YWIN_IMAGE");
        var npix = D("ISOAREA_IMAGE");
        var fiso = D("FLUX_ISO");
        var fisoe = D("FLUXERR_ISO");
        var fap = D("FLUX_APER");
        var fape = D("FLUXERR_APER");
        var sky = D("LOCAL_SKY");
        var x2 = D("X2_IMAGE");
        var y2 = D("Y2_IMAGE");
        var xy = D("XY_IMAGE");
        var a = D("A_IMAGE");
        var b = D("B_IMAGE");
        var th = D("THETA_IMAGE");
        var fwhm = D("FWHM_IMAGE");
        var peak = D("PEAK");
        var xp = D("XPEAK_IMAGE");
        var yp = D("YPEAK_IMAGE");
        var xmin = D("XMIN_IMAGE");
        var xmax = D("XMAX_IMAGE");
        var ymin = D("YMIN_IMAGE");
        var ymax = D("YMAX_IMAGE");
        var flags = D("FLAGS");
        var sources = new Source[n];
        for (var i = 0; i < n; i++)
            sources[i] = new Source
            {
                Number = (int)number[i],
                X = x[i] - 1,
                Y = y[i] - 1,
                XWin = xw[i] - 1,
                YWin = yw[i] - 1,
                PixelCount = (int)npix[i],
                FluxIso = fiso[i],
                FluxIsoError = fisoe[i],
                FluxAperture = fap[i],
                FluxApertureError = fape[i],
                LocalSky = sky[i],
                X2 = x2[i],
                Y2 = y2[i],
                XY = xy[i],
                A = a[i],
                B = b[i],
                Theta = th[i] * Math.PI / 180,
                Fwhm = fwhm[i],
                Peak = peak[i],
                XPeak = (int)xp[i] - 1,
                YPeak = (int)yp[i] - 1,
                XMin = (int)xmin[i] - 1,
                XMax = (int)xmax[i] - 1,
                YMin = (int)ymin[i] - 1,
                YMax = (int)ymax[i] - 1,
                Flags = (SourceFlags)(int)flags[i],
            };
        var h = hdu.Header;
        return new SourceCatalog(sources, (int)h.GetInt64("IMWIDTH", 0), (int)h.GetInt64("IMHEIGHT", 0), h.GetDouble("BKGLEVEL", double.NaN), h.GetDouble("BKGRMS", double.NaN), h.GetDouble("DETTHRES", double.NaN), h.GetString("FLUXUNIT", null)?.Trim() ?? PixelUnits.Adu);
    }
}
