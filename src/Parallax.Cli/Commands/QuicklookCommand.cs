using System.CommandLine;
using System.Diagnostics;
using Parallax.Fits;
using Parallax.Imaging.Io;
using Parallax.Reports.QuickLook;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax quicklook FILE [-o PNG]</c>: a PNG of a frame or product, FITS row 1 at the bottom as DS9 shows it.</summary>
internal static class QuicklookCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "FITS frame or product (its SCI extension, else the first image with pixels)" };
        var output = new Option<string?>("--output", "-o") { Description = "PNG to write (default: FILE with .png instead of .fits)" };
        var stretch = new Option<string>("--stretch") { Description = "zscale (zscale limits, linear), asinh (99.5% limits), linear (min to max), sqrt, log", DefaultValueFactory = _ => "zscale" };
        stretch.AcceptOnlyFromAmong([.. QuickLookOptions.StretchNames]);
        var mask = new Option<bool>("--mask") { Description = "Paint mask bits over the image: red bad/hot/cold, orange saturated, green cosmic rays, blue no data, cyan edge" };
        var size = new Option<int>("--max-size") { Description = "Longest side in pixels; bigger frames are block-averaged", DefaultValueFactory = _ => 1024 };
        var cmd = new Command("quicklook", "Write a quick-look PNG of a FITS image (zscale by default; NaN and unusable pixels in magenta)") { file, output, stretch, mask, size };
        cmd.SetAction(r =>
        {
            var path = r.GetValue(file)!;
            var png = r.GetValue(output) ?? Reports.Night.QuickLookFiles.PathFor(path);
            if (r.GetValue(size) < 16)
            {
                Console.Error.WriteLine("parallax: --max-size must be at least 16 pixels");
                return ExitCodes.UsageError;
            }
            try
            {
                var clock = Stopwatch.StartNew();
                Parallax.Imaging.MaskedImage image;
                using (var f = FitsFile.Open(path)) image = MaskedImageFits.Read(f);
                var look = QuickLookRenderer.Render(image, QuickLookOptions.ForStretch(r.GetValue(stretch)!, r.GetValue(size), r.GetValue(mask)));
                var bytes = look.EncodePng();
                Reports.AtomicFile.Write(png, bytes);
                Console.WriteLine($"wrote {png}  {look.Width}×{look.Height} (blocks of {look.BlockSize}), limits {look.Limits.Min:G6} .. {look.Limits.Max:G6}{(image.Unit.Length > 0 ? $" [{image.Unit}]" : "")}, {clock.ElapsedMilliseconds} ms");
                return ExitCodes.Success;
            }
            catch (Exception e) when (CliErrors.Report(path, e))
            {
                return ExitCodes.Failed;
            }
        });
        return cmd;
    }
}
