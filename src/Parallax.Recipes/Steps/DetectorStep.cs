using Parallax.Imaging;
using Parallax.Imaging.Detector;
using Parallax.Imaging.Fitting;
using Parallax.Pipeline.Recipes;
using Parallax.Recipes.Imaging;
using AmplifierGeometry = Parallax.Imaging.Detector.AmplifierGeometry;
using DetectorGeometry = Parallax.Imaging.Detector.DetectorGeometry;

namespace Parallax.Recipes.Steps;

/// <summary>
/// The first step of every imaging recipe on a raw frame: flag saturation, subtract the overscan,
/// set the variance from the detector noise model (read noise² + Poisson, in ADU²), trim to the data
/// sections and assemble the amplifiers by DETSEC, then correct the linearity where the instrument file
/// gives a response (<see cref="LinearityStep"/>) — the imaging core's <see cref="DetectorCorrector"/>
/// driven by the instrument file's amplifiers (gain, read noise, saturation, sections), with the
/// frame's header filling what the instrument file leaves out. The result stays in ADU so that masters
/// and science frames subtract directly; <see cref="ToElectrons(MaskedImage, DetectorStepResult, double)"/> converts at the end.
/// A frame that is already a Parallax product (it has PRODTYPE) is returned as it is.
/// </summary>
public static class DetectorStep
{
    /// <summary>Corrects <paramref name="frame"/>; the result owns new arrays (the input is never modified).</summary>
    /// <exception cref="ArgumentException">The sections do not fit the frame, or the amplifiers cannot be assembled.</exception>
    /// <exception cref="FormatException">A section keyword is malformed (the message names it).</exception>
    public static DetectorStepResult Apply(RecipeFrame frame, DetectorLayout layout, DetectorParameters parameters)
    {
        var raw = frame.Image;
        if (raw.Header.Contains("PRODTYPE") || frame.PrimaryHeader.Contains("PRODTYPE")) return new DetectorStepResult(raw.Clone(), [], []);
        var geometry = Geometry(raw, layout);
        var overscan = parameters.Overscan != OverscanMode.None && geometry.Amplifiers.All(a => a.BiasSection is not null)
            ? new OverscanOptions
            {
                Statistic = parameters.Overscan switch
                {
                    OverscanMode.Mean => OverscanStatistic.Mean,
                    OverscanMode.ClippedMean => OverscanStatistic.SigmaClippedMean,
                    _ => OverscanStatistic.Median,
                },
                Smoothing = parameters.OverscanOrder > 0 ? OverscanSmoothing.Legendre : OverscanSmoothing.None,
                Order = Math.Max(parameters.OverscanOrder, 0),
            }
            : null;
        var result = DetectorCorrector.Correct(raw, geometry, new DetectorCorrectionOptions { Overscan = overscan, ToElectrons = false });
        var step = new DetectorStepResult(result.Image, result.Amplifiers, [.. geometry.Amplifiers.Select(a => a.Gain)]);
        // After the overscan (the response is in ADU above bias), before any master is subtracted: see LinearityStep.
        if (parameters.CorrectLinearity) LinearityStep.Apply(step, layout);
        return step;
    }

    /// <summary>
    /// <see cref="Apply"/> for one frame of many: a frame whose detector description does not fit it
    /// (a malformed or out-of-range section keyword, amplifiers that cannot be assembled) is added to
    /// <paramref name="skipped"/> with the reason, naming the frame, and null is returned, so that one
    /// bad frame never stops the others.
    /// </summary>
    public static DetectorStepResult? TryApply(RecipeFrame frame, DetectorLayout layout, DetectorParameters parameters, List<SkippedInput> skipped)
    {
        try
        {
            return Apply(frame, layout, parameters);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            skipped.Add(new SkippedInput(frame.Name, e.Message));
            return null;
        }
    }

    /// <summary>
    /// The amplifiers of <paramref name="raw"/>: the instrument file's, each completed from the
    /// header keywords with its name as suffix (DETSECA ...); without amplifiers in the instrument
    /// file, the header's DATASEC / BIASSEC / GAIN / RDNOISE / SATURATE (or the whole image).
    /// Several amplifiers without DETSEC are placed as they lie in the raw frame.
    /// </summary>
    public static DetectorGeometry Geometry(MaskedImage raw, DetectorLayout layout)
    {
        if (layout.Amplifiers.Count == 0) return new DetectorGeometry([AmplifierGeometry.FromHeader(raw.Header, raw.Width, raw.Height)]);
        var amps = new List<AmplifierGeometry>(layout.Amplifiers.Count);
        foreach (var a in layout.Amplifiers)
        {
            var fromHeader = AmplifierGeometry.FromHeader(raw.Header, raw.Width, raw.Height, suffix: a.Name, name: a.Name);
            var data = a.DataSection ?? fromHeader.DataSection;
            amps.Add(fromHeader with
            {
                DataSection = data,
                BiasSection = a.BiasSection ?? fromHeader.BiasSection,
                DetectorSection = fromHeader.DetectorSection ?? (layout.Amplifiers.Count > 1 ? data : null),
                Gain = a.Gain is > 0 ? a.Gain.Value : fromHeader.Gain,
                ReadNoise = a.ReadNoise ?? fromHeader.ReadNoise,
                SaturationAdu = a.Saturation ?? fromHeader.SaturationAdu,
            });
        }
        return new DetectorGeometry(amps);
    }

    /// <summary>
    /// Converts a detrended ADU image to electrons in place: each amplifier's pixels times its gain
    /// (variance times gain²), so that amplifiers of different gains come out on one scale. A frame the
    /// detector step left alone (no amplifiers) is converted with <paramref name="fallbackGain"/>.
    /// </summary>
    /// <param name="image">The detrended image, in ADU, with the layout of <paramref name="detector"/>'s output.</param>
    /// <param name="detector">What the detector step did to the raw frame (where each amplifier landed, its gain).</param>
    /// <param name="fallbackGain">Gain (electrons per ADU) for a frame the detector step left alone.</param>
    public static void ToElectrons(MaskedImage image, DetectorStepResult detector, double fallbackGain)
    {
        if (detector.Amplifiers.Count == 0)
        {
            ToElectrons(image, fallbackGain);
            return;
        }
        for (var i = 0; i < detector.Amplifiers.Count; i++)
        {
            var gain = (float)detector.Gains[i];
            var p = detector.Amplifiers[i].Placement;
            for (var y = p.YStart; y < p.YEnd && y < image.Height; y++)
            {
                var data = image.DataRow(y).Slice(p.XStart, Math.Min(p.Width, image.Width - p.XStart));
                var variance = image.VarianceRow(y).Slice(p.XStart, data.Length);
                System.Numerics.Tensors.TensorPrimitives.Multiply(data, gain, data);
                System.Numerics.Tensors.TensorPrimitives.Multiply(variance, gain * gain, variance);
            }
        }
        MarkElectrons(image);
    }

    /// <summary>Converts an ADU image to electrons in place with one gain (electrons per ADU); variance times gain².</summary>
    public static void ToElectrons(MaskedImage image, double gain)
    {
        image.MultiplyInPlace(new ValueWithVariance((float)gain, 0));
        MarkElectrons(image);
    }

    private static void MarkElectrons(MaskedImage image)
    {
        image.Unit = PixelUnits.Electron;
        image.Header.Set("BUNIT", PixelUnits.Electron, "pixel unit");
    }

    /// <summary>
    /// The first calibration whose shape differs from <paramref name="image"/> (a frame after the
    /// detector step), as an outcome naming it; null when every calibration fits.
    /// </summary>
    public static UnprocessableData? MismatchedCalibration(MaskedImage image, params RecipeFrame?[] calibrations)
    {
        foreach (var c in calibrations)
        {
            if (c is not null && !c.Image.HasSameShape(image))
                return new UnprocessableData($"calibration {c.Category} {c.Name} is {c.Image.ShapeText} but the frames are {image.ShapeText} after trimming");
        }
        return null;
    }

    /// <summary>
    /// Makes the variance of a corrected raw frame follow the noise model read noise² + signal / gain
    /// (ADU²) with the signal counted above the bias: kept as the detector step set it when the overscan
    /// was subtracted and the read noise is known; otherwise recomputed with the signal above
    /// <paramref name="bias"/> and, when the instrument gives no read noise, the read noise measured as
    /// the robust σ of frame − bias. Products (frames the step left alone) keep their variance.
    /// </summary>
    public static void ApplyNoiseModel(DetectorStepResult step, DetectorLayout layout, MaskedImage? bias)
    {
        if (step.Amplifiers.Count == 0) return;
        var known = DetectorNoise.ReadNoiseAdu(layout);
        var overscanned = double.IsFinite(step.OverscanLevel);
        if (overscanned && known is not null) return;
        var readNoise = known ?? (bias is null ? 0 : MeasuredNoise(step.Image, bias));
        ImageArithmetic.SetRawVariance(step.Image, readNoise, DetectorNoise.Gain(layout), bias, null);
    }

    private static double MeasuredNoise(MaskedImage frame, MaskedImage bias)
    {
        if (!frame.HasSameShape(bias)) return 0;
        var s = Parallax.Imaging.Statistics.RobustStatistics.MadSigma(UsableDifference.Of(frame, bias));
        return double.IsFinite(s) ? s : 0;
    }
}
