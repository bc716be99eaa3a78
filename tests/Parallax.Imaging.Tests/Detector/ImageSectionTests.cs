using Parallax.Imaging.Detector;

namespace Parallax.Imaging.Tests.Detector;

/// <summary>ImageSection parsing and formatting: IRAF/FITS section syntax, flips, wildcards and errors that name the keyword.</summary>
public class ImageSectionTests
{
    public class Parse
    {
        [Fact]
        public void Given_a_plain_section_When_parsed_Then_bounds_and_zero_based_extent_follow()
        {
            var s = ImageSection.Parse("[33:1056,1:2048]", "DATASECA");
            Assert.Equal(new ImageSection(33, 1056, 1, 2048), s);
            Assert.Equal((32, 1024, 0, 2048), (s.XStart, s.Width, s.YStart, s.Height));
            Assert.False(s.XFlipped);
        }

        [Fact]
        public void Given_the_SAAO_spacing_When_parsed_Then_spaces_are_ignored()
            => Assert.Equal(new ImageSection(17, 528, 1, 520), ImageSection.Parse("[  17: 528,   1: 520]", "TRIMSEC"));

        [Fact]
        public void Given_a_reversed_x_range_When_parsed_Then_x_is_flipped_and_the_extent_is_the_same()
        {
            var s = ImageSection.Parse("[2048:1,1:4096]", "DETSEC");
            Assert.True(s.XFlipped);
            Assert.False(s.YFlipped);
            Assert.Equal((0, 2048, 0, 4096), (s.XStart, s.Width, s.YStart, s.Height));
        }

        [Fact]
        public void Given_wildcards_and_a_single_number_When_parsed_with_the_image_size_Then_they_expand()
        {
            Assert.Equal(new ImageSection(1, 100, 7, 7), ImageSection.Parse("[*,7]", "BIASSEC", 100, 50));
            Assert.Equal(new ImageSection(100, 1, 1, 50), ImageSection.Parse("[-*,*]", "BIASSEC", 100, 50));
        }

        [Theory]
        [InlineData("33:1056,1:2048", "not enclosed in brackets")]
        [InlineData("[33:1056]", "1 axes where 2 are needed")]
        [InlineData("[0:10,1:5]", "below 1")]
        [InlineData("[a:10,1:5]", "'a' in x is not a positive whole number")]
        [InlineData("[1:10:2,1:5]", "has a step")]
        [InlineData("[*,1:5]", "needs the image size")]
        public void Given_a_malformed_section_When_parsed_Then_the_error_names_the_keyword_and_the_text(string text, string reason)
        {
            var e = Assert.Throws<FormatException>(() => ImageSection.Parse(text, "BIASSECB"));
            Assert.StartsWith($"BIASSECB '{text}': ", e.Message);
            Assert.Contains(reason, e.Message);
        }

        [Fact]
        public void Given_a_section_beyond_the_image_When_checked_Then_the_error_names_the_keyword()
        {
            var e = Assert.Throws<FormatException>(() => ImageSection.Parse("[1:80,1:10]").EnsureWithin(72, 50, "TRIMSEC"));
            Assert.Equal("TRIMSEC [1:80,1:10] reaches beyond the 72×50 image", e.Message);
        }
    }

    public class Format
    {
        [Theory]
        [InlineData("[33:1056,1:2048]")]
        [InlineData("[2048:1,4096:1]")]
        [InlineData("[5:5,9:9]")]
        public void Given_a_section_When_formatted_Then_it_reads_back_unchanged(string text)
            => Assert.Equal(text, ImageSection.Parse(text).ToString());

        [Fact]
        public void Given_zero_based_bounds_When_a_section_is_made_Then_it_is_one_based_inclusive()
            => Assert.Equal("[11:30,1:5]", ImageSection.FromZeroBased(10, 0, 20, 5).ToString());
    }
}
