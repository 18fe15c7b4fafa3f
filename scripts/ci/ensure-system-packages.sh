#!/usr/bin/env bash
# Installs the Debian packages the test suite needs when they are missing:
#   python3-yaml  the second, independent YAML parser (PyYAML) the spec is checked with;
#   redis-server  the real server the Redis flow-control tests start (ensure-redis.sh).
# Run by .ci/run; safe to run again (nothing is installed when everything is present).
set -euo pipefail
here=$(dirname "$0")
if python3 -c 'import yaml' 2>/dev/null || /usr/bin/python3 -c 'import yaml' 2>/dev/null; then
  echo "python3-yaml: present"
else
  echo "python3-yaml: installing"
  sudo_=""
  [ "$(id -u)" -ne 0 ] && sudo_="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_ apt-get update -qq
  $sudo_ apt-get install -y -qq --no-install-recommends python3-yaml
fi
"$here/ensure-redis.sh"
