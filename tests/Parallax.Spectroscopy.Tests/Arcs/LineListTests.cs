using Parallax.Spectroscopy.Arcs;

namespace Parallax.Spectroscopy.Tests.Arcs;

public class LineListTests
{
    public class Parse
    {
        [Fact]
        public void Given_IRAF_rows_with_comments_and_labels_When_parsed_Then_wavelengths_are_sorted_and_labels_kept()
        {
            var list = LineList.Parse("# units Angstroms\n4471.477    HeI\n\n3888.646 HeI blend\n5015.675\t HeI # trailing\n");
            Assert.Equal([3888.646, 4471.477, 5015.675], list.Entries.Select(e => e.Wavelength));
            Assert.Equal(["HeI blend", "HeI", "HeI"], list.Entries.Select(e => e.Label));
        }

        [Fact]
        public void Given_a_row_that_is_not_a_wavelength_When_parsed_Then_the_error_names_the_source_and_row()
        {
            var e = Assert.Throws<FormatException>(() => LineList.Parse("# c\n4471.477 HeI\nHeI 5015\n", "lamp.dat"));
            Assert.Contains("lamp.dat row 3", e.Message);
        }

        [Fact]
        public void Given_the_shipped_HgCdHe_list_When_read_Then_it_holds_the_NIST_and_IRAF_lines_in_air()
        {
            var list = LineList.Read(Path.Combine(RepositoryLayout.RepoRoot, "instruments", "linelists", "hgcdhe.dat"));
            Assert.Contains(list.Entries, e => e.Wavelength == 4358.328 && e.Label == "HgI");
            Assert.Contains(list.Entries, e => e.Wavelength == 5085.822 && e.Label == "CdI");
            Assert.Contains(list.Entries, e => e.Wavelength == 4471.479 && e.Label == "HeI");
            Assert.Equal(list.Count, list.Between(3000, 7000).Count);
        }
    }
}
