#!/bin/sh
# Installs Debian's redis-server when it is missing (the Redis flow-control tests start their
# own redis-server on a free port; the package's service is not used and is left stopped).
set -eu
if command -v redis-server >/dev/null 2>&1; then
  redis-server --version
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# policy-rc.d answering 101 keeps the package's post-install from starting the service.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod +x /usr/sbin/policy-rc.d
  REMOVE_POLICY=1
fi
$SUDO apt-get install -y -qq --no-install-recommends redis-server
if [ "${REMOVE_POLICY:-0}" = "1" ]; then $SUDO rm -f /usr/sbin/policy-rc.d; fi
redis-server --version
