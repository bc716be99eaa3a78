using System.Buffers.Binary;
using Parallax.Fits.Compression;
using Xunit;

namespace Parallax.Fits.Tests.Compression;

/// <summary>
/// Damaged tiles: every truncation and many random byte changes of real tiles must either decode
/// or throw <see cref="FitsFormatException"/> — never another exception, never a hang, never a
/// large allocation.
/// </summary>
public class CorruptTileTests
{
    public static IEnumerable<object[]> AllCases() => CompressionVector.Cases(_ => true);

    public class TileIntegerDecoderDecode
    {
        [Theory]
        [MemberData(nameof(AllCases), MemberType = typeof(CorruptTileTests))]
        public void Given_every_truncation_of_a_tile_When_decoded_Then_only_FitsFormatException(string name)
        {
            var vector = CompressionVector.Load(name);
            foreach (var tile in vector.Tiles.Take(2))
            {
                var data = vector.Compressed(tile);
                var step = Math.Max(1, data.Length / 400);
                for (var length = 0; length < data.Length; length += step)
                    DecodeOrFormatError(vector, tile, data.AsSpan(0, length).ToArray(), $"truncated to {length}");
            }
        }

        [Theory]
        [MemberData(nameof(AllCases), MemberType = typeof(CorruptTileTests))]
        public void Given_random_byte_changes_When_decoded_Then_only_FitsFormatException(string name)
        {
            var vector = CompressionVector.Load(name);
            var random = new Random(name.GetHashCode(StringComparison.Ordinal) & 0x7FFF);
            foreach (var tile in vector.Tiles.Take(2))
            {
                var original = vector.Compressed(tile);
                for (var attempt = 0; attempt < 300; attempt++)
                {
                    var data = (byte[])original.Clone();
                    var changes = attempt < 200 ? 1 : random.Next(2, 20);
                    for (var c = 0; c < changes; c++) data[random.Next(data.Length)] = (byte)random.Next(256);
                    DecodeOrFormatError(vector, tile, data, $"attempt {attempt}");
                }
            }
        }

        [Theory]
        [MemberData(nameof(AllCases), MemberType = typeof(CorruptTileTests))]
        public void Given_random_garbage_When_decoded_Then_only_FitsFormatException(string name)
        {
            var vector = CompressionVector.Load(name);
            var tile = vector.Tiles[0];
            var random = new Random(7);
            for (var attempt = 0; attempt < 200; attempt++)
            {
                var data = new byte[random.Next(0, 64)];
                random.NextBytes(data);
                DecodeOrFormatError(vector, tile, data, $"garbage {attempt}");
            }
        }
    }

    public class Allocation
    {
        [Fact]
        public void Given_an_HCOMPRESS_header_claiming_a_huge_tile_When_decoded_Then_it_is_refused_before_allocating()
        {
            var data = new byte[64];
            data[0] = 0xDD;
            data[1] = 0x99;
            BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(2), 1 << 20);
            BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(6), 1 << 20);

            var before = GC.GetAllocatedBytesForCurrentThread();
            Assert.Throws<FitsFormatException>(() => HCompressCodec.Decode(data, new int[100], false));

            Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 100_000);
        }

        [Fact]
        public void Given_a_gzip_bomb_When_decoded_Then_no_more_than_the_tile_is_inflated()
        {
            var bomb = GzipCodec.Encode(new byte[16 << 20], 1, shuffle: false);
            var destination = new byte[8 * 1000];

            var before = GC.GetAllocatedBytesForCurrentThread();
            Assert.Throws<FitsFormatException>(() => GzipCodec.DecodeTile(bomb, 1000, false, destination));

            Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000);
        }

        [Fact]
        public void Given_a_Rice_tile_of_zero_runs_When_decoded_for_many_pixels_Then_it_ends_with_FitsFormatException()
        {
            // first value then nothing but zero bits: unary codes that never end
            var data = new byte[1000];
            data[4] = 0b0000_1000;   // code 1 (fs = 0) after the 32-bit first value

            Assert.Throws<FitsFormatException>(() => RiceCodec.Decode(data, new int[1 << 20], 4, 1 << 30));
        }
    }

    private static void DecodeOrFormatError(CompressionVector vector, TileVector tile, byte[] data, string what)
    {
        try
        {
            var pixels = new int[tile.Pixels];
            TileIntegerDecoder.Decode(vector.Algorithm, data, pixels, vector.CodecParameters, Math.Abs(vector.ZBitpix));
            if (vector.Algorithm == CompressionAlgorithm.HCompress1)
                HCompressCodec.Decode(data, pixels, !vector.Smooth);
        }
        catch (FitsFormatException)
        {
            // the one allowed failure
        }
        catch (Exception e)
        {
            Assert.Fail($"{vector.Case} tile {tile.Row} {what}: {e.GetType().Name}: {e.Message}");
        }
    }
}
