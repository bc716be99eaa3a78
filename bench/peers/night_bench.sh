#!/usr/bin/env bash
# Whole-night wall time, CPU time and peak memory: `parallax reduce` vs the Python peer (night_python.py:
# ccdproc + astroscrappy + sep + SWarp), back to back on the same simulated night, then their comparison.
# Usage (from anywhere; the night from `parallax simulate --instrument sim-imager --preset standard -o D --seed 1`):
#   bench/peers/night_bench.sh D OUT
# Both do the same work up to the reduced frames: ours runs with cosmic_rays=true, as the peer runs astroscrappy.
# Both coadd (ours: the cascade's coadd step; the peer: SWarp): the peer's stage timings (summary.json) give the
# ratio without the coadd too. Prints one line per tool and the ratios; leaves the products in OUT/parallax and OUT/python.
set -euo pipefail
night=${1:?night folder (with raw/ and truth/)}
out=${2:?output folder}
root=$(cd "$(dirname "$0")/../.." && pwd)
parallax="$root/src/Parallax.Cli/bin/Release/net10.0/parallax.dll"
[[ -f "$parallax" ]] || dotnet build "$root/src/Parallax.Cli" -c Release -nologo -v q
rm -rf "$out/parallax" "$out/python"
mkdir -p "$out"
cat "$night"/raw/*.fits > /dev/null   # both start from a warm page cache
measure() {  # label, command...
  local label=$1; shift
  echo "$label: load before: $(uptime | sed 's/.*load average: //')"
  /usr/bin/time -v -o "$out/$label.time" "$@" > "$out/$label.log" 2>&1 || { tail -20 "$out/$label.log"; exit 1; }
  local wall user sys rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$out/$label.time")
  user=$(awk -F': ' '/User time/ { print $2 }' "$out/$label.time")
  sys=$(awk -F': ' '/System time/ { print $2 }' "$out/$label.time")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$out/$label.time")
  printf '%s\t%s\t%s\t%s\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$rss" >> "$out/figures.tsv"
  printf '%-9s wall %8.1f s  cpu %8.1f s  peak RSS %6.0f MiB   (load after: %s)\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc)" "$(uptime | sed 's/.*load average: //')"
}
: > "$out/figures.tsv"
measure parallax dotnet "$parallax" reduce "$night/raw" -o "$out/parallax" -p reduce_image.cosmic_rays=true
measure python /usr/bin/python3 "$root/bench/peers/night_python.py" "$night" "$out/python"
/usr/bin/python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
rows = {l.split('\t')[0]: [float(v) for v in l.split('\t')[1:]] for l in open(f'{out}/figures.tsv')}
(pw, pc, pm), (yw, yc, ym) = rows['parallax'], rows['python']
coadd = json.load(open(f'{out}/python/summary.json'))['timings_s'].get('coadd', 0.0)
print(f'ratio python / parallax: wall {yw / pw:.1f}x, cpu {yc / pc:.1f}x, peak RSS {ym / pm:.2f}x')
print(f'without the peer\'s SWarp coadd ({coadd:.1f} s wall): wall {(yw - coadd) / pw:.1f}x')
PY
/usr/bin/python3 "$root/bench/peers/night_compare.py" "$out/parallax" "$out/python" --json "$out/compare.json" > /dev/null
echo "comparison: $out/compare.json"
