#!/usr/bin/env bash
# Debian's Chromium for the browser tests (tests/browser drive it through Playwright with
# executable_path; Playwright's own browser download is never used), and a CJK font so the
# Chinese pages and their screenshots show characters, not boxes. Installs only what is
# missing; safe to run twice; needs root (CI runs as root).
set -euo pipefail
pkgs=()
[ -x /usr/bin/chromium ] || pkgs+=(chromium)
[ -n "$(fc-list :lang=zh 2>/dev/null)" ] || pkgs+=(fonts-wqy-microhei)
if [ ${#pkgs[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
fi
echo "$(/usr/bin/chromium --version 2>/dev/null) ready at /usr/bin/chromium"
