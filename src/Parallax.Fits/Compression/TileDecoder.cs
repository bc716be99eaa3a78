using System.Buffers;
using System.Runtime.InteropServices;
using Parallax.Fits.Images;
using Parallax.Fits.Tables;

namespace Parallax.Fits.Compression;

/// <summary>
/// Decodes one tile of a compressed image into pixels: the stored integers through the algorithm's
/// codec (PLIO's unsigned offset undone), then BSCALE/BZERO and the blank value for physical values;
/// float tiles through <see cref="TileFloatDecoder"/> with the tile's ZSCALE, ZZERO, ZBLANK and dither.
/// A codec's error is rethrown naming the HDU and the tile.
/// </summary>
internal sealed class TileDecoder(BinaryTableHdu table, CompressedImageLayout layout)
{
    private readonly BinaryTableHdu _table = table;
    private readonly CompressedImageLayout _layout = layout;

    /// <summary>Decodes one tile: physical float32/float64 values, or (physical false) the stored values of ZBITPIX's type.</summary>
    public void Decode<T>(TileIndex index, long tile, HeapWindow? window, Span<T> destination, bool physical) where T : unmanaged
    {
        using var data = TileData.Fetch(_table, _layout, index, tile, window);
        try
        {
            if (_layout.IsFloat) DecodeFloatTile(index, tile, data, destination, physical);
            else DecodeIntegerTile(index, tile, data, destination, physical);
        }
        catch (FitsFormatException e) when (e.FileName is null && e.HduIndex is null)
        {
            // Codecs know nothing of files: say where the bad tile is.
            throw FitsFormatException.At(_table.Location, $"tile {tile + 1} ({data.ColumnName}): {e.Reason}", inner: e);
        }
    }

    private void DecodeIntegerTile<T>(TileIndex index, long tile, TileData data, Span<T> destination, bool physical) where T : unmanaged
    {
        var blank = index.BlankOf(tile) ?? _layout.BlankKeyword;
        if (!data.IsEmpty && data.Algorithm == CompressionAlgorithm.Rice1 && !physical)
        {
            // Stored 16- and 8-bit values straight from the Rice stream, without a 32-bit detour.
            if (typeof(T) == typeof(short) && _layout.Parameters.BytePix == 2)
            {
                RiceCodec.Decode(data.Bytes, MemoryMarshal.Cast<T, short>(destination), _layout.Parameters.BlockSize);
                return;
            }
            if (typeof(T) == typeof(byte) && _layout.Parameters.BytePix == 1)
            {
                RiceCodec.Decode(data.Bytes, MemoryMarshal.Cast<T, byte>(destination), _layout.Parameters.BlockSize);
                return;
            }
        }
        var rented = typeof(T) == typeof(int) ? null : ArrayPool<int>.Shared.Rent(Math.Max(1, destination.Length));
        try
        {
            var values = rented is null ? MemoryMarshal.Cast<T, int>(destination) : rented.AsSpan(0, destination.Length);
            if (data.IsEmpty) values.Fill(blank ?? 0);   // a tile with no data holds only undefined pixels (CFITSIO)
            else
            {
                TileIntegerDecoder.Decode(data.Algorithm, data.Bytes, values, _layout.Parameters, data.StoredBitpix);
                if (_layout.PlioUnsignedOffset)
                    for (var i = 0; i < values.Length; i++) values[i] -= 32768;
            }
            if (typeof(T) == typeof(float))
            {
                if (physical) IntegerPixels.ToFloat32(values, _layout.Scaling, blank, MemoryMarshal.Cast<T, float>(destination));
                else for (var i = 0; i < values.Length; i++) MemoryMarshal.Cast<T, float>(destination)[i] = values[i];
            }
            else if (typeof(T) == typeof(double))
            {
                if (physical) IntegerPixels.ToFloat64(values, _layout.Scaling, blank, MemoryMarshal.Cast<T, double>(destination));
                else for (var i = 0; i < values.Length; i++) MemoryMarshal.Cast<T, double>(destination)[i] = values[i];
            }
            else if (typeof(T) == typeof(short))
            {
                var d = MemoryMarshal.Cast<T, short>(destination);
                for (var i = 0; i < values.Length; i++) d[i] = (short)values[i];
            }
            else if (typeof(T) == typeof(byte))
            {
                var d = MemoryMarshal.Cast<T, byte>(destination);
                for (var i = 0; i < values.Length; i++) d[i] = (byte)values[i];
            }
            // int: decoded in place
        }
        finally
        {
            if (rented is not null) ArrayPool<int>.Shared.Return(rented);
        }
    }

    private void DecodeFloatTile<T>(TileIndex index, long tile, TileData data, Span<T> destination, bool physical) where T : unmanaged
    {
        if (data.IsEmpty)
        {
            if (typeof(T) == typeof(float)) MemoryMarshal.Cast<T, float>(destination).Fill(float.NaN);
            else MemoryMarshal.Cast<T, double>(destination).Fill(double.NaN);
            return;
        }
        var quantization = new TileQuantization(
            index.ScaleOf(tile) ?? _layout.ScaleKeyword,
            index.ZeroOf(tile) ?? _layout.ZeroKeyword,
            data.Lossless ? QuantizationMethod.None : _layout.Method,
            index.BlankOf(tile) ?? _layout.BlankKeyword,
            tile + 1,
            _layout.DitherSeed);
        if (typeof(T) == typeof(float))
        {
            var d = MemoryMarshal.Cast<T, float>(destination);
            TileFloatDecoder.Decode(data.Algorithm, data.Bytes, d, _layout.Parameters, quantization);
            if (physical) IntegerPixels.Scale(d, _layout.Scaling);
        }
        else if (_layout.ZBitpix == -32)
        {
            // The image's values are float32 (what funpack writes); widen them rather than keep the
            // extra digits a double dequantisation would invent.
            var d = MemoryMarshal.Cast<T, double>(destination);
            var single = ArrayPool<float>.Shared.Rent(Math.Max(1, d.Length));
            try
            {
                var s = single.AsSpan(0, d.Length);
                TileFloatDecoder.Decode(data.Algorithm, data.Bytes, s, _layout.Parameters, quantization);
                for (var i = 0; i < s.Length; i++) d[i] = s[i];
            }
            finally
            {
                ArrayPool<float>.Shared.Return(single);
            }
            if (physical) IntegerPixels.Scale(d, _layout.Scaling);
        }
        else
        {
            var d = MemoryMarshal.Cast<T, double>(destination);
            TileFloatDecoder.Decode(data.Algorithm, data.Bytes, d, _layout.Parameters, quantization);
            if (physical) IntegerPixels.Scale(d, _layout.Scaling);
        }
    }
}
