#!/usr/bin/env bash
# Shows that `npm run demo` installs PostgreSQL on a machine that lacks it: runs the demo in a
# private mount namespace where /usr/lib/postgresql is an empty tmpfs (the server binaries are
# gone, as on a fresh machine), on ports and a data folder of its own, waits for /ready, prints
# what the demo said, and stops it. Root only (unshare, mount, apt-get). dpkg still lists the
# server there, so the demo reinstalls it; the files it writes outside the hidden folder are the
# same package's own.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" != 0 ]; then
  echo "run as root: it needs unshare -m and mount, and installs with apt-get" >&2
  exit 1
fi
data=$(mktemp -d /tmp/mesecvi-fresh-demo-XXXXXX)
chmod 755 "$data"
trap 'rm -rf "$data"' EXIT
export DEMO_DATA_DIR="$data" DEMO_API_PORT=3900 DEMO_PG_PORT=54900 DEMO_REDIS_PORT=63900 DEMO_SMTP_PORT=1900 \
  DEMO_MAIL_WEB_PORT=1980
unshare -m --propagation private bash -c '
  set -uo pipefail
  mount -t tmpfs tmpfs /usr/lib/postgresql
  echo "[check] /usr/lib/postgresql is hidden: $(ls /usr/lib/postgresql | wc -l) entries"
  node scripts/demo.js >"$DEMO_DATA_DIR/demo.out" 2>&1 &
  demo=$!
  ready=""
  for _ in $(seq 1 600); do
    ready=$(curl -fsS "http://127.0.0.1:$DEMO_API_PORT/ready" 2>/dev/null) && break
    if ! kill -0 "$demo" 2>/dev/null; then
      cat "$DEMO_DATA_DIR/demo.out"
      echo "[check] FAILED: the demo stopped before it was ready"
      exit 1
    fi
    sleep 1
  done
  cat "$DEMO_DATA_DIR/demo.out"
  echo "[check] server binaries now in /usr/lib/postgresql: $(ls /usr/lib/postgresql | tr "\n" " ")"
  echo "[check] GET /ready: ${ready:-no answer}"
  kill -INT "$demo"
  wait "$demo" || true
  [ -n "$ready" ]
'
