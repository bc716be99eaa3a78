using Parallax.Pipeline.Instruments;

namespace Parallax.Pipeline.Tests.Support;

/// <summary>A small instrument written in the test, so selection tests control every rule.</summary>
public static class TestInstrument
{
    public const string Yaml = """
        name: test-imager
        identity:
          match: ["INSTRUME == 'TEST'"]
        keywords:
          frametype: {keys: [IMAGETYP], transform: [trim, lower]}
          filter: {keys: [FILTER], transform: [trim]}
          binning: {keys: [BINNING], default: '1x1'}
          exptime: {keys: [EXPTIME], type: number}
          mjd: {keys: [MJD-OBS, DATE-OBS], type: mjd}
        classification:
          - {category: BIAS, when: "frametype == 'bias'"}
          - {category: FLAT, when: "frametype == 'flat'"}
          - {category: SCIENCE, when: "frametype == 'object'"}
        grouping:
          keys: [binning]
          by_category: {FLAT: [filter], SCIENCE: [filter]}
          max_gap_hours: 3
        cascade:
          - {category: BIAS, recipe: master_bias, product: MASTER_BIAS}
          - {category: FLAT, recipe: master_flat, product: MASTER_FLAT}
          - {category: SCIENCE, recipe: reduce_image, product: REDUCED_IMAGE}
        associations:
          FLAT:
            - {calibration: MASTER_BIAS, match: [binning], max_days: 1}
          SCIENCE:
            - calibration: MASTER_FLAT
              match: [binning, filter]
              max_days: 1
              quality: certified
              fallback:
                - {max_days: 30, quality: provisional}
            - calibration: MASTER_DARK
              match: [binning, exptime]
              tolerance: {exptime: 1.0}
              max_days: 2
              required: false
        """;

    private static readonly Lazy<InstrumentDefinition> Parsed = new(() => InstrumentLoader.Parse(Yaml, "test-imager.yaml"));

    public static InstrumentDefinition Definition => Parsed.Value;

    public static AssociationRule FlatRule => Definition.Associations.Single(a => a.Calibration == "MASTER_FLAT");

    public static AssociationRule DarkRule => Definition.Associations.Single(a => a.Calibration == "MASTER_DARK");
}
