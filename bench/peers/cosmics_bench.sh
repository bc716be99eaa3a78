#!/usr/bin/env bash
# Whole-process timing: `parallax cosmics` against astroscrappy (bench/peers/astroscrappy_cosmics.py)
# on the same simulated frame, back to back, ROUNDS times; prints wall time, CPU time and peak RSS
# of each run, the load average before each, and checks that the two masks are identical.
#   bench/peers/cosmics_bench.sh [WORKDIR] [ROUNDS] [SIZE]
# Run from the repository root after `dotnet build src/Parallax.Cli -c Release`.
set -euo pipefail
work=${1:-/tmp/pxcosmics}
rounds=${2:-2}
size=${3:-4096}
mkdir -p "$work"
frame="$work/frame_$size.fits"
[ -f "$frame" ] || /usr/bin/python3 bench/peers/make_cosmics_frame.py "$frame" "$size"
cli=src/Parallax.Cli/bin/Release/net10.0/parallax.dll
for r in $(seq "$rounds"); do
  echo "round $r: load $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "  parallax     wall %e s  cpu %U+%S s  rss %M KB" \
    dotnet "$cli" cosmics "$frame" -o "$work/parallax.fits" --gain 2 --readnoise 5 --satlevel 65536
  echo "  load $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "  astroscrappy wall %e s  cpu %U+%S s  rss %M KB" \
    /usr/bin/python3 bench/peers/astroscrappy_cosmics.py "$frame" "$work/astroscrappy.fits" 2 5
done
/usr/bin/python3 - "$work" <<'PY'
import sys
import numpy as np
from astropy.io import fits
w = sys.argv[1]
theirs = fits.getdata(f'{w}/astroscrappy.fits', 'CRMASK').astype(bool)
ours = (fits.getdata(f'{w}/parallax.fits', 'DQ').astype(np.int64) & 4) != 0
clean_a = fits.getdata(f'{w}/astroscrappy.fits', 'SCI')
clean_p = fits.getdata(f'{w}/parallax.fits', 'SCI')
print(f'masks: astroscrappy {theirs.sum()}, parallax {ours.sum()}, both {(theirs & ours).sum()}, differ {(theirs ^ ours).sum()}; '
      f'largest cleaned-value difference {np.abs(clean_a - clean_p).max():.4g} ADU')
PY
