#!/usr/bin/env bash
# Whole-process timing of the FITS read/convert/write job for bench/RESULTS.md:
# N frames of 4096x4096 uint16+BZERO -> float32 FITS, by Parallax, astropy and CFITSIO's imcopy,
# on the same files from a warm page cache. Prints one JSON line per run (best of REPEATS kept by
# the reader) with peak resident memory from /usr/bin/time.
#   bash bench/run-fits-readwrite.sh [N=20] [REPEATS=3] [WORKDIR=/tmp/parallax-bench]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20}; repeats=${2:-3}; work=${3:-/tmp/parallax-bench}
frames=$work/frames
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null; }
if [ "$(ls "$frames"/*.fits 2>/dev/null | wc -l)" -ne "$n" ]; then
  rm -rf "$frames"; /usr/bin/python3 bench/peers/make_bench_frames.py "$frames" "$n" >/dev/null
fi
dotnet build bench/Parallax.Benchmarks -c Release --nologo -v quiet >/dev/null
bin=bench/Parallax.Benchmarks/bin/Release/net10.0/Parallax.Benchmarks.dll
cat "$frames"/*.fits > /dev/null
peak() { /usr/bin/time -f '{"peak_rss_mb": %M}' -o "$work/time.json" "$@"; python3 -c "import json;print(round(json.load(open('$work/time.json'))['peak_rss_mb']/1024,1))"; }
for r in $(seq "$repeats"); do
  for tool in parallax parallax-checksum astropy imcopy imcopy-copy; do
    rm -rf "$work/out"; mkdir -p "$work/out"
    case $tool in
      parallax) cmd=(dotnet "$bin" readwrite "$frames" "$work/out") ;;
      parallax-checksum) cmd=(dotnet "$bin" readwrite "$frames" "$work/out" --checksum) ;;
      astropy) cmd=(/usr/bin/python3 bench/peers/astropy_read_write.py "$frames" "$work/out") ;;
      imcopy) cmd=(bash bench/peers/cfitsio_imcopy.sh "$frames" "$work/out") ;;
      imcopy-copy) cmd=(bash bench/peers/cfitsio_imcopy.sh "$frames" "$work/out" copy) ;;
    esac
    line=$(/usr/bin/time -f '%M' -o "$work/rss" "${cmd[@]}" | tail -1)
    echo "{\"run\": $r, \"tool\": \"$tool\", \"peak_rss_mb\": $(( $(cat "$work/rss") / 1024 )), \"result\": $line}"
  done
done
rm -rf "$work/out"
