using System.Diagnostics;
using Parallax.Fits;
using Parallax.Fits.Headers;
using Parallax.Imaging;
using Parallax.Imaging.Io;
using Parallax.Pipeline.Instruments;
using Parallax.Reports.Plots;
using Parallax.Reports.QuickLook;

namespace Parallax.Reports.Night;

/// <summary>
/// Gathers a night report from an output folder alone, so it can be rebuilt at any time: the night
/// record the reduce run left (tasks, failures, frames), and each product's primary header
/// (PRODTYPE, PRODCATG, PROCSTAT, inputs, calibrations, QC values and verdict) and pixels (for the
/// thumbnail and plots), and the records of the folder's calibration database. QC ranges come from the instrument files of the catalog given.
/// </summary>
public static class NightReportBuilder
{
    private const string QcPrefix = "PARALLAX QC ";

    /// <summary>Side of the thumbnails in the report, in pixels.</summary>
    public const int ThumbnailSize = 200;

    private static readonly PlotSize ProductPlotSize = new(640, 360);

    /// <summary>Reads the folder and renders thumbnails and plots.</summary>
    /// <param name="outputFolder">A folder written by <c>parallax reduce</c> (or <c>parallax run</c>).</param>
    /// <param name="catalog">Instrument definitions for the QC ranges; null shows values without ranges (the verdict still comes from the products).</param>
    /// <param name="writeQuickLooks">Also write each product's quick-look PNG next to it (unless a newer one is there), from the pixels read for the report.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static NightReport Build(string outputFolder, InstrumentCatalog? catalog = null, bool writeQuickLooks = false)
    {
        var clock = Stopwatch.StartNew();
        var folder = Path.GetFullPath(outputFolder);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{outputFolder}: no such folder");
        var record = NightRecord.Read(folder);
        var order = record?.Tasks.SelectMany(t => t.Products).Select((p, i) => (Path.GetFileName(p), i)).GroupBy(x => x.Item1).ToDictionary(g => g.Key, g => g.First().i) ?? [];
        // Products are independent and each costs a read and three renders: they are read in parallel.
        var paths = Directory.GetFiles(folder, "*.fits");
        var entries = new ProductEntry?[paths.Length];
        Parallel.For(0, paths.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => entries[i] = Read(paths[i], catalog, writeQuickLooks));
        var products = entries
            .OfType<ProductEntry>()
            .OrderBy(p => order.GetValueOrDefault(p.FileName, int.MaxValue))
            .ThenBy(p => p.FileName, StringComparer.Ordinal)
            .ToList();
        var tasks = record?.Tasks ?? TasksFromProducts(products);
        var instruments = record?.Instruments is { Count: > 0 } names ? names : products.Select(p => p.Instrument).Where(i => i.Length > 0).Distinct().ToList();
        return new NightReport
        {
            OutputFolder = folder,
            Record = record,
            Tasks = tasks,
            Products = products,
            Instruments = instruments,
            NightPlots = NightPlotBuilder.Of(products),
            Calibrations = CalibrationRecords(folder),
            BuildSeconds = clock.Elapsed.TotalSeconds,
        };
    }

    /// <summary>One product, or null for a FITS file that is not a Parallax product (no PRODCATG) or cannot be read.</summary>
    private static ProductEntry? Read(string path, InstrumentCatalog? catalog, bool writeQuickLook)
    {
        Header header;
        MaskedImage? image = null;
        IReadOnlyList<AstrometricResidual>? astrometry = null;
        string? problem = null;
        try
        {
            using var file = FitsFile.Open(path);
            header = file.Primary.Header;
            if (!header.Contains("PRODCATG")) return null;
            try { image = MaskedImageFits.Read(file); }
            catch (FitsFormatException e) { problem = e.Message; }
            astrometry = AstrometryTable.TryRead(file);
        }
        catch (Exception e) when (e is FitsFormatException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var category = header.GetString("PRODCATG", "") ?? "";
        var instrument = header.GetString("PARALLAX INSTRUMENT", "") ?? "";
        var ranges = catalog?.Find(instrument)?.QcRanges.Where(r => string.Equals(r.Product, category, StringComparison.OrdinalIgnoreCase)).ToList() ?? [];
        var qc = new List<QcEntry>();
        foreach (var card in header)
        {
            var key = card.Keyword.StartsWith("HIERARCH ", StringComparison.Ordinal) ? card.Keyword[9..] : card.Keyword;
            if (!key.StartsWith(QcPrefix, StringComparison.Ordinal) || card.Value is null) continue;
            var name = key[QcPrefix.Length..].ToLowerInvariant();
            var value = Convert.ToDouble(card.Value, System.Globalization.CultureInfo.InvariantCulture);
            var range = ranges.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
            qc.Add(new QcEntry(name, value, range?.Min, range?.Max));
        }
        if (writeQuickLook && image is not null && !QuickLookFiles.IsCurrent(path))
        {
            // A missing quick-look only loses its link in the report.
            try { QuickLookFiles.WriteFrom(path, image); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        var stem = Path.GetFileNameWithoutExtension(path);
        var quickLook = Path.Combine(Path.GetDirectoryName(path)!, stem + ".png");
        return new ProductEntry
        {
            FileName = Path.GetFileName(path),
            ProductType = header.GetString("PRODTYPE", "") ?? "",
            Category = category,
            Level = header.GetString("PROCSTAT", "") ?? "",
            Recipe = header.GetString("RECIPE", "") ?? "",
            TaskId = header.GetString("TASKID", "") ?? "",
            Instrument = instrument,
            Filter = header.GetString("FILTER", "")?.Trim() ?? "",
            Airmass = header.TryGetDouble("AIRMASS", out var airmass) ? airmass : double.NaN,
            Date = header.GetString("DATE", "") ?? "",
            Inputs = Indexed(header, "INPUT"),
            Calibrations = Indexed(header, "CALIB"),
            Qc = qc,
            QcFailures = Indexed(header, "QCFAIL"),
            Thumbnail = image is null ? null : QuickLookRenderer.RenderPng(image, QuickLookOptions.Thumbnail(ThumbnailSize)),
            QuickLookFile = File.Exists(quickLook) ? Path.GetFileName(quickLook) : null,
            Plots = [.. image is null ? [] : PlotsOf(stem, category, image), .. AstrometryPlot(stem, astrometry)],
            Problem = problem,
        };
    }

    /// <summary>The QC plots of a product: row and column profiles of a bias, a histogram of pixel values otherwise.</summary>
    private static List<ReportPlot> PlotsOf(string stem, string category, MaskedImage image)
    {
        var id = "plot-" + string.Concat(stem.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
        if (category.Contains("BIAS", StringComparison.OrdinalIgnoreCase))
        {
            var (rows, columns) = ImageProfiles.Of(image);
            return [new ReportPlot(id + "-profiles", $"{stem}: row and column profiles", QcPlots.BiasProfiles(rows, columns, image.Unit, ProductPlotSize))];
        }
        var png = category.Contains("FLAT", StringComparison.OrdinalIgnoreCase)
            ? QcPlots.FlatHistogram(image.Data, unit: image.Unit, size: ProductPlotSize)
            : QcPlots.PixelHistogram(image.Data, $"{category}: pixel values", image.Unit, size: ProductPlotSize);
        return [new ReportPlot(id + "-histogram", $"{stem}: histogram of pixel values", png)];
    }

    /// <summary>The astrometric residuals of a product's ASTROM table as arrows on the detector; none without a usable table.</summary>
    private static List<ReportPlot> AstrometryPlot(string stem, IReadOnlyList<AstrometricResidual>? residuals)
    {
        if (residuals is null || !residuals.Any(r => double.IsFinite(r.X) && double.IsFinite(r.Y) && double.IsFinite(r.Dx) && double.IsFinite(r.Dy))) return [];
        var id = "plot-" + string.Concat(stem.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
        return [new ReportPlot(id + "-astrometry", $"{stem}: astrometric residuals", QcPlots.AstrometricResiduals(residuals, "pixel", ProductPlotSize))];
    }

    /// <summary>The records of OUTDIR/caldb.sqlite (the database <c>reduce</c> uses by default); none when absent or unreadable.</summary>
    private static IReadOnlyList<Pipeline.Calibration.CalibrationRecord> CalibrationRecords(string folder)
    {
        var path = Path.Combine(folder, "caldb.sqlite");
        if (!File.Exists(path)) return [];
        try
        {
            using var db = Pipeline.Calibration.CalibrationDatabase.Open(path);
            return db.List(Pipeline.Calibration.CalibrationFilter.All);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static List<string> Indexed(Header header, string prefix)
    {
        var list = new List<string>();
        for (var i = 1; header.GetString($"{prefix}{i}", null) is { } v; i++) list.Add(v);
        return list;
    }

    /// <summary>Tasks reconstructed from the products' headers (a folder without a night record): each done, using the tasks that made its calibrations.</summary>
    private static List<NightTaskRecord> TasksFromProducts(List<ProductEntry> products)
    {
        var maker = products.GroupBy(p => p.FileName).ToDictionary(g => g.Key, g => g.First().TaskId);
        return products.GroupBy(p => p.TaskId).Select(g => new NightTaskRecord
        {
            Id = g.Key,
            Recipe = g.First().Recipe,
            State = g.All(p => p.Passed) ? "Done" : "QcFailed",
            Message = g.All(p => p.Passed) ? "" : string.Join("; ", g.SelectMany(p => p.QcFailures)),
            DependsOn = [.. g.SelectMany(p => p.Calibrations).Select(c => maker.GetValueOrDefault(c)).OfType<string>().Where(t => t != g.Key).Distinct()],
            Inputs = [.. g.SelectMany(p => p.Inputs).Distinct()],
            Products = [.. g.Select(p => p.FileName)],
        }).ToList();
    }
}
