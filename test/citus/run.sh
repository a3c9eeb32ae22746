#!/usr/bin/env bash
# The Citus suite: recfair on a 3-node Citus cluster (a coordinator and two
# workers on loopback), with the tools the workplace provides in
# ../shared/tools: citus-install builds Citus 13.2.2 into the system's
# PostgreSQL 15 (minutes, once per machine) and citus-cluster starts the
# nodes.  Without those tools, or without root, or when recfair is not
# installed in the system's PostgreSQL 15 (a private install), it says so and
# skips: a user with Citus installs it as Citus documents
# (https://docs.citusdata.com) and runs test/citus/*.sql with pg_prove
# against a coordinator where recfair and pgtap are installed.
#
#   test/citus/run.sh      (scripts/test.sh runs it)
set -euo pipefail
cd "$(dirname "$0")/../.."
tools=${RECFAIR_CITUS_TOOLS:-$(cd .. && pwd)/shared/tools}
pg_config=/usr/lib/postgresql/15/bin/pg_config
if [ ! -x "$tools/citus-install" ] || [ ! -x "$tools/citus-cluster" ]; then
	echo "citus: no citus-install/citus-cluster in $tools: skipped"
	exit 0
fi
if [ "$(id -u)" != 0 ]; then
	echo "citus: citus-install needs root: skipped"
	exit 0
fi
if [ ! -x "$pg_config" ] || [ ! -f "$("$pg_config" --pkglibdir)/recfair.so" ] ||
	! cmp -s recfair.so "$("$pg_config" --pkglibdir)/recfair.so"; then
	echo "citus: this build of recfair is not installed in the system's PostgreSQL 15: skipped"
	exit 0
fi
"$tools/citus-install" | tail -1
work=$(mktemp -d "${TMPDIR:-/tmp}/recfair-citus.XXXXXX")
chmod 755 "$work"
trap '"$tools/citus-cluster" stop "$work/cluster" >/dev/null 2>&1; rm -rf "$work"' EXIT
"$tools/citus-cluster" start "$work/cluster"
. "$work/cluster/env"
# first an update and a drop with the model tables distributed, from 0.6.0 (test/citus/upgrade/)
psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION recfair VERSION '0.6.0'" -c 'CREATE EXTENSION pgtap'
pg_prove --failures test/citus/upgrade/*.sql
# then README's "Scaling out with Citus" commands (its ```sql citus blocks), in order
psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION recfair'
awk '/^```sql citus$/ { insql = 1; next } /^```$/ && insql { insql = 0; next } insql { print }' README.md \
	>"$work/readme-citus.sql"
[ -s "$work/readme-citus.sql" ] || { echo "citus: README.md has no sql citus block" >&2; exit 1; }
PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -f "$work/readme-citus.sql" >/dev/null
echo "citus: README's Scaling out with Citus commands ran"
pg_prove --failures test/citus/*.sql
