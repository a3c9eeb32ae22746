#!/usr/bin/env bash
# Serving benchmark, pgbench with 2 clients on a model with 100k items x 64
# factors, ratios from the same run:
#  - recfair.recommend(uid, 10) against the exact SQL scan over the same factors
#      SELECT item_id FROM recfair.item_factors WHERE model = ...
#      ORDER BY factors <#> (the user's factors) LIMIT 10
#  - recfair.recommend_fair(uid, 10, 'brand') against recommend(uid, 10):
#    latency (the generated catalog has 53 brands, so every list pulls items
#    from outside the top candidates).
#
#   bench/recommend.sh [seconds per side]   (default 20; run as root)
. "$(dirname "$0")/common.sh"
secs=${1:-20}

psql -qX -v ON_ERROR_STOP=1 <<'SQL'
SET client_min_messages = warning;
SELECT count(*) FROM recfair.generate_dataset('b', 50000, 101000, 3000000);
SELECT name, items, factors FROM recfair.train('bench', 'b_interactions', weight_col => 'weight',
	factors => 64, iterations => 5, items => 'b_items');
-- users drawn by pgbench come from the trained ones, so both sides always score
CREATE TABLE bench_users AS
	SELECT row_number() OVER (ORDER BY user_id) AS n, user_id FROM recfair.user_factors WHERE model = 'bench';
CREATE UNIQUE INDEX ON bench_users (n);
SQL
nusers=$(psql -qXAt -c "SELECT count(*) FROM bench_users")
echo "== model: $(psql -qXAt -c "SELECT items || ' items x ' || factors || ' factors, ' || users || ' users' FROM recfair.models WHERE name = 'bench'")"

cat >"$bench_dir/recommend.sql" <<SQL
\set n random(1, $nusers)
SELECT r.* FROM bench_users u, recfair.recommend(u.user_id, 10, 'bench') r WHERE u.n = :n;
SQL
cat >"$bench_dir/scan.sql" <<SQL
\set n random(1, $nusers)
SELECT i.item_id FROM recfair.item_factors i
WHERE i.model = 'bench'
ORDER BY i.factors OPERATOR(recfair.<#>) (SELECT f.factors FROM bench_users u JOIN recfair.user_factors f
	ON f.model = 'bench' AND f.user_id = u.user_id WHERE u.n = :n)
LIMIT 10;
SQL

cat >"$bench_dir/fair.sql" <<SQL
\set n random(1, $nusers)
SELECT r.* FROM bench_users u, recfair.recommend_fair(u.user_id, 10, 'brand', 'bench') r WHERE u.n = :n;
SQL

tps() {	# script
	pgbench -n -c 2 -j 2 -T "$secs" -f "$1" 2>&1 | tee "$1.log" | sed -n 's/^tps = \([0-9.]*\).*/\1/p'
}
latency() {	# script (after tps ran it)
	sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' "$1.log"
}
rec=$(tps "$bench_dir/recommend.sql") || { cat "$bench_dir/recommend.sql.log"; exit 1; }
scan=$(tps "$bench_dir/scan.sql") || { cat "$bench_dir/scan.sql.log"; exit 1; }
echo "recommend(uid, 10):         $rec tps"
echo "ORDER BY <#> LIMIT 10 scan: $scan tps"
awk -v a="$rec" -v b="$scan" 'BEGIN { printf "ratio: %.1fx\n", a / b }'
tps "$bench_dir/fair.sql" >/dev/null || { cat "$bench_dir/fair.sql.log"; exit 1; }
rec_ms=$(latency "$bench_dir/recommend.sql")
fair_ms=$(latency "$bench_dir/fair.sql")
echo "latency: recommend $rec_ms ms, recommend_fair(uid, 10, 'brand') $fair_ms ms"
awk -v a="$fair_ms" -v b="$rec_ms" 'BEGIN { printf "recommend_fair / recommend latency: %.2fx\n", a / b }'
