#!/usr/bin/env bash
# Stack a folder of FITS frames with Siril (siril-cli), the peer of `parallax combine`.
# Usage: bench/peers/siril_combine.sh INDIR OUT.fits JOB
#   JOB median        stack median, no normalisation
#   JOB mean-sigclip  stack mean with iterative sigma clipping 3/3 (Siril's `rej s 3 3`), no normalisation
# Siril links the frames into a sequence (no copy) and stacks in 32-bit float; its float output is scaled
# to [0, 1] (16-bit input divided by 65535), so use uint16 frames to compare values.
set -euo pipefail
indir=$(cd "${1:?input folder}" && pwd)
out=${2:?output file}
job=${3:?job}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case "$job" in
  median) stack="stack frame_ med -nonorm" ;;
  mean-sigclip) stack="stack frame_ rej s 3 3 -nonorm" ;;
  *) echo "unknown job $job" >&2; exit 2 ;;
esac
cat > "$work/stack.ssf" <<SSF
requires 1.0.0
setext fits
set32bits
link frame_ -out=$work/seq
cd $work/seq
$stack -out=$work/result.fits
SSF
(cd "$indir" && siril-cli -d "$indir" -s "$work/stack.ssf" > "$work/log" 2>&1) || { cat "$work/log" >&2; exit 1; }
mv "$work/result.fits" "$out"
