using Parallax.Pipeline.Organising;
using Parallax.Pipeline.Tests.Support;

namespace Parallax.Pipeline.Tests.Organising;

public class FrameGrouperTests
{
    private static ClassifiedFrame Frame(string name, string type, string date, string filter = "V", string binning = "1x1")
        => FrameClassifier.Classify(name, Frames.Header(("INSTRUME", "TEST"), ("IMAGETYP", type), ("DATE-OBS", date), ("FILTER", filter), ("BINNING", binning), ("EXPTIME", 1.0)), TestInstrument.Definition);

    public class Group
    {
        [Fact]
        public void Given_frames_further_apart_than_the_gap_When_grouped_Then_they_split_at_the_gap()
        {
            // max_gap_hours is 3 in the test instrument: 2 h steps stay together, the 6 h jump splits.
            var frames = new[]
            {
                Frame("b1", "BIAS", "2024-03-01T18:00:00"), Frame("b2", "BIAS", "2024-03-01T20:00:00"), Frame("b3", "BIAS", "2024-03-01T22:00:00"),
                Frame("b4", "BIAS", "2024-03-02T04:00:00"), Frame("b5", "BIAS", "2024-03-02T04:01:00"),
            };
            var groups = FrameGrouper.Group(frames.Reverse());
            Assert.Equal(["BIAS-1", "BIAS-2"], groups.Select(g => g.Id));
            Assert.Equal(["b1", "b2", "b3"], groups[0].Frames.Select(f => f.Path));
            Assert.Equal(["b4", "b5"], groups[1].Frames.Select(f => f.Path));
        }

        [Fact]
        public void Given_different_grouping_key_values_When_grouped_Then_each_value_has_its_own_group()
        {
            var frames = new[]
            {
                Frame("f1", "FLAT", "2024-03-01T18:00:00", "V"), Frame("f2", "FLAT", "2024-03-01T18:01:00", "R"),
                Frame("f3", "FLAT", "2024-03-01T18:02:00", "V"), Frame("f4", "FLAT", "2024-03-01T18:03:00", "V", "2x2"),
            };
            var groups = FrameGrouper.Group(frames);
            Assert.Equal(3, groups.Count);
            Assert.Equal(["f1", "f3"], groups.Single(g => g.Keys["filter"] == "V" && g.Keys["binning"] == "1x1").Frames.Select(f => f.Path));
        }

        [Fact]
        public void Given_a_bias_group_When_grouped_Then_the_filter_is_not_a_key_but_a_shared_value_only_when_all_agree()
        {
            var groups = FrameGrouper.Group([Frame("b1", "BIAS", "2024-03-01T18:00:00", "V"), Frame("b2", "BIAS", "2024-03-01T18:01:00", "R")]);
            var g = Assert.Single(groups);
            Assert.False(g.Keys.ContainsKey("filter"));
            Assert.Null(g.SharedValues["filter"]);
            Assert.Equal("1x1", g.SharedValues["binning"]);
            Assert.Equal(g.FirstMjd!.Value + 0.5 / 1440, g.MidMjd!.Value, 9);
        }

        [Fact]
        public void Given_unclassified_frames_When_grouped_Then_they_are_left_out()
        {
            var groups = FrameGrouper.Group([Frame("x", "FOCUS", "2024-03-01T18:00:00")]);
            Assert.Empty(groups);
        }
    }
}
