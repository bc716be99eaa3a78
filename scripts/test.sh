#!/usr/bin/env bash
# Runs every test of Parallax on a fresh machine: installs the peer tools the tests compare
# against (Debian packages), restores NuGet packages, then runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v fitsverify >/dev/null 2>&1 || need+=(fitsverify)
command -v fpack >/dev/null 2>&1 || need+=(libcfitsio-bin)
/usr/bin/python3 -c "import astropy, numpy" >/dev/null 2>&1 || need+=(python3-astropy python3-numpy)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing test tools: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "Not root: skipping install of ${need[*]}; the tests that need them will be skipped." >&2
  fi
fi

# The calibration-database suite also runs against PostgreSQL: start a throw-away server on loopback.
export PARALLAX_TEST_POSTGRES="${PARALLAX_TEST_POSTGRES:-$(bash scripts/start-postgres.sh | tail -n 1 || true)}"

dotnet restore Parallax.slnx --nologo -v quiet
log=$(mktemp)
set +e
dotnet test Parallax.slnx --no-restore --nologo -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line over all test assemblies: "N passed, N failed, N skipped".
awk '/(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { gsub(",", "", f); printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
