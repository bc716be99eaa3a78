using Parallax.Pipeline.Recipes;
using Parallax.Pipeline.Tests.Support;

namespace Parallax.Pipeline.Tests.Recipes;

public class ParameterFilesTests
{
    public class Load
    {
        [Fact]
        public void Given_a_yaml_file_with_plain_and_recipe_scoped_values_When_loaded_Then_scoped_keys_carry_the_recipe_name()
        {
            using var dir = new TempFolder();
            var path = dir.File("p.yaml");
            System.IO.File.WriteAllText(path, "scale: 2.5\nlabel: 'b'\nmake_flat:\n  repeat: 3\n  flag: true\n");
            var layer = ParameterFiles.Load(path);
            Assert.Equal((ParameterSource.UserFile, "p.yaml"), (layer.Source, layer.Origin));
            Assert.Equal(
                [KeyValuePair.Create("scale", (object?)2.5), KeyValuePair.Create("label", (object?)"b"), KeyValuePair.Create("make_flat.repeat", (object?)3.0), KeyValuePair.Create("make_flat.flag", (object?)true)],
                layer.Values);
        }

        [Fact]
        public void Given_a_json_file_When_loaded_Then_it_reads_as_the_yaml_would()
        {
            using var dir = new TempFolder();
            var path = dir.File("p.json");
            System.IO.File.WriteAllText(path, """{"scale": 2.5, "make_flat": {"label": "c"}}""");
            Assert.Equal([KeyValuePair.Create("scale", (object?)2.5), KeyValuePair.Create("make_flat.label", (object?)"c")], ParameterFiles.Load(path).Values);
        }

        [Fact]
        public void Given_a_list_where_a_value_belongs_When_loaded_Then_the_error_names_file_and_line()
        {
            using var dir = new TempFolder();
            var path = dir.File("p.yaml");
            System.IO.File.WriteAllText(path, "scale: 1\nlabel: [a, b]\n");
            var e = Assert.Throws<FormatException>(() => ParameterFiles.Load(path));
            Assert.StartsWith("p.yaml:2:", e.Message);
        }
    }

    public class FromPairs
    {
        [Fact]
        public void Given_a_pair_without_equals_When_read_Then_it_is_refused()
        {
            var e = Assert.Throws<FormatException>(() => ParameterFiles.FromPairs(["scale"]));
            Assert.Equal("--param 'scale' is not name=value", e.Message);
        }

        [Fact]
        public void Given_a_value_with_an_equals_sign_When_read_Then_only_the_first_splits()
        {
            var layer = ParameterFiles.FromPairs(["label=a=b"]);
            Assert.Equal(KeyValuePair.Create("label", (object?)"a=b"), Assert.Single(layer.Values));
        }
    }
}
