#!/usr/bin/env bash
# The main job, on a fresh machine: build Parallax, simulate a small night with known truth and
# reduce it with 'parallax demo' (the whole cascade: overscan, trim, bias, dark, flat,
# electrons; quick-looks and an HTML night report), organise it, combine its biases with outlier
# rejection, detect the sources of a reduced frame, and inspect,
# verify and convert FITS files. Everything goes to out/demo/.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Parallax.Cli -c Release --nologo -v quiet >/dev/null
parallax() { dotnet src/Parallax.Cli/bin/Release/net10.0/parallax.dll "$@"; }
out=out/demo
rm -rf "$out"; mkdir -p "$out"

echo "== parallax demo --preset small --seed 1 -o $out   (simulate a night into $out/night, reduce the whole cascade into $out/reduced)"
parallax demo --preset small --seed 1 -o "$out"

echo; echo "== parallax organise $out/night/raw --sof-dir $out/sof"
parallax organise "$out/night/raw" --sof-dir "$out/sof"

echo; echo "== parallax reduce $out/night/raw -o $out/reduced   (running it again does no work:)"
parallax reduce "$out/night/raw" -o "$out/reduced" | grep "^Summary"

echo; echo "== parallax combine (the BIAS frames) --method mean --reject sigclip -o $out/master_bias.fits"
biases=$(awk '$2 == "BIAS" { print $1 }' "$out"/sof/master_bias*.sof)
parallax combine $biases --method mean --reject sigclip -o "$out/master_bias.fits"
parallax info --verify "$out/master_bias.fits"

echo; echo "== parallax detect (the first reduced science frame) -o $out/catalog.fits   (SExtractor-style catalog)"
science=$(ls "$out"/reduced/REDUCED_IMAGE_*.fits | head -1)
parallax detect "$science" -o "$out/catalog.fits" --aperture 3 --annulus 6,10

echo; echo "== parallax info samples/sample_frame.fits --keyword OBJECT,IMAGETYP,EXPTIME,FILTER,GAIN,'ESO DPR CATG'"
parallax info samples/sample_frame.fits --keyword "OBJECT,IMAGETYP,EXPTIME,FILTER,GAIN,ESO DPR CATG"

echo; echo "== parallax convert samples/sample_frame.fits $out/sample_float32.fits --bitpix -32"
parallax convert samples/sample_frame.fits "$out/sample_float32.fits" --bitpix -32
parallax info --verify "$out/sample_float32.fits"
echo; echo "== parallax quicklook $out/reduced/MASTER_FLAT_FLAT-1.fits -o $out/flat.png --stretch asinh --mask"
parallax quicklook "$out/reduced/MASTER_FLAT_FLAT-1.fits" -o "$out/flat.png" --stretch asinh --mask

echo; echo "Products are in $out/."
echo "Night report: $(cd "$out/reduced" && pwd)/night_report.html"
