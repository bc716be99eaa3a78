using Parallax.Fits;
using Parallax.Fits.Headers;
using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Instruments;
using Parallax.Pipeline.Organising;
using Parallax.Pipeline.Recipes;
using Parallax.Pipeline.Rules;

namespace Parallax.Pipeline.Engine;

/// <summary>
/// Builds the request of a single recipe run from files a user names (EsoRex style): a SOF gives
/// each file's category; plain FITS files get theirs from the product keyword <c>PRODCATG</c>, the
/// instrument's classification rules, or — when the recipe takes one category only — the recipe.
/// The instrument is the one named, else the one that claims the first input frame.
/// </summary>
public static class FileSetTask
{
    /// <summary>The request, and the files that could not be used (one line each).</summary>
    /// <param name="Request">The task to run.</param>
    /// <param name="Problems">Files left out, with the reason.</param>
    public sealed record Result(TaskRequest Request, IReadOnlyList<string> Problems);

    /// <summary>Builds the request.</summary>
    /// <param name="recipe">The recipe.</param>
    /// <param name="files">The files: from a SOF (with categories) or FITS paths (category null: found here).</param>
    /// <param name="catalog">The instruments to identify and classify with.</param>
    /// <param name="instrument">The instrument to use for every file, or null to identify it.</param>
    /// <param name="layers">User parameter layers.</param>
    /// <param name="stem">The product name stem; null for the first input's file name.</param>
    /// <exception cref="ArgumentException">The named instrument is not loaded.</exception>
    public static Result Build(IRecipe recipe, IReadOnlyList<(string Path, string? Category)> files, InstrumentCatalog catalog, string? instrument, IReadOnlyList<ParameterLayer> layers, string? stem = null)
    {
        InstrumentDefinition? forced = null;
        if (instrument is not null)
            forced = catalog.Find(instrument) ?? throw new ArgumentException($"no instrument named '{instrument}' (loaded: {string.Join(", ", catalog.Instruments.Select(i => i.Name))})");
        var problems = new List<string>();
        var inputs = new List<TaskFile>();
        var calibrations = new List<TaskFile>();
        var headers = new Dictionary<string, Header>(StringComparer.Ordinal);
        InstrumentDefinition? chosen = forced;
        var soleCategory = recipe.Connections.Inputs.SelectMany(i => i.Categories).Distinct().ToList() is { Count: 1 } one ? one[0] : null;
        foreach (var (path, given) in files)
        {
            var full = Path.GetFullPath(path);
            Header? header = null;
            try { header = FitsFile.ReadPrimaryHeader(full); }
            catch (Exception e) when (e is FitsFormatException or IOException or UnauthorizedAccessException)
            {
                // A SOF entry stays: the engine reports it as a skipped input. A bare file of unknown category cannot be placed.
                if (given is null)
                {
                    problems.Add(e is FitsFormatException ? e.Message : $"{path}: {e.Message}");
                    continue;
                }
            }
            if (header is not null) headers[full] = header;
            var why = "";
            var category = given ?? CategoryOf(header!, full, forced, catalog, soleCategory, out why);
            if (category is null)
            {
                problems.Add($"{path}: {why}");
                continue;
            }
            if (recipe.Connections.CalibrationFor(category) is not null) calibrations.Add(new TaskFile(full, category));
            else inputs.Add(new TaskFile(full, category));
            if (chosen is null && header is not null && recipe.Connections.InputFor(category) is not null) chosen = catalog.Identify(header).Instrument;
        }
        var main = inputs.Where(i => recipe.Connections.InputFor(i.Category) is not null).ToList();
        var request = new TaskRequest
        {
            Id = $"{recipe.Name}:{stem ?? (main.Count > 0 ? RecipeEngine.Stem(main[0].Path) : "run")}",
            Recipe = recipe,
            Instrument = chosen,
            Inputs = inputs,
            Calibrations = calibrations,
            ProductStem = stem ?? (main.Count > 0 ? RecipeEngine.Stem(main[0].Path) : "run"),
            Target = Target(chosen, main, headers),
            ParameterLayers = layers,
            StrictParameters = true,
        };
        return new Result(request, problems);
    }

    private static string? CategoryOf(Header header, string path, InstrumentDefinition? forced, InstrumentCatalog catalog, string? soleCategory, out string why)
    {
        why = "";
        if (header.GetString("PRODCATG", null)?.Trim() is { Length: > 0 } product) return product.ToUpperInvariant();
        var frame = Organiser.ClassifyOne(path, header, forced, catalog);
        if (frame.Category is { } category) return category;
        if (soleCategory is not null) return soleCategory;
        why = $"cannot tell its category: {frame.Reason}; name it in a SOF (path CATEGORY)";
        return null;
    }

    /// <summary>The values the input frames share (null where they differ) and their middle time: what calibrations are matched against.</summary>
    private static CalibrationTarget? Target(InstrumentDefinition? instrument, List<TaskFile> inputs, Dictionary<string, Header> headers)
    {
        if (instrument is null || inputs.Count == 0) return null;
        var values = inputs.Where(i => headers.ContainsKey(i.Path)).Select(i => FrameValues.For(instrument, headers[i.Path])).ToList();
        if (values.Count == 0) return null;
        var shared = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var k in instrument.Keywords)
        {
            var first = values[0].Text(k.Name);
            shared[k.Name] = values.All(v => string.Equals(v.Text(k.Name)?.Trim(), first?.Trim(), StringComparison.OrdinalIgnoreCase)) ? first : null;
        }
        var times = values.Select(v => v.Mjd).OfType<double>().ToList();
        return new CalibrationTarget
        {
            Label = $"{inputs[0].Category} frames given",
            Values = shared,
            Mjd = times.Count == 0 ? null : (times.Min() + times.Max()) / 2,
        };
    }
}
