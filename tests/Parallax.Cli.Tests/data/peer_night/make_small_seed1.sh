#!/usr/bin/env bash
# Writes small_seed1.json: the peer's values (bench/peers/night_python.py: ccdproc + sep) on the small simulated
# night of seed 1, plus the SHA-256 of every raw frame so the test can tell when the simulator's output changes.
# Usage (from the repository root, after `dotnet build src/Parallax.Cli -c Release`):
#   tests/Parallax.Cli.Tests/data/peer_night/make_small_seed1.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet "$root/src/Parallax.Cli/bin/Release/net10.0/parallax.dll" simulate --instrument sim-imager --preset small -o "$work/night" --seed 1 > /dev/null
# Cosmic rays and the coadd off: our reduce default cleans no cosmic rays, and makes no coadd yet.
/usr/bin/python3 "$root/bench/peers/night_python.py" "$work/night" "$work/peer" --no-cosmics --no-coadd
/usr/bin/python3 - "$work" "$root/tests/Parallax.Cli.Tests/data/peer_night/small_seed1.json" <<'PY'
import glob, hashlib, json, os, sys
work, out = sys.argv[1:]
s = json.load(open(os.path.join(work, 'peer', 'summary.json')))
s['simulate_command'] = 'parallax simulate --instrument sim-imager --preset small -o night --seed 1'
s['command'] = '/usr/bin/python3 bench/peers/night_python.py night peer --no-cosmics --no-coadd'
s['raw_sha256'] = {os.path.basename(p): hashlib.sha256(open(p, 'rb').read()).hexdigest()
                   for p in sorted(glob.glob(os.path.join(work, 'night', 'raw', '*.fits')))}
s.pop('timings_s', None)
with open(out, 'w') as fh:
    json.dump(s, fh, indent=1)
PY
echo "wrote small_seed1.json"
