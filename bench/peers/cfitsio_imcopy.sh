#!/bin/bash
# Peer timing: CFITSIO's imcopy converts each raw frame to float32 with its pixel filter.
#
# Usage: bench/peers/cfitsio_imcopy.sh DIR OUTDIR [copy]
#
# For every *.fits in DIR (sorted) runs
#     imcopy 'DIR/name.fits[pixr1 X]' '!OUTDIR/name.fits'
# '[pixr1 X]' is CFITSIO's pixel filter: evaluate the expression X (the pixel's physical value, i.e.
# BZERO/BSCALE applied) into a new image of type r = float32 (BITPIX -32); the '1' keeps only that HDU.
# '!' lets CFITSIO overwrite an existing output. imcopy has no other way to change BITPIX (the
# filename form 'in.fits[bitpix=-32]' is rejected: "parse error in input file URL").
# Optional third argument "copy": plain 'imcopy in out' (no conversion) as an I/O baseline.
# One process per frame, as a shell loop would run it; the total wall time covers all frames.
# Prints one JSON line like astropy_read_write.py ("mb_per_s" = input bytes / 1e6 / seconds).
set -euo pipefail
if [ $# -lt 2 ]; then sed -n '2,14p' "$0"; exit 2; fi
src=$1; out=$2; mode=${3:-pixr1}
mkdir -p "$out"
shopt -s nullglob
files=("$src"/*.fits)
if [ ${#files[@]} -eq 0 ]; then echo "no .fits files in $src" >&2; exit 1; fi
in_bytes=0
for f in "${files[@]}"; do in_bytes=$((in_bytes + $(stat -c %s "$f"))); done
start=$(date +%s.%N)
for f in "${files[@]}"; do
    name=$(basename "$f")
    if [ "$mode" = copy ]; then
        imcopy "$f" "!$out/$name" > /dev/null
    else
        imcopy "$f[pixr1 X]" "!$out/$name" > /dev/null
    fi
done
end=$(date +%s.%N)
out_bytes=0
for f in "${files[@]}"; do out_bytes=$((out_bytes + $(stat -c %s "$out/$(basename "$f")"))); done
version=$(fpack -V 2>/dev/null | sed 's/.*CFITSIO version //' | tr -d '\n')
awk -v s="$start" -v e="$end" -v n=${#files[@]} -v ib=$in_bytes -v ob=$out_bytes -v m="$mode" -v v="$version" \
    'BEGIN { t = e - s; printf "{\"tool\": \"cfitsio-imcopy\", \"mode\": \"%s\", \"version\": \"%s\", \"frames\": %d, \"seconds\": %.3f, \"input_bytes\": %d, \"output_bytes\": %d, \"mb_per_s\": %.1f}\n", m, v, n, t, ib, ob, ib / 1e6 / t }'
