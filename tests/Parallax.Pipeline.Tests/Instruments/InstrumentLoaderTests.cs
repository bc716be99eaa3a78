using Parallax.Pipeline.Calibration;
using Parallax.Pipeline.Instruments;
using Parallax.Pipeline.Rules;
using Parallax.Pipeline.Tests.Support;

namespace Parallax.Pipeline.Tests.Instruments;

public class InstrumentLoaderTests
{
    private static InstrumentDefinitionException Fails(string yaml) => Assert.Throws<InstrumentDefinitionException>(() => InstrumentLoader.Parse(yaml, "bad.yaml"));

    private static string Replace(string from, string to)
    {
        Assert.Contains(from, TestInstrument.Yaml);
        return TestInstrument.Yaml.Replace(from, to);
    }

    public class Parse
    {
        [Fact]
        public void Given_a_valid_file_When_parsed_Then_every_section_is_read()
        {
            var d = TestInstrument.Definition;
            Assert.Equal("test-imager", d.Name);
            Assert.Equal(["frametype", "filter", "binning", "exptime", "mjd"], d.Keywords.Select(k => k.Name));
            Assert.Equal(["BIAS", "FLAT", "SCIENCE"], d.Categories);
            Assert.Equal(["binning", "filter"], d.Grouping.KeysFor("SCIENCE"));
            Assert.Equal(3.0, d.Grouping.MaxGapHours);
            var flat = TestInstrument.FlatRule;
            Assert.Equal(2, flat.Tiers.Count);
            Assert.Equal(CalibrationQuality.Provisional, flat.Tiers[1].MinimumQuality);
            Assert.Equal(30, flat.Tiers[1].MaxDays);
            Assert.Equal(1.0, TestInstrument.DarkRule.Tolerances["exptime"]);
            Assert.False(TestInstrument.DarkRule.Required);
            Assert.Equal("MASTER_FLAT", d.StepFor("FLAT")!.Product);
        }

        [Fact]
        public void Given_an_unknown_field_When_parsed_Then_the_error_names_line_field_and_suggests_the_right_one()
        {
            var e = Fails(Replace("  max_gap_hours: 3", "  max_gap_hour: 3"));
            Assert.StartsWith("bad.yaml:17:3: field 'grouping.max_gap_hour': unknown field", e.Message);
            Assert.Contains("did you mean 'max_gap_hours'?", e.Message);
        }

        [Fact]
        public void Given_a_grouping_key_that_is_not_a_logical_name_When_parsed_Then_the_error_lists_the_defined_names()
        {
            var e = Fails(Replace("  keys: [binning]", "  keys: [binning, readout]"));
            Assert.Equal(15, e.Location.Line);
            Assert.Equal("grouping.keys", e.Field);
            Assert.Contains("'readout' is not a logical name", e.Message);
            Assert.Contains("frametype, filter, binning, exptime, mjd", e.Message);
        }

        [Fact]
        public void Given_an_association_for_an_unknown_category_When_parsed_Then_it_is_refused()
        {
            var e = Fails(Replace("  FLAT:\n    - {calibration: MASTER_BIAS", "  DARK:\n    - {calibration: MASTER_BIAS"));
            Assert.Contains("category 'DARK' is not assigned by any classification rule", e.Message);
        }

        [Fact]
        public void Given_bad_as_the_required_quality_When_parsed_Then_it_is_refused_with_the_reason()
        {
            var e = Fails(Replace("quality: certified", "quality: bad"));
            Assert.Contains("associations.SCIENCE[0].quality", e.Message);
            Assert.Contains("never selected", e.Message);
        }

        [Fact]
        public void Given_a_tolerance_on_a_key_not_matched_When_parsed_Then_it_is_refused()
        {
            var e = Fails(Replace("tolerance: {exptime: 1.0}", "tolerance: {filter: 1.0}"));
            Assert.Contains("'filter' is not one of the rule's match keys", e.Message);
        }

        [Fact]
        public void Given_calibrations_that_need_each_other_When_parsed_Then_the_cycle_is_reported()
        {
            var yaml = Replace("  FLAT:\n    - {calibration: MASTER_BIAS, match: [binning], max_days: 1}",
                "  FLAT:\n    - {calibration: MASTER_BIAS, match: [binning], max_days: 1}\n  BIAS:\n    - {calibration: MASTER_FLAT, match: [binning]}");
            var e = Fails(yaml);
            Assert.Contains("dependency cycle: master_bias (BIAS) needs MASTER_FLAT from master_flat (FLAT) needs MASTER_BIAS from master_bias", e.Message);
        }

        [Fact]
        public void Given_broken_YAML_When_parsed_Then_the_error_has_the_line()
        {
            var e = Fails("name: x\nidentity: {match: [\"A == 1\"]\nclassification: []\n");
            Assert.StartsWith("bad.yaml:", e.Message);
            Assert.Contains("not valid YAML", e.Message);
        }

        [Fact]
        public void Given_a_rule_with_a_typo_in_a_function_When_parsed_Then_the_error_points_at_the_rule()
        {
            var e = Fails(Replace("when: \"frametype == 'flat'\"", "when: \"lowr(frametype) == 'flat'\""));
            Assert.Equal("classification[1].when", e.Field);
            Assert.Equal(12, e.Location.Line);
        }

        [Fact]
        public void Given_a_detector_section_that_is_not_a_section_When_parsed_Then_it_is_refused()
        {
            var yaml = TestInstrument.Yaml + "\ndetector:\n  amplifiers:\n    - {name: A, datasec: '1:100,1:50'}\n";
            var e = Fails(yaml);
            Assert.Contains("detector.amplifiers[0].datasec", e.Message);
        }
    }

    public class Spectroscopy
    {
        [Fact]
        public void Given_the_Kast_blue_file_When_loaded_Then_its_spectroscopy_section_gives_the_wavelength_prior_and_a_line_list_that_exists()
        {
            var kast = TestPaths.Catalog.Find("lick_kast_blue_longslit")!;
            var s = kast.Spectroscopy!;
            Assert.Equal(1, s.DispersionAxis);
            Assert.Equal(4450, s.CentralWavelength);
            Assert.Equal(1.02, s.Dispersion);
            Assert.Equal(150, s.WavelengthTolerance);
            Assert.Equal(0.1, s.DispersionTolerance);
            Assert.Equal("air", s.Medium);
            Assert.True(File.Exists(Path.Combine(TestPaths.Instruments, s.LineLists.Single())), s.LineLists.Single());
        }

        [Fact]
        public void Given_a_file_without_the_section_When_loaded_Then_it_is_null()
            => Assert.Null(InstrumentLoader.Parse(TestInstrument.Yaml, "t.yaml").Spectroscopy);

        [Theory]
        [InlineData("spectroscopy:\n  dispersion_axis: 3\n  central_wavelength: 5000\n  dispersion: 1.0\n", "spectroscopy.dispersion_axis")]
        [InlineData("spectroscopy:\n  dispersion_axis: 1\n  central_wavelength: 5000\n  dispersion: 0\n", "spectroscopy.dispersion")]
        [InlineData("spectroscopy:\n  dispersion_axis: 1\n  dispersion: 1.0\n", "central_wavelength")]
        [InlineData("spectroscopy:\n  dispersion_axis: 1\n  central_wavelength: 5000\n  dispersion: 1.0\n  medium: glass\n", "spectroscopy.medium")]
        [InlineData("spectroscopy:\n  dispersion_axis: 1\n  central_wavelength: 5000\n  dispersion: 1.0\n  dispersoin_tolerance: 0.1\n", "dispersoin_tolerance")]
        public void Given_a_bad_spectroscopy_section_When_parsed_Then_the_error_names_the_field(string section, string field)
        {
            var e = Fails(TestInstrument.Yaml + "\n" + section);
            Assert.Contains(field, e.Message);
        }
    }

    public class Photometry
    {
        [Fact]
        public void Given_a_photometry_section_When_parsed_Then_filters_map_to_catalog_columns_and_others_keep_their_name()
        {
            var p = InstrumentLoader.Parse(TestInstrument.Yaml + "\nphotometry: {bands: {V: V, G: phot_g_mean_mag}, colour: [B, V]}\n", "t.yaml").Photometry!;

            Assert.Equal("phot_g_mean_mag", p.BandFor("g"));
            Assert.Equal("V", p.BandFor("V"));
            Assert.Equal("R", p.BandFor("R"));
            Assert.Equal(("B", "V"), p.Colour);
        }

        [Fact]
        public void Given_no_photometry_section_Then_there_are_no_settings()
            => Assert.Null(InstrumentLoader.Parse(TestInstrument.Yaml, "t.yaml").Photometry);

        [Theory]
        [InlineData("photometry: {colour: [B]}\n", "photometry.colour")]
        [InlineData("photometry: {bands: {V: V}, color: [B, V]}\n", "color")]
        public void Given_a_bad_photometry_section_When_parsed_Then_the_error_names_the_field(string section, string field)
        {
            var e = Fails(TestInstrument.Yaml + "\n" + section);
            Assert.Contains(field, e.Message);
        }
    }

    public class ShippedFiles
    {
        [Fact]
        public void Given_the_instruments_folder_When_loaded_Then_every_file_is_valid()
        {
            var names = TestPaths.Catalog.Instruments.Select(i => i.Name).ToList();
            Assert.Equal(["generic_longslit", "keck_hires", "lick_kast_blue_longslit", "maximdl_ccd", "parallax-sim-imager", "parallax-sim-longslit", "sbig_st8_14in_imaging"], names);
        }

        [Fact]
        public void Given_the_simulator_imager_When_loaded_Then_it_has_two_amplifiers_read_from_keywords()
        {
            var sim = TestPaths.Catalog.Find("parallax-sim-imager")!;
            Assert.Equal(["A", "B"], sim.Detector.Amplifiers.Select(a => a.Name));
            var header = Frames.Header(("DATASECB", "[51:100,1:40]"), ("GAINB", 1.8));
            Assert.Equal("[51:100,1:40]", sim.Detector.Amplifiers[1].DataSection!.Resolve(header));
            Assert.Equal(1.8, sim.Detector.Amplifiers[1].Gain!.ResolveNumber(header));
            Assert.Equal(1.5, sim.Detector.Amplifiers[0].Gain!.ResolveNumber(header));
        }

        [Fact]
        public void Given_a_user_folder_with_a_file_of_the_same_name_When_loaded_after_the_shipped_one_Then_it_wins()
        {
            using var dir = new TempFolder();
            File.WriteAllText(dir.File("sim.yaml"), File.ReadAllText(Path.Combine(TestPaths.Instruments, "parallax-sim-imager.yaml")).Replace("max_gap_hours: 3", "max_gap_hours: 5"));
            var catalog = InstrumentCatalog.Load([TestPaths.Instruments, dir.Path]);
            Assert.Equal(5.0, catalog.Find("parallax-sim-imager")!.Grouping.MaxGapHours);
            Assert.Equal(7, catalog.Instruments.Count);
        }
    }

    public class KeywordMap
    {
        [Fact]
        public void Given_fallback_keywords_When_the_first_is_absent_Then_the_next_is_used()
        {
            var d = TestPaths.Catalog.Find("maximdl_ccd")!;
            var v = FrameValues.For(d, Frames.Header(("EXPOSURE", 45.0), ("IMAGETYP", "Flat Field  "), ("XBINNING", 2L), ("YBINNING", 2L)));
            Assert.Equal(45.0, v.Get("exptime"));
            Assert.Equal("flat", v.Get("frametype"));
            Assert.Equal("2x2", v.Get("binning"));
            Assert.Equal("none", v.Get("filter"));
        }

        [Fact]
        public void Given_a_date_and_a_separate_time_keyword_When_read_as_mjd_Then_both_are_combined()
        {
            var d = TestPaths.Catalog.Find("keck_hires")!;
            var v = FrameValues.For(d, Frames.Header(("DATE-OBS", "2013-05-07"), ("UTC", "02:13:42.04")));
            Assert.Equal(56419.092847685184, (double)v.Get("mjd")!, 8);
        }

        [Fact]
        public void Given_a_keyword_of_the_wrong_type_When_read_Then_the_problem_is_collected_and_the_value_is_missing()
        {
            var v = FrameValues.For(TestInstrument.Definition, Frames.Header(("EXPTIME", "sixty")));
            Assert.Null(v.Get("exptime"));
            Assert.Contains(v.Problems, p => p.Contains("EXPTIME = 'sixty' is not a number"));
        }
    }
}
