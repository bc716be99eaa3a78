#!/bin/bash
# Tile compression of one 4096 x 4096 uint16 frame: Parallax's public API against fpack and funpack.
# Usage: bench/peers/compression_timing.sh FRAME.fits WORKDIR [ROUNDS=3]
# Each round runs Parallax's in-process jobs (CompressionTiming: 1 warm-up + 3 timed runs each), then
# fpack and funpack 3 times each, so a loaded machine slows every tool alike; report the ranges.
# fpack/funpack timings are whole processes (tiny start-up: a few ms); MB/s = uncompressed data bytes / 1e6 / s.
set -euo pipefail
frame=$1; work=$2; rounds=${3:-3}
mkdir -p "$work"
bytes=$(( 4096 * 4096 * 2 ))
dotnet build -c Release bench/Parallax.Benchmarks -v q -nologo > /dev/null
bench=bench/Parallax.Benchmarks/bin/Release/net10.0/Parallax.Benchmarks.dll
cat "$frame" > /dev/null
for r in $(seq "$rounds"); do
  dotnet "$bench" compression "$frame" "$work" --runs 3
  for i in 1 2 3; do
    rm -f "$work/fpack.fits.fz"
    t0=$(date +%s.%N); fpack -r -C -O "$work/fpack.fits.fz" "$frame"; t1=$(date +%s.%N)
    echo "{\"tool\": \"fpack\", \"job\": \"encode\", \"mb_per_s\": $(echo "$bytes / 1000000 / ($t1 - $t0)" | bc -l | cut -c1-6)}"
  done
  for i in 1 2 3; do
    rm -f "$work/funpack.fits"
    t0=$(date +%s.%N); funpack -C -O "$work/funpack.fits" "$work/fpack.fits.fz"; t1=$(date +%s.%N)
    echo "{\"tool\": \"funpack\", \"job\": \"unpack\", \"mb_per_s\": $(echo "$bytes / 1000000 / ($t1 - $t0)" | bc -l | cut -c1-6)}"
  done
done
echo "{\"tool\": \"fpack\", \"job\": \"ratio\", \"compressed_bytes\": $(stat -c %s "$work/fpack.fits.fz")}"
