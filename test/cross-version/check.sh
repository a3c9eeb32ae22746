#!/usr/bin/env bash
# Restore test/cross-version/models.sql (models dumped by PostgreSQL 15, see
# make-dump.sh) into a new database of the server under test, whatever its
# major, and check that every model serves the lists it served when it was
# dumped: the same items at the same ranks, scores equal to 5 significant
# digits (another OpenBLAS may sum in another order).
#
# Needs PGHOST/PGPORT/PGUSER of a server with recfair installed; creates and
# drops the database recfair_cross_version_restored.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PGOPTIONS='-c client_min_messages=warning'
db=recfair_cross_version_restored
trap 'psql -X -q -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true' EXIT
psql -X -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f test/cross-version/models.sql >/dev/null
result=$(psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" <<'SQL'
\i test/cross-version/served.sql
SELECT count(*) || ' rows, ' ||
	count(*) FILTER (WHERE n.item_id IS DISTINCT FROM d.item_id) || ' items differ, ' ||
	count(*) FILTER (WHERE abs(n.score - d.score) > 1e-5 * greatest(abs(d.score), 1e-3)) || ' scores differ'
FROM cross_version_lists d FULL JOIN served n USING (call, arg, rank);
SQL
)
server=$(psql -X -A -t -d "$db" -c 'SHOW server_version')
echo "cross-version: $(sed -n 1p test/cross-version/models.sql | sed 's/^-- Made by test\/cross-version\/make-dump.sh on //'), restored on PostgreSQL $server: $result"
case "$result" in
	*" 0 items differ, 0 scores differ") ;;
	*) echo "cross-version: the restored models serve other lists" >&2; exit 1 ;;
esac
