using System.Text.Json;

namespace Parallax.Cli.Tests;

public class RecipeCommandsTests
{
    public class Recipes
    {
        [Fact]
        public void Given_the_shipped_recipes_When_listed_Then_each_is_named_with_its_synopsis_inputs_and_outputs()
        {
            var (code, stdout, _) = CliRunner.Run("recipes");
            Assert.Equal(0, code);
            Assert.Contains("master_bias (version 1): Combine bias frames into a master bias", stdout);
            Assert.Contains("outputs:      MASTER_DARK (master_dark, LEVEL_2)", stdout);
            Assert.Contains("calibrations: MASTER_BIAS, MASTER_DARK (optional)", stdout);
            Assert.Contains("reduce_image (version 1): Detrend science frames", stdout);
        }

        [Fact]
        public void Given_json_When_listed_Then_scripts_get_names_connections_and_parameters()
        {
            var (code, stdout, _) = CliRunner.Run("recipes", "--json");
            Assert.Equal(0, code);
            var recipes = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
            Assert.Equal(["bad_pixel_map", "coadd", "illumination", "master_bias", "master_dark", "master_flat", "reduce_image", "wavelength_solution"], recipes.Select(r => r.GetProperty("name").GetString()));
            var flat = recipes.Single(r => r.GetProperty("name").GetString() == "master_flat");
            Assert.Equal("MASTER_FLAT", flat.GetProperty("outputs")[0].GetProperty("category").GetString());
            Assert.Equal(["combine", "clip_sigma", "normalise", "min_level", "max_level", "overscan", "overscan_order", "correct_linearity"], flat.GetProperty("parameters").EnumerateArray().Select(p => p.GetString()));
        }
    }

    public class Params
    {
        [Fact]
        public void Given_a_recipe_and_an_instrument_When_shown_Then_defaults_ranges_and_the_instrument_files_values_are_listed()
        {
            var (code, stdout, _) = CliRunner.Run("params", "master_flat", "--instrument", "sbig_st8_14in_imaging", "--json");
            Assert.Equal(0, code);
            var p = JsonDocument.Parse(stdout).RootElement.GetProperty("parameters").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
            Assert.Equal(("choice", "median", "median | mean", "median"), (p["combine"].GetProperty("type").GetString(), p["combine"].GetProperty("default").GetString(), p["combine"].GetProperty("range").GetString(), p["combine"].GetProperty("instrument").GetString()));
            Assert.Equal(("number", "3", "0 .. 100", "sigma"), (p["clip_sigma"].GetProperty("type").GetString(), p["clip_sigma"].GetProperty("default").GetString(), p["clip_sigma"].GetProperty("range").GetString(), p["clip_sigma"].GetProperty("unit").GetString()));
            Assert.Equal(JsonValueKind.Null, p["clip_sigma"].GetProperty("instrument").ValueKind);
            Assert.Contains("median | mean | none", p["normalise"].GetProperty("range").GetString());
        }

        [Fact]
        public void Given_a_recipe_When_shown_as_text_Then_a_table_and_the_precedence_rule_are_printed()
        {
            var (code, stdout, _) = CliRunner.Run("params", "master_bias", "--instrument", "parallax-sim-imager");
            Assert.Equal(0, code);
            Assert.Matches(@"clip_sigma\s+number\s+3\s+0 \.\. 100 sigma\s+3\s+Reject values", stdout);
            Assert.Contains("Precedence: default < instrument file < --params FILE < --param name=value.", stdout);
        }

        [Fact]
        public void Given_an_unknown_recipe_When_shown_Then_exit_code_2_and_the_known_names()
        {
            var (code, _, stderr) = CliRunner.Run("params", "master_bais");
            Assert.Equal(2, code);
            Assert.Equal("parallax: no recipe named 'master_bais' (recipes: bad_pixel_map, coadd, illumination, master_bias, master_dark, master_flat, reduce_image, wavelength_solution; see 'parallax recipes')", stderr.Trim());
        }
    }
}
