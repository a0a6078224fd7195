#!/usr/bin/env bash
# Build the one-folder demo bundle dist/cohere-workbench/ with PyInstaller, then smoke-test it:
#   packaging/build-bundle.sh
# Environment: PYTHON (a Python >= 3.11 built with a shared libpython; default python3.11),
#   WB_BUILD_VENV (the build venv, default /tmp/wb-build-venv, reused when present),
#   SKIP_VENV=1 to reuse the build venv as it is, SKIP_SMOKE=1 to build only.
# PyInstaller lives in its own venv, never in the project's .venv or pyproject: it is a release
# tool, and the bundle must hold exactly what a plain (non-editable) install of the project pulls in.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
venv="${WB_BUILD_VENV:-/tmp/wb-build-venv}"
python="${PYTHON:-python3.11}"
bundle="$repo/dist/cohere-workbench"
program="$bundle/cohere-workbench"

step() { printf '\n== %s\n' "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

make_venv() {
  step "build venv: $venv"
  [[ -x "$venv/bin/python" ]] || "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --upgrade pip
  # A copy of the tree, not an editable install: the bundle gets what a wheel would hold.
  "$venv/bin/python" -m pip install --quiet --upgrade --force-reinstall --no-deps "$repo"
  "$venv/bin/python" -m pip install --quiet "$repo" "pyinstaller>=6.10"
  "$venv/bin/python" -m PyInstaller --version
}

build() {
  step "pyinstaller"
  local start=$SECONDS
  # Run from outside the repo, so the analysis imports the installed package, not ./workbench.
  (cd "$venv" && "$venv/bin/pyinstaller" --noconfirm --log-level WARN \
    --distpath "$repo/dist" --workpath "$repo/build/pyinstaller" \
    "$repo/packaging/pyinstaller/workbench.spec")
  echo "pyinstaller took $((SECONDS - start)) s"
  [[ -x "$program" ]] || fail "no program at $program"
  du -sh "$bundle"
  echo "files: $(find "$bundle" -type f | wc -l)"
}

smoke_cli() {
  step "smoke: --help"
  "$program" --help >/tmp/wb-smoke-help.txt || fail "--help exited $?"
  head -n 3 /tmp/wb-smoke-help.txt
}

smoke_sandbox() {
  step "smoke: sandbox --port 0 --no-auth, GET /info"
  local log pid url=""
  log="$(mktemp)"
  "$program" sandbox --port 0 --no-auth >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do
    url="$(sed -n 's/^base URL: //p' "$log")"
    [[ -n "$url" ]] && break
    kill -0 "$pid" 2>/dev/null || { cat "$log"; fail "sandbox exited before printing its URL"; }
    sleep 0.1
  done
  [[ -n "$url" ]] || { kill "$pid"; cat "$log"; fail "sandbox printed no URL in 10 s"; }
  # The URL line comes just before uvicorn starts serving: allow it a moment.
  curl --silent --show-error --fail --retry 20 --retry-connrefused --retry-delay 0 \
    --max-time 10 "$url/info" || { kill "$pid"; cat "$log"; fail "GET $url/info"; }
  echo
  kill -INT "$pid"
  local status=0
  wait "$pid" || status=$?
  [[ $status -eq 0 ]] || { cat "$log"; fail "sandbox exited $status after SIGINT"; }
  echo "sandbox stopped cleanly on SIGINT"
  rm -f "$log"
}

smoke_gui() {
  step "smoke: GUI --screenshots (offscreen)"
  local tmp out
  tmp="$(mktemp -d)"
  out="$tmp/screenshots"
  # A private config folder, keyring service and keyring folder: nobody's settings or keys are used.
  # XDG_DATA_HOME reaches the keyring daemon too, so it makes a fresh keyring the password opens.
  local run=(env QT_QPA_PLATFORM=offscreen WORKBENCH_CONFIG_DIR="$tmp/config"
    WORKBENCH_KEYRING_SERVICE="cohere-workbench-bundle-smoke-$$" "$program" --screenshots "$out")
  export XDG_DATA_HOME="$tmp/data"
  if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
    dbus-run-session -- sh -c 'printf "%s" smoke | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' sh "${run[@]}" \
      || fail "GUI exited $?"
  else
    echo "warning: no dbus-run-session/gnome-keyring-daemon: running without a keyring" >&2
    "${run[@]}" || fail "GUI exited $?"
  fi
  local count
  count="$(find "$out" -name '*.png' -size +1k | wc -l)"
  ls -l "$out"
  [[ $count -gt 0 ]] || fail "no screenshots written"
  echo "$count screenshots written"
  unset XDG_DATA_HOME
  rm -rf "$tmp"
}

[[ -n "${SKIP_VENV:-}" && -x "$venv/bin/pyinstaller" ]] || make_venv
build
smoke_translations() {
  step "smoke: translations in the bundle"
  local language
  for language in it en; do  # en: the English plural forms ("1 document", "2 documents")
    find "$bundle" -path "*workbench/resources/i18n/workbench_$language.qm" | grep -q . \
      || fail "workbench_$language.qm missing from the bundle"
  done
  find "$bundle" -name 'qtbase_it.qm' | grep -q . || fail "qtbase_it.qm missing"
}

if [[ -z "${SKIP_SMOKE:-}" ]]; then
  smoke_translations
  smoke_cli
  smoke_sandbox
  smoke_gui
  step "all smoke tests passed"
fi
