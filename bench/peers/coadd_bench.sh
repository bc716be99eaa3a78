#!/usr/bin/env bash
# Whole-process timings of a coadd: `parallax run coadd` vs SWarp (Lanczos-3, background subtracted, clipped weighted mean,
# weights from each frame's background noise, fluxes scaled to e/s), back to back on the same frames.
# Usage (from the repository root, after `dotnet build src/Parallax.Cli -c Release`):
#   /usr/bin/python3 bench/peers/make_coadd_frames.py /tmp/coaddbench 6 2048
#   bench/peers/coadd_bench.sh /tmp/coaddbench [REPEATS=2]
# Prints one line per run: tool, wall seconds, CPU seconds, peak RSS in MiB; then the output sizes. Parallax also detects and
# measures the coadd's sources (the CAT table); SWarp does not, so its time is the coadd alone.
set -euo pipefail
frames=$(cd "${1:?frames folder}" && pwd)
repeats=${2:-2}
root=$(cd "$(dirname "$0")/../.." && pwd)
parallax="$root/src/Parallax.Cli/bin/Release/net10.0/parallax.dll"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir -p "$out/px" "$out/sw"
cat "$frames"/px/*.fits "$frames"/sw/*.fits > /dev/null   # page cache warm: both tools read from memory
measure() {  # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$out/time" "$@" > "$out/log" 2>&1 || { cat "$out/log"; exit 1; }
  read -r wall user sys rss < "$out/time"
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN { printf "%-22s wall %7.2f s  cpu %7.2f s  peak %6.0f MiB\n", l, w, u + s, r / 1024 }'
}
for ((i = 1; i <= repeats; i++)); do
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
  measure "parallax run coadd" dotnet "$parallax" run coadd "$frames"/px/*.fits -o "$out/px" --name bench --force
  measure "SWarp CLIPPED" bash -c "cd '$out/sw' && SWarp '$frames'/sw/*.fits -c /dev/null -IMAGEOUT_NAME coadd.fits -WEIGHTOUT_NAME coadd.weight.fits \
    -WEIGHT_TYPE BACKGROUND -COMBINE_TYPE CLIPPED -RESAMPLING_TYPE LANCZOS3 -SUBTRACT_BACK Y -BACK_SIZE 64 \
    -FSCALE_KEYWORD NONE -FSCALE_DEFAULT 0.0166667 -FSCALASTRO_TYPE FIXED -CENTER_TYPE ALL -PIXELSCALE_TYPE MEDIAN \
    -RESAMPLE_DIR '$out/sw' -WRITE_XML N -VERBOSE_TYPE QUIET -NTHREADS 0"
done
echo "output bytes: parallax $(du -sb "$out/px" | cut -f1), SWarp $(du -sb "$out/sw" | cut -f1)"
