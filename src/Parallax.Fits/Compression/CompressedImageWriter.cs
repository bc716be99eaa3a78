using System.Buffers;
using System.Runtime.ExceptionServices;
using Parallax.Fits.Headers;
using Parallax.Fits.Images;
using Parallax.Fits.Tables;

namespace Parallax.Fits.Compression;

/// <summary>
/// Compresses an image, given as its stored big-endian bytes, into the binary table of the tiled
/// image convention: one COMPRESSED_DATA row per tile (encoded in parallel), the Z keywords that
/// describe the image, and BSCALE/BZERO/BLANK carried over. The table is laid out as CFITSIO's
/// fpack lays it out, so funpack, astropy and fitsverify read it as their own.
/// </summary>
internal static class CompressedImageWriter
{
    private const long ParallelPixels = 1 << 16;

    /// <summary>The table (rows and heap) and its header's structural and compression cards.</summary>
    public sealed record Result(BinaryTable Table, Header Structure);

    /// <summary>Chooses the algorithm for an image, or explains why the one asked for cannot store it losslessly.</summary>
    /// <exception cref="ArgumentException">RICE_1 for floating-point or 64-bit data; an algorithm this writer does not produce.</exception>
    public static CompressionAlgorithm Choose(int bitpix, TileCompressionOptions options)
    {
        var algorithm = options.Algorithm ?? (bitpix is > 0 and < 64 ? CompressionAlgorithm.Rice1 : CompressionAlgorithm.Gzip2);
        return algorithm switch
        {
            CompressionAlgorithm.Rice1 when bitpix < 0 => throw new ArgumentException(
                $"RICE_1 compresses integers; BITPIX {bitpix} floats would first have to be quantised (lossy). Use GZIP_2, which stores floats losslessly", nameof(options)),
            CompressionAlgorithm.Rice1 when bitpix == 64 => throw new ArgumentException("RICE_1 holds at most 32-bit integers; use GZIP_2 for BITPIX 64", nameof(options)),
            CompressionAlgorithm.Rice1 or CompressionAlgorithm.Gzip1 or CompressionAlgorithm.Gzip2 => algorithm,
            _ => throw new ArgumentException($"this writer produces RICE_1, GZIP_1 and GZIP_2 tiles, not {CompressionAlgorithms.ToKeywordValue(algorithm)}", nameof(options)),
        };
    }

    /// <summary>Compresses the image.</summary>
    /// <param name="bigEndian">The stored values, big-endian, first axis fastest.</param>
    /// <param name="bitpix">BITPIX of the stored values.</param>
    /// <param name="axes">Axis lengths (all positive).</param>
    /// <param name="scaling">BSCALE/BZERO/BLANK to carry over (written when not the identity / when present).</param>
    /// <param name="options">Algorithm, tiles, block size.</param>
    public static Result Compress(ReadOnlyMemory<byte> bigEndian, int bitpix, IReadOnlyList<int> axes, PixelScaling scaling, TileCompressionOptions options)
    {
        var algorithm = Choose(bitpix, options);
        if (axes.Count == 0 || axes.Any(a => a <= 0)) throw new ArgumentException("an image without pixels cannot be tile-compressed", nameof(axes));
        if (options.RiceBlockSize is < 1 or > 1 << 20) throw new ArgumentOutOfRangeException(nameof(options), options.RiceBlockSize, "the Rice block size must be positive");
        var tileAxes = options.TileAxes ?? [axes[0], .. Enumerable.Repeat(1, axes.Count - 1)];
        if (tileAxes.Count != axes.Count) throw new ArgumentException($"{tileAxes.Count} tile lengths given for a {axes.Count}-dimensional image", nameof(options));
        if (tileAxes.Any(t => t <= 0)) throw new ArgumentException("tile lengths must be positive", nameof(options));
        var grid = new TileGrid(axes, tileAxes);
        if (grid.TileCount > int.MaxValue) throw new ArgumentException($"{grid.TileCount:N0} tiles are more rows than a table can hold; use larger tiles", nameof(options));
        var width = Math.Abs(bitpix) / 8;
        long pixels = axes.Aggregate(1L, (a, b) => a * b);
        if (bigEndian.Length != pixels * width) throw new ArgumentException($"{bigEndian.Length} bytes given for {pixels} pixels of {width} bytes", nameof(bigEndian));

        var tiles = EncodeTiles(bigEndian, width, grid, algorithm, options);
        var table = new BinaryTable(tiles.Length);
        table.AddVariableLengthColumn("COMPRESSED_DATA", tiles);
        var structure = Tables.BinaryTableWriter.Structure(table);
        AddCompressionCards(structure, algorithm, grid, bitpix, width, axes, scaling, options);
        return new Result(table, structure);
    }

    /// <summary>True for keywords the compressed table supplies itself, which a caller's header must not repeat.</summary>
    public static bool IsReserved(string keyword) => Tables.BinaryTableWriter.IsReserved(keyword) || CompressedImageHeader.IsTableKeyword(keyword);

    private static byte[][] EncodeTiles(ReadOnlyMemory<byte> image, int width, TileGrid grid, CompressionAlgorithm algorithm, TileCompressionOptions options)
    {
        var tiles = new byte[grid.TileCount][];
        var rank = grid.Rank;
        var imageOrigin = new int[rank];
        var imageSize = grid.Axes.ToArray();
        void Work(long t)
        {
            Span<int> origin = rank <= 16 ? stackalloc int[16] : new int[rank];
            Span<int> size = rank <= 16 ? stackalloc int[16] : new int[rank];
            origin = origin[..rank];
            size = size[..rank];
            var pixels = grid.GetTile(t, origin, size);
            byte[]? gathered = null;
            try
            {
                ReadOnlySpan<byte> bytes;
                if (TileGrid.IsContiguousWithin(origin, size, imageOrigin, imageSize, out var offset))
                    bytes = image.Span.Slice((int)(offset * width), pixels * width);
                else
                {
                    gathered = ArrayPool<byte>.Shared.Rent(pixels * width);
                    Gather(image.Span, width, origin, size, imageOrigin, imageSize, gathered.AsSpan(0, pixels * width));
                    bytes = gathered.AsSpan(0, pixels * width);
                }
                tiles[t] = Encode(bytes, width, pixels, algorithm, options);
            }
            finally
            {
                if (gathered is not null) ArrayPool<byte>.Shared.Return(gathered);
            }
        }
        if (tiles.Length < 2 || image.Length / width < ParallelPixels)
        {
            for (long t = 0; t < tiles.Length; t++) Work(t);
            return tiles;
        }
        try
        {
            Parallel.For(0L, tiles.Length, Work);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return tiles;
    }

    /// <summary>Copies a tile's values out of the image, moving whole values (width bytes) so their byte order is kept.</summary>
    private static void Gather(ReadOnlySpan<byte> image, int width, ReadOnlySpan<int> origin, ReadOnlySpan<int> size,
        ReadOnlySpan<int> imageOrigin, ReadOnlySpan<int> imageSize, Span<byte> tile)
    {
        switch (width)
        {
            case 1: TileGrid.CopyIntersection(image, imageOrigin, imageSize, tile, origin, size); break;
            case 2: TileGrid.CopyIntersection(Cast<short>(image), imageOrigin, imageSize, Cast<short>(tile), origin, size); break;
            case 4: TileGrid.CopyIntersection(Cast<int>(image), imageOrigin, imageSize, Cast<int>(tile), origin, size); break;
            default: TileGrid.CopyIntersection(Cast<long>(image), imageOrigin, imageSize, Cast<long>(tile), origin, size); break;
        }
    }

    private static ReadOnlySpan<T> Cast<T>(ReadOnlySpan<byte> bytes) where T : struct => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(bytes);

    private static Span<T> Cast<T>(Span<byte> bytes) where T : struct => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(bytes);

    private static byte[] Encode(ReadOnlySpan<byte> bytes, int width, int pixels, CompressionAlgorithm algorithm, TileCompressionOptions options)
    {
        if (algorithm != CompressionAlgorithm.Rice1)
            return GzipCodec.Encode(bytes, width, shuffle: algorithm == CompressionAlgorithm.Gzip2, options.GzipLevel);
        var values = ArrayPool<int>.Shared.Rent(Math.Max(1, pixels));
        var encoded = ArrayPool<byte>.Shared.Rent(RiceCodec.MaxEncodedLength(pixels, width, options.RiceBlockSize));
        try
        {
            var v = values.AsSpan(0, pixels);
            switch (width)
            {
                case 1:
                    for (var i = 0; i < pixels; i++) v[i] = bytes[i];
                    break;
                case 2:
                    for (var i = 0; i < pixels; i++) v[i] = (short)((bytes[2 * i] << 8) | bytes[2 * i + 1]);
                    break;
                default:
                    BigEndianValues.Read(bytes, v);
                    break;
            }
            var length = RiceCodec.Encode(v, width, options.RiceBlockSize, encoded);
            return encoded.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<int>.Shared.Return(values);
            ArrayPool<byte>.Shared.Return(encoded);
        }
    }

    private static void AddCompressionCards(Header h, CompressionAlgorithm algorithm, TileGrid grid, int bitpix, int width,
        IReadOnlyList<int> axes, PixelScaling scaling, TileCompressionOptions options)
    {
        h.Add(HeaderCard.Create("ZIMAGE", true, "extension contains compressed image"));
        for (var i = 0; i < grid.Rank; i++) h.Add(HeaderCard.Create($"ZTILE{i + 1}", (long)grid.TileAxes[i], "size of tiles to be compressed"));
        h.Add(HeaderCard.Create("ZCMPTYPE", CompressionAlgorithms.ToKeywordValue(algorithm), "compression algorithm"));
        if (algorithm == CompressionAlgorithm.Rice1)
        {
            h.Add(HeaderCard.Create("ZNAME1", "BLOCKSIZE", "compression block size"));
            h.Add(HeaderCard.Create("ZVAL1", (long)options.RiceBlockSize, "pixels per block"));
            h.Add(HeaderCard.Create("ZNAME2", "BYTEPIX", "bytes per pixel (1, 2, 4, or 8)"));
            h.Add(HeaderCard.Create("ZVAL2", (long)width, "bytes per pixel (1, 2, 4, or 8)"));
        }
        if (bitpix < 0) h.Add(HeaderCard.Create("ZQUANTIZ", "NONE", "floats stored losslessly, not quantised"));
        if (options.RestoreAsPrimary) h.Add(HeaderCard.Create("ZSIMPLE", true, "conforms to FITS standard"));
        else h.Add(HeaderCard.Create("ZTENSION", "IMAGE", "image extension"));
        h.Add(HeaderCard.Create("ZBITPIX", (long)bitpix, "data type of original image"));
        h.Add(HeaderCard.Create("ZNAXIS", (long)axes.Count, "dimension of original image"));
        for (var i = 0; i < axes.Count; i++) h.Add(HeaderCard.Create($"ZNAXIS{i + 1}", (long)axes[i], $"length of original image axis {i + 1}"));
        if (options.RestoreAsPrimary) h.Add(HeaderCard.Create("ZEXTEND", true, "extensions may follow"));
        else
        {
            h.Add(HeaderCard.Create("ZPCOUNT", 0L, "number of parameters"));
            h.Add(HeaderCard.Create("ZGCOUNT", 1L, "number of groups"));
        }
        foreach (var card in ImageScalingCards.For(scaling)) h.Add(card);
    }
}
