using System.Buffers;
using Parallax.Fits.Checksums;
using Parallax.Fits.Headers;
using Parallax.Fits.Images;

namespace Parallax.Fits;

/// <summary>
/// Writes a FITS file HDU by HDU. Writing to a path is atomic: bytes go to a temporary file in the
/// same folder, and <see cref="Commit"/> renames it into place; disposing without committing
/// deletes the temporary file, so a crash or an exception never leaves a partial product.
/// The structural keywords (SIMPLE/XTENSION, BITPIX, NAXISn, PCOUNT, GCOUNT, EXTEND, BSCALE,
/// BZERO, BLANK, CHECKSUM, DATASUM) are written by the writer; the caller's header supplies every
/// other card, in its order.
/// </summary>
public sealed partial class FitsWriter : IDisposable
{
    private static readonly HashSet<string> StructuralKeywords =
        ["SIMPLE", "XTENSION", "BITPIX", "NAXIS", "EXTEND", "PCOUNT", "GCOUNT", "BSCALE", "BZERO", "BLANK", "CHECKSUM", "DATASUM", "GROUPS"];

    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly string? _tempPath;
    private readonly string? _finalPath;
    private bool _committed;

    private FitsWriter(Stream stream, bool ownsStream, string? tempPath, string? finalPath, FitsWriteOptions options)
    {
        _stream = stream;
        _ownsStream = ownsStream;
        _tempPath = tempPath;
        _finalPath = finalPath;
        Options = options;
    }

    /// <summary>The options in force.</summary>
    public FitsWriteOptions Options { get; }

    /// <summary>How many HDUs have been written.</summary>
    public int HduCount { get; private set; }

    /// <summary>Starts writing a file at <paramref name="path"/> (atomically: call <see cref="Commit"/> when done).</summary>
    /// <exception cref="IOException">The file exists and <see cref="FitsWriteOptions.Overwrite"/> is false.</exception>
    public static FitsWriter Create(string path, FitsWriteOptions? options = null)
    {
        options ??= FitsWriteOptions.Default;
        var full = Path.GetFullPath(path);
        if (!options.Overwrite && File.Exists(full)) throw new IOException($"{path}: file exists (overwrite is off)");
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        return new FitsWriter(fs, true, temp, full, options);
    }

    /// <summary>Writes into a caller-owned seekable stream (checksums need to seek back to the header).</summary>
    public static FitsWriter Create(Stream stream, FitsWriteOptions? options = null)
    {
        options ??= FitsWriteOptions.Default;
        if (options.WriteChecksums && !stream.CanSeek) throw new ArgumentException("checksums need a seekable stream; turn WriteChecksums off or use a MemoryStream", nameof(stream));
        return new FitsWriter(stream, false, null, null, options);
    }

    /// <summary>Writes a header-only HDU (NAXIS = 0): the usual primary of a multi-extension file.</summary>
    public void WriteEmpty(Header? header = null)
        => WriteHdu(ImageStructure(8, []), header, 0, _ => { });

    /// <summary>Writes float pixels as an image HDU, stored with the given encoding.</summary>
    /// <param name="pixels">Physical values, NAXIS1 fastest; NaN becomes NaN (float encodings) or BLANK (integer encodings).</param>
    /// <param name="axes">Axis lengths, NAXIS1 first; their product must equal the pixel count.</param>
    /// <param name="header">Extra cards (EXTNAME, WCS, provenance ...); structural keywords in it are replaced.</param>
    /// <param name="encoding">How to store the values.</param>
    public void WriteImage(ReadOnlySpan<float> pixels, IReadOnlyList<int> axes, Header? header = null, ImageEncoding encoding = ImageEncoding.Float32)
    {
        CheckShape(pixels.Length, axes);
        long? blank = null;
        if (encoding is not (ImageEncoding.Float32 or ImageEncoding.Float64) && ContainsNaN(pixels))
            blank = PixelEncoder.BlankValue(encoding);
        var structure = ImageStructure(PixelEncoder.Bitpix(encoding), axes);
        if (encoding == ImageEncoding.UInt16) { structure.Add(HeaderCard.Create("BZERO", 32768L)); structure.Add(HeaderCard.Create("BSCALE", 1L)); }
        if (blank is { } b) structure.Add(HeaderCard.Create("BLANK", b));
        var bpp = Math.Abs(PixelEncoder.Bitpix(encoding)) / 8;
        unsafe
        {
            fixed (float* p = pixels)
            {
                var ptr = (nint)p;
                var length = pixels.Length;
                WriteHdu(structure, header, (long)length * bpp, sink => WriteChunked(sink, length, bpp, (start, bytes) =>
                    PixelEncoder.Encode(new ReadOnlySpan<float>((float*)ptr + start, bytes.Length / bpp), encoding, bytes)));
            }
        }
    }

    /// <summary>Writes native values unscaled: byte → BITPIX 8, short → 16, int → 32, long → 64, float → −32, double → −64;
    /// ushort and uint are written with BZERO 32768 and 2^31 (the unsigned conventions).</summary>
    public void WriteNativeImage<T>(ReadOnlySpan<T> pixels, IReadOnlyList<int> axes, Header? header = null) where T : unmanaged
    {
        CheckShape(pixels.Length, axes);
        var bitpix = typeof(T) switch
        {
            var t when t == typeof(byte) => 8,
            var t when t == typeof(short) || t == typeof(ushort) => 16,
            var t when t == typeof(int) || t == typeof(uint) => 32,
            var t when t == typeof(long) => 64,
            var t when t == typeof(float) => -32,
            var t when t == typeof(double) => -64,
            _ => throw new ArgumentException($"{typeof(T).Name} pixels cannot be written to FITS"),
        };
        var structure = ImageStructure(bitpix, axes);
        var bpp = Math.Abs(bitpix) / 8;
        if (typeof(T) == typeof(ushort) || typeof(T) == typeof(uint))
        {
            structure.Add(HeaderCard.Create("BZERO", typeof(T) == typeof(ushort) ? 32768L : 2147483648L));
            structure.Add(HeaderCard.Create("BSCALE", 1L));
        }
        var flip = typeof(T) == typeof(ushort) || typeof(T) == typeof(uint);
        unsafe
        {
            fixed (T* p = pixels)
            {
                var ptr = (nint)p;
                var length = pixels.Length;
                WriteHdu(structure, header, (long)length * bpp, sink => WriteChunked(sink, length, bpp, (start, bytes) =>
                {
                    PixelEncoder.EncodeNative(new ReadOnlySpan<T>((T*)ptr + start, bytes.Length / bpp), bytes);
                    // Unsigned conventions: stored = value - BZERO, i.e. flip the sign bit (first big-endian byte).
                    if (flip) for (var k = 0; k < bytes.Length; k += bpp) bytes[k] ^= 0x80;
                }));
            }
        }
    }

    /// <summary>
    /// Writes a binary table extension: XTENSION = 'BINTABLE', the column keywords (TTYPEn, TFORMn, TUNITn, TNULLn,
    /// TSCALn, TZEROn, TDIMn, TDISPn), then the caller's cards; the caller's own column keywords are replaced.
    /// A table cannot be the primary HDU, so when nothing has been written yet an empty primary is written first.
    /// </summary>
    /// <param name="table">The columns and their data.</param>
    /// <param name="header">Extra cards (EXTNAME, provenance ...); structural and column keywords in it are replaced.</param>
    public void WriteTable(Tables.BinaryTable table, Header? header = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (NextIsPrimary) WriteEmpty();
        WriteHdu(Tables.BinaryTableWriter.Structure(table), header, Tables.BinaryTableWriter.DataSize(table),
            sink => Tables.BinaryTableWriter.WriteData(table, sink), Tables.BinaryTableWriter.IsReserved);
    }

    /// <summary>
    /// Writes one HDU: the structural cards, then the caller's cards, then data produced by
    /// <paramref name="writeData"/>, which must write exactly <paramref name="dataSize"/> bytes. Used by the
    /// table and compression writers.
    /// </summary>
    internal void WriteHdu(Header structure, Header? user, long dataSize, Action<DataSink> writeData, Func<string, bool>? isReserved = null, byte padding = 0)
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        var header = Merge(structure, user, isReserved);
        if (Options.WriteChecksums)
        {
            header.Set("CHECKSUM", FitsChecksum.Placeholder, "HDU checksum");
            header.Set("DATASUM", "0", "data unit checksum");
        }
        var headerStart = _stream.Position;
        var headerBytes = HeaderBlockWriter.Encode(header);
        _stream.Write(headerBytes);
        var sink = new DataSink(_stream);
        writeData(sink);
        if (sink.Written != dataSize) throw new InvalidOperationException($"HDU {HduCount}: {sink.Written} data bytes written, {dataSize} declared");
        sink.Pad(padding);
        if (Options.WriteChecksums)
        {
            var dataSum = sink.Sum;
            header.Set("DATASUM", dataSum.ToString(System.Globalization.CultureInfo.InvariantCulture));
            header.Set("CHECKSUM", FitsChecksum.Placeholder);
            var provisional = HeaderBlockWriter.Encode(header);
            var total = OnesComplementSum.Combine(FitsChecksum.Sum(provisional), dataSum);
            header.Set("CHECKSUM", FitsChecksum.Encode(total));
            var final = HeaderBlockWriter.Encode(header);
            if (final.Length != headerBytes.Length) throw new InvalidOperationException("header size changed while stamping checksums");
            var end = _stream.Position;
            _stream.Position = headerStart;
            _stream.Write(final);
            _stream.Position = end;
        }
        HduCount++;
    }

    /// <summary>Finishes the file: flushes and, for a path, renames the temporary file into place.</summary>
    public void Commit()
    {
        if (_committed) return;
        if (HduCount == 0) WriteEmpty();
        _stream.Flush();
        if (Options.Durable && _stream is FileStream fs) fs.Flush(flushToDisk: true);
        if (_tempPath is not null)
        {
            _stream.Dispose();
            File.Move(_tempPath, _finalPath!, overwrite: Options.Overwrite);
        }
        _committed = true;
    }

    /// <summary>Closes the writer; without <see cref="Commit"/> the temporary file is deleted and nothing appears at the destination.</summary>
    public void Dispose()
    {
        if (_ownsStream) _stream.Dispose();
        if (!_committed && _tempPath is not null)
        {
            try { File.Delete(_tempPath); }
            catch (IOException) { }
        }
        _committed = true;
    }

    /// <summary>Encodes pixels into big-endian bytes 1 MiB at a time through one pooled buffer.</summary>
    private delegate void ChunkEncoder(int firstPixel, Span<byte> destination);

    private static void WriteChunked(DataSink sink, int pixelCount, int bytesPerPixel, ChunkEncoder encode)
    {
        var chunk = (1 << 20) / bytesPerPixel;
        var buffer = ArrayPool<byte>.Shared.Rent(chunk * bytesPerPixel);
        try
        {
            for (var i = 0; i < pixelCount; i += chunk)
            {
                var bytes = buffer.AsSpan(0, Math.Min(chunk, pixelCount - i) * bytesPerPixel);
                encode(i, bytes);
                sink.Write(bytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    internal Header ImageStructure(int bitpix, IReadOnlyList<int> axes)
    {
        var h = new Header();
        if (HduCount == 0) h.Add(HeaderCard.Create("SIMPLE", true, "conforms to FITS standard"));
        else h.Add(HeaderCard.Create("XTENSION", "IMAGE", "image extension"));
        h.Add(HeaderCard.Create("BITPIX", (long)bitpix, "bits per data value"));
        h.Add(HeaderCard.Create("NAXIS", (long)axes.Count, "number of axes"));
        for (var i = 0; i < axes.Count; i++) h.Add(HeaderCard.Create($"NAXIS{i + 1}", (long)axes[i], $"length of axis {i + 1}"));
        if (HduCount == 0) h.Add(HeaderCard.Create("EXTEND", true, "extensions may follow"));
        else
        {
            h.Add(HeaderCard.Create("PCOUNT", 0L, "no heap"));
            h.Add(HeaderCard.Create("GCOUNT", 1L, "one group"));
        }
        return h;
    }

    /// <summary>True when the next HDU written will be the primary.</summary>
    internal bool NextIsPrimary => HduCount == 0;

    private static Header Merge(Header structure, Header? user, Func<string, bool>? isReserved)
    {
        var merged = structure.Clone();
        merged.Location = FitsLocation.None;
        if (user is null) return merged;
        foreach (var card in user)
        {
            var k = card.Keyword;
            if (!card.IsHierarch && (StructuralKeywords.Contains(k) || IsNaxisN(k) || (isReserved?.Invoke(k) ?? false))) continue;
            merged.Add(card);
        }
        // CONTINUE cards are the OGIP long-string convention; declare it as fitsverify expects.
        if (!merged.Contains("LONGSTRN") && merged.Cards.Any(c => c.Kind == HeaderValueKind.String && HeaderCardFormatter.Format(c).Skip(1).Any()))
            merged.Insert(structure.Count, HeaderCard.Create("LONGSTRN", "OGIP 1.0", "The OGIP long string convention may be used"));
        return merged;
    }

    private static bool IsNaxisN(string k) => k.Length > 5 && k.StartsWith("NAXIS", StringComparison.Ordinal) && k.AsSpan(5).IndexOfAnyExceptInRange('0', '9') < 0;

    private static bool ContainsNaN(ReadOnlySpan<float> pixels)
    {
        foreach (var v in pixels) if (float.IsNaN(v)) return true;
        return false;
    }

    private static void CheckShape(int count, IReadOnlyList<int> axes)
    {
        long product = axes.Count == 0 ? 0 : 1;
        foreach (var a in axes)
        {
            if (a < 0) throw new ArgumentException($"axis length {a} is negative", nameof(axes));
            product *= a;
        }
        if (product != count) throw new ArgumentException($"axes {string.Join('×', axes)} hold {product} pixels but {count} were given", nameof(axes));
    }
}
