#!/usr/bin/env bash
# Load test of the booking endpoint (POST /api/v1/appointments) with wrk, against a running `./stipple run`.
#
#   ./stipple run &                  # serves the demo studio on 127.0.0.1:5080
#   bench/load/booking.sh [seconds]  # default 15 s per scenario (a 64-week span of free slots holds about 20 s)
#
# After a warm-up of both paths, two scenarios at 200–215 requests/s (20 connections, each waiting 75 ms between requests):
#   free       every request books a different free slot (201 Created)
#   contested  every request asks for the same slot (one 201, then 409 Conflict with fresh alternatives)
# Prints wrk's latency distribution (p50/p90/p99) and the rate achieved. The booked appointments stay in the demo
# database (from eight weeks ahead); delete .stipple to start afresh.
set -euo pipefail
cd "$(dirname "$0")/../.."
URL="${STIPPLE_URL:-http://127.0.0.1:${STIPPLE_PORT:-5080}}"
SECONDS_PER_RUN="${1:-15}"
KEY="${STIPPLE_DEMO_API_KEY:-$(cat .stipple/demo-api-key 2>/dev/null || true)}"
[[ -n "$KEY" ]] || { echo "no demo API key: start ./stipple run first" >&2; exit 1; }
if ! command -v wrk >/dev/null; then
    if [[ "$(id -u)" -eq 0 ]]; then apt-get install -y wrk; else sudo apt-get install -y wrk; fi
fi

get() { curl -fsS -H "Authorization: Bearer $KEY" "$URL$1"; }
ids() { python3 -c "import json,sys; d=json.load(sys.stdin); d=d.get('$2', d) if isinstance(d, dict) else d; print(','.join(x['id'] for x in d $1))"; }
PRACTITIONERS="$(get /api/v1/staff | ids "if x.get('role') == 'practitioner'" items)"
ROOMS="$(get /api/v1/rooms | ids "if x.get('isActive', True)" items)"
CLIENTS="$(get '/api/v1/clients' | ids "" items)"
IFS=, read -r P0 P1 _ <<<"$PRACTITIONERS,"
IFS=, read -r R0 R1 _ <<<"$ROOMS,"
export STIPPLE_KEY="$KEY" P0 P1 R0 R1 CLIENTS DELAY_MS="${DELAY_MS:-75}"

# Warm-up (not measured): 5 s of each path, so the JIT has compiled both the booking and the conflict path and the
# pools are full. It books in its own span, 212 weeks ahead (past the three measured spans); later warm-ups meet
# those bookings as conflicts, which warms the same code.
warm=$(( $(date -u -d "$(date -u +%Y-%m-%d) +8 weeks -$(( $(date -u +%u) - 1 )) days" +%s) + 204 * 7 * 86400 ))
for scenario in free contested; do
    SCENARIO="$scenario" BASE_EPOCH="$warm" wrk -t2 -c20 -d5s -s bench/load/booking.lua "$URL" > /dev/null
done

# Bookings may be at most 5 years ahead. Each run's free scenario takes its own span of Mondays from 8 weeks ahead,
# past the demo's Christmas closure and time off (three spans of 68 weeks in turn): a fourth run on the same database
# meets its own earlier bookings as 409s (the status lines show it), so measure on a fresh clone. The contested
# scenario asks for one Tuesday 09:00, 30 weeks into the warm-up span: free on the first run, taken afterwards.
run=$(( $(cat .stipple/load-runs 2>/dev/null || echo 0) + 1 )); echo "$run" > .stipple/load-runs
monday=$(date -u -d "$(date -u +%Y-%m-%d) +8 weeks -$(( $(date -u +%u) - 1 )) days" +%s)
for scenario in free contested; do
    if [[ "$scenario" == free ]]; then base=$(( monday + (run % 3) * 68 * 7 * 86400 )); else base=$(( warm + 30 * 7 * 86400 )); fi
    export SCENARIO="$scenario" BASE_EPOCH="$base"
    echo "== $scenario: ${SECONDS_PER_RUN}s, 2 threads, 20 connections, ${DELAY_MS} ms between requests per connection"
    wrk -t2 -c20 -d"${SECONDS_PER_RUN}s" --latency -s bench/load/booking.lua "$URL"
done
