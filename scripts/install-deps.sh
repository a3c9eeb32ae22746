#!/usr/bin/env bash
# Install the Debian packages recfair needs (build, server, tests), plus any
# named on the command line, when they are missing.  Needs root only when
# something is missing.  The PostgreSQL major is the distribution's (15 on
# Debian 12, 17 on Debian 13, 18 on testing), or RECFAIR_PG_MAJOR, or that
# of PG_CONFIG (scripts/pg-env.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/pg-env.sh" 2>/dev/null || true

major=$(recfair_pg_major)
if [ -z "$major" ] && [ "$(id -u)" = 0 ]; then
	# a fresh system may not have read its package lists yet
	apt-get update -qq
	major=$(recfair_pg_major)
fi
if [ -z "$major" ]; then
	echo "install-deps: cannot tell which PostgreSQL to use; set RECFAIR_PG_MAJOR (such as 17)" >&2
	exit 1
fi

packages=(make gcc "postgresql-$major" "postgresql-server-dev-$major" libopenblas-dev libpq-dev
	"postgresql-$major-pgtap" pgtap libpostgresql-jdbc-java default-jdk-headless "$@")
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
