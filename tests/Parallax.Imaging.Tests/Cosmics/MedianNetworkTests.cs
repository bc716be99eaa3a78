using Parallax.Imaging.Cosmics;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Cosmics;

/// <summary>The pruned median networks select the middle value: every 0/1 input up to 15 elements (a comparator network selects rank k for all inputs if it does for all 0/1 inputs), and random inputs with ties for every odd size to 63, in the vector block and the scalar path.</summary>
public class MedianNetworkTests
{
    public class Run
    {
        [Fact]
        public void Given_every_0_1_input_up_to_15_values_When_run_Then_the_middle_row_holds_the_median()
        {
            for (var n = 1; n <= 15; n += 2)
            {
                var network = MedianNetwork.For(n);
                var values = new float[n];
                for (var bits = 0; bits < 1 << n; bits++)
                {
                    var ones = 0;
                    for (var k = 0; k < n; k++)
                    {
                        values[k] = (bits >> k) & 1;
                        ones += (bits >> k) & 1;
                    }
                    Assert.Equal(ones > n / 2 ? 1f : 0f, network.RunScalar(values));
                }
            }
        }

        [Fact]
        public void Given_random_blocks_of_every_odd_size_to_63_When_run_Then_each_column_gets_its_median()
        {
            var g = new Gaussian(11);
            for (var n = 1; n <= 63; n += 2)
            {
                var network = MedianNetwork.For(n);
                var block = new float[n * MedianNetwork.BlockWidth];
                for (var i = 0; i < block.Length; i++) block[i] = MathF.Round((float)(5 * g.Next()));
                var expected = new float[MedianNetwork.BlockWidth];
                for (var c = 0; c < MedianNetwork.BlockWidth; c++)
                {
                    var column = Enumerable.Range(0, n).Select(k => block[k * MedianNetwork.BlockWidth + c]).Order().ToArray();
                    expected[c] = column[n / 2];
                }
                network.Run(block);
                Assert.Equal(expected, block.AsSpan(network.MedianRow * MedianNetwork.BlockWidth, MedianNetwork.BlockWidth).ToArray());
            }
        }

        [Fact]
        public void Given_pruning_When_built_Then_fewer_comparators_than_the_sorting_network_remain()
        {
            // 25 values: Batcher's sort of 32 padded to 25 has well over 100 comparators; the median needs fewer.
            Assert.InRange(MedianNetwork.For(25).OperationCount, 1, 140);
            Assert.Throws<ArgumentOutOfRangeException>(() => MedianNetwork.For(4));
        }
    }
}
