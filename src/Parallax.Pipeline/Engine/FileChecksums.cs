using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Parallax.Pipeline.Engine;

/// <summary>
/// SHA-256 of files, remembered by (size, modification time) the way make and rsync's quick check
/// trust a file that has not changed: an up-to-date check then costs one stat per input instead
/// of reading every byte again. The cache is seeded from the task manifests of earlier runs.
/// </summary>
internal sealed class FileChecksums
{
    private readonly ConcurrentDictionary<string, FileStamp> _known = new(StringComparer.Ordinal);

    /// <summary>Remembers a checksum (from a manifest, or for a file just written).</summary>
    public void Remember(FileStamp stamp) => _known[stamp.Path] = stamp;

    /// <summary>The stamp of a file: from the cache when its size and time are unchanged, else computed.</summary>
    /// <param name="path">The file.</param>
    /// <param name="trustCache">False to read the file whatever the cache says.</param>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file is not readable.</exception>
    public FileStamp Get(string path, bool trustCache = true)
    {
        var full = System.IO.Path.GetFullPath(path);
        var info = new FileInfo(full);
        if (!info.Exists) throw new FileNotFoundException($"{path}: no such file", path);
        var ticks = info.LastWriteTimeUtc.Ticks;
        if (trustCache && _known.TryGetValue(full, out var s) && s.Size == info.Length && s.ModifiedTicks == ticks) return s;
        var stamp = new FileStamp(full, info.Length, ticks, Compute(full));
        _known[full] = stamp;
        return stamp;
    }

    /// <summary>The SHA-256 of a file as 64 lower-case hex digits.</summary>
    public static string Compute(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

/// <summary>A file's identity at one moment: path, size, modification time (UTC ticks) and SHA-256.</summary>
/// <param name="Path">Absolute path.</param>
/// <param name="Size">Length in bytes.</param>
/// <param name="ModifiedTicks">Last write time, UTC ticks.</param>
/// <param name="Sha256">64 lower-case hex digits.</param>
internal sealed record FileStamp(string Path, long Size, long ModifiedTicks, string Sha256)
{
    /// <summary>True when the file on disk still has this size and time.</summary>
    public bool IsCurrent()
    {
        var info = new FileInfo(Path);
        return info.Exists && info.Length == Size && info.LastWriteTimeUtc.Ticks == ModifiedTicks;
    }
}
