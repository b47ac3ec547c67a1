#!/usr/bin/env bash
# Load test of the booking endpoint (POST /api/v1/appointments) with wrk, against a running `./stipple run`.
#
#   ./stipple run &                  # serves the demo studio on 127.0.0.1:5080
#   bench/load/booking.sh [seconds]  # default 15 s per scenario (a 64-week span of free slots holds about 20 s)
#
# After a 3-second warm-up, two scenarios at about 200 requests/s (20 connections, each waiting 85 ms between requests):
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
export STIPPLE_KEY="$KEY" P0 P1 R0 R1 CLIENTS DELAY_MS="${DELAY_MS:-85}"

# Warm-up (not measured): a few seconds of the contested scenario, so the JIT and the pools are warm; it books at most
# one slot per practitioner, eight weeks ahead on a Tuesday.
SCENARIO=contested BASE_EPOCH=$(date -u -d "$(date -u +%Y-%m-%d) +8 weeks -$(( $(date -u +%u) - 1 )) days" +%s) \
    wrk -t2 -c20 -d3s -s bench/load/booking.lua "$URL" > /dev/null

for scenario in free contested; do
    # Bookings may be at most 5 years ahead. Each run takes its own span of Mondays from 8 weeks ahead, past the demo's Christmas closure and time off (three spans of
    # 64 weeks in turn); a fourth run on the same database reuses the first span, so its free slots are not free:
    # delete .stipple (or run ./stipple run on a fresh clone) to measure again from scratch.
    run=$(( $(cat .stipple/load-runs 2>/dev/null || echo 0) + 1 )); echo "$run" > .stipple/load-runs
    monday=$(date -u -d "$(date -u +%Y-%m-%d) +8 weeks -$(( $(date -u +%u) - 1 )) days" +%s)
    export SCENARIO="$scenario" BASE_EPOCH=$(( monday + (run % 3) * 64 * 7 * 86400 ))
    echo "== $scenario: ${SECONDS_PER_RUN}s, 2 threads, 20 connections, ${DELAY_MS} ms between requests per connection"
    wrk -t2 -c20 -d"${SECONDS_PER_RUN}s" --latency -s bench/load/booking.lua "$URL"
done
