using Parallax.Simulation.Models;
using Parallax.Simulation.Plans;

namespace Parallax.Simulation.Tests;

public class InstrumentModelsTests
{
    public class Load
    {
        [Fact]
        public void Given_the_shipped_imager_When_loaded_Then_every_section_is_read()
        {
            var m = InstrumentModels.Load("sim-imager");

            Assert.Equal(InstrumentKind.Imager, m.Kind);
            Assert.Equal("PARALLAX-SIM-IMAGER", m.Instrume);
            Assert.Equal(2, m.Detector.Amplifiers.Count);
            Assert.Equal(1.52, m.Detector.Amplifiers[1].Gain);
            Assert.Equal("right", m.Detector.Amplifiers[1].OverscanSide);
            Assert.Equal(["B", "V", "R", "I"], m.Filters.Select(f => f.Name));
            Assert.Equal(2, m.Detector.BadColumns.Count);
            Assert.Equal([900, 2047], m.Detector.BadColumns[1].Rows);
            Assert.Equal(20250315UL, m.Detector.PatternSeed);
            Assert.Equal(13.65, m.FieldOfView.X, 2);
            Assert.Equal(["large", "small", "standard"], m.Presets.Keys.Order());
            Assert.Equal(3, m.Presets["standard"].Calibrations.Count);
        }

        [Fact]
        public void Given_the_shipped_spectrograph_When_loaded_Then_lamps_and_standards_are_read()
        {
            var m = InstrumentModels.Load("sim-longslit");

            Assert.Equal(InstrumentKind.Longslit, m.Kind);
            Assert.Equal(["HeNeAr", "CuAr", "ThAr"], m.Spectrograph!.Lamps.Select(l => l.Name));
            Assert.Equal("Feige 34", m.Spectrograph.Standards[0].Name);
            Assert.Equal([-60.0, 8.0], m.Spectrograph.DispersionTerms);
        }

        [Fact]
        public void Given_an_unknown_name_When_loaded_Then_the_error_lists_the_built_in_models()
        {
            var e = Assert.Throws<InvalidModelException>(() => InstrumentModels.Load("no-such-model"));
            Assert.Contains("sim-imager", e.Message);
            Assert.Contains("sim-longslit", e.Message);
        }

        [Fact]
        public void Given_built_in_names_Then_both_shipped_models_are_listed()
        {
            Assert.Contains("sim-imager", InstrumentModels.BuiltInNames);
            Assert.Contains("sim-longslit", InstrumentModels.BuiltInNames);
        }
    }

    public class Parse
    {
        private static string Imager => InstrumentModels.ReadText(InstrumentModels.Load("sim-imager"));

        [Fact]
        public void Given_a_misspelt_key_When_parsed_Then_the_error_names_the_line()
        {
            var yaml = Imager.Replace("read_noise: 4.2", "read_nose: 4.2");
            var e = Assert.Throws<InvalidModelException>(() => InstrumentModels.Parse(yaml, "bad.yaml"));
            Assert.StartsWith("bad.yaml:", e.Message);
            Assert.Contains("read_nose", e.Message);
        }

        [Fact]
        public void Given_amplifiers_that_overlap_When_parsed_Then_the_column_is_named()
        {
            var yaml = Imager.Replace("columns: [1024, 2047]", "columns: [1000, 2047]");
            var e = Assert.Throws<InvalidModelException>(() => InstrumentModels.Parse(yaml, "bad.yaml"));
            Assert.Contains("column 1000 is read by 2 amplifiers", e.Message);
        }

        [Fact]
        public void Given_a_negative_gain_When_parsed_Then_the_field_is_named()
        {
            var yaml = Imager.Replace("gain: 1.45", "gain: -1.45");
            var e = Assert.Throws<InvalidModelException>(() => InstrumentModels.Parse(yaml, "bad.yaml"));
            Assert.Contains("detector.amplifiers[A].gain", e.Message);
        }

        [Fact]
        public void Given_a_preset_with_an_unknown_filter_When_parsed_Then_the_preset_is_named()
        {
            var yaml = Imager.Replace("filters: [V, R], count: 3", "filters: [V, Z], count: 3");
            var e = Assert.Throws<InvalidModelException>(() => InstrumentModels.Parse(yaml, "bad.yaml"));
            Assert.Contains("presets.small", e.Message);
            Assert.Contains("filter 'Z'", e.Message);
        }
    }

    public class ReadData
    {
        [Fact]
        public void Given_a_built_in_model_When_its_line_list_is_read_Then_the_IRAF_file_is_returned()
        {
            var m = InstrumentModels.Load("sim-longslit");
            var text = InstrumentModels.ReadData(m, "data/henear.dat");
            Assert.StartsWith("# units Angstroms", text);
            Assert.Contains("3187.743", text);
        }
    }
}
