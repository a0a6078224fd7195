#!/usr/bin/env bash
# Add Cohere Workbench to the desktop's application menu for this user (freedesktop.org layout):
#   packaging/install-desktop-entry.sh        (needs `workbench` on PATH, e.g. via pipx)
set -euo pipefail
cd "$(dirname "$0")"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
install -Dm644 cohere-workbench.desktop "$data/applications/cohere-workbench.desktop"
install -Dm644 cohere-workbench.svg "$data/icons/hicolor/scalable/apps/cohere-workbench.svg"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
echo "installed: $data/applications/cohere-workbench.desktop"
