#!/usr/bin/env bash
# Installs the Debian packages the build/run/test scripts need (Debian 12).
# Usage: .ci/prereqs.sh [--browser]   (--browser also installs chromium for UI tests)
set -euo pipefail

# poppler-utils (pdfsig, pdftoppm) and openssl: independent checks of sealed PDFs in the signing tests.
want=(postgresql fonts-noto-cjk poppler-utils openssl)
[[ "${1:-}" == "--browser" ]] && want+=(chromium)

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
for p in "${want[@]}"; do
  if [[ $p == postgresql ]]; then
    # Any versioned server package (postgresql-15, ...) is enough.
    if installed postgresql || dpkg-query -W -f='${Package} ${Status}\n' 'postgresql-[0-9]*' 2>/dev/null \
        | grep -q 'install ok installed'; then continue; fi
  elif installed "$p"; then continue; fi
  missing+=("$p")
done

if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "prereqs: missing Debian packages: ${missing[*]}" >&2
    echo "Run:  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "prereqs: installing ${missing[*]} ..."
  # Our scripts run their own clusters; do not let the package create/start the system 'main' cluster.
  if [[ ! -e /etc/postgresql-common/createcluster.conf ]]; then
    mkdir -p /etc/postgresql-common/createcluster.d
    echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.d/yiyang-no-main.conf
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
if [[ -z $bindir || ! -x $bindir/initdb ]]; then
  echo "prereqs: PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin" >&2
  exit 1
fi
