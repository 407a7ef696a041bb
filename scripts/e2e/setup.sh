#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, following shared/recipes/code-server-e2e.md:
#   - Debian packages: native-module build headers, ripgrep, chromium, a Japanese font
#   - code-server (VS Code as a server, from the npm registry) without its postinstall,
#     cached outside the repository under ${AI_GOV_CACHE:-$HOME/.cache/ai-governance-e2e}
#   - playwright-core (a devDependency of this project; it downloads no browser)
# Idempotent: a stamp file makes a second run a few quick checks. Complete from an empty cache.
# Every step prints its name; a failing step ends the script with
#   e2e setup failed at step: <name>
# Non-interactive throughout (CI=true has no terminal).
#
# Prints, as its last line, the code-server entry point (also in $CACHE/code-server-entry).
set -uo pipefail

CODE_SERVER_VERSION=4.100.3
# fonts-ipafont-gothic (3.5 MB): a Japanese font, so that screenshots of the workbench are legible.
APT_PACKAGES=(libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep chromium fonts-ipafont-gothic)
CACHE="${AI_GOV_CACHE:-$HOME/.cache/ai-governance-e2e}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_ENTRY="$CS_DIR/package/out/node/entry.js"
STAMP="$CS_DIR/.complete"

export DEBIAN_FRONTEND=noninteractive
export npm_config_yes=true npm_config_progress=false npm_config_fund=false npm_config_audit=false
export npm_config_update_notifier=false npm_config_loglevel=error

CURRENT_STEP=""
fail() {
  echo "e2e setup failed at step: $CURRENT_STEP" >&2
  exit 1
}
# step <name> <command...>: prints the name, runs the command, stops everything if it fails.
step() {
  CURRENT_STEP="$1"
  shift
  echo "==> $CURRENT_STEP"
  local start=$SECONDS
  "$@" || fail
  echo "    ($CURRENT_STEP: $((SECONDS - start))s)"
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else echo "need root (or passwordless sudo) for: $*" >&2; return 1
  fi
}

apt_missing() {
  local p missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  echo "${missing[*]}"
}

install_apt_packages() {
  local missing
  missing="$(apt_missing)"
  if [ -z "$missing" ]; then
    echo "    already installed: ${APT_PACKAGES[*]}"
    return 0
  fi
  echo "    installing: $missing"
  as_root apt-get update -qq || return 1
  # shellcheck disable=SC2086
  as_root apt-get install -y -qq --no-install-recommends $missing || return 1
  [ -z "$(apt_missing)" ] || { echo "still missing: $(apt_missing)" >&2; return 1; }
}

check_tools() {
  command -v rg >/dev/null || { echo "rg not on PATH" >&2; return 1; }
  [ -x /usr/bin/chromium ] || { echo "/usr/bin/chromium missing" >&2; return 1; }
  local v
  v="$(node -p 'process.versions.node.split(".")[0]')" || return 1
  [ "$v" = 20 ] || echo "    warning: code-server $CODE_SERVER_VERSION is built for Node 20; this is Node $v" >&2
  return 0
}

# code-server is assembled in a scratch directory and moved into place only when complete, so an
# interrupted run never leaves something that looks installed.
WORK="$CS_DIR.partial"
fetch_code_server() {
  rm -rf "$WORK" && mkdir -p "$WORK" || return 1
  (cd "$WORK" && npm pack "code-server@$CODE_SERVER_VERSION" >/dev/null) || return 1
  tar xzf "$WORK/code-server-$CODE_SERVER_VERSION.tgz" -C "$WORK" || return 1
  rm -f "$WORK/code-server-$CODE_SERVER_VERSION.tgz"
}
install_code_server_deps() (
  cd "$WORK/package" && npm install --omit=dev --ignore-scripts --no-package-lock
)
rebuild_argon2() (
  cd "$WORK/package" && npm rebuild argon2
)
install_vscode_deps() (
  cd "$WORK/package/lib/vscode" && npm install --omit=dev --ignore-scripts --no-package-lock
)
rebuild_vscode_native() (
  cd "$WORK/package/lib/vscode" &&
    npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog
)
link_ripgrep() (
  cd "$WORK/package/lib/vscode" || return 1
  mkdir -p node_modules/@vscode/ripgrep/bin &&
    ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg &&
    ln -sfn node_modules node_modules.asar
)
install_builtin_extension_deps() (
  cd "$WORK/package/lib/vscode/extensions" && npm install --omit=dev --ignore-scripts --no-package-lock
)
finish_code_server() {
  rm -rf "$CS_DIR" && mv "$WORK" "$CS_DIR" || return 1
  # ripgrep may have moved since (the link is absolute)
  ln -sf "$(command -v rg)" "$CS_DIR/package/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
}
check_code_server() {
  local v
  # An explicit --config keeps code-server from writing ~/.config/code-server/config.yaml.
  [ -f "$CS_DIR/config.yaml" ] || printf 'auth: none\ncert: false\n' >"$CS_DIR/config.yaml" || return 1
  v="$(node "$CS_ENTRY" --config "$CS_DIR/config.yaml" --version 2>/dev/null | grep -E '^[0-9]+\.' | head -1)" ||
    { echo "code-server does not start" >&2; return 1; }
  case "$v" in
    "$CODE_SERVER_VERSION"*) echo "    code-server $v" ;;
    *) echo "unexpected code-server version: $v" >&2; return 1 ;;
  esac
  [ -e "$CS_DIR/package/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] || { echo "ripgrep link broken" >&2; return 1; }
}

playwright_ok() {
  (cd "$ROOT" && node -e "
    const v = require('playwright-core/package.json').version;
    if (!v.startsWith('1.65.')) { console.error('playwright-core ' + v + ', want 1.65.x'); process.exit(1); }
    for (const m of ['mocha', '@types/mocha', 'esbuild']) require.resolve(m + '/package.json');
  " 2>/dev/null)
}
install_node_dev_deps() {
  if playwright_ok; then
    echo "    playwright-core $(cd "$ROOT" && node -p "require('playwright-core/package.json').version"), mocha present"
    return 0
  fi
  # The devDependencies (playwright-core, mocha, @types/mocha, @vscode/test-electron) are in
  # package.json; a plain install brings them. playwright-core downloads no browser.
  (cd "$ROOT" && npm install --no-audit --no-fund) || return 1
  playwright_ok || { echo "playwright-core 1.65 / mocha not resolvable after npm install" >&2; return 1; }
}

mkdir -p "$CACHE" || { CURRENT_STEP="create cache directory"; fail; }
echo "e2e setup: cache $CACHE"

step "debian packages" install_apt_packages
step "tools (rg, chromium, node)" check_tools
if [ -f "$STAMP" ] && [ -f "$CS_ENTRY" ]; then
  echo "==> code-server $CODE_SERVER_VERSION (cached: $CS_DIR)"
else
  step "download code-server $CODE_SERVER_VERSION" fetch_code_server
  step "code-server dependencies" install_code_server_deps
  step "rebuild argon2" rebuild_argon2
  step "vscode dependencies" install_vscode_deps
  step "rebuild vscode native modules" rebuild_vscode_native
  step "ripgrep link" link_ripgrep
  step "built-in extension dependencies" install_builtin_extension_deps
  step "install code-server into cache" finish_code_server
fi
step "check code-server" check_code_server
date -u +%FT%TZ >"$STAMP"
step "node dev dependencies (playwright-core, mocha)" install_node_dev_deps
echo "$CS_ENTRY" >"$CACHE/code-server-entry"
echo "e2e setup complete"
echo "$CS_ENTRY"
