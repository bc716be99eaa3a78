using Parallax.Fits.Hdus;
using Parallax.Fits.Headers;
using Parallax.Fits.Io;

namespace Parallax.Fits;

/// <summary>
/// An open FITS file. Headers are parsed lazily, HDU by HDU, as they are asked for (asking for the
/// primary header reads only its blocks); pixels and table rows are read on demand with positional
/// reads from one file handle. A gzip-compressed file (.fits.gz, detected by its magic bytes) is
/// expanded in memory first; tile-compressed HDUs (.fz) are read in place. Nothing is ever written
/// to the file.
/// </summary>
public sealed class FitsFile : IDisposable
{
    private readonly FitsSource _source;
    private readonly List<Hdu> _hdus = [];
    private readonly List<string> _warnings = [];
    private long _nextOffset;
    private bool _scannedAll;

    private FitsFile(FitsSource source, string? fileName, FitsReadOptions options)
    {
        _source = source;
        FileName = fileName;
        Options = options;
    }

    /// <summary>The path given to <see cref="Open(string, FitsReadOptions?)"/>, or null for a stream.</summary>
    public string? FileName { get; }

    /// <summary>The options the file was opened with.</summary>
    public FitsReadOptions Options { get; }

    /// <summary>Problems read around (in <see cref="VerifyMode.Warn"/> or <see cref="VerifyMode.Fix"/> mode), one line each, naming HDU and card.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Size in bytes of the FITS data (after gunzip when the file was gzipped).</summary>
    public long Length => _source.Length;

    /// <summary>True when the file was gzip-compressed as a whole.</summary>
    public bool WasGzipped { get; private init; }

    /// <summary>Opens a FITS file for reading (plain or gzip-compressed).</summary>
    /// <exception cref="FitsFormatException">Not a FITS file, corrupt, or unreadable; the message names the file.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static FitsFile Open(string path, FitsReadOptions? options = null)
    {
        options ??= FitsReadOptions.Default;
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        try
        {
            Span<byte> head = stackalloc byte[2];
            var n = RandomAccess.Read(handle, head, 0);
            if (GzipLoader.IsGzip(head[..n]))
            {
                byte[] bytes;
                using (var fs = new FileStream(handle, FileAccess.Read, 1 << 16))
                    bytes = GzipLoader.Expand(fs, options.MaxDecompressedBytes, path);
                return Init(new FitsFile(new MemorySource(bytes), path, options) { WasGzipped = true });
            }
            return Init(new FitsFile(new FileSource(handle), path, options));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Opens FITS bytes held in memory (plain or gzip-compressed).</summary>
    public static FitsFile Open(ReadOnlyMemory<byte> bytes, string? name = null, FitsReadOptions? options = null)
    {
        options ??= FitsReadOptions.Default;
        if (GzipLoader.IsGzip(bytes.Span))
        {
            using var ms = new MemoryStream(bytes.ToArray(), writable: false);
            return Init(new FitsFile(new MemorySource(GzipLoader.Expand(ms, options.MaxDecompressedBytes, name)), name, options) { WasGzipped = true });
        }
        return Init(new FitsFile(new MemorySource(bytes), name, options));
    }

    /// <summary>Reads only the primary header of a file: the fastest way to classify frames.</summary>
    public static Header ReadPrimaryHeader(string path, FitsReadOptions? options = null)
    {
        using var f = Open(path, options);
        return f.Primary.Header;
    }

    private static FitsFile Init(FitsFile f)
    {
        if (f.TryScanNext() is null) throw new FitsFormatException(f._source.Length == 0 ? "file is empty" : "not a FITS file: no primary header", f.FileName, 0);
        return f;
    }

    /// <summary>The primary HDU.</summary>
    public Hdu Primary => this[0];

    /// <summary>Every HDU in order (reads the remaining headers on first use).</summary>
    public IReadOnlyList<Hdu> Hdus
    {
        get
        {
            while (!_scannedAll) TryScanNext();
            return _hdus;
        }
    }

    /// <summary>Number of HDUs (reads all headers).</summary>
    public int Count => Hdus.Count;

    /// <summary>The HDU at a zero-based index.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The file has fewer HDUs.</exception>
    public Hdu this[int index]
    {
        get
        {
            while (_hdus.Count <= index && !_scannedAll) TryScanNext();
            if (index < 0 || index >= _hdus.Count)
                throw new ArgumentOutOfRangeException(nameof(index), $"{FileName ?? "<stream>"} has {_hdus.Count} HDUs; there is no HDU {index}");
            return _hdus[index];
        }
    }

    /// <summary>The first HDU whose EXTNAME matches (case-insensitive) and, when given, whose EXTVER matches; null when none.</summary>
    public Hdu? Find(string extName, int? extVer = null)
        => Hdus.FirstOrDefault(h => string.Equals(h.Name, extName, StringComparison.OrdinalIgnoreCase) && (extVer is null || h.Version == extVer));

    /// <summary>The image HDU at an index (a tile-compressed image reads as an image too).</summary>
    /// <exception cref="FitsFormatException">That HDU is not an image.</exception>
    public ImageHdu Image(int index) => this[index] as ImageHdu
        ?? throw new FitsFormatException($"is a {this[index].Kind}, not an image", FileName, index);

    /// <summary>The image HDU with this EXTNAME.</summary>
    /// <exception cref="FitsFormatException">No such HDU, or not an image.</exception>
    public ImageHdu Image(string extName)
    {
        var hdu = Find(extName) ?? throw new FitsFormatException($"has no HDU with EXTNAME '{extName}'", FileName);
        return hdu as ImageHdu ?? throw new FitsFormatException($"EXTNAME '{extName}' is a {hdu.Kind}, not an image", FileName, hdu.Index);
    }

    /// <summary>The first image HDU that has pixels (the primary, or the first extension when the primary is empty); null when none.</summary>
    public ImageHdu? FirstImageWithData() => Hdus.OfType<ImageHdu>().FirstOrDefault(h => h.HasData);

    private Hdu? TryScanNext()
    {
        if (_scannedAll) return null;
        var index = _hdus.Count;
        var location = new FitsLocation(FileName, index);
        var header = HeaderBlockReader.Read(_source, _nextOffset, location, Options, _warnings, out var dataOffset);
        if (header is null)
        {
            _scannedAll = true;
            return null;
        }
        var hdu = HduFactory.Create(header, index, _nextOffset, dataOffset, _source, Options, _warnings);
        _hdus.Add(hdu);
        _nextOffset = hdu.Layout.NextOffset;
        if (_nextOffset >= _source.Length) _scannedAll = true;
        return hdu;
    }

    /// <inheritdoc/>
    public void Dispose() => _source.Dispose();
}
