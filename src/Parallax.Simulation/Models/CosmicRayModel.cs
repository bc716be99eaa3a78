namespace Parallax.Simulation.Models;

/// <summary>Cosmic rays (muons, and radioactivity in the dewar) hitting the detector.</summary>
public sealed record CosmicRayModel
{
    /// <summary>Events per second per cm² of detector (about 0.02 at 2000 m).</summary>
    public double Rate { get; init; } = 0.02;

    /// <summary>Share of events that are straight tracks; the rest are compact blobs and worms.</summary>
    public double TrackFraction { get; init; } = 0.6;

    /// <summary>Charge a track deposits per micrometre of path in silicon, electrons (minimum ionising: ~80).</summary>
    public double ElectronsPerMicron { get; init; } = 80;

    /// <summary>Depleted silicon thickness, micrometres: a track's projected length is thickness·tan(incidence).</summary>
    public double Thickness { get; init; } = 15;

    /// <summary>Range of the charge of a blob, electrons (drawn log-uniformly).</summary>
    public double[] BlobElectrons { get; init; } = [400, 20000];

    /// <summary>Seconds of readout during which the detector still collects events (so biases have a few).</summary>
    public double ReadoutTime { get; init; } = 15;

    internal void Validate()
    {
        ModelCheck.NonNegative(Rate, "detector.cosmic_rays.rate");
        ModelCheck.Range(TrackFraction, 0, 1, "detector.cosmic_rays.track_fraction");
        ModelCheck.Positive(ElectronsPerMicron, "detector.cosmic_rays.electrons_per_micron");
        ModelCheck.Positive(Thickness, "detector.cosmic_rays.thickness");
        ModelCheck.Pair(BlobElectrons, "detector.cosmic_rays.blob_electrons", positive: true);
        ModelCheck.NonNegative(ReadoutTime, "detector.cosmic_rays.readout_time");
    }
}
