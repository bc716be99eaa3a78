#!/usr/bin/env bash
# Whole-process timings of source detection + aperture photometry on one frame:
# parallax detect vs sep (sep_detect.py) vs source-extractor, interleaved, REPEATS times.
# Usage (from the repository root, after `dotnet build src/Parallax.Cli -c Release`):
#   bench/peers/detect_bench.sh FRAME.fits [REPEATS=3]
# Prints: tool, wall seconds, CPU seconds, peak RSS; then the source counts and a cross-match.
set -euo pipefail
frame=${1:?frame}
repeats=${2:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
parallax="$root/src/Parallax.Cli/bin/Release/net10.0/parallax.dll"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cat "$frame" > /dev/null
printf 'CONV NORM\n1 2 1\n2 4 2\n1 2 1\n' > "$out/default.conv"
printf 'X_IMAGE\nY_IMAGE\nFLUX_ISO\nFLUX_APER(1)\nFLAGS\n' > "$out/default.param"
measure() {  # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$out/time" "$@" > "$out/log" 2>&1 || { cat "$out/log"; exit 1; }
  read -r wall user sys rss < "$out/time"
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN { printf "%-18s wall %7.2f s  cpu %7.2f s  peak %6.0f MiB\n", l, w, u + s, r / 1024 }'
}
for ((i = 1; i <= repeats; i++)); do
  measure "parallax detect" dotnet "$parallax" detect "$frame" -o "$out/p.fits"
  measure "sep" /usr/bin/python3 "$root/bench/peers/sep_detect.py" "$frame" "$out/s.fits"
  measure "source-extractor" source-extractor "$frame" -c /dev/null -CATALOG_NAME "$out/x.fits" -CATALOG_TYPE FITS_1.0 \
    -PARAMETERS_NAME "$out/default.param" -FILTER Y -FILTER_NAME "$out/default.conv" -DETECT_THRESH 1.5 -ANALYSIS_THRESH 1.5 \
    -DETECT_MINAREA 5 -BACK_SIZE 64 -BACK_FILTERSIZE 3 -PHOT_APERTURES 10 -DEBLEND_NTHRESH 32 -DEBLEND_MINCONT 0.005 \
    -SATUR_LEVEL 1e9 -GAIN 0 -VERBOSE_TYPE QUIET -CHECKIMAGE_TYPE NONE -WEIGHT_TYPE NONE -CLEAN N
done
/usr/bin/python3 - "$out" <<'PY'
import sys
import numpy as np
from astropy.table import Table
from scipy.spatial import cKDTree
out = sys.argv[1]
p = Table.read(f"{out}/p.fits", hdu="CAT")
s = Table.read(f"{out}/s.fits")
x = Table.read(f"{out}/x.fits", hdu=1)
print(f"sources: parallax {len(p)}, sep {len(s)}, source-extractor {len(x)}")
d, i = cKDTree(np.c_[p['X_IMAGE'] - 1, p['Y_IMAGE'] - 1]).query(np.c_[s['x'], s['y']], distance_upper_bound=1.0)
ok = np.isfinite(d)
bright = s['flux_r5'] / s['fluxerr_r5'] > 10
print(f"sep sources matched within 1 px: {ok.mean():.4f}; S/N > 10: {ok[bright].mean():.4f}")
r = np.asarray(p['FLUX_APER'])[i[ok & bright]] / np.asarray(s['flux_r5'])[ok & bright]
print(f"median FLUX_APER / sep flux_r5 (S/N > 10): {np.median(r):.4f}")
PY
