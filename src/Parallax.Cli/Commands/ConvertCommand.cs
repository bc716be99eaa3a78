using System.CommandLine;
using Parallax.Fits;
using Parallax.Fits.Compression;
using Parallax.Fits.Hdus;
using Parallax.Fits.Images;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax convert IN OUT</c>: copy a FITS file HDU by HDU, changing the pixel type and the tile
/// compression (like imcopy, fpack and funpack). Images keep their stored values exactly unless
/// --bitpix asks for another type; tables and other extensions are copied byte for byte.
/// </summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "FITS file to read (plain, .gz or .fz); never modified" }.RejectUnknownOptions();
        var output = new Argument<string>("output") { Description = "FITS file to write (atomically)" }.RejectUnknownOptions();
        var bitpix = new Option<int?>("--bitpix") { Description = "Store images as BITPIX -32, -64, 16 (uint16 via BZERO when values are non-negative), 32 or 8; default: as in the input, value for value" };
        var compress = new Option<string>("--compress")
        {
            Description = "Tile-compress images (lossless, one tile per row): rice (RICE_1, for integer images; float images need lossy quantisation for Rice, so they are written with gzip instead), "
                + "gzip (GZIP_2, any type), or none (write every image uncompressed, as funpack does)",
            DefaultValueFactory = _ => "none",
        };
        compress.AcceptOnlyFromAmong("none", "rice", "gzip");
        var cmd = new Command("convert", "Copy a FITS file, converting pixel type and compression; tables are copied unchanged") { input, output, bitpix, compress };
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
            var hdus = fits.Hdus;
            var restorePrimary = compress == "none" && MovedOutOfPrimary(hdus);
            foreach (var hdu in hdus)
            {
                // funpack: the empty primary fpack put before a primary image it compressed gives way to that image
                if (restorePrimary && hdu.Index == 0) continue;
                switch (hdu)
                {
                    case ImageHdu img when img.HasData:
                        WriteImage(writer, img, bitpix, compress);
                        break;
                    case ImageHdu img:
                        writer.CopyImage(img);
                        break;
                    default:
                        writer.CopyHdu(hdu);
                        break;
                }
            }
            writer.Commit();
            return ExitCodes.Success;
        }
        catch (Exception e) when (CliErrors.Report(input, e))
        {
            return ExitCodes.Failed;
        }
    }

    /// <summary>True when HDU 0 is empty and HDU 1 is a compressed image that was a primary array (ZSIMPLE).</summary>
    private static bool MovedOutOfPrimary(IReadOnlyList<Hdu> hdus)
        => hdus.Count > 1 && hdus[0] is ImageHdu { HasData: false } && hdus[1] is ImageHdu { Compression: not null } image
            && image.Header.Count > 0 && image.Header[0].Keyword == "SIMPLE";

    private static void WriteImage(FitsWriter writer, ImageHdu img, int? bitpix, string compress)
    {
        var target = bitpix ?? img.Bitpix;
        var options = Compression(compress, target, img);
        if (target == img.Bitpix)
        {
            // Same type: copy the stored values (and BSCALE/BZERO/BLANK) exactly, whatever their range.
            writer.CopyImage(img, img.Header, options);
            return;
        }
        var pixels = img.ReadFloat32();
        var encoding = ChooseEncoding(target, img.Scaling, pixels);
        if (options is null) writer.WriteImage(pixels, [.. img.Axes], img.Header, encoding);
        else writer.WriteCompressedImage(pixels, [.. img.Axes], img.Header, encoding, options);
    }

    /// <summary>The tile compression for an image of BITPIX <paramref name="bitpix"/>, or null for none; says so when Rice cannot take floats.</summary>
    private static TileCompressionOptions? Compression(string compress, int bitpix, ImageHdu img)
    {
        if (compress == "none") return null;
        var algorithm = compress == "rice" ? CompressionAlgorithm.Rice1 : CompressionAlgorithm.Gzip2;
        if (algorithm == CompressionAlgorithm.Rice1 && bitpix < 0)
        {
            Console.Error.WriteLine($"parallax: note: HDU {img.Index}{(img.Name is { } n ? $" '{n}'" : "")} holds BITPIX {bitpix} floats; RICE_1 would need them quantised (lossy), so it is compressed losslessly with GZIP_2 instead");
            algorithm = CompressionAlgorithm.Gzip2;
        }
        return new TileCompressionOptions { Algorithm = algorithm, RestoreAsPrimary = img.Index == 0 || img.Header.Count > 0 && img.Header[0].Keyword == "SIMPLE" };
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
