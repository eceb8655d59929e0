#!/usr/bin/env bash
# Renders a demo report.html in headless Chromium (Debian's chromium, installed when missing) and
# fails on an image that does not load, a broken link, a console error, a figure without a caption
# or a repeated heading; saves a screenshot next to the report.
#   .ci/browser-test.sh                 run a fast demo (1 epoch, 16 trials) into a temporary folder, check it
#   .ci/browser-test.sh REPORT.html     check an existing report
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"

if ! command -v chromium >/dev/null; then
  echo "browser-test: installing Debian's chromium" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
command -v node >/dev/null || { echo "browser-test: needs node (Debian: apt-get install nodejs)" >&2; exit 2; }

if [ $# -ge 1 ]; then
  report="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
else
  run="$(mktemp -d)/demo"
  start=$(date +%s)
  "$here/sernn" demo --epochs 1 --trials 16 --out "$run" >"$run.log" 2>&1 || { tail -20 "$run.log" >&2; exit 1; }
  echo "browser-test: fast demo took $(( $(date +%s) - start )) s ($run)"
  report="$run/report.html"
fi
[ -f "$report" ] || { echo "browser-test: no such report: $report" >&2; exit 2; }

profile="$(mktemp -d)"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --remote-debugging-address=127.0.0.1 \
  --remote-debugging-port=0 about:blank 2>"$profile.stderr" &
browser=$!
trap 'kill "$browser" 2>/dev/null || true; wait "$browser" 2>/dev/null || true; rm -rf "$profile" "$profile.stderr"' EXIT
for _ in $(seq 1 300); do
  [ -s "$profile/DevToolsActivePort" ] && break
  kill -0 "$browser" 2>/dev/null || { cat "$profile.stderr" >&2; exit 1; }
  sleep 0.1
done
[ -s "$profile/DevToolsActivePort" ] || { echo "browser-test: chromium did not start" >&2; exit 1; }
port=$(sed -n 1p "$profile/DevToolsActivePort")
path=$(sed -n 2p "$profile/DevToolsActivePort")
websocket_flag=""
node -e 'process.exit(typeof WebSocket === "function" ? 0 : 1)' || websocket_flag="--experimental-websocket"
node $websocket_flag "$here/.ci/browser-check.mjs" "ws://127.0.0.1:$port$path" "$report" \
  "${report%.html}-screenshot.png"
