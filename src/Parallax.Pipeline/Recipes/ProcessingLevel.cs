namespace Parallax.Pipeline.Recipes;

/// <summary>How far a product is processed, written as <c>PROCSTAT = 'LEVEL_n'</c> (the SOFIA convention).</summary>
public enum ProcessingLevel
{
    /// <summary>LEVEL_1: raw data as the instrument wrote them.</summary>
    Raw = 1,

    /// <summary>LEVEL_2: corrected for instrument signatures (bias, dark, flat) or a calibration master made from raw frames.</summary>
    Corrected = 2,

    /// <summary>LEVEL_3: flux-calibrated (photometric or spectrophotometric units).</summary>
    FluxCalibrated = 3,

    /// <summary>LEVEL_4: combined higher-level products (coadds, mosaics, catalogues).</summary>
    Combined = 4,
}
