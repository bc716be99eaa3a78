#!/usr/bin/env bash
# Whole-process timings of stack combination: parallax combine vs ccdproc.combine on the same frames.
# Usage (from the repository root, after `dotnet build src/Parallax.Cli -c Release`):
#   bench/peers/combine_bench.sh FRAMES_DIR [REPEATS=3]
# Runs each job REPEATS times, the tools interleaved so that both see the same machine load, and
# prints one line per run: tool, job, wall seconds, CPU seconds (user + system), peak RSS in MiB.
# Outputs go to a temporary folder that is removed at the end.
set -euo pipefail
frames=${1:?frames folder}
repeats=${2:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
parallax="$root/src/Parallax.Cli/bin/Release/net10.0/parallax.dll"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cat "$frames"/*.fits > /dev/null   # page cache warm: both tools read from memory
measure() {  # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$out/time" "$@" > "$out/log" 2>&1 || { cat "$out/log"; exit 1; }
  read -r wall user sys rss < "$out/time"
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN { printf "%-34s wall %7.2f s  cpu %7.2f s  peak %6.0f MiB\n", l, w, u + s, r / 1024 }'
}
for ((i = 1; i <= repeats; i++)); do
  measure "parallax median" dotnet "$parallax" combine "$frames"/*.fits -o "$out/p1.fits" --method median
  measure "ccdproc median" /usr/bin/python3 "$root/bench/peers/ccdproc_combine.py" "$frames" "$out/c1.fits" median
  measure "parallax median+sigclip (1 pass)" dotnet "$parallax" combine "$frames"/*.fits -o "$out/p2.fits" --method median --reject sigclip --maxiters 1
  measure "ccdproc median+sigclip (1 pass)" /usr/bin/python3 "$root/bench/peers/ccdproc_combine.py" "$frames" "$out/c2.fits" median-sigclip
done
# Same answer? Largest relative difference of the combined images, parallax vs ccdproc.
/usr/bin/python3 - "$out" <<'PY'
import sys
import numpy as np
from astropy.io import fits
out = sys.argv[1]
for p, c, job in (("p1", "c1", "median"), ("p2", "c2", "median+sigclip")):
    a = fits.getdata(f"{out}/{p}.fits", "SCI").astype(np.float64)
    b = fits.getdata(f"{out}/{c}.fits").astype(np.float64)
    print(f"{job}: max |parallax - ccdproc| / |ccdproc| = {np.max(np.abs(a - b) / np.abs(b)):.2e}")
PY
