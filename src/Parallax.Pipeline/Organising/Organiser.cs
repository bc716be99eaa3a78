using System.Diagnostics;
using Parallax.Fits;
using Parallax.Fits.Headers;
using Parallax.Pipeline.Instruments;

namespace Parallax.Pipeline.Organising;

/// <summary>
/// Turns a folder of raw frames into a plan: reads each primary header (only the header blocks,
/// in parallel), picks the instrument by its identity, classifies, groups and plans the cascade.
/// Unreadable files are reported with the FITS layer's one-line message and skipped.
/// </summary>
public static class Organiser
{
    /// <summary>Organises every FITS file under a folder.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="ArgumentException">The named instrument is not loaded.</exception>
    public static OrganiseResult Organise(string folder, OrganiseOptions options)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: no such folder");
        var files = Directory.EnumerateFiles(folder, "*", options.Recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Where(f => options.Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)));
        return Organise(files, options);
    }

    /// <summary>Organises the given files.</summary>
    /// <exception cref="ArgumentException">The named instrument is not loaded.</exception>
    public static OrganiseResult Organise(IEnumerable<string> files, OrganiseOptions options)
    {
        var clock = Stopwatch.StartNew();
        InstrumentDefinition? forced = null;
        if (options.Instrument is { } name)
        {
            forced = options.Catalog.Find(name)
                ?? throw new ArgumentException($"no instrument named '{name}' (loaded: {string.Join(", ", options.Catalog.Instruments.Select(i => i.Name))})", nameof(options));
        }
        var paths = files.Order(StringComparer.Ordinal).ToArray();
        var frames = new ClassifiedFrame?[paths.Length];
        var errors = new UnreadableFile?[paths.Length];
        var readOptions = FitsReadOptions.Default with { Verify = VerifyMode.Warn };
        Parallel.For(0, paths.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism) }, i =>
        {
            Header header;
            try { header = FitsFile.ReadPrimaryHeader(paths[i], readOptions); }
            catch (Exception e) when (e is FitsFormatException or IOException or UnauthorizedAccessException)
            {
                errors[i] = new UnreadableFile(paths[i], e is FitsFormatException ? e.Message : $"{paths[i]}: {e.Message}");
                return;
            }
            frames[i] = ClassifyOne(paths[i], header, forced, options.Catalog);
        });
        var classified = frames.OfType<ClassifiedFrame>().ToList();
        var groups = FrameGrouper.Group(classified);
        var plan = CascadePlanner.Plan(groups, options.CalibrationDatabase);
        return new OrganiseResult
        {
            Frames = classified,
            Unreadable = errors.OfType<UnreadableFile>().ToList(),
            Groups = groups,
            Plan = plan,
            Elapsed = clock.Elapsed,
        };
    }

    /// <summary>Identifies the instrument (unless forced) and classifies one header.</summary>
    public static ClassifiedFrame ClassifyOne(string path, Header header, InstrumentDefinition? forced, InstrumentCatalog catalog)
    {
        var instrument = forced;
        if (instrument is null)
        {
            var id = catalog.Identify(header);
            if (id.Instrument is null) return new ClassifiedFrame { Path = path, Reason = id.Reason };
            instrument = id.Instrument;
        }
        return FrameClassifier.Classify(path, header, instrument);
    }
}
