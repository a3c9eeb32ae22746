#!/usr/bin/env bash
# Serving large catalogs: pgbench with 2 clients on generated catalogs (64
# factors), for each size side by side in the same run:
#  - requests/s leave out each connection's first request (it maps or
#    loads the model and reads the item groups);
#  - recommend(uid, 10) scoring every item (recfair.exact_search = on),
#    with the int8 copy (the default without an index: candidates
#    re-scored exactly), and with the model's item index (build_index(),
#    default probes); recommend_fair(uid, 10, 'price_tier') exactly and
#    with the index, and recommend_fair(uid, 10, 'brand') with the index:
#    requests/s and average latency; recall@10 of the int8 copy;
#  - requests/s of the indexed lists and their recall@10 against the
#    exact ones over 1,000 users (200 above 1M items), with the default
#    probes and with a half and a quarter of them;
#  - a backend's private (RssAnon) and shared (RssShmem) memory from /proc
#    before and after its first recommend() on the model, once another
#    backend loaded it (recfair.shared_cache_size: one copy per server);
#  - recommend_all(): every user's top 10 into a table, users/s.
# pgvector's HNSW over the same factors runs beside them when the server
# has the extension, or PGVECTOR_SRC names a pgvector source tree to build
# and install (recfair does not ship it); without it, that part is
# skipped. HNSW is measured at each hnsw.ef_search in HNSW_EF_SEARCH
# (default 40 100 400 1000): requests/s and recall@10, so the two can be
# compared at equal recall.
#
#   bench/serving.sh [items ...] [-- seconds]   (default 100000 1000000, 15 s per side; run as root)
#   PGVECTOR_SRC=<pgvector source> HNSW_MAX_ITEMS=10000000 bench/serving.sh 10000000 -- 30
#       also builds pgvector's HNSW at 10M items (skipped above 1M by default: about an hour here)
#   BATCH=0 bench/serving.sh ...   leaves out the batch target (its training takes minutes)
. "$(dirname "$0")/common.sh"
sizes=()
secs=15
while [ $# -gt 0 ]; do
	if [ "$1" = "--" ]; then secs=$2; shift 2; continue; fi
	sizes+=("$1"); shift
done
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
if [ -n "${PGVECTOR_SRC:-}" ]; then
	make -s -C "$PGVECTOR_SRC" PG_CONFIG="$PG_CONFIG" >/dev/null && make -s -C "$PGVECTOR_SRC" PG_CONFIG="$PG_CONFIG" install >/dev/null
fi
has_vector=$(psql -qXAt -c "SELECT count(*) FROM pg_available_extensions WHERE name = 'vector'")
# room for one 10M-item model in shared memory (3.4 GB with its int8 copy)
psql -qX -c "ALTER SYSTEM SET recfair.shared_cache_size = '8GB'" -c "SELECT pg_reload_conf()" >/dev/null

# requests/s and average latency of a script on 2 clients, each connection's first request left out
# (it maps or loads the model and reads the item groups: seconds for millions of items), from
# pgbench's per-request log
tps() {	# script [PGOPTIONS]
	rm -f "$1".log.*
	PGOPTIONS="${2:-}" pgbench -n -c 2 -j 2 -T "$secs" -f "$1" -l --log-prefix="$1.log" >/dev/null 2>&1 || return 1
	cat "$1".log.* | awk '
		{ c = $1; end = $5 + $6 / 1e6
		  if (!(c in first)) { first[c] = end; next }
		  n[c]++; last[c] = end; lat += $3; total++ }
		END { for (c in n) if (last[c] > first[c]) rate += n[c] / (last[c] - first[c])
		      printf "%.1f %.3f\n", rate, total ? lat / total / 1000 : 0 }' >"$1.result"
	cut -d" " -f1 "$1.result"
}
latency() {	# script (after tps ran it)
	cut -d" " -f2 "$1.result"
}

for n in "${sizes[@]}"; do
	m="cat_$n"
	samples=$(( n > 1000000 ? 200 : 1000 ))	# users for recall@10 (exact scoring of 10M items is slow)
	interactions=$(( n * 3 > 3000000 ? n * 3 : 3000000 ))
	psql -qX -v ON_ERROR_STOP=1 >/dev/null <<SQL
SET client_min_messages = warning;
SET recfair.max_training_memory = '16GB';
SET recfair.training_memory_limit = '16GB';
SELECT FROM recfair.generate_dataset('g$n', 50000, $n, $interactions);
SELECT FROM recfair.train('$m', 'g${n}_interactions', weight_col => 'weight', factors => 64, iterations => 5,
	items => 'g${n}_items');
CREATE TABLE users_$n AS
	SELECT row_number() OVER (ORDER BY user_id) AS n, user_id FROM recfair.user_factors WHERE model = '$m';
CREATE UNIQUE INDEX ON users_$n (n);
SQL
	nusers=$(psql -qXAt -c "SELECT count(*) FROM users_$n")
	echo "== $(psql -qXAt -c "SELECT items || ' items x ' || factors || ' factors, ' || users || ' users' FROM recfair.models WHERE name = '$m'")"
	# fair lists by price tier (3 groups: the re-ranker moves items) and by brand (503: too many for
	# one list of 10, which it leaves as it was, with a NOTICE)
	for f in recommend fair brand; do
		call="recfair.recommend(u.user_id, 10, '$m')"
		[ $f = fair ] && call="recfair.recommend_fair(u.user_id, 10, 'price_tier', '$m')"
		[ $f = brand ] && call="recfair.recommend_fair(u.user_id, 10, 'brand', '$m')"
		printf '\\set n random(1, %s)\nSELECT r.* FROM users_%s u, %s r WHERE u.n = :n;\n' "$nusers" "$n" "$call" \
			>"$bench_dir/$f.sql"
	done
	# without an index: every item exactly, then the int8 copy (candidates re-scored exactly);
	# one request first loads the model into the server's shared copy
	psql -qXAt -c "SELECT count(*) FROM recfair.recommend(1, 10, '$m')" >/dev/null
	exact=$(tps "$bench_dir/recommend.sql" "-c recfair.exact_search=on") || exit 1
	exact_ms=$(latency "$bench_dir/recommend.sql")
	quant=$(tps "$bench_dir/recommend.sql") || exit 1
	quant_ms=$(latency "$bench_dir/recommend.sql")
	fexact=$(tps "$bench_dir/fair.sql" "-c recfair.exact_search=on") || exit 1
	fexact_ms=$(latency "$bench_dir/fair.sql")
	psql -qXAt -v ON_ERROR_STOP=1 <<SQL
SET client_min_messages = warning;
CREATE TEMP TABLE sample AS SELECT user_id FROM users_$n WHERE n % greatest($nusers / $samples, 1) = 0 LIMIT $samples;
SET recfair.exact_search = on;
CREATE TEMP TABLE exact AS SELECT s.user_id, r.item_id FROM sample s, recfair.recommend(s.user_id, 10, '$m') r;
RESET recfair.exact_search;
SELECT 'recall@10 of the int8 copy against every item: ' || round((SELECT count(*) FROM sample s, recfair.recommend(s.user_id, 10, '$m') r
	JOIN exact e ON e.item_id = r.item_id WHERE e.user_id = s.user_id)::numeric / (SELECT count(*) FROM exact), 4);
SQL
	echo "build_index: $(psql -qXAt -F ' ' -c "SET recfair.max_training_memory = '16GB'" -c "SET recfair.training_memory_limit = '16GB'" \
		-c "SELECT list_count || ' lists in ' || round(seconds::numeric, 1) || ' s' FROM recfair.build_index('$m')")"
	psql -qXAt -c "SELECT count(*) FROM recfair.recommend(1, 10, '$m')" >/dev/null
	indexed=$(tps "$bench_dir/recommend.sql") || exit 1
	indexed_ms=$(latency "$bench_dir/recommend.sql")
	findexed=$(tps "$bench_dir/fair.sql") || exit 1
	findexed_ms=$(latency "$bench_dir/fair.sql")
	bindexed=$(tps "$bench_dir/brand.sql") || exit 1
	bindexed_ms=$(latency "$bench_dir/brand.sql")
	printf '%-44s %10s %12s\n' "" "requests/s" "latency ms"
	printf '%-44s %10s %12s\n' "recommend, every item" "$exact" "$exact_ms" "recommend, int8 copy" "$quant" "$quant_ms" \
		"recommend, item index" "$indexed" "$indexed_ms" \
		"recommend_fair price_tier, every item" "$fexact" "$fexact_ms" \
		"recommend_fair price_tier, item index" "$findexed" "$findexed_ms" \
		"recommend_fair brand, item index" "$bindexed" "$bindexed_ms"
	awk -v a="$indexed" -v b="$exact" -v q="$quant" -v c="$findexed_ms" -v d="$indexed_ms" -v e="$bindexed_ms" \
		'BEGIN { printf "int8 copy / every item: %.1fx requests/s; index / every item: %.1fx; recommend_fair / recommend latency with the index: %.2fx (price_tier), %.2fx (brand)\n", q / b, a / b, c / d, e / d }'

	# the index's requests/s and recall@10 against exact lists with the default probes, a half and a quarter of them
	psql -qX -v ON_ERROR_STOP=1 >/dev/null <<SQL
SET client_min_messages = warning;
CREATE TABLE isample_$n AS SELECT user_id FROM users_$n WHERE n % greatest($nusers / $samples, 1) = 0 LIMIT $samples;
SET recfair.exact_search = on;
CREATE TABLE iexact_$n AS SELECT s.user_id, r.item_id FROM isample_$n s, recfair.recommend(s.user_id, 10, '$m') r;
SQL
	read -r lists probes < <(psql -qXAt -F ' ' -c "SELECT lists, greatest(16, lists / 64) FROM recfair.item_index WHERE model = '$m'")
	for p in "$probes" $(( probes / 2 > 1 ? probes / 2 : 1 )) $(( probes / 4 > 1 ? probes / 4 : 1 )); do
		if [ "$p" = "$probes" ]; then
			rate=$indexed; ms=$indexed_ms
		else
			rate=$(tps "$bench_dir/recommend.sql" "-c recfair.index_probes=$p") || exit 1
			ms=$(latency "$bench_dir/recommend.sql")
		fi
		recall=$(psql -qXAt -v ON_ERROR_STOP=1 -c "SET recfair.index_probes = $p" -c "
SELECT round(count(*)::numeric / (SELECT count(*) FROM iexact_$n), 4)
FROM isample_$n s CROSS JOIN LATERAL recfair.recommend(s.user_id, 10, '$m') r
JOIN iexact_$n e ON e.item_id = r.item_id AND e.user_id = s.user_id")
		echo "recommend, item index, $p of $lists lists$([ "$p" = "$probes" ] && echo " (default)"): $rate requests/s, $ms ms, recall@10 against every item $recall"
	done
	psql -qX -c "DROP TABLE isample_$n, iexact_$n"

	# a backend that serves the model after another loaded it (the shared copy when there is one)
	psql -qXAt -c "SELECT count(*) FROM recfair.recommend(1, 10, '$m')" >/dev/null
	psql -qX -v ON_ERROR_STOP=1 <<SQL
SELECT pg_backend_pid() AS pid \gset
\setenv BENCH_PID :pid
\! echo "backend memory before its first recommend(): \$(grep -E 'RssAnon|RssShmem' /proc/\$BENCH_PID/status | tr -s ' \t\n' ' ')"
SELECT count(*) AS rows FROM recfair.recommend(1, 10, '$m') \gset
\! echo "backend memory after it (RssAnon private, RssShmem shared): \$(grep -E 'RssAnon|RssShmem' /proc/\$BENCH_PID/status | tr -s ' \t\n' ' ')"
SELECT 'shared copies: ' || coalesce(string_agg(model || ' ' || pg_size_pretty(bytes), ', '), 'none') AS shared FROM recfair.shared_models() \gset
\echo :shared
SQL

	if [ "$n" -le 1000000 ]; then
		psql -qXAt -F ' ' -v ON_ERROR_STOP=1 -c "SET recfair.threads = 2" \
			-c "SELECT 'recommend_all: ' || users || ' users x top 10 in ' || round(extract(epoch FROM clock_timestamp() - now())::numeric, 1) || ' s, ' || round(users / extract(epoch FROM clock_timestamp() - now())::numeric) || ' users/s' FROM recfair.recommend_all('$m', 10, 'recs_$n')"
	else
		echo "recommend_all: skipped above 1M items (50,000 users x every item exactly: minutes)"
		psql -qX -c "CREATE TABLE recs_$n ()"
	fi

	if [ "$has_vector" = 1 ] && [ "$n" -gt "${HNSW_MAX_ITEMS:-1000000}" ]; then
		echo "pgvector: HNSW skipped above ${HNSW_MAX_ITEMS:-1000000} items (its build took 100-115 s at 744k items here; HNSW_MAX_ITEMS raises the bound)"
	elif [ "$has_vector" = 1 ]; then
		# pgvector's HNSW (vector_ip_ops, default m and ef_construction) over the same factors; it cannot
		# leave out seen items, so its recall (and recfair's beside it) is against exact lists that keep them
		psql -qX -v ON_ERROR_STOP=1 >/dev/null <<SQL
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE vec_$n AS SELECT item_id, factors::text::vector(64) AS v FROM recfair.item_factors WHERE model = '$m';
CREATE TABLE uvec_$n AS SELECT u.n, f.factors::text::vector(64) AS v
	FROM users_$n u JOIN recfair.user_factors f ON f.model = '$m' AND f.user_id = u.user_id;
CREATE UNIQUE INDEX ON uvec_$n (n);
SQL
		# the graph held in memory while it is built: about 1 kB per item (pgvector says so in a
		# NOTICE, and builds far slower on disk, when it does not fit)
		mwm=$(( n > 1000000 ? 12 : 4 ))GB
		start=$(date +%s.%N)
		psql -qX -v ON_ERROR_STOP=1 -c "SET maintenance_work_mem = '$mwm'" -c "CREATE INDEX ON vec_$n USING hnsw (v vector_ip_ops)"
		echo "pgvector HNSW build (maintenance_work_mem $mwm): $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
		psql -qXAt -v ON_ERROR_STOP=1 <<SQL
SET client_min_messages = warning;
CREATE TABLE sample_$n AS SELECT n, user_id FROM users_$n WHERE n % greatest($nusers / $samples, 1) = 0 LIMIT $samples;
SET recfair.exact_search = on;
CREATE TABLE exact_$n AS SELECT s.n, r.item_id FROM sample_$n s, recfair.recommend(s.user_id, 10, '$m', exclude_seen => false) r;
RESET recfair.exact_search;
SELECT 'recall@10 of recfair''s item index against exact lists with seen items: ' || round(count(*)::numeric / (SELECT count(*) FROM exact_$n), 4)
FROM sample_$n s CROSS JOIN LATERAL recfair.recommend(s.user_id, 10, '$m', exclude_seen => false) r
JOIN exact_$n e ON e.item_id = r.item_id AND e.n = s.n;
SQL
		# HNSW's recall grows with hnsw.ef_search (default 40, at most 1000): requests/s and recall@10
		# at each, to compare with recfair's index at equal recall
		for ef in ${HNSW_EF_SEARCH:-40 100 400 1000}; do
			printf '\\set n random(1, %s)\nSELECT i.item_id FROM vec_%s i ORDER BY i.v <#> (SELECT v FROM uvec_%s WHERE n = :n) LIMIT 10;\n' \
				"$nusers" "$n" "$n" >"$bench_dir/hnsw.sql"
			hnsw=$(tps "$bench_dir/hnsw.sql" "-c hnsw.ef_search=$ef") || exit 1
			recall=$(psql -qXAt -v ON_ERROR_STOP=1 -c "SET hnsw.ef_search = $ef" -c "
SELECT round(count(*)::numeric / (SELECT count(*) FROM exact_$n), 4)
FROM sample_$n s CROSS JOIN LATERAL (SELECT i.item_id FROM vec_$n i ORDER BY i.v <#> (SELECT v FROM uvec_$n WHERE n = s.n) LIMIT 10) h
JOIN exact_$n e ON e.item_id = h.item_id AND e.n = s.n")
			echo "pgvector HNSW, ef_search $ef: $hnsw requests/s, $(latency "$bench_dir/hnsw.sql") ms, recall@10 $recall (recfair's item index: $indexed requests/s)"
		done
		psql -qX -c "DROP TABLE sample_$n, exact_$n"
		psql -qX -c "DROP TABLE vec_$n, uvec_$n"
	else
		echo "pgvector: not installed on this server (not in Debian 12's archive; PGVECTOR_SRC=<its source> builds it): its HNSW column is skipped"
	fi
	psql -qX -c "DROP TABLE recs_$n, users_$n, g${n}_interactions" -c "SELECT recfair.drop_model('$m')" >/dev/null
done

# the batch target: every user of the 10M-interaction set (200k users x 50k items), top 10
[ "${BATCH:-1}" = 0 ] && exit 0
psql -qX -v ON_ERROR_STOP=1 >/dev/null <<SQL
SET client_min_messages = warning;
SELECT FROM recfair.generate_dataset('batch', 200000, 50000, 10000000);
SELECT FROM recfair.train('batch', 'batch_interactions', weight_col => 'weight', factors => 64);
SQL
echo "== batch: $(psql -qXAt -c "SELECT items || ' items x ' || factors || ' factors, ' || users || ' users' FROM recfair.models WHERE name = 'batch'")"
psql -qXAt -v ON_ERROR_STOP=1 -c "SET recfair.threads = 2" \
	-c "SELECT 'recommend_all: ' || users || ' users x top 10 (' || rows || ' rows) in ' || round(extract(epoch FROM clock_timestamp() - now())::numeric, 1) || ' s' FROM recfair.recommend_all('batch', 10, 'batch_recs')"
