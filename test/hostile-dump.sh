#!/usr/bin/env bash
# Every kind of hostile training input, then pg_dump and pg_restore: each
# input either trains a model or fails with an SQLSTATE of the 22 class
# (data exception), the server stays up, and the database restores into a
# new one with every model row and factor identical.  A NaN factor would
# dump fine and fail to restore, which is why nothing non-finite is stored.
#
# Needs PGHOST/PGPORT/PGUSER of a server with recfair installed (the test
# cluster); creates and drops the databases recfair_hostile and
# recfair_hostile_restored.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d "${TMPDIR:-/tmp}/recfair-hostile.XXXXXX")
trap 'rm -rf "$work"; psql -X -q -c "DROP DATABASE IF EXISTS recfair_hostile" -c "DROP DATABASE IF EXISTS recfair_hostile_restored" >/dev/null 2>&1 || true' EXIT
export PGOPTIONS='-c client_min_messages=warning'
psql -X -q -v ON_ERROR_STOP=1 -c 'DROP DATABASE IF EXISTS recfair_hostile' -c 'CREATE DATABASE recfair_hostile'
db() { psql -X -q -v ON_ERROR_STOP=1 -d recfair_hostile "$@"; }
db -c 'CREATE EXTENSION recfair'

db <<'SQL'
CREATE TABLE base AS
SELECT u AS user_id, i AS item_id, (1 + (u * i) % 5)::real AS weight
FROM generate_series(1, 60) u, generate_series(1, 40) i WHERE (u * 7 + i * 3) % 4 = 0;
CREATE TABLE items AS SELECT i AS item_id, 'brand ' || i % 4 AS brand FROM generate_series(1, 40) i;
-- name | source | extra train() arguments
CREATE TABLE hostile (name text, source text, args text);
INSERT INTO hostile VALUES
	('one_huge_weight', $$SELECT user_id, item_id, CASE WHEN user_id = 1 AND item_id = 4 THEN 1e25 ELSE weight END AS weight FROM base$$, $$weight_col => 'weight'$$),
	('max_float_weights', $$SELECT user_id, item_id, 3.4e38::real AS weight FROM base$$, $$weight_col => 'weight'$$),
	('pair_sum_overflows', $$SELECT user_id, item_id, 3e38::real AS weight FROM base UNION ALL SELECT user_id, item_id, 3e38::real FROM base$$, $$weight_col => 'weight'$$),
	('nan_weight', $$SELECT user_id, item_id, CASE WHEN user_id = 2 THEN 'NaN'::real ELSE weight END AS weight FROM base$$, $$weight_col => 'weight'$$),
	('inf_weight', $$SELECT user_id, item_id, CASE WHEN user_id = 2 THEN 'Infinity'::real ELSE weight END AS weight FROM base$$, $$weight_col => 'weight'$$),
	('negative_weight', $$SELECT user_id, item_id, -weight AS weight FROM base$$, $$weight_col => 'weight'$$),
	('denormal_weights', $$SELECT user_id, item_id, 1e-45::real AS weight FROM base$$, $$weight_col => 'weight'$$),
	('huge_alpha', 'base', $$weight_col => 'weight', options => '{"alpha": 1000000}'$$),
	('huge_alpha_huge_weight', $$SELECT user_id, item_id, weight * 1e30 AS weight FROM base$$, $$weight_col => 'weight', options => '{"alpha": 1000000}'$$),
	('no_regularization', 'base', $$factors => 64, regularization => 0$$),
	('no_regularization_cholesky', 'base', $$factors => 64, regularization => 0, options => '{"solver": "cholesky"}'$$),
	('explicit_huge_rating', $$SELECT user_id, item_id, CASE WHEN user_id = 3 THEN 1e30 ELSE weight END AS weight FROM base$$, $$weight_col => 'weight', algorithm => 'als_explicit', regularization => 0.1$$),
	('explicit_tiny_regularization', 'base', $$weight_col => 'weight', algorithm => 'als_explicit', regularization => 1e-30$$),
	('extreme_ids', $$SELECT CASE WHEN user_id = 1 THEN -9223372036854775808 ELSE user_id END AS user_id, CASE WHEN item_id = 1 THEN 9223372036854775807 ELSE item_id END AS item_id FROM base$$, ''),
	('popularity_extreme', $$SELECT user_id, item_id, 3.4e38::real AS weight FROM base$$, $$weight_col => 'weight', algorithm => 'popularity'$$),
	('many_factors', 'base', $$factors => 1024$$),
	('plain_als', 'base', $$weight_col => 'weight', items => 'items'$$),
	('plain_explicit', 'base', $$weight_col => 'weight', algorithm => 'als_explicit', regularization => 0.1$$);

-- each attempt in its own subtransaction; the outcome is trained or an SQLSTATE
CREATE TABLE outcome (name text, sqlstate text, message text);
DO $$
DECLARE
	h record;
	state text;
	msg text;
BEGIN
	FOR h IN SELECT * FROM hostile LOOP
		BEGIN
			-- a table name or a query, each through its own argument
			EXECUTE format('SELECT recfair.train(%L, %s => %L, iterations => 3%s)', h.name,
						   CASE WHEN h.source ~ '^SELECT' THEN 'source_query' ELSE 'source' END, h.source,
						   CASE WHEN h.args = '' THEN '' ELSE ', ' || h.args END);
			INSERT INTO outcome VALUES (h.name, 'trained', NULL);
		EXCEPTION WHEN OTHERS THEN
			GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
			INSERT INTO outcome VALUES (h.name, state, msg);
		END;
	END LOOP;
END $$;
SQL

db -A -F ' | ' -t -c 'SELECT name, sqlstate, coalesce(message, $$$$) FROM outcome ORDER BY name' | tee "$work/outcome"
bad=$(db -A -t -c "SELECT string_agg(name || ' (' || sqlstate || ')', ', ') FROM outcome
	WHERE sqlstate <> 'trained' AND sqlstate NOT LIKE '22%'")
if [ -n "$bad" ]; then
	echo "hostile-dump: an input failed with an SQLSTATE outside class 22: $bad" >&2
	exit 1
fi
for must in plain_als plain_explicit extreme_ids; do
	grep -q "^$must | trained" "$work/outcome" || { echo "hostile-dump: $must did not train" >&2; exit 1; }
done
for must in nan_weight inf_weight negative_weight; do
	grep -q "^$must | 22" "$work/outcome" || { echo "hostile-dump: $must was not refused" >&2; exit 1; }
done

# every model restores, row for row
pg_dump -Fc -d recfair_hostile -f "$work/dump"
psql -X -q -v ON_ERROR_STOP=1 -c 'DROP DATABASE IF EXISTS recfair_hostile_restored' -c 'CREATE DATABASE recfair_hostile_restored'
pg_restore --exit-on-error -d recfair_hostile_restored "$work/dump"
fingerprint() {
	psql -X -A -t -v ON_ERROR_STOP=1 -d "$1" -c "
		SELECT (SELECT count(*) FROM recfair.models) || ' models, ' ||
			   (SELECT count(*) FROM recfair.user_factors) || ' user rows, ' ||
			   (SELECT count(*) FROM recfair.item_factors) || ' item rows, ' ||
			   md5((SELECT string_agg(m::text, '|' ORDER BY name) FROM recfair.models m) ||
				   (SELECT string_agg(f::text, '|' ORDER BY model, user_id) FROM recfair.user_factors f) ||
				   (SELECT string_agg(f::text, '|' ORDER BY model, item_id) FROM recfair.item_factors f))"
}
before=$(fingerprint recfair_hostile)
after=$(fingerprint recfair_hostile_restored)
echo "hostile-dump: before $before"
echo "hostile-dump: after  $after"
[ "$before" = "$after" ] || { echo "hostile-dump: the restored models differ" >&2; exit 1; }
trained=$(grep -c '| trained' "$work/outcome")
echo "hostile-dump: $trained of $(wc -l <"$work/outcome") hostile inputs trained, the rest refused with class 22; dump restored identical"
