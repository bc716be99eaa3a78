using Parallax.Simulation.Imaging;
using Parallax.Simulation.Models;
using Parallax.Simulation.Plans;
using Parallax.Simulation.Randomness;

namespace Parallax.Simulation.Night;

/// <summary>
/// Lays a plan out in time: frames follow each other separated by the plan's overhead (plus 60 s for each
/// slew to a new target), the science waiting for <c>science_start</c> when given. It also draws each frame's
/// conditions from the seed: the true pointing (the commanded one plus the pointing error), the seeing
/// (site seeing × airmass^0.6 × (λ/5500 Å)^−0.2, with the frame-to-frame scatter), and the exposure time
/// of flats with a target level.
/// </summary>
internal static class NightScheduler
{
    /// <summary>Seconds to point at a new target.</summary>
    public const double SlewTime = 60;

    /// <summary>Twilight sky at the first twilight flat, electrons per second per unbinned pixel for a zero point of 25 (it scales with the zero point).</summary>
    public const double TwilightRate = 8000;

    /// <summary>E-folding time of the evening twilight sky, seconds.</summary>
    public const double TwilightFade = 600;

    private static readonly (double East, double North)[] DitherPattern = [(0, 0), (1, 1), (-1, 1), (-1, -1), (1, -1)];

    public static List<FrameSpec> Schedule(InstrumentModel model, NightPlan plan, ulong seed)
    {
        var frames = new List<FrameSpec>();
        var time = plan.StartUtc;
        var date = plan.StartUtc.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        string Name(int seq) => $"{model.FilePrefix}{date}_{seq:D4}.fits";
        var b2 = plan.Binning * plan.Binning;
        var gain = model.Detector.Amplifiers.Average(a => a.Gain);

        void Add(FrameSpec f)
        {
            frames.Add(f);
            time = f.EndUtc.AddSeconds(plan.Overhead);
        }

        void Calibrate(IReadOnlyList<CalibrationBlock> blocks)
        {
            foreach (var block in blocks)
            {
                var filters = block.Type == "flat" && model.Kind == InstrumentKind.Imager ? block.Filters : [null!];
                var blockStart = time;
                foreach (var filter in filters)
                {
                    for (var k = 0; k < block.Count; k++)
                    {
                        var seq = frames.Count + 1;
                        var spec = new FrameSpec
                        {
                            Sequence = seq, FileName = Name(seq), StartUtc = time, Exptime = block.Exptime,
                            Kind = block.Type switch { "bias" => FrameKind.Bias, "dark" => FrameKind.Dark, "flat" => FrameKind.Flat, _ => FrameKind.Arc },
                            Object = block.Type switch { "bias" => "Bias", "dark" => "Dark", "arc" => model.Lamp(block.Lamp).Name, _ => "Flat" },
                        };
                        if (block.Type == "bias") spec = spec with { Exptime = 0 };
                        if (block.Type == "arc") spec = spec with { Lamp = model.Lamp(block.Lamp).Name };
                        if (block.Type == "flat") spec = Flat(spec, block, filter, blockStart, model, b2, gain);
                        Add(spec);
                    }
                }
            }
        }

        Calibrate(plan.Calibrations);
        if (plan.ScienceStartUtc is { } scienceStart && scienceStart > time) time = scienceStart;
        for (var t = 0; t < plan.Science.Count; t++)
        {
            var block = plan.Science[t];
            time = time.AddSeconds(SlewTime);
            var (ra, dec) = block.Ra is { } r && block.Dec is { } d ? (r, d)
                : (model.Standard(block.Object).Ra, model.Standard(block.Object).Dec);
            var filters = model.Kind == InstrumentKind.Imager ? block.Filters : [null!];
            foreach (var filter in filters)
            {
                for (var k = 0; k < block.Count; k++)
                {
                    var seq = frames.Count + 1;
                    var stream = new RandomStream(CounterRandom.Key(seed, CounterRandom.Label("conditions"), (ulong)seq));
                    var (pe, pn) = DitherPattern[k % DitherPattern.Length];
                    var shift = k / DitherPattern.Length / 3.0;
                    var dither = ((pe + shift) * block.Dither, (pn + shift) * block.Dither);
                    var pointing = SkyGeometry.Offset(ra, dec, dither.Item1, dither.Item2);
                    var sigma = model.Optics?.PointingError ?? 0;
                    var truePointing = SkyGeometry.Offset(pointing.Ra, pointing.Dec, stream.Normal(0, sigma), stream.Normal(0, sigma));
                    var mid = time.AddSeconds(block.Exptime / 2);
                    var airmass = SkyGeometry.Airmass(SkyGeometry.Altitude(mid, model.Site.Latitude, model.Site.Longitude, ra, dec));
                    var wavelength = filter is null ? 5500 : model.Filter(filter).Wavelength;
                    var seeing = model.Site.Seeing * Math.Pow(airmass, 0.6) * Math.Pow(wavelength / 5500, -0.2)
                        * Math.Max(0.5, 1 + model.Site.SeeingScatter * stream.Normal());
                    Add(new FrameSpec
                    {
                        Sequence = seq, FileName = Name(seq), StartUtc = time, Exptime = block.Exptime,
                        Kind = block.Type == "standard" ? FrameKind.Standard : FrameKind.Object,
                        Object = block.Object, Filter = filter, Pointing = pointing, TruePointing = truePointing,
                        Airmass = airmass, Seeing = seeing, Target = block, TargetIndex = t, Dither = dither,
                        HourAngle = SkyGeometry.HourAngle(time, model.Site.Longitude, pointing.Ra),
                        SiderealTime = SkyGeometry.LocalSiderealTime(time, model.Site.Longitude),
                    });
                }
            }
        }
        Calibrate(plan.Morning);
        return frames;
    }

    private static FrameSpec Flat(FrameSpec spec, CalibrationBlock block, string? filter, DateTime blockStart, InstrumentModel model, int b2, double gain)
    {
        var kind = model.Kind == InstrumentKind.Imager ? block.Flat : "lamp";
        spec = spec with { Filter = filter, FlatKind = kind, Object = kind switch { "dome" => "Dome flat", "twilight" => "Twilight flat", _ => "Quartz flat" } };
        double rate = kind switch
        {
            "dome" => model.Filter(filter!).DomeFlatRate,
            "lamp" => model.Spectrograph!.FlatLampRate,
            _ => TwilightRate * Math.Pow(10, 0.4 * (model.Filter(filter!).ZeroPoint - 25)) * Math.Exp(-(spec.StartUtc - blockStart).TotalSeconds / TwilightFade),
        };
        var exptime = block.Level > 0 ? Math.Round(block.Level * gain / (rate * b2), 1) : block.Exptime;
        exptime = Math.Clamp(exptime, 0.1, kind == "twilight" ? 60 : 3600);
        if (kind == "twilight")
        {
            // The sky fades during the exposure: its mean rate over the exposure.
            var mean = rate * TwilightFade / exptime * (1 - Math.Exp(-exptime / TwilightFade));
            var zenith = SkyGeometry.LocalSiderealTime(spec.StartUtc, model.Site.Longitude);
            spec = spec with { SkyRate = mean, Pointing = (zenith, model.Site.Latitude), TruePointing = (zenith, model.Site.Latitude), Airmass = 1 };
        }
        return spec with { Exptime = exptime };
    }
}
