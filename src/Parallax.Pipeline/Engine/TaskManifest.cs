using System.Text.Json;
using System.Text.Json.Serialization;
using Parallax.Pipeline.Calibration;

namespace Parallax.Pipeline.Engine;

/// <summary>
/// The record a finished task leaves in <c>.parallax/tasks/</c> of the output folder: the hash of
/// its inputs, parameters and versions, and the files it read and wrote with size, time and
/// SHA-256. The next run compares hashes to skip unchanged work, and reuses the file stamps to avoid
/// re-reading unchanged inputs. It is written last, atomically: a task without a manifest is redone.
/// </summary>
internal sealed record TaskManifest
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The folder of manifests under an output folder.</summary>
    public static string Folder(string outputFolder) => Path.Combine(outputFolder, ".parallax", "tasks");

    /// <summary>The manifest file of a task.</summary>
    public static string PathOf(string outputFolder, string taskId)
        => Path.Combine(Folder(outputFolder), string.Concat(taskId.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')) + ".json");

    public required string Task { get; init; }

    public required string Recipe { get; init; }

    public required string Hash { get; init; }

    public required string PipelineVersion { get; init; }

    public DateTimeOffset Finished { get; init; }

    public bool IntermediatesSaved { get; init; }

    public required List<ManifestProduct> Products { get; init; }

    public required List<ManifestFile> Files { get; init; }

    public List<SkippedEntry> Skipped { get; init; } = [];

    /// <summary>Reads a manifest; null when absent or unreadable (the task is then redone).</summary>
    public static TaskManifest? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<TaskManifest>(File.ReadAllText(path), Json) : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Every readable manifest in a folder.</summary>
    public static IEnumerable<TaskManifest> ReadAll(string folder)
        => Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.json").Select(Read).OfType<TaskManifest>() : [];

    /// <summary>Writes the manifest atomically.</summary>
    public void Write(string path) => AtomicFiles.WriteAllText(path, JsonSerializer.Serialize(this, Json));
}

/// <summary>A product as the manifest records it.</summary>
internal sealed record ManifestProduct
{
    public required string Path { get; init; }

    public required string Category { get; init; }

    public bool Intermediate { get; init; }

    public required string Sha256 { get; init; }

    public long Size { get; init; }

    public long ModifiedTicks { get; init; }

    public CalibrationQuality Quality { get; init; }

    public Dictionary<string, double> Qc { get; init; } = [];

    public List<string> QcFailures { get; init; } = [];

    public string? DerivedFrom { get; init; }

    public Dictionary<string, string?> Keys { get; init; } = [];

    public double? Mjd { get; init; }

    /// <summary>The product as a report lists it.</summary>
    public ProductFile ToProductFile(string outputFolder) => new()
    {
        Path = System.IO.Path.GetFullPath(Path, outputFolder), Category = Category, Intermediate = Intermediate, Sha256 = Sha256, Quality = Quality, Qc = Qc, QcFailures = QcFailures, DerivedFrom = DerivedFrom,
    };
}

/// <summary>A file the task read, with its stamp.</summary>
internal sealed record ManifestFile(string Path, long Size, long ModifiedTicks, string Sha256)
{
    public FileStamp ToStamp() => new(Path, Size, ModifiedTicks, Sha256);
}

/// <summary>An input skipped by the run that made the products.</summary>
internal sealed record SkippedEntry(string Name, string Reason);
