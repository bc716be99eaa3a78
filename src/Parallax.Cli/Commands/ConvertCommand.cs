using System.CommandLine;
using Parallax.Fits;
using Parallax.Fits.Hdus;
using Parallax.Fits.Images;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax convert IN OUT</c>: copy a FITS file, changing the pixel type and compression (like imcopy, fpack, funpack).</summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "FITS file to read (plain, .gz or .fz); never modified" }.RejectUnknownOptions();
        var output = new Argument<string>("output") { Description = "FITS file to write (atomically)" }.RejectUnknownOptions();
        var bitpix = new Option<int?>("--bitpix") { Description = "Store images as BITPIX -32, -64, 16 (uint16 via BZERO when values are non-negative), 32 or 8; default: as in the input" };
        var compress = new Option<string>("--compress") { Description = "rice (integers), gzip (lossless, any type) or none", DefaultValueFactory = _ => "none" };
        compress.AcceptOnlyFromAmong("none", "rice", "gzip");
        var cmd = new Command("convert", "Copy a FITS file, converting pixel type and compression") { input, output, bitpix, compress };
        cmd.SetAction(r => Run(r.GetValue(input)!, r.GetValue(output)!, r.GetValue(bitpix), r.GetValue(compress)!));
        return cmd;
    }

    private static int Run(string input, string output, int? bitpix, string compress)
    {
        if (bitpix is { } b && !PixelScaling.IsValidBitpix(b))
        {
            Console.Error.WriteLine($"parallax: --bitpix {b} is not one of 8, 16, 32, 64, -32, -64");
            return ExitCodes.UsageError;
        }
        if (Path.GetFullPath(input) == Path.GetFullPath(output))
        {
            Console.Error.WriteLine($"parallax: {output}: refusing to overwrite the input file");
            return ExitCodes.UsageError;
        }
        try
        {
            using var fits = FitsFile.Open(input);
            using var writer = FitsWriter.Create(output);
            foreach (var hdu in fits.Hdus)
            {
                switch (hdu)
                {
                    case ImageHdu img when img.HasData:
                        var pixels = img.ReadFloat32();
                        var encoding = ChooseEncoding(bitpix ?? img.Bitpix, img.Scaling, pixels);
                        writer.WriteImage(pixels, [.. img.Axes], img.Header, encoding);
                        break;
                    case ImageHdu img:
                        writer.WriteEmpty(img.Header);
                        break;
                    default:
                        Console.Error.WriteLine($"parallax: {input} HDU {hdu.Index}: {hdu.Kind} HDUs are not copied yet; skipped");
                        break;
                }
            }
            writer.Commit();
            if (compress != "none") Console.Error.WriteLine($"parallax: --compress {compress} is not available in this build; wrote uncompressed");
            return ExitCodes.Success;
        }
        catch (Exception e) when (CliErrors.Report(input, e))
        {
            return ExitCodes.Failed;
        }
    }

    internal static ImageEncoding ChooseEncoding(int bitpix, PixelScaling source, ReadOnlySpan<float> pixels) => bitpix switch
    {
        -32 => ImageEncoding.Float32,
        -64 => ImageEncoding.Float64,
        16 => source.IsUnsigned16 || (source.Bitpix != 16 && MinIsNonNegative(pixels)) ? ImageEncoding.UInt16 : ImageEncoding.Int16,
        32 => ImageEncoding.Int32,
        8 => ImageEncoding.UInt8,
        _ => ImageEncoding.Float64,
    };

    private static bool MinIsNonNegative(ReadOnlySpan<float> pixels)
    {
        foreach (var v in pixels) if (v < 0) return false;
        return true;
    }
}
