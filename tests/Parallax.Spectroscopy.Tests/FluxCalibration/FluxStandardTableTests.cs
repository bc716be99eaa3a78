using Parallax.Spectroscopy.FluxCalibration;

namespace Parallax.Spectroscopy.Tests.FluxCalibration;

public sealed class FluxStandardTableTests
{
    private static string Feige34 => Path.Combine(RepositoryLayout.RepoRoot, "instruments", "simulation", "data", "feige34.dat");

    public sealed class ReadIraf
    {
        [Fact]
        public void Given_the_IRAF_Feige_34_table_When_read_Then_its_70_bands_carry_f_lambda_from_the_AB_magnitudes()
        {
            var t = FluxStandardTable.ReadIraf(Feige34);
            Assert.Equal("Feige 34", t.Name);
            Assert.Equal(70, t.Points.Count);
            // First and a late line: 3220 Å, AB 10.06, 1 Å; 7085 Å, AB 11.62. f_λ = 10^(-0.4 (m + 48.6)) c / λ² (python, see SOURCES.md).
            Assert.Equal(3220, t.Points[0].Wavelength);
            Assert.Equal(1.0, t.Points[0].Bandpass);
            Assert.Equal(9.933652411783768e-13, t.Points[0].Flambda, 9.93e-13 * 1e-9);
            var p = t.Points.Single(q => q.Wavelength == 7085);
            Assert.Equal(4.876867919871281e-14, p.Flambda, 4.88e-14 * 1e-9);
        }

        [Fact]
        public void Given_a_line_with_two_fields_When_parsed_Then_the_error_names_the_source_and_line()
        {
            var ex = Assert.Throws<FormatException>(() => FluxStandardTable.ParseIraf("# star\n4000. 10.0 1.0\n4100. 10.1\n", "std.dat"));
            Assert.Contains("std.dat: line 3", ex.Message);
        }
    }

    public sealed class ParseCsv
    {
        [Fact]
        public void Given_flux_densities_and_bandpasses_in_any_column_order_When_parsed_Then_they_are_taken_as_they_are()
        {
            var t = FluxStandardTable.ParseCsv("bandpass,flambda,wavelength\n40,2e-14,5000\n20,3e-14,4000\n", name: "star");
            Assert.Equal([4000.0, 5000], t.Points.Select(p => p.Wavelength));
            Assert.Equal([3e-14, 2e-14], t.Points.Select(p => p.Flambda));
            Assert.Equal([20.0, 40], t.Points.Select(p => p.Bandpass));
        }

        [Fact]
        public void Given_AB_magnitudes_without_bandpass_When_parsed_Then_f_lambda_follows_and_the_default_bandpass_is_used()
        {
            var t = FluxStandardTable.ParseCsv("# comment\nwavelength,mag\n5500,0\n", bandpass: 25);
            // AB 0 at 5500 Å: 3631 Jy → 10^(-0.4·48.6) · 2.99792458e18 / 5500² = 3.5983e-9 erg s-1 cm-2 Å-1.
            Assert.Equal(3.5983e-9, t.Points[0].Flambda, 3.6e-9 * 1e-4);
            Assert.Equal(25, t.Points[0].Bandpass);
        }

        [Fact]
        public void Given_a_header_without_a_flux_column_When_parsed_Then_the_error_says_what_is_missing()
        {
            var ex = Assert.Throws<FormatException>(() => FluxStandardTable.ParseCsv("wavelength,throughput\n5000,1\n", "user.csv"));
            Assert.Contains("user.csv: line 1", ex.Message);
            Assert.Contains("flambda", ex.Message);
        }

        [Fact]
        public void Given_a_value_that_is_not_a_number_When_parsed_Then_the_error_names_the_line_and_field()
        {
            var ex = Assert.Throws<FormatException>(() => FluxStandardTable.ParseCsv("wavelength,flux\n5000,abc\n", "user.csv"));
            Assert.Contains("line 2", ex.Message);
            Assert.Contains("'abc'", ex.Message);
        }
    }
}
