using System.Security.Cryptography;
using Parallax.Fits;
using Parallax.Fits.Headers;
using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Engine;
using Parallax.Pipeline.Recipes;

namespace Parallax.Pipeline.Tests.Support;

/// <summary>A raw folder, an output folder and a calibration database for one engine test.</summary>
public sealed class EngineFixture : IDisposable
{
    public const int Width = 6;
    public const int Height = 4;

    private readonly TempFolder _root = new();

    public EngineFixture()
    {
        Directory.CreateDirectory(Raw);
        Database = new SqliteCalibrationDatabase(Path.Combine(_root.Path, "caldb.sqlite"));
    }

    public string Raw => Path.Combine(_root.Path, "raw");

    public string Output => Path.Combine(_root.Path, "out");

    public SqliteCalibrationDatabase Database { get; }

    /// <summary>Writes a constant 6×4 frame of the engine-test instrument.</summary>
    public string Frame(string name, string imagetyp, float value, string dateObs = "2024-03-01T18:00:00", string filter = "V", params (string, object?)[] extra)
        => Frames.WriteImage(Path.Combine(Raw, name), Frames.Constant(Width * Height, value), Width, Height, EngineInstrument.Cards(imagetyp, dateObs, filter, extra));

    public RecipeEngine Engine(bool force = false, bool saveIntermediate = false, TimeSpan writeDelay = default, bool withDatabase = true)
        => new(new EngineOptions { OutputFolder = Output, Force = force, SaveIntermediate = saveIntermediate, WriteDelay = writeDelay, CalibrationDatabase = withDatabase ? Database : null });

    public static TaskRequest Request(IRecipe recipe, IEnumerable<string> inputs, string category = "BIAS", IEnumerable<TaskFile>? calibrations = null, params string[] cli)
        => new()
        {
            Id = $"{recipe.Name}:test",
            Recipe = recipe,
            Instrument = EngineInstrument.Definition,
            Inputs = inputs.Select(p => new TaskFile(p, category)).ToList(),
            Calibrations = calibrations?.ToList() ?? [],
            ProductStem = "test",
            Target = new CalibrationTarget { Label = $"{category} frames", Values = new Dictionary<string, string?> { ["binning"] = "1x1", ["filter"] = "V" }, Mjd = 60370.75 },
            ParameterLayers = cli.Length == 0 ? [] : [ParameterFiles.FromPairs(cli)],
        };

    /// <summary>The SHA-256 of a file, computed here (not by the engine).</summary>
    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    public static Header PrimaryHeader(string path)
    {
        using var f = FitsFile.Open(path);
        return f.Primary.Header;
    }

    public static float[] Pixels(string path, string extension)
    {
        using var f = FitsFile.Open(path);
        return f.Image(extension).ReadFloat32();
    }

    /// <summary>Temporary files anywhere under the output folder.</summary>
    public string[] Temporaries() => Directory.Exists(Output) ? Directory.GetFiles(Output, "*.tmp", SearchOption.AllDirectories) : [];

    public void Dispose()
    {
        Database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _root.Dispose();
    }
}
