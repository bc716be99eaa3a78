using System.Data.Common;
using System.Globalization;
using Parallax.Fits;
using Parallax.Fits.Headers;
using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Recipes;
using Parallax.Pipeline.Rules;

namespace Parallax.Pipeline.Engine;

public sealed partial class RecipeEngine
{
    private TaskReport Finish(TaskRequest request, ResolvedParameters parameters, string hash, string manifestPath, RecipeSucceeded ok,
        List<RecipeFrame> frames, List<(TaskFile File, FileStamp Stamp)> inputStamps, List<(TaskFile File, FileStamp Stamp)> calibrationStamps,
        List<SkippedInput> skipped, CancellationToken cancellation)
    {
        var recipe = request.Recipe;
        var used = frames.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var inputList = inputStamps.Where(s => used.Contains(Path.GetFileName(s.File.Path)) && !skipped.Any(k => k.Name == Path.GetFileName(s.File.Path)))
            .Select(s => (Name: Path.GetFileName(s.File.Path), s.File.Category, s.Stamp.Sha256)).ToList();
        var calibrationList = calibrationStamps.Select(s => (Name: Path.GetFileName(s.File.Path), s.File.Category, s.Stamp.Sha256)).ToList();
        if (ReferenceCatalogFor(request.Recipe) is { } reference) calibrationList.Add((Path.GetFileName(reference.Path), "REFERENCE_CATALOG", reference.Sha256));
        var products = new List<(ProductFile File, ManifestProduct Entry)>();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var notes = new List<string>();
        foreach (var product in ok.Products)
        {
            var output = recipe.Connections.OutputFor(product.Category);
            if (output is null)
                return Report(request, TaskState.AlgorithmFailed, $"{recipe.Name} returned a {product.Category} product, which it does not declare as an output") with { Hash = hash, Skipped = skipped };
            if (output.Intermediate && !Options.SaveIntermediate) continue;
            var derived = product.DerivedFrom is { } d ? frames.FirstOrDefault(f => f.Name == d) : null;
            var stem = output.PerInput && product.DerivedFrom is not null ? Stem(product.DerivedFrom) : request.ProductStem;
            var name = $"{output.Category}_{stem}";
            for (var n = 2; !taken.Add(name); n++) name = $"{output.Category}_{stem}_{n}";
            var path = Path.Combine(output.Intermediate ? IntermediateFolder : OutputFolder, name + ".fits");
            var failures = output.Intermediate ? [] : QcCheck.Failures(request.Instrument, output.Category, product.Qc, notes);
            var header = ProvenanceHeader.Build(new ProvenanceHeader.Content
            {
                Observation = (derived ?? frames[0]).PrimaryHeader,
                Recipe = recipe,
                Output = output,
                TaskId = request.Id,
                Hash = hash,
                Instrument = request.Instrument?.Name,
                Parameters = parameters,
                Inputs = derived is null ? inputList : inputList.Where(i => i.Name == derived.Name).ToList(),
                Calibrations = calibrationList,
                Qc = product.Qc,
                QcFailures = failures,
                History = product.History,
            });
            try
            {
                ProductWriter.Write(path, header, product, Options.WriteDelay, cancellation);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Report(request, TaskState.WriteFailed, $"cannot write {path}: {e.Message}") with { Hash = hash, Skipped = skipped };
            }
            var stamp = _checksums.Get(path, trustCache: false);
            var quality = failures.Count == 0 ? CalibrationQuality.Provisional : CalibrationQuality.Bad;
            var (keys, mjd) = RecordValues(request, header, output.PerInput);
            // Non-finite QC values are missing values: the report of this run says what a rerun (from the manifest) says.
            var measured = product.Qc.Where(q => double.IsFinite(q.Value)).ToDictionary(q => q.Key, q => q.Value);
            var file = new ProductFile
            {
                Path = path, Category = output.Category, Intermediate = output.Intermediate, Sha256 = stamp.Sha256, Quality = quality,
                Qc = measured, QcFailures = failures, DerivedFrom = product.DerivedFrom,
            };
            var entry = new ManifestProduct
            {
                Path = Path.GetRelativePath(OutputFolder, path), Category = output.Category, Intermediate = output.Intermediate, Sha256 = stamp.Sha256,
                Size = stamp.Size, ModifiedTicks = stamp.ModifiedTicks, Quality = quality, Qc = new(measured),
                QcFailures = [.. failures], DerivedFrom = product.DerivedFrom, Keys = new(keys), Mjd = mjd,
            };
            products.Add((file, entry));
        }

        try
        {
            foreach (var (_, entry) in products.Where(p => !p.Entry.Intermediate)) Register(request, entry);
        }
        catch (DbException e)
        {
            return Report(request, TaskState.WriteFailed, $"products written but not registered in {Options.CalibrationDatabase!.Description}: {e.Message}") with { Hash = hash, Skipped = skipped, Products = products.Select(p => p.File).ToList() };
        }

        new TaskManifest
        {
            Task = request.Id,
            Recipe = recipe.Name,
            Hash = hash,
            PipelineVersion = PipelineInfo.Version,
            Finished = DateTimeOffset.UtcNow,
            IntermediatesSaved = Options.SaveIntermediate,
            Products = products.Select(p => p.Entry).ToList(),
            Files = [.. inputStamps.Concat(calibrationStamps).Select(s => new ManifestFile(s.Stamp.Path, s.Stamp.Size, s.Stamp.ModifiedTicks, s.Stamp.Sha256))],
            Skipped = skipped.Select(s => new SkippedEntry(s.Name, s.Reason)).ToList(),
        }.Write(manifestPath);

        var files = products.Select(p => p.File).ToList();
        return Summarise(request, files, skipped, hash, notes, ok, upToDate: false);
    }

    private TaskReport Reuse(TaskRequest request, TaskManifest manifest, string hash)
    {
        var files = manifest.Products.Select(p => p.ToProductFile(OutputFolder)).ToList();
        try
        {
            foreach (var entry in manifest.Products.Where(p => !p.Intermediate)) Register(request, entry, onlyWhenMissing: true);
        }
        catch (DbException e)
        {
            return Report(request, TaskState.WriteFailed, $"products are up to date but cannot be registered in {Options.CalibrationDatabase!.Description}: {e.Message}") with { Hash = hash, Products = files };
        }
        var skipped = manifest.Skipped.Select(s => new SkippedInput(s.Name, s.Reason)).ToList();
        return Summarise(request, files, skipped, hash, [], null, upToDate: true);
    }

    private static TaskReport Summarise(TaskRequest request, List<ProductFile> files, List<SkippedInput> skipped, string hash, List<string> notes, RecipeOutcome? outcome, bool upToDate)
    {
        var bad = files.Where(f => f.Quality == CalibrationQuality.Bad).ToList();
        var main = files.Where(f => !f.Intermediate).ToList();
        string message;
        if (bad.Count > 0)
            message = $"{Path.GetFileName(bad[0].Path)} failed QC: {string.Join("; ", bad[0].QcFailures)}; marked bad{(bad.Count > 1 ? $" (and {bad.Count - 1} more)" : "")}";
        else if (main.Count == 1)
            message = $"{Path.GetFileName(main[0].Path)}{QcText(main[0].Qc)}";
        else
            message = $"{main.Count} products";
        if (upToDate) message = "up to date: " + message;
        if (skipped.Count > 0) message += $"; {skipped.Count} input(s) skipped ({skipped[0]}{(skipped.Count > 1 ? ", ..." : "")})";
        var detail = new List<string>();
        foreach (var f in files) detail.Add($"  {(f.Intermediate ? "intermediate " : "")}{f.Path}{QcText(f.Qc)}");
        foreach (var s in skipped) detail.Add($"  skipped {s}");
        detail.AddRange(notes.Distinct().Select(n => "  note: " + n));
        return new TaskReport
        {
            TaskId = request.Id,
            Recipe = request.Recipe.Name,
            State = bad.Count > 0 ? TaskState.QcFailed : upToDate ? TaskState.UpToDate : TaskState.Done,
            Message = message,
            Detail = string.Join("\n", detail),
            Outcome = outcome,
            Products = files,
            Skipped = skipped,
            Hash = hash,
        };
    }

    private static string QcText(IReadOnlyDictionary<string, double> qc)
        => qc.Count == 0 ? "" : " (" + string.Join(", ", qc.Select(q => $"{q.Key}={q.Value.ToString("G5", CultureInfo.InvariantCulture)}")) + ")";

    /// <summary>The match keys and time a product is registered with: the group's shared values for a combined product, the product's own header (its input's keywords) for a per-input one.</summary>
    private static (Dictionary<string, string?> Keys, double? Mjd) RecordValues(TaskRequest request, Header productHeader, bool perInput)
    {
        if (!perInput && request.Target is { } target) return (new(target.Values), target.Mjd);
        if (request.Instrument is null) return (new(), request.Target?.Mjd);
        var values = FrameValues.For(request.Instrument, productHeader);
        return (request.Instrument.Keywords.ToDictionary(k => k.Name, k => values.Text(k.Name)), values.Mjd);
    }

    /// <summary>Registers a product, replacing any record of the same file (a remade product supersedes the old one).</summary>
    private void Register(TaskRequest request, ManifestProduct entry, bool onlyWhenMissing = false)
    {
        if (Options.CalibrationDatabase is not { } db) return;
        var path = Path.GetFullPath(entry.Path, OutputFolder);
        var instrument = request.Instrument?.Name ?? "unknown";
        var existing = db.List(new CalibrationFilter(instrument, entry.Category)).Where(r => r.Path == path).ToList();
        if (onlyWhenMissing && existing.Any(r => r.Checksum == "sha256:" + entry.Sha256 && (r.Quality == CalibrationQuality.Bad) == (entry.Quality == CalibrationQuality.Bad))) return;
        foreach (var r in existing) db.Remove(r.Id);
        db.Add(new CalibrationRecord
        {
            Category = entry.Category,
            Instrument = instrument,
            Keys = entry.Keys,
            Mjd = entry.Mjd,
            Quality = entry.Quality,
            Qc = entry.Qc,
            Path = path,
            Checksum = "sha256:" + entry.Sha256,
            Note = entry.QcFailures.Count > 0 ? "failed QC: " + string.Join("; ", entry.QcFailures) : $"made by {request.Recipe.Name} ({request.Id})",
        });
    }

    /// <summary>A file name without its FITS extensions: <c>bias_001.fits.gz</c> → <c>bias_001</c>.</summary>
    internal static string Stem(string name)
    {
        var s = Path.GetFileName(name);
        foreach (var ext in new[] { ".gz", ".fz" }) if (s.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) s = s[..^ext.Length];
        foreach (var ext in new[] { ".fits", ".fit", ".fts" }) if (s.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) s = s[..^ext.Length];
        return s;
    }
}
