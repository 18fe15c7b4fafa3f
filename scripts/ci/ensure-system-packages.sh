#!/usr/bin/env bash
# Installs the Debian packages the test suite needs when they are missing:
#   python3-yaml  the second, independent YAML parser (PyYAML) the spec is checked with.
# Run by .ci/run; safe to run again (nothing is installed when everything is present).
set -euo pipefail
missing=()
python3 -c 'import yaml' 2>/dev/null || /usr/bin/python3 -c 'import yaml' 2>/dev/null || missing+=(python3-yaml)
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
echo "system packages: installing ${missing[*]}"
sudo_=""
[ "$(id -u)" -ne 0 ] && sudo_="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo_ apt-get update -qq
$sudo_ apt-get install -y -qq --no-install-recommends "${missing[@]}"
