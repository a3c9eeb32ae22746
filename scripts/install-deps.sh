#!/usr/bin/env bash
# Install the Debian packages recfair needs (build, server, tests), plus any
# named on the command line, when they are missing.  Needs root only when
# something is missing.
set -euo pipefail

packages=(make gcc postgresql-15 postgresql-server-dev-15 libopenblas-dev
	postgresql-15-pgtap pgtap libpostgresql-jdbc-java default-jdk-headless
	libpq-dev "$@")
missing=()
for pkg in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
		missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "install-deps: missing Debian packages: ${missing[*]}" >&2
	echo "install-deps: run this script as root, or: sudo apt-get install ${missing[*]}" >&2
	exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
