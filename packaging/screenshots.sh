#!/usr/bin/env bash
# Render every pane with sample data under a virtual X server and save PNGs:
#   packaging/screenshots.sh [OUT_DIR] [--demo] [--lang system|en|it] [--theme light|dark|both]
# (default OUT_DIR: build/screenshots, with -it for --lang it and -dark for --theme dark)
# --demo makes them in demo mode: hosts and keys masked, fonts 1.4x (docs/demo-mode.md).
# --theme picks View > Theme for the run (light by default); both: light in OUT_DIR, dark in
# OUT_DIR/dark, the layout of resources/screenshots.
# Needs xvfb-run (Debian package xvfb). A private config folder is used, so a person's
# settings and keys are never touched; the keyring runs in a private D-Bus session when available.
set -euo pipefail
cd "$(dirname "$0")/.."
out=""
demo=()
lang=()
theme=light
while (($#)); do
  case "$1" in
    --demo) demo=(--demo) ;;
    --lang) lang=(--lang "${2:?--lang needs a language: system, en or it}"); shift ;;
    --lang=*) lang=(--lang "${1#--lang=}") ;;
    --theme) theme="${2:?--theme needs a theme: light, dark or both}"; shift ;;
    --theme=*) theme="${1#--theme=}" ;;
    *) out="$1" ;;
  esac
  shift
done
case "$theme" in light|dark|both) ;; *) echo "--theme: light, dark or both" >&2; exit 2 ;; esac
suffix="${lang[1]:+-${lang[1]}}"
[[ "$theme" == dark ]] && suffix="$suffix-dark"
out="${out:-build/screenshots$suffix}"
command -v xvfb-run >/dev/null || { echo "xvfb-run not found: apt-get install xvfb" >&2; exit 1; }
# Without a colour-emoji font, emoji in the samples (and in people's answers) render as empty boxes.
if ! fc-list 2>/dev/null | grep -qi emoji; then
  echo "warning: no emoji font found (fc-list | grep -i emoji): emoji will show as empty boxes." >&2
  echo "  Debian/Ubuntu: apt-get install fonts-noto-color-emoji; Fedora: dnf install google-noto-color-emoji-fonts" >&2
fi
config="$(mktemp -d)"
trap 'rm -rf "$config"' EXIT
export WORKBENCH_KEYRING_SERVICE="cohere-workbench-screenshots-$$" QT_QPA_PLATFORM=xcb
shoot() {  # shoot THEME DIR
  local run=(xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m workbench "${demo[@]}"
    --screenshots "$2" --theme "$1" "${lang[@]}")
  # Fresh settings and keyring folders for each run, so the throwaway password opens it.
  export WORKBENCH_CONFIG_DIR="$config/$1" XDG_DATA_HOME="$config/$1/data"
  if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
    dbus-run-session -- sh -c 'printf "%s" screenshots | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' sh "${run[@]}"
  else
    "${run[@]}"
  fi
  ls -l "$2"/*.png
}
if [[ "$theme" == both ]]; then
  shoot light "$out"
  shoot dark "$out/dark"
else
  shoot "$theme" "$out"
fi
