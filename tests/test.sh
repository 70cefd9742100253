#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine with the .NET 10 SDK, then runs every test.
# Browser tests drive Debian's Chromium (/usr/bin/chromium); Chinese text needs the Noto CJK fonts.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

missing=()
for package in chromium fonts-noto-cjk; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

dotnet restore Digest.sln
dotnet build Digest.sln -c Release --no-restore
dotnet test Digest.sln -c Release --no-build "$@"
