using Parallax.Pipeline.Instruments;
using Parallax.Pipeline.Recipes;

namespace Parallax.Pipeline.Tests.Support;

/// <summary>
/// An instrument with a chained cascade, for planner and executor tests: bias → master bias; the
/// master bias → a bad-pixel map (a chained step whose product calibrates the science frames);
/// science frames → one reduced product per frame; reduced products → a sum per filter
/// (group_by merges the groups of one filter taken hours apart). QC: a reduced product above 1000 is bad.
/// </summary>
public static class ChainInstrument
{
    public const string Yaml = """
        name: chain-test
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
          - {category: SCIENCE, when: "frametype == 'object'"}
        grouping:
          keys: [binning]
          by_category: {SCIENCE: [filter]}
          max_gap_hours: 3
        cascade:
          - {category: BIAS, recipe: make_bias, product: MASTER_BIAS}
          - {category: SCIENCE, recipe: reduce, product: REDUCED}
          - {category: BIAS, from: MASTER_BIAS, recipe: make_bpm, product: MASTER_BPM}
          - {category: SCIENCE, from: REDUCED, recipe: stack, product: STACK, group_by: [filter]}
        associations:
          SCIENCE:
            - {calibration: MASTER_BIAS, match: [binning], max_days: 1}
            - {calibration: MASTER_BPM, match: [binning], max_days: 1, required: false}
        recipes:
          stack: {mode: sum}
        qc:
          REDUCED:
            level: {max: 1000}
        """;

    private static readonly Lazy<InstrumentDefinition> Parsed = new(() => InstrumentLoader.Parse(Yaml, "chain-test.yaml"));

    public static InstrumentDefinition Definition => Parsed.Value;

    public static InstrumentCatalog Catalog => InstrumentCatalog.FromDefinitions([Definition]);

    /// <summary>Fresh recipes (run counters at zero); <paramref name="withStack"/> false leaves <c>stack</c> unregistered.</summary>
    public static (RecipeRegistry Registry, TestRecipe Reduce, TestRecipe Stack) Recipes(bool withStack = true)
    {
        var bias = new TestRecipe("make_bias", ["BIAS"], [], "MASTER_BIAS");
        var bpm = new TestRecipe("make_bpm", ["MASTER_BIAS"], [], "MASTER_BPM");
        var reduce = new TestRecipe("reduce", ["SCIENCE"], [("MASTER_BIAS", true), ("MASTER_BPM", false)], "REDUCED", perInput: true);
        var stack = new TestRecipe("stack", ["REDUCED"], [], "STACK");
        IRecipe[] all = withStack ? [bias, bpm, reduce, stack] : [bias, bpm, reduce];
        return (new RecipeRegistry(all), reduce, stack);
    }
}
