using Parallax.Fits.Headers;
using Parallax.Fits.Images;
using Parallax.Fits.Tables;

namespace Parallax.Fits.Compression;

/// <summary>
/// What the header of a tile-compressed image (a BINTABLE with ZIMAGE = T) says about the image
/// it holds: ZBITPIX, ZNAXISn, ZTILEn, ZCMPTYPE with its ZNAMEi/ZVALi, ZQUANTIZ, ZDITHER0,
/// ZSCALE/ZZERO/ZBLANK (each a keyword or a column), the image's BSCALE/BZERO/BLANK, and which
/// columns hold the tiles. Everything is checked here, from the header alone, so a lying
/// keyword fails before any pixel buffer is allocated.
/// </summary>
internal sealed class CompressedImageLayout
{
    private const int MaxAxes = 999;

    private CompressedImageLayout() { }

    /// <summary>ZBITPIX: the image's BITPIX.</summary>
    public int ZBitpix { get; private init; }

    /// <summary>ZNAXISn, first axis first; empty for an image without pixels.</summary>
    public int[] Axes { get; private init; } = [];

    /// <summary>The tiles; null when the image has no pixels.</summary>
    public TileGrid? Grid { get; private init; }

    /// <summary>ZCMPTYPE.</summary>
    public CompressionAlgorithm Algorithm { get; private init; }

    /// <summary>BLOCKSIZE, BYTEPIX, SMOOTH.</summary>
    public TileCodecParameters Parameters { get; private init; }

    /// <summary>How float tiles were quantised; <see cref="QuantizationMethod.None"/> for integer images and lossless floats.</summary>
    public QuantizationMethod Method { get; private init; }

    /// <summary>ZDITHER0 (1 when absent).</summary>
    public int DitherSeed { get; private init; } = 1;

    /// <summary>ZSCALE and ZZERO keywords (used when there is no column of that name).</summary>
    public double ScaleKeyword { get; private init; }

    /// <inheritdoc cref="ScaleKeyword"/>
    public double ZeroKeyword { get; private init; }

    /// <summary>
    /// The stored value meaning "undefined" for tiles without a ZBLANK column entry: ZBLANK, or for
    /// integer images BLANK when ZBLANK is absent; null when neither is given.
    /// </summary>
    public int? BlankKeyword { get; private init; }

    /// <summary>BSCALE, BZERO and BLANK of the image, BITPIX = ZBITPIX.</summary>
    public PixelScaling Scaling { get; private init; }

    /// <summary>Column indices, −1 when absent.</summary>
    public int CompressedColumn { get; private init; } = -1;

    /// <inheritdoc cref="CompressedColumn"/>
    public int GzipColumn { get; private init; } = -1;

    /// <inheritdoc cref="CompressedColumn"/>
    public int UncompressedColumn { get; private init; } = -1;

    /// <inheritdoc cref="CompressedColumn"/>
    public int ScaleColumn { get; private init; } = -1;

    /// <inheritdoc cref="CompressedColumn"/>
    public int ZeroColumn { get; private init; } = -1;

    /// <inheritdoc cref="CompressedColumn"/>
    public int BlankColumn { get; private init; } = -1;

    /// <summary>
    /// True for PLIO_1 tiles of an unsigned 16-bit image: CFITSIO adds 32768 before line-list
    /// coding (PLIO holds no negative values), so 32768 comes off after decoding.
    /// </summary>
    public bool PlioUnsignedOffset { get; private init; }

    /// <summary>True for ZBITPIX −32 and −64.</summary>
    public bool IsFloat => ZBitpix < 0;

    /// <summary>Reads and checks the layout.</summary>
    /// <exception cref="FitsFormatException">A keyword is missing or impossible; the message names it.</exception>
    public static CompressedImageLayout Read(BinaryTableHdu table, FitsReadOptions options)
    {
        var h = table.Header;
        var bitpix = h.GetInt64("ZBITPIX");
        if (!PixelScaling.IsValidBitpix(bitpix)) throw Error(h, "ZBITPIX", $"ZBITPIX {bitpix} is not one of 8, 16, 32, 64, -32, -64");
        if (bitpix == 64) throw Error(h, "ZBITPIX", "tile-compressed 64-bit integer images are not supported");
        var naxis = h.GetInt64("ZNAXIS");
        if (naxis is < 0 or > MaxAxes) throw Error(h, "ZNAXIS", $"ZNAXIS {naxis} is outside 0..{MaxAxes}");
        var axes = new int[naxis];
        var tiles = new int[naxis];
        var empty = naxis == 0;
        for (var i = 0; i < naxis; i++)
        {
            var key = $"ZNAXIS{i + 1}";
            var length = h.GetInt64(key);
            if (length is < 0 or > int.MaxValue) throw Error(h, key, $"{key} = {length} is outside 0..{int.MaxValue}");
            axes[i] = (int)length;
            empty |= length == 0;
            var tileKey = $"ZTILE{i + 1}";
            // The convention's default tiling is row by row: the whole first axis, one pixel along the others.
            var tile = h.GetInt64(tileKey, i == 0 ? Math.Max(1, length) : 1);
            if (tile is < 1 or > int.MaxValue) throw Error(h, tileKey, $"{tileKey} = {tile} is not a positive tile length");
            tiles[i] = (int)tile;
        }

        TileGrid? grid = null;
        if (!empty)
        {
            try { grid = new TileGrid(axes, tiles); }
            catch (OverflowException) { throw Error(h, "ZNAXIS", "the image has more tiles or tile pixels than can be counted"); }
            if (grid.TileCount > table.RowCount)
                throw Error(h, "NAXIS2", $"the image needs {grid.TileCount:N0} tiles of {string.Join('×', grid.TileAxes)} pixels but the table has only {table.RowCount:N0} rows");
            var tileBytes = grid.MaxTilePixels * 8;
            if (tileBytes > Math.Min(options.MaxDecompressedBytes, Array.MaxLength))
                throw Error(h, "ZTILE1", $"a tile of {grid.MaxTilePixels:N0} pixels would expand past the {Math.Min(options.MaxDecompressedBytes, Array.MaxLength):N0}-byte limit (FitsReadOptions.MaxDecompressedBytes)");
        }

        var algorithm = ParseAlgorithm(h);
        var parameters = ReadParameters(h);
        var isFloat = bitpix < 0;
        var scaleColumn = Column(table, "ZSCALE", variable: false);
        var zeroColumn = Column(table, "ZZERO", variable: false);
        var method = QuantizationMethod.None;
        if (isFloat && (scaleColumn >= 0 || h.Contains("ZSCALE")))
        {
            method = ParseQuantization(h);
            if (method != QuantizationMethod.None && zeroColumn < 0 && !h.Contains("ZZERO"))
                throw Error(h, "ZZERO", "quantised float tiles need ZZERO (a column or a keyword)");
        }
        else if (isFloat && h.GetString("ZQUANTIZ", null) is { } q && q.Trim().ToUpperInvariant() is not ("NONE" or ""))
            throw Error(h, "ZQUANTIZ", $"ZQUANTIZ = '{q.Trim()}' but the table has no ZSCALE column or keyword");

        var zblank = h.TryGetInt64("ZBLANK", out var zb) ? zb : (long?)null;
        long? blankKeyword = !isFloat && h.TryGetInt64("BLANK", out var b) ? b : null;
        var blank = zblank ?? blankKeyword;
        if (blank is < int.MinValue or > int.MaxValue) blank = null;   // no 32-bit tile value can equal it
        var bscale = h.GetDouble("BSCALE", 1.0);
        if (bscale == 0) throw Error(h, "BSCALE", "BSCALE is 0");
        var scaling = new PixelScaling((int)bitpix, bscale, h.GetDouble("BZERO", 0.0), isFloat ? null : blank);

        var layout = new CompressedImageLayout
        {
            ZBitpix = (int)bitpix,
            Axes = empty ? [] : axes,
            Grid = grid,
            Algorithm = algorithm,
            Parameters = parameters,
            Method = method,
            DitherSeed = (int)Math.Clamp(h.GetInt64("ZDITHER0", 1), int.MinValue, int.MaxValue),
            ScaleKeyword = h.GetDouble("ZSCALE", 1.0),
            ZeroKeyword = h.GetDouble("ZZERO", 0.0),
            BlankKeyword = (int?)blank,
            Scaling = scaling,
            CompressedColumn = Column(table, "COMPRESSED_DATA", variable: true),
            GzipColumn = Column(table, "GZIP_COMPRESSED_DATA", variable: true),
            UncompressedColumn = Column(table, "UNCOMPRESSED_DATA", variable: true),
            ScaleColumn = scaleColumn,
            ZeroColumn = zeroColumn,
            BlankColumn = Column(table, "ZBLANK", variable: false),
            PlioUnsignedOffset = algorithm == CompressionAlgorithm.Plio1 && scaling.IsUnsigned16,
        };
        if (layout.CompressedColumn < 0 && layout.GzipColumn < 0 && layout.UncompressedColumn < 0)
            throw Error(h, "TTYPE1", "the table has no COMPRESSED_DATA, GZIP_COMPRESSED_DATA or UNCOMPRESSED_DATA column");
        return layout;
    }

    private static CompressionAlgorithm ParseAlgorithm(Header h)
    {
        var name = h.GetString("ZCMPTYPE");
        try { return CompressionAlgorithms.Parse(name); }
        catch (FitsFormatException e) { throw Error(h, "ZCMPTYPE", e.Reason); }
    }

    private static QuantizationMethod ParseQuantization(Header h)
    {
        try { return QuantizationMethods.Parse(h.GetString("ZQUANTIZ", null)); }
        catch (FitsFormatException e) { throw Error(h, "ZQUANTIZ", e.Reason); }
    }

    /// <summary>ZNAMEi/ZVALi pairs: BLOCKSIZE and BYTEPIX (RICE_1), SMOOTH (HCOMPRESS_1; fpack writes 0/1, astropy T/F).</summary>
    private static TileCodecParameters ReadParameters(Header h)
    {
        var p = TileCodecParameters.Default;
        for (var i = 1; i <= MaxAxes && h.Contains($"ZNAME{i}"); i++)
        {
            var name = h.GetString($"ZNAME{i}").Trim().ToUpperInvariant();
            var valueKey = $"ZVAL{i}";
            switch (name)
            {
                case "BLOCKSIZE":
                    var blockSize = h.GetInt64(valueKey);
                    if (blockSize is < 1 or > 1 << 20) throw Error(h, valueKey, $"BLOCKSIZE {blockSize} is not a usable Rice block size");
                    p = p with { BlockSize = (int)blockSize };
                    break;
                case "BYTEPIX":
                    var bytePix = h.GetInt64(valueKey);
                    if (bytePix is not (1 or 2 or 4 or 8)) throw Error(h, valueKey, $"BYTEPIX {bytePix} is not 1, 2, 4 or 8");
                    p = p with { BytePix = (int)bytePix };
                    break;
                case "SMOOTH":
                    var card = h.FindCard(valueKey);
                    var smooth = card?.Kind == HeaderValueKind.Logical ? (bool)card.Value! : h.GetDouble(valueKey, 0) != 0;
                    p = p with { Smooth = smooth };
                    break;
            }
        }
        return p;
    }

    private static int Column(BinaryTableHdu table, string name, bool variable)
    {
        if (!table.TryGetColumnIndex(name, out var index)) return -1;
        var c = table.Columns[index];
        if (c.IsVariableLength != variable)
            throw FitsFormatException.At(table.Location, $"column '{name}' ({c.Format}) must be {(variable ? "a variable-length array column" : "a fixed-width column")}", c.FormKeyword);
        if (!variable && c.Type is not (ColumnType.Byte or ColumnType.Int16 or ColumnType.Int32 or ColumnType.Int64 or ColumnType.Float32 or ColumnType.Float64))
            throw FitsFormatException.At(table.Location, $"column '{name}' ({c.Format}) must be numeric", c.FormKeyword);
        return index;
    }

    private static FitsFormatException Error(Header h, string keyword, string reason)
    {
        var i = h.IndexOf(keyword);
        return FitsFormatException.At(h.Location, reason, keyword, i >= 0 ? i + 1 : null);
    }
}
