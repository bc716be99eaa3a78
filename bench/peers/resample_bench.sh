#!/usr/bin/env bash
# Whole-process timings of resampling frames onto one common grid: parallax resample vs SWarp
# (RESAMPLE Y, COMBINE N, LANCZOS3, no background subtraction), back to back on the same frames.
# Usage (from the repository root, after `dotnet build src/Parallax.Cli -c Release`):
#   /usr/bin/python3 bench/peers/make_resample_frames.py /tmp/rsbench/frames 10 2048
#   bench/peers/resample_bench.sh /tmp/rsbench/frames [REPEATS=3]
# Prints one line per run: tool, wall seconds, CPU seconds, peak RSS in MiB; then the agreement of
# the two tools' resampled pixels (inner part of each frame) and the output sizes.
set -euo pipefail
frames=$(cd "${1:?frames folder}" && pwd)
repeats=${2:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
parallax="$root/src/Parallax.Cli/bin/Release/net10.0/parallax.dll"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir -p "$out/px" "$out/sw"
cat "$frames"/*.fits > /dev/null   # page cache warm: both tools read from memory
# The same output grid for both: Parallax's common grid, given to SWarp as coadd.head (SWarp reads
# IMAGEOUT_NAME's .head), so the pixels can be compared one to one.
dotnet "$parallax" resample "$frames"/*.fits -o "$out/px" > /dev/null
/usr/bin/python3 - "$out" <<'PY'
import glob, sys
from astropy.io import fits
out = sys.argv[1]
h = fits.getheader(sorted(glob.glob(f"{out}/px/*.resamp.fits"))[0], "SCI")
head = fits.Header()
for k in ("NAXIS", "NAXIS1", "NAXIS2", "CTYPE1", "CTYPE2", "CRPIX1", "CRPIX2", "CRVAL1", "CRVAL2", "CD1_1", "CD1_2", "CD2_1", "CD2_2", "RADESYS", "EQUINOX"):
    if k in h: head[k] = h[k]
open(f"{out}/sw/coadd.head", "w").write(head.tostring(sep="\n", endcard=True, padding=False) + "\n")
PY
measure() {  # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$out/time" "$@" > "$out/log" 2>&1 || { cat "$out/log"; exit 1; }
  read -r wall user sys rss < "$out/time"
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN { printf "%-22s wall %7.2f s  cpu %7.2f s  peak %6.0f MiB\n", l, w, u + s, r / 1024 }'
}
for ((i = 1; i <= repeats; i++)); do
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
  measure "parallax resample" dotnet "$parallax" resample "$frames"/*.fits -o "$out/px" --kernel lanczos3
  measure "SWarp RESAMPLE" bash -c "cd '$out/sw' && SWarp '$frames'/*.fits -c /dev/null -IMAGEOUT_NAME coadd.fits -RESAMPLE Y -COMBINE N \
    -RESAMPLING_TYPE LANCZOS3 -OVERSAMPLING 1 -SUBTRACT_BACK N -FSCALASTRO_TYPE NONE -RESAMPLE_DIR '$out/sw' \
    -WRITE_XML N -VERBOSE_TYPE QUIET -NTHREADS 0 -MEM_MAX 2048 -COMBINE_BUFSIZE 1024 -DELETE_TMPFILES N"
done
echo "output bytes: parallax $(du -sb "$out/px" | cut -f1), SWarp $(du -sb "$out/sw" | cut -f1)"
/usr/bin/python3 - "$out" <<'PY'
import glob, os, sys
import numpy as np
from astropy.io import fits
from astropy.wcs import WCS
out = sys.argv[1]
worst = 0.0
for sw in sorted(glob.glob(f"{out}/sw/*.resamp.fits")):
    name = os.path.basename(sw)
    s = fits.open(sw)[0]
    p = fits.open(f"{out}/px/{name}")["SCI"]
    # SWarp writes each frame cropped to its footprint on the grid: find the offset through the WCS.
    ws, wp = WCS(s.header), WCS(p.header)
    ra, dec = ws.all_pix2world([[0, 0]], 0)[0]
    x0, y0 = np.round(wp.all_world2pix([[ra, dec]], 0)[0]).astype(int)
    ny, nx = s.data.shape
    a = s.data[10:-10, 10:-10].astype(np.float64)
    b = p.data[y0 + 10:y0 + ny - 10, x0 + 10:x0 + nx - 10].astype(np.float64)
    ok = np.isfinite(b) & (a != 0)
    worst = max(worst, np.max(np.abs(a[ok] - b[ok]) / np.abs(a[ok])))
print(f"max |parallax - SWarp| / |SWarp| over the inner pixels: {worst:.2e}")
PY
