using System.Buffers;
using System.Runtime.InteropServices;
using Parallax.Fits.Hdus;

namespace Parallax.Fits.Images;

/// <summary>
/// Pixels stored as they are in the data unit (primary arrays and IMAGE extensions): positional
/// reads of the big-endian bytes, converted by <see cref="PixelDecoder"/>. Large reads convert
/// 1 MiB chunks in parallel.
/// </summary>
internal sealed class DataUnitPixelSource(ImageHdu hdu) : PixelSource
{
    private const int ChunkBytes = 1 << 20;

    private PixelScaling Scaling => hdu.Scaling;

    public override void EnsureReadable()
    {
        if (hdu.IsTruncated)
            throw FitsFormatException.At(hdu.Location, $"data unit is truncated: it needs {hdu.DataSize:N0} bytes from offset {hdu.DataOffset:N0} but the file is {hdu.Source!.Length:N0} bytes long");
        EnsurePixelsFit();
    }

    public override void ReadFloat32(long firstPixel, Span<float> destination)
    {
        EnsurePixelsFit();
        if (destination.Length >= 4 * ChunkBytes / Scaling.BytesPerPixel)
        {
            // Large reads: decode 1 MiB chunks in parallel; positional reads make this safe.
            unsafe
            {
                fixed (float* p = destination)
                {
                    var ptr = (nint)p;
                    DecodeRange(firstPixel, destination.Length, (bytes, in s, start, count) =>
                        PixelDecoder.ToFloat32(bytes, s, new Span<float>((float*)ptr + start, count)));
                }
            }
            return;
        }
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(ChunkBytes, (long)destination.Length * Scaling.BytesPerPixel));
        try
        {
            var perChunk = buffer.Length / Scaling.BytesPerPixel;
            for (var done = 0; done < destination.Length; done += perChunk)
            {
                var count = Math.Min(perChunk, destination.Length - done);
                var bytes = buffer.AsSpan(0, count * Scaling.BytesPerPixel);
                hdu.ReadDataBytes((firstPixel + done) * Scaling.BytesPerPixel, bytes);
                PixelDecoder.ToFloat32(bytes, Scaling, destination.Slice(done, count));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public override void ReadFloat64(long firstPixel, Span<double> destination)
    {
        EnsurePixelsFit();
        unsafe
        {
            fixed (double* p = destination)
            {
                var ptr = (nint)p;
                DecodeRange(firstPixel, destination.Length, (bytes, in s, start, count) =>
                    PixelDecoder.ToFloat64(bytes, s, new Span<double>((double*)ptr + start, count)));
            }
        }
    }

    public override void ReadSection(int x0, int y0, int width, int height, int plane, Span<float> destination)
    {
        var planeOffset = (long)plane * hdu.Width * Math.Max(1, hdu.Height);
        if (width == hdu.Width)
        {
            ReadFloat32(planeOffset + (long)y0 * hdu.Width, destination);
            return;
        }
        for (var r = 0; r < height; r++)
            ReadFloat32(planeOffset + (long)(y0 + r) * hdu.Width + x0, destination.Slice(r * width, width));
    }

    public override Array ReadRaw(int count)
    {
        var bytes = new byte[count * (long)Scaling.BytesPerPixel];
        hdu.ReadDataBytes(0, bytes);
        switch (Scaling.Bitpix)
        {
            case 8: return bytes;
            case 16: return PixelDecoder.Swap16(bytes, count).ToArray();
            case 32: return PixelDecoder.Swap32(bytes, count).ToArray();
            case 64: return PixelDecoder.Swap64(bytes, count).ToArray();
            case -32: return MemoryMarshal.Cast<int, float>(PixelDecoder.Swap32(bytes, count)).ToArray();
            default: return MemoryMarshal.Cast<long, double>(PixelDecoder.Swap64(bytes, count)).ToArray();
        }
    }

    private delegate void ChunkDecoder(Span<byte> bytes, in PixelScaling scaling, int start, int count);

    private void DecodeRange(long firstPixel, int count, ChunkDecoder decode)
    {
        var bpp = Scaling.BytesPerPixel;
        var perChunk = ChunkBytes / bpp;
        var chunks = (count + perChunk - 1) / perChunk;
        var scaling = Scaling;
        void Work(int c)
        {
            var start = c * perChunk;
            var n = Math.Min(perChunk, count - start);
            var buffer = ArrayPool<byte>.Shared.Rent(n * bpp);
            try
            {
                var bytes = buffer.AsSpan(0, n * bpp);
                hdu.ReadDataBytes((firstPixel + start) * bpp, bytes);
                decode(bytes, scaling, start, n);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        if (chunks <= 2) { for (var c = 0; c < chunks; c++) Work(c); }
        else
        {
            try { Parallel.For(0, chunks, Work); }
            catch (AggregateException e) when (e.InnerException is FitsFormatException f) { throw f; }
        }
    }

    private void EnsurePixelsFit()
    {
        if (hdu.PixelCount * Scaling.BytesPerPixel > hdu.DataSize)
            throw FitsFormatException.At(hdu.Location, $"the axes promise {hdu.PixelCount:N0} pixels but the data unit holds only {hdu.DataSize:N0} bytes (check PCOUNT and GCOUNT)");
    }
}
