#!/usr/bin/env bash
# The main job, on a fresh machine: build Parallax, then inspect, verify and convert the bundled
# sample frame. Outputs go to out/demo/.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Parallax.Cli -c Release --nologo -v quiet >/dev/null
parallax() { dotnet src/Parallax.Cli/bin/Release/net10.0/parallax.dll "$@"; }
mkdir -p out/demo
echo "== parallax info --verify samples/sample_frame.fits"
parallax info --verify samples/sample_frame.fits
echo "== parallax info samples/sample_frame.fits --keyword OBJECT,IMAGETYP,EXPTIME,FILTER,GAIN,'ESO DPR CATG'"
parallax info samples/sample_frame.fits --keyword "OBJECT,IMAGETYP,EXPTIME,FILTER,GAIN,ESO DPR CATG"
echo "== parallax convert samples/sample_frame.fits out/demo/sample_float32.fits --bitpix -32"
parallax convert samples/sample_frame.fits out/demo/sample_float32.fits --bitpix -32
parallax info --verify out/demo/sample_float32.fits
echo "Products are in out/demo/."
