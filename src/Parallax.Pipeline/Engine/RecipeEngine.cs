using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Recipes;

namespace Parallax.Pipeline.Engine;

/// <summary>
/// Runs recipes and does everything a recipe must not: resolves parameters by precedence, finds
/// missing calibrations in the calibration database, checksums and reads the inputs (skipping
/// unreadable ones), skips work whose inputs, parameters and versions are unchanged, judges QC
/// against the instrument file, writes products atomically with their provenance, registers them
/// in the calibration database and maps every outcome to a <see cref="TaskReport"/>. Safe to use
/// from several threads at once (one task per thread).
/// </summary>
public sealed partial class RecipeEngine
{
    private readonly FileChecksums _checksums = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _lineLists = new(StringComparer.Ordinal);

    /// <summary>Prepares an output folder: creates it, removes temporary files left by killed runs, and loads the stamps of earlier runs.</summary>
    /// <exception cref="IOException">The output folder cannot be created.</exception>
    public RecipeEngine(EngineOptions options)
    {
        Options = options;
        OutputFolder = Path.GetFullPath(options.OutputFolder);
        Directory.CreateDirectory(OutputFolder);
        RemovedTemporaryFiles = AtomicFiles.SweepOrphans([OutputFolder, IntermediateFolder, TaskManifest.Folder(OutputFolder)]);
        foreach (var manifest in TaskManifest.ReadAll(TaskManifest.Folder(OutputFolder)))
        {
            foreach (var f in manifest.Files) _checksums.Remember(f.ToStamp());
        }
    }

    /// <summary>The options in force.</summary>
    public EngineOptions Options { get; }

    /// <summary>The output folder (absolute).</summary>
    public string OutputFolder { get; }

    /// <summary>Where intermediate products go.</summary>
    public string IntermediateFolder => Path.Combine(OutputFolder, "intermediate");

    /// <summary>Temporary files of earlier, killed runs that were removed when the engine started.</summary>
    public IReadOnlyList<string> RemovedTemporaryFiles { get; }

    /// <summary>Runs one task. Never throws for bad data, parameters or a failing recipe: every outcome is in the report.</summary>
    /// <param name="request">The task.</param>
    /// <param name="cancellation">Stops the task; a product being written is abandoned and its temporary file removed.</param>
    public TaskReport Run(TaskRequest request, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        TaskReport report;
        try
        {
            report = Execute(request, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            report = Report(request, TaskState.Cancelled, "cancelled; no partial product was left");
        }
        return report with { Elapsed = clock.Elapsed };
    }

    private TaskReport Execute(TaskRequest request, CancellationToken cancellation)
    {
        var recipe = request.Recipe;
        ResolvedParameters parameters;
        try
        {
            parameters = ParameterResolver.Resolve(recipe, request.Instrument, request.ParameterLayers, request.StrictParameters);
        }
        catch (ParameterException e)
        {
            return Report(request, TaskState.InvalidParameters, e.Problems[0], e.Problems.Count > 1 ? string.Join("\n", e.Problems) : null);
        }

        var skipped = new List<SkippedInput>(request.LeftOut);
        var inputs = new List<TaskFile>();
        foreach (var f in request.Inputs)
        {
            if (recipe.Connections.InputFor(f.Category) is not null) inputs.Add(f);
            else skipped.Add(new SkippedInput(Path.GetFileName(f.Path), $"category {f.Category} is not an input of {recipe.Name} (it takes {string.Join(", ", recipe.Connections.Inputs.SelectMany(i => i.Categories))})"));
        }
        if (inputs.Count == 0)
        {
            var takes = string.Join(" or ", recipe.Connections.Inputs.SelectMany(i => i.Categories));
            return Report(request, TaskState.NoWork, $"no {takes} frame among the {request.Inputs.Count} file(s) given", outcome: new NoWorkFound($"no {takes} frame")) with { Skipped = skipped };
        }

        var calibrationFiles = new Dictionary<string, TaskFile>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in request.Calibrations)
        {
            if (recipe.Connections.CalibrationFor(c.Category) is not null) calibrationFiles.TryAdd(c.Category, c);
        }
        var missingOptional = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var need in recipe.Connections.Calibrations.Where(n => !calibrationFiles.ContainsKey(n.Category)))
        {
            var selection = SelectFromDatabase(request, need, inputs[0].Category);
            var explanation = selection?.Explanation ?? $"no {need.Category} was given and no calibration database is open to look one up";
            if (selection?.Chosen is { } chosen) calibrationFiles[need.Category] = new TaskFile(chosen.Path, need.Category);
            else if (!need.Required) missingOptional[need.Category] = explanation;
            else
            {
                var outcome = new CalibrationNotFound(need.Category, explanation);
                return Report(request, TaskState.CalibrationNotFound, outcome.Message, outcome.Detail, outcome);
            }
        }

        // Stamps first: they decide whether there is anything to do before a single pixel is read.
        var inputStamps = new List<(TaskFile File, FileStamp Stamp)>();
        foreach (var f in inputs)
        {
            try { inputStamps.Add((f, _checksums.Get(f.Path, !Options.Force))); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { skipped.Add(new SkippedInput(Path.GetFileName(f.Path), OneLine(f.Path, e))); }
        }
        var calibrationStamps = new List<(TaskFile File, FileStamp Stamp)>();
        foreach (var c in calibrationFiles.Values.OrderBy(c => c.Category, StringComparer.Ordinal))
        {
            try { calibrationStamps.Add((c, _checksums.Get(c.Path, !Options.Force))); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Unprocessable(request, $"calibration {c.Category} cannot be read: {OneLine(c.Path, e)}", skipped);
            }
        }
        if (TooFew(recipe, inputStamps.Select(s => s.File.Category).ToList()) is { } few) return Unprocessable(request, few, skipped);

        IReadOnlyList<NamedText> lineLists;
        try { lineLists = recipe.Connections.UsesLineLists ? LineLists(request.Instrument) : []; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unprocessable(request, e.Message, skipped);
        }

        var hash = Hash(request, parameters, inputStamps, calibrationStamps, lineLists);
        var manifestPath = TaskManifest.PathOf(OutputFolder, request.Id);
        if (!Options.Force && UpToDate(manifestPath, hash) is { } manifest) return Reuse(request, manifest, hash);

        var frames = new List<RecipeFrame>();
        Fits.Headers.Header? detectorHeader = null;
        foreach (var (file, _) in inputStamps)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                var (frame, header) = FrameReader.Read(file.Path, file.Category, request.Instrument);
                frames.Add(frame);
                detectorHeader ??= header;
            }
            catch (Exception e) when (IsInputProblem(e)) { skipped.Add(new SkippedInput(Path.GetFileName(file.Path), OneLine(file.Path, e))); }
        }
        DropOddShapes(frames, skipped);
        if (frames.Count == 0) return Unprocessable(request, $"none of the {inputs.Count} input frame(s) can be read", skipped);
        if (TooFew(recipe, frames.Select(f => f.Category).ToList()) is { } tooFew) return Unprocessable(request, tooFew, skipped);

        var calibrations = new Dictionary<string, RecipeFrame>(StringComparer.OrdinalIgnoreCase);
        foreach (var (file, _) in calibrationStamps)
        {
            try
            {
                // Shapes are checked by the recipe: raw frames shrink when their overscan is trimmed.
                var (frame, _) = FrameReader.Read(file.Path, file.Category, request.Instrument);
                calibrations[file.Category] = frame;
            }
            catch (Exception e) when (IsInputProblem(e))
            {
                return Unprocessable(request, $"calibration {file.Category} cannot be read: {OneLine(file.Path, e)}", skipped);
            }
        }

        var input = new RecipeInput
        {
            Frames = frames,
            Calibrations = calibrations,
            Detector = DetectorLayout.From(request.Instrument?.Detector, detectorHeader!),
            Instrument = request.Instrument?.Name,
            Spectroscopy = request.Instrument?.Spectroscopy,
            LineLists = lineLists,
            ReferenceCatalog = ReferenceCatalogFor(recipe)?.Catalog,
            Photometry = request.Instrument?.Photometry,
            Missing = missingOptional,
            KeepIntermediates = Options.SaveIntermediate,
        };
        cancellation.ThrowIfCancellationRequested();
        RecipeOutcome result;
        try
        {
            result = recipe.Run(input, parameters.Values, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            result = new AlgorithmFailed($"{e.GetType().Name}: {e.Message}") { Trace = e.ToString() };
        }

        switch (result)
        {
            case RecipeSucceeded ok:
                skipped.AddRange(ok.Skipped);
                return Finish(request, parameters, hash, manifestPath, ok, frames, inputStamps, calibrationStamps, skipped, cancellation);
            case NoWorkFound none:
                return Report(request, TaskState.NoWork, none.Reason, outcome: none) with { Skipped = skipped, Hash = hash };
            case CalibrationNotFound missing:
                return Report(request, TaskState.CalibrationNotFound, missing.Message, missing.Detail, missing) with { Skipped = skipped, Hash = hash };
            case UnprocessableData bad:
                skipped.AddRange(bad.Inputs);
                return Report(request, TaskState.UnprocessableData, bad.Reason, Detail(skipped), bad) with { Skipped = skipped, Hash = hash };
            case AlgorithmFailed failed:
                return Report(request, TaskState.AlgorithmFailed, failed.Reason, failed.Detail, failed) with { Skipped = skipped, Hash = hash };
            default:
                return Report(request, TaskState.AlgorithmFailed, $"{recipe.Name} returned an unknown outcome {result.GetType().Name}");
        }
    }

    private CalibrationSelection? SelectFromDatabase(TaskRequest request, CalibrationConnection need, string inputCategory)
    {
        if (Options.CalibrationDatabase is not { } db) return null;
        var rule = need.RuleFor(request.Instrument, inputCategory);
        var target = request.Target ?? new CalibrationTarget { Label = $"{inputCategory} frames of {request.Id}", Values = new Dictionary<string, string?>() };
        var records = db.List(new CalibrationFilter(request.Instrument?.Name, need.Category));
        return CalibrationSelector.Select(rule, target, records.Select(CalibrationCandidate.FromRecord));
    }

    private static string? TooFew(IRecipe recipe, IReadOnlyList<string> categories)
    {
        foreach (var connection in recipe.Connections.Inputs)
        {
            var n = categories.Count(connection.Accepts);
            if (n < connection.MinCount) return $"{n} usable {string.Join("/", connection.Categories)} frame(s); {recipe.Name} needs at least {connection.MinCount}";
            if (n > connection.MaxCount) return $"{n} {string.Join("/", connection.Categories)} frames; {recipe.Name} takes at most {connection.MaxCount}";
        }
        return null;
    }

    /// <summary>Frames whose size differs from the most common size cannot be combined with the rest: they are skipped.</summary>
    private static void DropOddShapes(List<RecipeFrame> frames, List<SkippedInput> skipped)
    {
        if (frames.Count < 2) return;
        var common = frames.GroupBy(f => (f.Image.Width, f.Image.Height)).OrderByDescending(g => g.Count()).First().Key;
        foreach (var odd in frames.Where(f => (f.Image.Width, f.Image.Height) != common).ToList())
        {
            skipped.Add(new SkippedInput(odd.Name, $"is {odd.Image.ShapeText}, the other frames are {common.Width}×{common.Height}"));
            frames.Remove(odd);
        }
    }

    /// <summary>
    /// The line lists an instrument file names, read once per engine (relative paths from the instrument
    /// file's folder); a list that cannot be read is an IOException naming the instrument file and the list.
    /// </summary>
    private IReadOnlyList<NamedText> LineLists(Instruments.InstrumentDefinition? instrument)
    {
        if (instrument?.Spectroscopy is not { LineLists.Count: > 0 } settings) return [];
        var folder = Path.GetDirectoryName(Path.GetFullPath(instrument.SourceFile)) ?? ".";
        var texts = new List<NamedText>(settings.LineLists.Count);
        foreach (var name in settings.LineLists)
        {
            var path = Path.GetFullPath(name, folder);
            var text = _lineLists.GetOrAdd(path, p =>
            {
                try { return File.ReadAllText(p); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new IOException($"{instrument.SourceFile}: spectroscopy.linelists: {name} cannot be read: {e.Message}", e);
                }
            });
            texts.Add(new NamedText(name, text));
        }
        return texts;
    }

    private string Hash(TaskRequest request, ResolvedParameters parameters, List<(TaskFile File, FileStamp Stamp)> inputs, List<(TaskFile File, FileStamp Stamp)> calibrations, IReadOnlyList<NamedText> lineLists)
    {
        var sb = new StringBuilder();
        sb.Append("pipeline ").Append(PipelineInfo.Name).Append(' ').Append(PipelineInfo.Release).Append('\n');
        sb.Append("recipe ").Append(request.Recipe.Name).Append(' ').Append(request.Recipe.Version).Append('\n');
        sb.Append("instrument ").Append(request.Instrument?.Name ?? "-").Append('\n');
        sb.Append("stem ").Append(request.ProductStem).Append('\n');
        sb.Append(parameters.Canonical).Append('\n');
        foreach (var (f, s) in inputs) sb.Append("input ").Append(f.Category).Append(' ').Append(s.Sha256).Append('\n');
        foreach (var (f, s) in calibrations) sb.Append("calibration ").Append(f.Category).Append(' ').Append(s.Sha256).Append('\n');
        // An edited line list remakes the wavelength solutions.
        foreach (var list in lineLists) sb.Append("linelist ").Append(list.Name).Append(' ').Append(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(list.Text)))).Append('\n');
        if (ReferenceCatalogFor(request.Recipe) is { } reference) sb.Append("reference_catalog ").Append(reference.Sha256).Append('\n');
        // The quality verdict depends on the QC ranges, so a changed range remakes (and re-judges) the product.
        foreach (var output in request.Recipe.Connections.Outputs)
        {
            foreach (var r in request.Instrument?.QcRanges.Where(q => string.Equals(q.Product, output.Category, StringComparison.OrdinalIgnoreCase)) ?? [])
                sb.Append(CultureInfo.InvariantCulture, $"qc {r.Product} {r.Name} {r.Min} {r.Max}\n");
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>The run's reference catalog when the recipe uses one, else null.</summary>
    private ReferenceCatalogFile? ReferenceCatalogFor(IRecipe recipe) => recipe.Connections.UsesReferenceCatalog ? Options.ReferenceCatalog : null;

    private TaskManifest? UpToDate(string manifestPath, string hash)
    {
        var m = TaskManifest.Read(manifestPath);
        if (m is null || m.Hash != hash) return null;
        if (Options.SaveIntermediate && !m.IntermediatesSaved) return null;
        foreach (var p in m.Products)
        {
            var stamp = new FileStamp(Path.GetFullPath(p.Path, OutputFolder), p.Size, p.ModifiedTicks, p.Sha256);
            if (!stamp.IsCurrent()) return null;
        }
        return m;
    }

    private static bool IsInputProblem(Exception e) => e is Fits.FitsFormatException or IOException or UnauthorizedAccessException or InvalidDataException;

    private static string OneLine(string path, Exception e) => e switch
    {
        Fits.FitsFormatException f => f.Message,
        FileNotFoundException => $"{path}: no such file",
        UnauthorizedAccessException => $"{path}: permission denied",
        _ => $"{path}: {e.Message}",
    };

    private static TaskReport Unprocessable(TaskRequest request, string reason, List<SkippedInput> skipped)
    {
        var outcome = new UnprocessableData(reason, skipped);
        return Report(request, TaskState.UnprocessableData, reason, Detail(skipped), outcome) with { Skipped = skipped };
    }

    private static string? Detail(IReadOnlyList<SkippedInput> skipped) => skipped.Count == 0 ? null : "skipped:\n" + string.Join("\n", skipped.Select(s => $"  {s}"));

    private static TaskReport Report(TaskRequest request, TaskState state, string message, string? detail = null, RecipeOutcome? outcome = null)
        => new() { TaskId = request.Id, Recipe = request.Recipe.Name, State = state, Message = message, Detail = detail, Outcome = outcome };
}
