using Parallax.Imaging.Combine;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Combine;

/// <summary>The comparator lists sort every input: random values with ties for every size 1..64, and (0-1 principle) every 0/1 input up to 14 elements.</summary>
public class SortingNetworkTests
{
    private static void Apply((int[] Low, int[] High) net, float[] v)
    {
        for (var c = 0; c < net.Low.Length; c++)
        {
            int a = net.Low[c], b = net.High[c];
            Assert.True(a < b && b < v.Length);
            if (v[b] < v[a]) (v[a], v[b]) = (v[b], v[a]);
        }
    }

    [Fact]
    public void Given_every_size_1_to_64_When_random_inputs_go_through_the_network_Then_they_come_out_sorted()
    {
        var g = new Gaussian(37);
        for (var n = 1; n <= SortingNetwork.MaxSize; n++)
        {
            var net = SortingNetwork.For(n);
            for (var trial = 0; trial < 50; trial++)
            {
                var v = Enumerable.Range(0, n).Select(_ => (float)g.Index(n)).ToArray();
                var expected = v.Order().ToArray();
                Apply(net, v);
                Assert.Equal(expected, v);
            }
        }
    }

    [Fact]
    public void Given_sizes_up_to_14_When_every_0_1_input_goes_through_Then_all_are_sorted()
    {
        // A comparator network sorts every input if and only if it sorts every 0/1 input.
        for (var n = 1; n <= 14; n++)
        {
            var net = SortingNetwork.For(n);
            for (var bits = 0; bits < 1 << n; bits++)
            {
                var v = Enumerable.Range(0, n).Select(i => (float)((bits >> i) & 1)).ToArray();
                Apply(net, v);
                for (var i = 1; i < n; i++) Assert.True(v[i - 1] <= v[i], $"n={n} input {bits:b} not sorted");
            }
        }
    }
}
