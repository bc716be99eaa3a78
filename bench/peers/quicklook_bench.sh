#!/usr/bin/env bash
# Whole-process quick-look of a 4096² float32 frame: 'parallax quicklook' against astropy + matplotlib
# (quicklook_astropy.py), alternated, N rounds. Usage: bench/peers/quicklook_bench.sh WORKDIR [N]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"; root="$here/../.."
work="$1"; n="${2:-3}"; mkdir -p "$work"
[ -f "$work/frame4k.fits" ] || /usr/bin/python3 "$here/make_quicklook_frame.py" "$work/frame4k.fits"
dotnet build "$root/src/Parallax.Cli" -c Release --nologo -v quiet >/dev/null
px="$root/src/Parallax.Cli/bin/Release/net10.0/parallax.dll"
t() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc; }
uptime
for i in $(seq "$n"); do
  echo "parallax quicklook: $(t dotnet "$px" quicklook "$work/frame4k.fits" -o "$work/px.png") s"
  echo "astropy+matplotlib: $(t /usr/bin/python3 "$here/quicklook_astropy.py" "$work/frame4k.fits" "$work/py.png") s"
done
uptime
