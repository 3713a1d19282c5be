#!/bin/sh
# What pip cannot install: Debian's chromium for the browser tests (driven by Playwright, whose
# Node driver needs libatomic1), and Debian's redis-server for the Redis samples (the verifier
# starts its own servers; the package's own service is not started), and bubblewrap, the samples'
# sandbox. Installed once, as root.
set -eu
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
[ -e /usr/lib/x86_64-linux-gnu/libatomic.so.1 ] || [ -e /usr/lib/aarch64-linux-gnu/libatomic.so.1 ] \
  || missing="$missing libatomic1"
command -v redis-server >/dev/null 2>&1 || command -v valkey-server >/dev/null 2>&1 \
  || missing="$missing redis-server"
# bubblewrap: the samples' sandbox (handbook_verify/sandbox.py); without it they run less isolated.
command -v bwrap >/dev/null 2>&1 || missing="$missing bubblewrap"
# Node.js and npm: `npm ci` installs the pinned Pyodide (package-lock.json) that the site serves
# for Run in the browser, and the build runs samples under it to decide which qualify.
command -v node >/dev/null 2>&1 || command -v nodejs >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages:$missing"
  # Install without starting the packages' own services (the verifier starts its own servers).
  policy=/usr/sbin/policy-rc.d
  created=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created=1
  fi
  trap '[ -n "$created" ] && rm -f "$policy"' EXIT
  # A mirror that serves an expired Release file (seen with Debian testing's) still has the
  # packages: retry without the expiry check rather than stop, and say so.
  if ! apt-get update -qq 2>/tmp/apt-update.err; then
    cat /tmp/apt-update.err >&2
    echo "apt-get update failed; retrying with Acquire::Check-Valid-Until=false" >&2
    apt-get -o Acquire::Check-Valid-Until=false update -qq
  fi
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
  echo "Missing:$missing. They need root to install: sudo apt-get install$missing" >&2
  echo "(browser tests are skipped without chromium; Redis samples need redis-server or" \
       "HANDBOOK_REDIS_URL pointing at a server; without nodejs and npm the site has no" \
       "Run in the browser)" >&2
fi
