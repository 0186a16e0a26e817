# Sourced by install.sh (and by test/unit/editor-install.test.ts): gives the nested npm installs the
# environment of a plain shell, whoever started us.
#
# Under `npm test`, the outer npm (the machine's Node 20) exports its own view of the machine into the
# script's environment: `npm_config_user_agent` ("npm/11 node/v20 …"), `npm_config_node_gyp`,
# `npm_config_nodedir` (from ~/.npmrc), `npm_node_execpath`, `NODE`, package and lifecycle variables …
# A nested `npm install` reads every `npm_config_*` variable as configuration, above ~/.npmrc, and
# passes them on to the packages' install scripts: code-server's postinstall then read "node v20"
# from the user agent and refused, although Node 24 was first on PATH. npm also puts its script
# folders on PATH (`node_modules/.bin` of every parent folder, its node-gyp-bin). Removing all of it
# makes `npm test` install exactly as `bash scripts/editor/install.sh` run by hand does; the user's
# own configuration still applies, because npm reads ~/.npmrc itself. Kept: how to reach the registry
# (registry, proxies, certificates), which is the same whether the user or the outer npm set it, and
# the upper-case NPM_CONFIG_* that npm never exports (only a user sets those).

kpt_clean_npm_env() {
  local name
  for name in $(compgen -e); do
    case "$name" in
      npm_config_registry|npm_config_*registry|npm_config_proxy|npm_config_https_proxy|npm_config_noproxy) ;;
      npm_config_cafile|npm_config_ca|npm_config_strict_ssl) ;;
      npm_*|NODE|INIT_CWD) unset "$name" ;;
    esac
  done
  local entry kept=""
  local IFS=:
  for entry in $PATH; do
    case "$entry" in
      */node_modules/.bin|*/node-gyp-bin|"") continue ;;
    esac
    kept="${kept:+$kept:}$entry"
  done
  PATH="$kept"
  export PATH
}
