#!/usr/bin/env bash
# pre-commit for the hook's test: the one on PATH, else Debian's package (needs root or password-less
# sudo, and Debian's mirrors). Prints the command to run.
set -euo pipefail
if command -v pre-commit >/dev/null 2>&1; then command -v pre-commit; exit 0; fi
SUDO=()
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=(sudo -n); else
    echo "[pre-commit] need root (or password-less sudo) to apt-get install pre-commit" >&2; exit 1; fi
fi
echo "[pre-commit] installing Debian's pre-commit" >&2
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends pre-commit >/dev/null
command -v pre-commit
