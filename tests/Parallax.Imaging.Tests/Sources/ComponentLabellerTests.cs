using Parallax.Imaging.Sources;
using Parallax.Imaging.Tests.Support;

namespace Parallax.Imaging.Tests.Sources;

/// <summary>Run-length union–find labelling against a plain 8-connected flood fill on random masks.</summary>
public class ComponentLabellerTests
{
    private static List<int> FloodSizes(bool[] on, int w, int h, int minArea)
    {
        var seen = new bool[on.Length];
        var sizes = new List<int>();
        var stack = new Stack<int>();
        for (var i = 0; i < on.Length; i++)
        {
            if (!on[i] || seen[i]) continue;
            var n = 0;
            seen[i] = true;
            stack.Push(i);
            while (stack.Count > 0)
            {
                var p = stack.Pop();
                n++;
                int px = p % w, py = p / w;
                for (var dy = -1; dy <= 1; dy++)
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        int x = px + dx, y = py + dy;
                        if (x < 0 || y < 0 || x >= w || y >= h) continue;
                        var q = y * w + x;
                        if (on[q] && !seen[q])
                        {
                            seen[q] = true;
                            stack.Push(q);
                        }
                    }
            }
            if (n >= minArea) sizes.Add(n);
        }
        return sizes;
    }

    public class Label
    {
        [Theory]
        [InlineData(1, 1, 0.5)]
        [InlineData(7, 3, 0.4)]
        [InlineData(33, 17, 0.45)]
        [InlineData(64, 64, 0.5)]
        [InlineData(257, 9, 0.55)]
        public void Given_random_pixels_When_labelled_Then_components_match_a_flood_fill(int w, int h, double fill)
        {
            var g = new Gaussian(w * 31 + h);
            for (var minArea = 1; minArea <= 5; minArea += 2)
            {
                var values = new float[w * h];
                var on = new bool[w * h];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = (float)g.Uniform();
                    on[i] = values[i] > fill;
                }
                var comps = ComponentLabeller.Label(values, w, h, (float)fill, minArea);
                var want = FloodSizes(on, w, h, minArea).Order().ToList();
                var got = comps.Select(c => c.Sum(r => r.Length)).Order().ToList();
                Assert.Equal(want, got);
                // Runs of one component never overlap and lie above the threshold.
                foreach (var c in comps)
                    foreach (var r in c)
                        for (var x = r.X0; x <= r.X1; x++) Assert.True(on[r.Y * w + x]);
            }
        }

        [Fact]
        public void Given_two_diagonal_pixels_When_labelled_Then_they_are_one_component()
        {
            var v = new float[4 * 4];
            v[0] = 1;
            v[5] = 1;
            v[15] = 1;
            var comps = ComponentLabeller.Label(v, 4, 4, 0.5f, 1);
            Assert.Equal(2, comps.Count);
            Assert.Equal(2, comps[0].Sum(r => r.Length));
        }
    }
}
