using System.Text.Json;
using System.Text.Json.Serialization;
using Parallax.Pipeline.Engine;
using Parallax.Pipeline.Organising;

namespace Parallax.Reports.Night;

/// <summary>
/// What a <c>parallax reduce</c> run knew that its products do not say: the frames it organised
/// (per category, unclassified and unreadable ones with their reasons), every task with its state,
/// message, timing and dependencies, failures included. Kept as JSON in
/// <c>OUTDIR/.parallax/night.json</c> so the night report can be rebuilt from the folder later.
/// </summary>
public sealed record NightRecord
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The record's file in an output folder.</summary>
    public static string PathIn(string outputFolder) => System.IO.Path.Combine(outputFolder, ".parallax", "night.json");

    /// <summary>Pipeline name and version that ran.</summary>
    public string Pipeline { get; init; } = $"{PipelineInfo.Name} {PipelineInfo.Version}";

    /// <summary>The raw folder reduced.</summary>
    public string RawFolder { get; init; } = "";

    /// <summary>When the run started (UTC).</summary>
    public DateTimeOffset Started { get; init; }

    /// <summary>Seconds spent reading headers, classifying, grouping and planning.</summary>
    public double OrganiseSeconds { get; init; }

    /// <summary>Seconds the tasks ran (wall time of the executor).</summary>
    public double RunSeconds { get; init; }

    /// <summary>True when the run was interrupted.</summary>
    public bool Cancelled { get; init; }

    /// <summary>The instruments of the classified frames.</summary>
    public List<string> Instruments { get; init; } = [];

    /// <summary>Number of classified frames per category.</summary>
    public SortedDictionary<string, int> FramesPerCategory { get; init; } = [];

    /// <summary>Frames no rule classified, with the reason.</summary>
    public List<FileNote> Unclassified { get; init; } = [];

    /// <summary>Files that are not readable FITS, with the reason.</summary>
    public List<FileNote> Unreadable { get; init; } = [];

    /// <summary>Every task, in the cascade's order.</summary>
    public List<NightTaskRecord> Tasks { get; init; } = [];

    /// <summary>The record of a finished run.</summary>
    public static NightRecord From(string rawFolder, string outputFolder, OrganiseResult organised, ExecutionSummary summary, DateTimeOffset started)
    {
        ArgumentNullException.ThrowIfNull(organised);
        ArgumentNullException.ThrowIfNull(summary);
        var planned = organised.Plan.Tasks.ToDictionary(t => t.Id);
        return new NightRecord
        {
            RawFolder = System.IO.Path.GetFullPath(rawFolder),
            Started = started,
            OrganiseSeconds = organised.Elapsed.TotalSeconds,
            RunSeconds = summary.Elapsed.TotalSeconds,
            Cancelled = summary.Cancelled,
            Instruments = [.. organised.Frames.Where(f => f.IsClassified && f.Instrument is not null).Select(f => f.Instrument!.Name).Distinct().Order(StringComparer.Ordinal)],
            FramesPerCategory = new(organised.Frames.Where(f => f.IsClassified).GroupBy(f => f.Category!).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal),
            Unclassified = [.. organised.Unclassified.Select(f => new FileNote(System.IO.Path.GetFileName(f.Path), f.Reason ?? "no classification rule matched"))],
            Unreadable = [.. organised.Unreadable.Select(u => new FileNote(u.Path, u.Message))],
            Tasks = [.. summary.Reports.Select(r =>
            {
                var task = planned.GetValueOrDefault(r.TaskId);
                return new NightTaskRecord
                {
                    Id = r.TaskId,
                    Recipe = r.Recipe,
                    Category = task?.Group.Category ?? "",
                    State = r.State.ToString(),
                    Message = r.Message,
                    Seconds = r.Elapsed.TotalSeconds,
                    DependsOn = [.. task?.DependsOn ?? []],
                    Inputs = [.. task?.Group.Frames.Select(f => System.IO.Path.GetFileName(f.Path)) ?? []],
                    Products = [.. r.Products.Where(p => !p.Intermediate).Select(p => System.IO.Path.GetRelativePath(outputFolder, p.Path))],
                    Skipped = [.. r.Skipped.Select(s => new FileNote(s.Name, s.Reason))],
                };
            })],
        };
    }

    /// <summary>Writes the record into the output folder (through a temporary file, so a reader never sees half of it).</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Write(string outputFolder)
    {
        AtomicFile.Write(PathIn(outputFolder), JsonSerializer.SerializeToUtf8Bytes(this, Json));
    }

    /// <summary>The record of an output folder; null when there is none or it cannot be read.</summary>
    public static NightRecord? Read(string outputFolder)
    {
        var path = PathIn(outputFolder);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<NightRecord>(File.ReadAllText(path), Json) : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }
}
