using Parallax.Pipeline.Instruments;
using Parallax.Pipeline.Recipes;

namespace Parallax.Pipeline.Tests.Support;

/// <summary>An instrument and recipes for engine tests: bias → flat (per filter) → science, with recipe defaults and a QC range.</summary>
public static class EngineInstrument
{
    public const string Yaml = """
        name: engine-test
        identity:
          match: ["INSTRUME == 'ENGINE'"]
        keywords:
          frametype: {keys: [IMAGETYP], transform: [trim, lower]}
          filter: {keys: [FILTER], transform: [trim], default: none}
          binning: {keys: [BINNING], default: '1x1'}
          exptime: {keys: [EXPTIME], type: number}
          mjd: {keys: [DATE-OBS], type: mjd}
        classification:
          - {category: BIAS, when: "frametype == 'bias'"}
          - {category: FLAT, when: "frametype == 'flat'"}
          - {category: SCIENCE, when: "frametype == 'object'"}
        grouping:
          keys: [binning]
          by_category: {FLAT: [filter], SCIENCE: [filter]}
          max_gap_hours: 3
        cascade:
          - {category: BIAS, recipe: make_bias, product: MASTER_BIAS}
          - {category: FLAT, recipe: make_flat, product: MASTER_FLAT}
          - {category: SCIENCE, recipe: make_science, product: SCIENCE_PRODUCT}
        associations:
          FLAT:
            - {calibration: MASTER_BIAS, match: [binning], max_days: 1, fallback: [{max_days: 30, quality: provisional}]}
          SCIENCE:
            - {calibration: MASTER_BIAS, match: [binning], max_days: 1, fallback: [{max_days: 30, quality: provisional}]}
            - {calibration: MASTER_FLAT, match: [binning, filter], max_days: 1, fallback: [{max_days: 30, quality: provisional}]}
        recipes:
          make_bias: {scale: 1.0, label: b}
          make_flat: {label: c}
        qc:
          MASTER_BIAS:
            level: {max: 100}
        """;

    private static readonly Lazy<InstrumentDefinition> Parsed = new(() => InstrumentLoader.Parse(Yaml, "engine-test.yaml"));

    public static InstrumentDefinition Definition => Parsed.Value;

    public static InstrumentCatalog Catalog => InstrumentCatalog.FromDefinitions([Definition]);

    /// <summary>Fresh recipes (their run counters start at zero).</summary>
    public static (RecipeRegistry Registry, TestRecipe Bias, TestRecipe Flat, TestRecipe Science) Recipes()
    {
        var bias = new TestRecipe("make_bias", ["BIAS"], [], "MASTER_BIAS");
        var flat = new TestRecipe("make_flat", ["FLAT"], [("MASTER_BIAS", true)], "MASTER_FLAT");
        var science = new TestRecipe("make_science", ["SCIENCE"], [("MASTER_BIAS", true), ("MASTER_FLAT", true)], "SCIENCE_PRODUCT", perInput: true);
        return (new RecipeRegistry([bias, flat, science]), bias, flat, science);
    }

    /// <summary>Header cards of a frame of this instrument.</summary>
    public static (string, object?)[] Cards(string imagetyp, string dateObs, string filter = "V", params (string, object?)[] extra)
        => [("INSTRUME", "ENGINE"), ("IMAGETYP", imagetyp), ("DATE-OBS", dateObs), ("FILTER", filter), ("EXPTIME", 10.0), .. extra];
}
