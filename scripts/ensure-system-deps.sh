#!/usr/bin/env bash
# The system programs the tests use: LibreOffice (renders each .docx for the format checker), Liberation fonts
# with Vietnamese glyphs, poppler's pdftotext, Chromium (end-to-end tests, print-to-PDF) and Debian's python3
# (the format checker). Installs the missing ones with apt-get when it may (root, or passwordless sudo);
# otherwise prints one line naming them and the command that installs them, and exits 1.
# Silent and quick when everything is there. Used by `npm test` (test/global-setup.ts) and by .ci/run.
set -uo pipefail

missing=()   # what the user lacks, in words
packages=()  # the Debian packages that provide it
need() { missing+=("$1"); packages+=("$2"); }

command -v soffice >/dev/null 2>&1 || need "soffice (LibreOffice)" libreoffice-writer-nogui
command -v pdftotext >/dev/null 2>&1 || need "pdftotext" poppler-utils
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] || need "$chromium" chromium
[ -x /usr/bin/python3 ] || need "/usr/bin/python3" python3
if command -v dpkg-query >/dev/null 2>&1; then
  [ "$(dpkg-query -W -f='${Status}' fonts-liberation2 2>/dev/null)" = "install ok installed" ] || need "fonts-liberation2" fonts-liberation2
elif ! fc-list 2>/dev/null | grep -q "Liberation Serif"; then
  need "Liberation fonts" fonts-liberation2
fi

[ ${#missing[@]} -eq 0 ] && exit 0

install_cmd="apt-get install -y --no-install-recommends ${packages[*]}"
printf -v list '%s, ' "${missing[@]}"; list=${list%, }

if [ "$EUID" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "Missing for the tests: $list. Install with: sudo $install_cmd" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing for the tests: $list. Install them with your package manager (Debian: $install_cmd)" >&2
  exit 1
fi

echo "Installing for the tests: ${packages[*]} (apt-get)…" >&2
export DEBIAN_FRONTEND=noninteractive
if ! { "${sudo[@]}" apt-get update -q >/dev/null && "${sudo[@]}" apt-get install -y -q --no-install-recommends "${packages[@]}" >/dev/null; }; then
  echo "apt-get could not install $list. Install with: sudo $install_cmd" >&2
  exit 1
fi
