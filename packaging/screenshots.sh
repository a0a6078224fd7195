#!/usr/bin/env bash
# Render every pane with sample data under a virtual X server and save PNGs:
#   packaging/screenshots.sh [OUT_DIR] [--demo] [--lang system|en|it]
# (default OUT_DIR: build/screenshots, build/screenshots-it with --lang it)
# --demo makes them in demo mode: hosts and keys masked, fonts 1.4x (docs/demo-mode.md).
# Needs xvfb-run (Debian package xvfb). A private config folder is used, so a person's
# settings and keys are never touched; the keyring runs in a private D-Bus session when available.
set -euo pipefail
cd "$(dirname "$0")/.."
out=""
demo=()
lang=()
while (($#)); do
  case "$1" in
    --demo) demo=(--demo) ;;
    --lang) lang=(--lang "${2:?--lang needs a language: system, en or it}"); shift ;;
    --lang=*) lang=(--lang "${1#--lang=}") ;;
    *) out="$1" ;;
  esac
  shift
done
suffix="${lang[1]:+-${lang[1]}}"
out="${out:-build/screenshots$suffix}"
command -v xvfb-run >/dev/null || { echo "xvfb-run not found: apt-get install xvfb" >&2; exit 1; }
# Without a colour-emoji font, emoji in the samples (and in people's answers) render as empty boxes.
if ! fc-list 2>/dev/null | grep -qi emoji; then
  echo "warning: no emoji font found (fc-list | grep -i emoji): emoji will show as empty boxes." >&2
  echo "  Debian/Ubuntu: apt-get install fonts-noto-color-emoji; Fedora: dnf install google-noto-color-emoji-fonts" >&2
fi
config="$(mktemp -d)"
trap 'rm -rf "$config"' EXIT
export WORKBENCH_CONFIG_DIR="$config" WORKBENCH_KEYRING_SERVICE="cohere-workbench-screenshots-$$"
export QT_QPA_PLATFORM=xcb
# A fresh keyring folder, so the throwaway password below always opens it.
export XDG_DATA_HOME="$config/data"
run=(xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m workbench "${demo[@]}" --screenshots "$out" "${lang[@]}")
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  dbus-run-session -- sh -c 'printf "%s" screenshots | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' sh "${run[@]}"
else
  "${run[@]}"
fi
ls -l "$out"/*.png
