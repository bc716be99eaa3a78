#!/usr/bin/env bash
# The issue's headline stack: 20 frames of 4096 x 4096 uint16 (raw camera format), combined by
# parallax combine (memory budget 2 GiB), Siril and ccdproc.combine, back to back on the same files.
# Usage (from the repository root, after `dotnet build src/Parallax.Cli -c Release`):
#   /usr/bin/python3 bench/peers/make_combine_frames.py /tmp/comb4k16 20 4096 uint16
#   bench/peers/combine4k_bench.sh /tmp/comb4k16 [REPEATS=2] [ccdproc]
# Prints tool, job, wall seconds, CPU seconds, peak RSS; then how far the answers are apart.
# ccdproc needs about 14 GiB and minutes per run; it runs once per job and only when asked.
set -euo pipefail
frames=$(cd "${1:?frames folder}" && pwd)
repeats=${2:-2}
with_ccdproc=${3:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
parallax="$root/src/Parallax.Cli/bin/Release/net10.0/parallax.dll"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cat "$frames"/*.fits > /dev/null
measure() {  # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$out/time" "$@" > "$out/log" 2>&1 || { cat "$out/log"; exit 1; }
  read -r wall user sys rss < "$out/time"
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN { printf "%-30s wall %7.2f s  cpu %7.2f s  peak %6.0f MiB\n", l, w, u + s, r / 1024 }'
}
echo "load: $(uptime)"
for ((i = 1; i <= repeats; i++)); do
  measure "parallax median" dotnet "$parallax" combine "$frames"/*.fits -o "$out/p1.fits" --method median --memory 2GB
  measure "siril median" "$root/bench/peers/siril_combine.sh" "$frames" "$out/s1.fits" median
  measure "parallax mean+sigclip" dotnet "$parallax" combine "$frames"/*.fits -o "$out/p2.fits" --method mean --reject sigclip --sigma-low 3 --sigma-high 3 --memory 2GB
  measure "siril mean+sigclip" "$root/bench/peers/siril_combine.sh" "$frames" "$out/s2.fits" mean-sigclip
done
if [[ "$with_ccdproc" == ccdproc ]]; then
  measure "ccdproc median" /usr/bin/python3 "$root/bench/peers/ccdproc_combine.py" "$frames" "$out/c1.fits" median
  measure "ccdproc median+sigclip" /usr/bin/python3 "$root/bench/peers/ccdproc_combine.py" "$frames" "$out/c2.fits" median-sigclip
fi
echo "load: $(uptime)"
/usr/bin/python3 - "$out" <<'PY'
import os, sys
import numpy as np
from astropy.io import fits
out = sys.argv[1]
def load(name, ext=0):
    return fits.getdata(os.path.join(out, name), ext).astype(np.float64)
p1, p2 = load("p1.fits", "SCI"), load("p2.fits", "SCI")
s1, s2 = load("s1.fits") * 65535.0, load("s2.fits") * 65535.0
print(f"median: max |parallax - siril| = {np.max(np.abs(p1 - s1)):.3f} ADU, median |diff| = {np.median(np.abs(p1 - s1)):.4f} ADU")
print(f"mean+sigclip: median |parallax - siril| = {np.median(np.abs(p2 - s2)):.4f} ADU, 99.9th percentile {np.percentile(np.abs(p2 - s2), 99.9):.3f} ADU")
if os.path.exists(os.path.join(out, "c1.fits")):
    c1 = load("c1.fits")
    print(f"median: max |parallax - ccdproc| / ccdproc = {np.max(np.abs(p1 - c1) / np.abs(c1)):.2e}")
PY
