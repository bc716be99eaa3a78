using Parallax.Fits.Headers;
using Parallax.Pipeline.Rules;

namespace Parallax.Pipeline.Instruments;

/// <summary>
/// The instrument definitions in force: the shipped folder, then the folders in
/// <c>PARALLAX_INSTRUMENTS</c>, then a user folder; a later file with the same <c>name</c> replaces an
/// earlier one, so a user can override a shipped definition without touching it.
/// </summary>
public sealed class InstrumentCatalog
{
    /// <summary>The environment variable holding extra instrument folders (separated by the platform's path separator).</summary>
    public const string EnvironmentVariable = "PARALLAX_INSTRUMENTS";

    private readonly List<InstrumentDefinition> _instruments;

    private InstrumentCatalog(List<InstrumentDefinition> instruments) => _instruments = instruments;

    /// <summary>The loaded instruments, by name.</summary>
    public IReadOnlyList<InstrumentDefinition> Instruments => _instruments;

    /// <summary>A catalog of given definitions (later ones with the same name replace earlier ones).</summary>
    public static InstrumentCatalog FromDefinitions(IEnumerable<InstrumentDefinition> definitions)
    {
        var byName = new Dictionary<string, InstrumentDefinition>(StringComparer.Ordinal);
        foreach (var d in definitions) byName[d.Name] = d;
        return new InstrumentCatalog([.. byName.Values.OrderBy(d => d.Name, StringComparer.Ordinal)]);
    }

    /// <summary>Loads every <c>*.yaml</c>/<c>*.yml</c> file of the folders, in order.</summary>
    /// <exception cref="InstrumentDefinitionException">A file breaks the schema, or two files in one folder share a name.</exception>
    /// <exception cref="DirectoryNotFoundException">A folder does not exist.</exception>
    public static InstrumentCatalog Load(IEnumerable<string> folders)
    {
        var all = new List<InstrumentDefinition>();
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: no such instrument folder");
            var inFolder = new Dictionary<string, InstrumentDefinition>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
            {
                var def = InstrumentLoader.Load(file);
                if (inFolder.TryGetValue(def.Name, out var other))
                    throw new InstrumentDefinitionException(new SourceLocation(file, 1, 1), "name", $"instrument '{def.Name}' is also defined in {other.SourceFile}");
                inFolder[def.Name] = def;
            }
            all.AddRange(inFolder.Values);
        }
        return FromDefinitions(all);
    }

    /// <summary>
    /// The folders searched by default: the shipped <c>instruments</c> folder (beside the program, or at the
    /// root of a source checkout), then each folder in <c>PARALLAX_INSTRUMENTS</c>, then <paramref name="userFolder"/>.
    /// </summary>
    public static IReadOnlyList<string> DefaultFolders(string? userFolder = null)
    {
        var folders = new List<string>();
        if (FindShippedFolder() is { } shipped) folders.Add(shipped);
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env)) folders.AddRange(env.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (userFolder is not null) folders.Add(userFolder);
        return folders;
    }

    /// <summary>The shipped instrument folder, or null when none is found.</summary>
    public static string? FindShippedFolder()
    {
        var besideProgram = Path.Combine(AppContext.BaseDirectory, "instruments");
        if (Directory.Exists(besideProgram)) return besideProgram;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "instruments");
            if (File.Exists(Path.Combine(dir.FullName, "Parallax.slnx")) && Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>The instrument with this name (case-insensitive), or null.</summary>
    public InstrumentDefinition? Find(string name) => _instruments.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The instrument whose identity conditions all hold for the header; the highest priority wins; a tie is reported, not guessed.</summary>
    public InstrumentIdentification Identify(Header header)
    {
        var raw = FrameValues.Raw(header);
        var matches = new List<InstrumentDefinition>();
        foreach (var inst in _instruments)
        {
            var all = true;
            foreach (var condition in inst.Identity.Conditions)
            {
                bool holds;
                try { holds = condition.IsTrue(raw); }
                catch (RuleEvaluationException) { holds = false; }
                if (!holds) { all = false; break; }
            }
            if (all) matches.Add(inst);
        }
        if (matches.Count == 0)
        {
            var hint = string.Join(", ", new[] { "INSTRUME", "TELESCOP", "DETECTOR" }.Select(k => $"{k}={Shown(raw.GetKeyword(k))}"));
            return new InstrumentIdentification(null, $"no instrument file claims this frame ({hint}); add one or use --instrument");
        }
        var best = matches.Max(m => m.Identity.Priority);
        var top = matches.Where(m => m.Identity.Priority == best).ToList();
        if (top.Count > 1)
            return new InstrumentIdentification(null, $"several instrument files claim this frame with priority {best}: {string.Join(", ", top.Select(t => t.Name))}; raise one's identity.priority or use --instrument");
        return new InstrumentIdentification(top[0], null);
    }

    private static string Shown(object? v) => v is null ? "absent" : $"'{RuleFunctions.ToText(v)}'";
}
