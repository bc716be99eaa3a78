using System.Collections.Concurrent;
using Parallax.Imaging;
using Parallax.Simulation.Night;
using Parallax.Spectroscopy.Extraction;
using Parallax.Spectroscopy.Sky;
using Parallax.Spectroscopy.Tracing;

namespace Parallax.Spectroscopy.Tests.Support;

/// <summary>
/// The extraction chain run once per simulated target and shared by the tests: objects found, the strongest traced, the
/// sky fitted with the object masked (2.5 FWHM each side), boxcar and optimal extractions — with the truth's wavelength map.
/// </summary>
internal sealed class ExtractionChain
{
    private static readonly ConcurrentDictionary<(string, string), Lazy<ExtractionChain>> Cache = new();

    public static ExtractionChain For(string preset, string target)
        => Cache.GetOrAdd((preset, target), key => new Lazy<ExtractionChain>(() => new ExtractionChain(key.Item1, key.Item2))).Value;

    private ExtractionChain(string preset, string target)
    {
        Sim = preset == "small" ? SimulatedScience.Small : SimulatedScience.Standard;
        Target = target;
        (Spec, Frame) = Sim.Science[target];
        Objects = ObjectFinder.Find(Frame, Sim.Edges);
        Trace = TraceFitter.Fit(Frame, Sim.Edges, Objects[0]);
        Exclude = ObjectMask.Build(Sim.Width, Sim.Height, [Trace], 2.5 * Trace.Fwhm);
        Sky = BSplineSkyFitter.Fit(Frame, Sim.WavelengthMapTruth, Sim.Edges, Exclude);
        Boxcar = BoxcarExtractor.Extract(Frame, Sky.Sky, Trace, Sim.WavelengthMapTruth);
        Optimal = OptimalExtractor.Extract(Frame, Sky.Sky, Trace, Sim.WavelengthMapTruth);
    }

    public SimulatedScience Sim { get; }

    public string Target { get; }

    public FrameSpec Spec { get; }

    public MaskedImage Frame { get; }

    public IReadOnlyList<SlitObject> Objects { get; }

    public ObjectTrace Trace { get; }

    public bool[] Exclude { get; }

    public SkyModel Sky { get; }

    public ExtractedSpectrum Boxcar { get; }

    public ExtractedSpectrum Optimal { get; }
}
