using System.Text.Json;
using Parallax.Fits.Compression;
using Parallax.Fits.Tests.Support;

namespace Parallax.Fits.Tests.Compression;

/// <summary>
/// One case of data/compression: tiles compressed by fpack or astropy (CFITSIO) and their pixels
/// as decoded by astropy/funpack, written by make_compression_vectors.py.
/// </summary>
internal sealed class CompressionVector
{
    public static readonly string Folder = TestPaths.Data("compression");

    private readonly byte[] _compressed;
    private readonly byte[] _expected;

    private CompressionVector(JsonElement root)
    {
        Case = root.GetProperty("case").GetString()!;
        Source = root.GetProperty("source").GetString()!;
        ZCmpType = root.GetProperty("zcmptype").GetString()!;
        ZBitpix = root.GetProperty("zbitpix").GetInt32();
        ZTile = root.GetProperty("ztile").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Parameters = root.GetProperty("params").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        ZQuantiz = root.GetProperty("zquantiz").ValueKind == JsonValueKind.String ? root.GetProperty("zquantiz").GetString() : null;
        ZDither0 = root.GetProperty("zdither0").ValueKind == JsonValueKind.Number ? root.GetProperty("zdither0").GetInt32() : null;
        ZBlank = root.GetProperty("zblank").ValueKind == JsonValueKind.Number ? root.GetProperty("zblank").GetInt32() : null;
        ExpectsFloats = root.GetProperty("expected_type").GetString() == "float32";
        Tiles = root.GetProperty("tiles").EnumerateArray().Select(TileVector.From).ToArray();
        _compressed = File.ReadAllBytes(Path.Combine(Folder, root.GetProperty("tiles_file").GetString()!));
        _expected = File.ReadAllBytes(Path.Combine(Folder, root.GetProperty("expected_file").GetString()!));
    }

    public string Case { get; }
    public string Source { get; }
    public string ZCmpType { get; }
    public int ZBitpix { get; }
    public int[] ZTile { get; }
    public Dictionary<string, JsonElement> Parameters { get; }
    public string? ZQuantiz { get; }
    public int? ZDither0 { get; }
    public int? ZBlank { get; }
    public bool ExpectsFloats { get; }
    public TileVector[] Tiles { get; }

    public CompressionAlgorithm Algorithm => CompressionAlgorithms.Parse(ZCmpType);

    public int BlockSize => Parameters.TryGetValue("BLOCKSIZE", out var v) ? v.GetInt32() : RiceCodec.DefaultBlockSize;
    public int BytePix => Parameters.TryGetValue("BYTEPIX", out var v) ? v.GetInt32() : RiceCodec.DefaultBytePix;

    /// <summary>SMOOTH is written as 0/1 by fpack and as a logical by astropy.</summary>
    public bool Smooth => Parameters.TryGetValue("SMOOTH", out var v)
        && (v.ValueKind == JsonValueKind.True || (v.ValueKind == JsonValueKind.Number && v.GetDouble() != 0));

    public TileCodecParameters CodecParameters => new(BlockSize, BytePix, Smooth);

    public byte[] Compressed(TileVector tile) => _compressed.AsSpan(tile.Offset, tile.Length).ToArray();

    public int[] ExpectedIntegers(TileVector tile)
    {
        var values = new int[tile.Pixels];
        BitConverter.IsLittleEndian.ShouldHold();
        Buffer.BlockCopy(_expected, tile.ExpectedOffset, values, 0, 4 * values.Length);
        return values;
    }

    public float[] ExpectedFloats(TileVector tile)
    {
        var values = new float[tile.Pixels];
        Buffer.BlockCopy(_expected, tile.ExpectedOffset, values, 0, 4 * values.Length);
        return values;
    }

    public TileQuantization Quantization(TileVector tile) => new(
        tile.ZScale ?? throw new InvalidOperationException($"{Case} tile {tile.Row} has no ZSCALE"),
        tile.ZZero ?? throw new InvalidOperationException($"{Case} tile {tile.Row} has no ZZERO"),
        QuantizationMethods.Parse(ZQuantiz),
        tile.ZBlank ?? ZBlank,
        tile.Row,
        ZDither0 ?? 1);

    public static CompressionVector Load(string name)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, name + ".json")));
        return new CompressionVector(json.RootElement);
    }

    public static IEnumerable<object[]> Cases(Func<CompressionVector, bool> which)
        => Directory.EnumerateFiles(Folder, "*.json")
            .Select(f => Load(Path.GetFileNameWithoutExtension(f)))
            .Where(which)
            .OrderBy(v => v.Case, StringComparer.Ordinal)
            .Select(v => new object[] { v.Case });

    public override string ToString() => Case;
}

/// <summary>One tile of a <see cref="CompressionVector"/>.</summary>
internal sealed record TileVector(int Row, string Column, int Offset, int Length, int Width, int Height, int ExpectedOffset,
    double? ZScale, double? ZZero, int? ZBlank)
{
    public int Pixels => Width * Height;

    public static TileVector From(JsonElement e) => new(
        e.GetProperty("row").GetInt32(),
        e.GetProperty("column").GetString()!,
        e.GetProperty("offset").GetInt32(),
        e.GetProperty("length").GetInt32(),
        e.GetProperty("width").GetInt32(),
        e.GetProperty("height").GetInt32(),
        e.GetProperty("expected_offset").GetInt32(),
        e.TryGetProperty("zscale", out var s) ? s.GetDouble() : null,
        e.TryGetProperty("zzero", out var z) ? z.GetDouble() : null,
        e.TryGetProperty("zblank", out var b) ? b.GetInt32() : null);
}

internal static class TestAssertions
{
    /// <summary>The vectors are little-endian; a big-endian test host would need swapping.</summary>
    public static void ShouldHold(this bool condition)
    {
        if (!condition) throw new PlatformNotSupportedException("these tests read little-endian data files");
    }
}
