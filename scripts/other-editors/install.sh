#!/usr/bin/env bash
# One-time, idempotent install of the editors that test/other-editors/*.test.ts drive, so that the setups
# in docs/editors/ are ones we have run:
#   - Neovim >= 0.11 (vim.lsp.config / vim.lsp.enable) from Debian sid, into a cache OUTSIDE the clone
#     and without touching the system's packages: the sid .debs of neovim, neovim-runtime and their whole
#     dependency closure (sid's C library included) are unpacked into $CACHE/neovim/root, and the wrapper
#     $CACHE/bin/nvim runs nvim through that root's own dynamic loader with --library-path. Only nvim
#     sees those libraries: what it starts (the language server) runs with the system's, as usual.
#     Everything downloaded is checked: sid's InRelease against debian-archive-keyring, Packages.xz and
#     every .deb against the SHA256 sums they sign.
#   - Emacs >= 29 (eglot built in) and yaml-mode as Debian packages: emacs-nox from bookworm-backports
#     on bookworm (the source is added to /etc/apt/sources.list.d/, signed by debian-archive-keyring),
#     from the release itself on newer Debian; elpa-yaml-mode. $CACHE/bin/emacs links to /usr/bin/emacs.
# Network: Debian's package mirrors only. Cache folder: $KPT_EDITORS_CACHE, default
# ~/.cache/kube-proxy-tuner-editors. Prints the cache path last.
#
# The cache counts as installed only with a stamp naming the fingerprint of this script (and of the
# machine's architecture): a changed script installs Neovim again from an empty folder, as on a new machine.
set -euo pipefail

MIRROR="${KPT_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
NVIM_SUITE=sid
NVIM_MIN=0.11
EMACS_MIN=29
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${KPT_EDITORS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kube-proxy-tuner-editors}"
command -v dpkg >/dev/null 2>&1 || { echo "[other-editors-install] needs Debian (dpkg, apt-get)" >&2; exit 1; }
ARCH="$(dpkg --print-architecture)"
FINGERPRINT="$({ cat "$HERE/install.sh"; echo "$ARCH"; } | sha256sum | cut -c1-16)"
STAMP="$CACHE/verified-$FINGERPRINT"
# What a run of this script would look for: `install.sh --fingerprint`.
if [ "${1:-}" = "--fingerprint" ]; then echo "$FINGERPRINT"; exit 0; fi

log() { echo "[other-editors-install] $*" >&2; }
die() { log "$*"; exit 1; }

# One install at a time (node --test runs the editor tests in parallel, each starting this script).
mkdir -p "$(dirname "$CACHE")"
exec 9>"$CACHE.lock"
flock 9 || die "cannot lock $CACHE.lock"

# "0.12.4" >= "0.11"?
version_at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -1)" = "$2" ]; }

SUDO=()
as_root() {
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=(sudo -n); else
      die "need root (or password-less sudo) to $*"; fi
  fi
}

# --- Emacs and yaml-mode (Debian packages) ----------------------------------------------------------
emacs_major() { { "$1" --batch --eval '(princ emacs-major-version)' 2>/dev/null || echo 0; } | tail -1; }
EMACS_BIN=/usr/bin/emacs
need_apt=()
if [ ! -x "$EMACS_BIN" ] || [ "$(emacs_major "$EMACS_BIN")" -lt "$EMACS_MIN" ]; then need_apt+=(emacs-nox); fi
# yaml-mode, the major mode docs/editors/eglot.el hooks (yaml-ts-mode would need a grammar built from GitHub).
dpkg -s elpa-yaml-mode >/dev/null 2>&1 || need_apt+=(elpa-yaml-mode)
if [ "${#need_apt[@]}" -gt 0 ]; then
  as_root "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # shellcheck disable=SC1091
  CODENAME="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
  TARGET=()
  if [ "$CODENAME" = bookworm ]; then
    # bookworm has Emacs 28 (no eglot); bookworm-backports has Emacs 30.
    TARGET=(-t bookworm-backports)
    if ! grep -rqs -- 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
      log "adding the bookworm-backports source (/etc/apt/sources.list.d/kube-proxy-tuner-bookworm-backports.sources)"
      [ -f /usr/share/keyrings/debian-archive-keyring.gpg ] || die "debian-archive-keyring is not installed"
      printf '%s\n' 'Types: deb' "URIs: $MIRROR" 'Suites: bookworm-backports' 'Components: main' \
        'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' |
        "${SUDO[@]}" tee /etc/apt/sources.list.d/kube-proxy-tuner-bookworm-backports.sources >/dev/null
    fi
  fi
  log "installing Debian packages: ${need_apt[*]} ${TARGET[*]}"
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${TARGET[@]}" "${need_apt[@]}" >/dev/null
  [ "$(emacs_major "$EMACS_BIN")" -ge "$EMACS_MIN" ] || die "Emacs $EMACS_MIN or newer is needed, got: $("$EMACS_BIN" --version | head -1)"
fi

# --- Neovim (sid .debs unpacked into the cache) ----------------------------------------------------
NVIM="$CACHE/bin/nvim"
nvim_version() { { "$NVIM" --headless --version 2>/dev/null || true; } | sed -n 's/^NVIM v\([0-9][0-9.]*\).*/\1/p' | head -1; }
if [ -f "$STAMP" ] && [ -x "$NVIM" ] && [ -n "$(nvim_version)" ] && [ -L "$CACHE/bin/emacs" ]; then
  log "already installed in $CACHE (verified for this script: $FINGERPRINT)"
  echo "$CACHE"
  exit 0
fi

log "no install verified for this script ($FINGERPRINT): installing Neovim from an empty folder"
for tool in curl gpgv xz dpkg-deb awk sha256sum; do command -v "$tool" >/dev/null 2>&1 || die "needs $tool"; done
case "$CACHE" in *"'"* | *']==]'*) die "the cache path must not contain ' or ]==]: $CACHE" ;; esac
mkdir -p "$CACHE"
rm -rf "$CACHE"/verified-* "$CACHE/neovim" "$CACHE/bin" "$CACHE"/tmp.*
TMP="$(mktemp -d "$CACHE/tmp.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
fetch() { curl -fsSL --retry 3 --connect-timeout 20 -o "$2" "$1" || die "download failed: $1"; }

log "Debian $NVIM_SUITE index ($MIRROR)"
fetch "$MIRROR/dists/$NVIM_SUITE/InRelease" "$TMP/InRelease"
gpgv --quiet --keyring /usr/share/keyrings/debian-archive-keyring.gpg --output "$TMP/Release" "$TMP/InRelease" 2>"$TMP/gpgv.log" ||
  { cat "$TMP/gpgv.log" >&2; die "the signature of $NVIM_SUITE's InRelease does not verify with debian-archive-keyring"; }
INDEX="main/binary-$ARCH/Packages.xz"
INDEX_SHA="$(awk -v f="$INDEX" '/^SHA256:/ { s = 1; next } /^[^ ]/ { s = 0 } s && $3 == f { print $1; exit }' "$TMP/Release")"
[ -n "$INDEX_SHA" ] || die "$INDEX is not listed in $NVIM_SUITE's Release"
# By hash: the file that matches this Release even while the mirror is being updated.
fetch "$MIRROR/dists/$NVIM_SUITE/main/binary-$ARCH/by-hash/SHA256/$INDEX_SHA" "$TMP/Packages.xz"
echo "$INDEX_SHA  $TMP/Packages.xz" | sha256sum --quiet -c - || die "$INDEX does not match the signed Release"
xz -d "$TMP/Packages.xz"

# The dependency closure of neovim and neovim-runtime in sid (Depends and Pre-Depends; the first
# alternative of each; virtual names through the first package providing them), one
# "package version filename sha256" line each.
awk -v roots="neovim neovim-runtime" '
  BEGIN { RS = ""; FS = "\n" }
  {
    pkg = ""; dep = ""; prov = ""; ver = ""; file = ""; sha = ""
    for (i = 1; i <= NF; i++) {
      if ($i ~ /^Package: /) pkg = substr($i, 10)
      else if ($i ~ /^Version: /) ver = substr($i, 10)
      else if ($i ~ /^Filename: /) file = substr($i, 11)
      else if ($i ~ /^SHA256: /) sha = substr($i, 9)
      else if ($i ~ /^(Pre-)?Depends: /) { sub(/^[A-Za-z-]+: /, "", $i); dep = dep ", " $i }
      else if ($i ~ /^Provides: /) prov = substr($i, 11)
    }
    if (pkg in deps) next
    deps[pkg] = dep; line[pkg] = pkg " " ver " " file " " sha
    n = split(prov, ps, /, */)
    for (j = 1; j <= n; j++) { p = ps[j]; sub(/ .*/, "", p); if (!(p in provider)) provider[p] = pkg }
  }
  END {
    tail = split(roots, queue, " ")
    for (i = 1; i <= tail; i++) seen[queue[i]] = 1
    for (head = 1; head <= tail; head++) {
      p = queue[head]
      if (!(p in line)) { print "missing " p; continue }
      print line[p]
      m = split(deps[p], ds, /, */)
      for (j = 1; j <= m; j++) {
        d = ds[j]; sub(/ *\|.*/, "", d); sub(/ *\(.*/, "", d); sub(/:any$/, "", d)
        if (d == "") continue
        if (!(d in deps) && (d in provider)) d = provider[d]
        if (!(d in seen)) { seen[d] = 1; queue[++tail] = d }
      }
    }
  }' "$TMP/Packages" >"$TMP/closure"
if grep -q '^missing ' "$TMP/closure"; then die "not in $NVIM_SUITE: $(grep '^missing ' "$TMP/closure" | cut -d' ' -f2 | tr '\n' ' ')"; fi
log "$(wc -l <"$TMP/closure") packages: $(cut -d' ' -f1,2 "$TMP/closure" | tr ' \n' '= ' | sed 's/ $//')"

ROOT="$CACHE/neovim/root"
mkdir -p "$ROOT" "$TMP/debs"
while read -r pkg ver file sha; do
  deb="$TMP/debs/$(basename "$file")"
  fetch "$MIRROR/$file" "$deb"
  echo "$sha  $deb" | sha256sum --quiet -c - || die "$pkg $ver: the .deb does not match the signed index"
  dpkg-deb -x "$deb" "$ROOT"
done <"$TMP/closure"
cp "$TMP/closure" "$CACHE/neovim/packages.txt"

# sid is merged-/usr: the loader and the libraries are under usr/lib.
TRIPLET="$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch 2>/dev/null || echo "$(uname -m)-linux-gnu")"
LOADER="$(find "$ROOT/usr/lib" "$ROOT/usr/lib64" -maxdepth 2 -name 'ld-linux*.so.*' \( -type f -o -type l \) 2>/dev/null | sort | head -1)"
[ -n "$LOADER" ] || die "no dynamic loader in the unpacked libc6"
[ -x "$ROOT/usr/bin/nvim" ] || die "no usr/bin/nvim in the unpacked neovim"
[ -d "$ROOT/usr/share/nvim/runtime" ] || die "no runtime in the unpacked neovim-runtime"
LIBS="$ROOT/usr/lib/$TRIPLET"
[ -d "$ROOT/lib/$TRIPLET" ] && LIBS="$LIBS:$ROOT/lib/$TRIPLET"

[ -d "$ROOT/usr/lib/nvim/parser" ] || die "no tree-sitter parsers (usr/lib/nvim/parser) in the unpacked neovim"
mkdir -p "$CACHE/bin"
cat >"$CACHE/bin/nvim" <<EOF
#!/bin/sh
# Written by scripts/other-editors/install.sh: Debian $NVIM_SUITE's nvim, run with its own C library
# and loader from the folder below (nothing of it is installed in the system). --library-path applies
# to nvim only: the programs it starts (language servers) run with the system's libraries.
# nvim finds its runtime and its tree-sitter parsers (markdown for LSP hovers) at compiled-in /usr
# paths, which are not these: both are named here, first.
export VIMRUNTIME='$ROOT/usr/share/nvim/runtime'
exec '$LOADER' --library-path '$LIBS' --argv0 "\$0" '$ROOT/usr/bin/nvim' \\
  --cmd 'lua vim.opt.runtimepath:prepend([==[$ROOT/usr/lib/nvim]==])' "\$@"
EOF
chmod +x "$CACHE/bin/nvim"

VERSION="$(nvim_version)"
[ -n "$VERSION" ] || { "$NVIM" --headless --version >&2 || true; die "the unpacked nvim does not start"; }
version_at_least "$VERSION" "$NVIM_MIN" || die "nvim $VERSION is older than $NVIM_MIN (vim.lsp.config)"
# The Lua modules nvim loads at startup (luv, lpeg), the LSP client, and the markdown parser hovers use.
# (An error in -c does not change nvim's exit code: cquit does.)
"$NVIM" --headless --clean -c 'lua vim.cmd(pcall(function()
    assert(vim.uv.version() > 0 and vim.lpeg and vim.lsp.config and vim.lsp.enable)
    assert(vim.treesitter.language.add("markdown"))
  end) and "qa!" or "cquit 1")' >/dev/null 2>&1 ||
  die "nvim $VERSION starts, but its Lua modules, LSP client or markdown parser do not load"
log "Neovim $VERSION in $CACHE/neovim"

ln -sfn "$EMACS_BIN" "$CACHE/bin/emacs"
log "$("$EMACS_BIN" --version | head -1) at $EMACS_BIN"
touch "$STAMP"
log "installed in $CACHE"
echo "$CACHE"
