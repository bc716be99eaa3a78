using System.Numerics;
using System.Text.Json;
using Parallax.Fits.Headers;
using Parallax.Fits.Tests.Support;

namespace Parallax.Fits.Tests.Reference;

/// <summary>Every value card of the header test vectors parses to the type and value astropy reports (or the standard's value where astropy is known to be wrong).</summary>
public class HeaderVectorTests
{
    private static readonly JsonElement Vectors = ReferenceJson.Load("vectors", "vectors.json");

    [Theory]
    [InlineData("hdr_astropy.fits")]
    [InlineData("hdr_handmade.fits")]
    public void Given_a_header_vector_When_parsed_Then_each_value_card_matches_astropy(string name)
    {
        using var f = FitsFile.Open(TestPaths.Data("vectors", name), FitsReadOptions.Default with { Verify = VerifyMode.Exception });
        foreach (var hdu in Vectors.GetProperty("files").GetProperty(name).GetProperty("hdus").EnumerateArray())
        {
            var header = f[hdu.GetProperty("index").GetInt32()].Header;
            var checkedCards = 0;
            foreach (var c in hdu.GetProperty("cards").EnumerateArray())
            {
                var key = c.GetProperty("keyword").GetString()!;
                if (key is "COMMENT" or "HISTORY" or "") continue;
                var card = header.FindCard(key);
                Assert.True(card is not null, $"{name}: card {key} not found");
                var value = ReferenceJson.Get(c, "standard_value") ?? c.GetProperty("value");
                var type = c.GetProperty("type").GetString();
                switch (type)
                {
                    case "bool": Assert.Equal(value.GetBoolean(), card.Value); break;
                    case "int" when card.Kind == HeaderValueKind.Integer: Assert.Equal(value.GetInt64(), card.Value); break;
                    case "int": Assert.Equal(double.Parse(value.GetRawText(), System.Globalization.CultureInfo.InvariantCulture), (double)card.Value!, 1e-15 * Math.Abs((double)card.Value!)); break;
                    case "float": Assert.Equal(ReferenceJson.Number(value), (double)card.Value!); break;
                    case "complex": Assert.Equal(new Complex(value[0].GetDouble(), value[1].GetDouble()), card.Value); break;
                    case "str": Assert.Equal(value.GetString(), card.Value); break;
                    case "Undefined": Assert.Equal(HeaderValueKind.Undefined, card.Kind); break;
                    default: throw new Xunit.Sdk.XunitException($"{name}: unexpected type {type} for {key}");
                }
                Assert.Equal(c.GetProperty("comment").GetString() ?? "", card.Comment ?? "");
                checkedCards++;
            }
            Assert.True(checkedCards > 5, $"{name}: only {checkedCards} cards checked");
        }
    }
}
