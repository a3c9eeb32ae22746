#!/usr/bin/env bash
# Citus benchmark: ALS (64 factors) trained on a Citus cluster by the
# aggregate engine, beside the in-memory engine on the same coordinator, on
# generated interactions (2M and 10M by default; users = n/50, items = n/200).
# For each size, in one run:
#   - seconds per iteration and end to end: the in-memory engine (its default
#     conjugate-gradient solver and the exact "cholesky" one, which the
#     aggregate engine's model equals) on a local copy, and the aggregate
#     engine on the distributed table; the ratio of each to in-memory;
#   - the aggregate engine on one node (options engine => 'aggregates' on the
#     local copy: parallel query, no Citus);
#   - bytes shipped between the nodes per iteration (two half-steps): TCP
#     payload to and from the workers' ports, captured with tcpdump on the
#     loopback interface around a 1- and a 3-iteration run (their difference
#     over 2), beside the size of the factors solved per iteration (users +
#     items, float4), and their ratio;
#   - on MovieLens-100k u1 (when present: $ML100K or ../shared/data/ml-100k,
#     whose licence forbids copying it here): NDCG@10 of the model trained
#     on the cluster and of the in-memory one with the same seed, and the
#     largest difference between their factors.
# The cluster is a coordinator and two workers on this machine's loopback,
# all sharing its cores: the ratios measure the overhead of the distributed
# path, not a speed-up.  docs/scaling.md extrapolates them.
#
# The cluster: with CITUS_ENV=DIR/env (PGHOST/PGPORT/... of a coordinator of
# yours, with recfair installed on every node) it uses that; otherwise it
# starts one with the workplace's citus-install and citus-cluster tools
# (../shared/tools, as test/citus/run.sh) and stops it at the end.  The
# capture on the loopback interface sees only a cluster on this machine.
#
#   bench/citus.sh [interactions ...]     (default 2000000 10000000; run as root)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=("${@:-2000000 10000000}")
read -r -a sizes <<<"${sizes[*]}"
iterations=5

tmp=$(mktemp -d /tmp/recfair-citus-bench.XXXXXX)
chmod 755 "$tmp"
cluster=
cleanup() {
	[ -z "$cluster" ] || "$tools/citus-cluster" stop "$cluster" >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT
if [ -n "${CITUS_ENV:-}" ]; then
	. "$CITUS_ENV"
else
	tools=${RECFAIR_CITUS_TOOLS:-$(cd "$root/.." && pwd)/shared/tools}
	if [ ! -x "$tools/citus-install" ] || [ ! -x "$tools/citus-cluster" ]; then
		echo "bench/citus.sh: no Citus cluster: set CITUS_ENV to a file that exports PGHOST, PGPORT, PGUSER" >&2
		echo "and PGDATABASE of a coordinator (with recfair installed on every node)" >&2
		exit 1
	fi
	"$root/scripts/install-deps.sh" >/dev/null
	. "$root/scripts/pg-env.sh"
	make -s -C "$root" >/dev/null
	make -s -C "$root" install >/dev/null
	"$tools/citus-install" | tail -1
	cluster=$tmp/cluster
	"$tools/citus-cluster" start "$cluster"
	. "$cluster/env"
fi
psql -qX -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -c "CREATE EXTENSION IF NOT EXISTS recfair"
echo "== $(psql -qXAt -c "SELECT 'PostgreSQL ' || current_setting('server_version') || '; Citus ' ||
	(SELECT extversion FROM pg_extension WHERE extname = 'citus') || '; ' ||
	(SELECT count(*) FROM pg_dist_node WHERE shouldhaveshards AND isactive) || ' workers; OpenBLAS core ' ||
	(recfair.build_info()->>'openblas_core')")"

command -v tcpdump >/dev/null || { apt-get update >/dev/null && apt-get install -y tcpdump >/dev/null; }
worker_ports=$(psql -qXAt -c "SELECT string_agg('tcp port ' || nodeport, ' or ') FROM pg_dist_node WHERE groupid <> 0")

shipped() {	# command... -> TCP payload bytes to and from the workers while it runs
	local pcap="$tmp/capture.pcap"
	tcpdump -i lo -B 262144 -nn -q -w "$pcap" "$worker_ports" 2>"$tmp/tcpdump.err" &
	local pid=$!
	sleep 1
	"$@" >/dev/null
	sleep 1
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	grep -q '^0 packets dropped by kernel' "$tmp/tcpdump.err" ||
		echo "bench/citus.sh: tcpdump dropped packets: $(grep dropped "$tmp/tcpdump.err")" >&2
	tcpdump -r "$pcap" -nn -q 2>/dev/null | awk '{ for (i = 1; i < NF; i++) if ($i == "tcp") s += $(i + 1) } END { print s + 0 }'
}

train() {	# model source iterations options -> "train_seconds training_seconds"
	psql -qX -v ON_ERROR_STOP=1 -At -F ' ' -c "SET client_min_messages = warning" -c "SET recfair.threads = 2" \
		-c "SELECT hyperparameters->>'train_seconds', training_seconds,
			coalesce(hyperparameters->>'engine', 'memory') FROM recfair.train('$1', '$2', weight_col => 'weight',
			factors => 64, iterations => $3, options => '$4')"
}

for n in "${sizes[@]}"; do
	users=$((n / 50))
	items=$((n / 200))
	echo "== $n interactions ($users users x $items items), 64 factors, $iterations iterations"
	psql -qX -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" \
		-c "DROP TABLE IF EXISTS bc_local, bc_dist, bc_users, bc_items" \
		-c "SELECT count(*) FROM recfair.generate_dataset('bc', $users, $items, $n)" \
		-c "DROP TABLE bc_users, bc_items" \
		-c "ALTER TABLE bc_interactions RENAME TO bc_local" \
		-c "CREATE TABLE bc_dist AS SELECT user_id, item_id, weight FROM bc_local" \
		-c "SELECT create_distributed_table('bc_dist', 'user_id')" \
		-c "SELECT truncate_local_data_after_distributing_table('bc_dist')" \
		-c "VACUUM ANALYZE bc_local" -c "CHECKPOINT" >/dev/null

	read -r cg_train cg_total _ < <(train bc_cg bc_local $iterations '{}')
	read -r ch_train ch_total _ < <(train bc_ch bc_local $iterations '{"solver": "cholesky"}')
	read -r ag_train ag_total engine < <(train bc_ag bc_dist $iterations '{}')
	[ "$engine" = aggregates ] || { echo "bench/citus.sh: the distributed source trained with $engine" >&2; exit 1; }
	read -r one_train one_total _ < <(train bc_one bc_local $iterations '{"engine": "aggregates"}')
	b1=$(shipped train bc_b1 bc_dist 1 '{}')
	b3=$(shipped train bc_b3 bc_dist 3 '{}')
	factor_bytes=$(psql -qXAt -c "SELECT (users + items) * factors * 4 FROM recfair.models WHERE name = 'bc_ag'")
	pairs=$(psql -qXAt -c "SELECT interactions FROM recfair.models WHERE name = 'bc_ag'")
	agree=$(psql -qXAt -c "SELECT round(max(abs(a - b))::numeric, 6) FROM recfair.item_factors x
		JOIN recfair.item_factors y USING (item_id),
		unnest(recfair.embedding_to_float8_array(x.factors), recfair.embedding_to_float8_array(y.factors)) z(a, b)
		WHERE x.model = 'bc_ch' AND y.model = 'bc_ag'")
	awk -v it=$iterations -v cg="$cg_train" -v cgt="$cg_total" -v ch="$ch_train" -v cht="$ch_total" \
		-v ag="$ag_train" -v agt="$ag_total" -v one="$one_train" -v onet="$one_total" -v b1="$b1" -v b3="$b3" \
		-v fb="$factor_bytes" -v agree="$agree" -v pairs="$pairs" -v cores="$(nproc)" 'BEGIN {
		printf "in-memory, cg (default)      %7.3f s/iteration   %7.2f s end to end\n", cg / it, cgt
		printf "in-memory, cholesky          %7.3f s/iteration   %7.2f s end to end\n", ch / it, cht
		printf "aggregate engine, one node   %7.3f s/iteration   %7.2f s end to end   (%.2fx cholesky, %.2fx cg)\n",
			one / it, onet, one / ch, one / cg
		printf "aggregate engine, Citus      %7.3f s/iteration   %7.2f s end to end   (%.2fx cholesky, %.2fx cg)\n",
			ag / it, agt, ag / ch, ag / cg
		per = (b3 - b1) / 2
		printf "per layout row and half-step (%d distinct pairs, %d cores): %.2f us of a core on Citus, %.2f in memory (cholesky)\n",
			pairs, cores, ag / it * cores / (2 * pairs) * 1e6, ch / it * cores / (2 * pairs) * 1e6
		printf "shipped per iteration        %7.1f MB  (to and from the workers, both half-steps; the factors they solve: %.1f MB; ratio %.2fx)\n",
			per / 1e6, fb / 1e6, per / fb
		printf "shipped to load              %7.1f MB  (sums, layouts, starting factors, the model: a 1-iteration run minus one iteration)\n", (b1 - per) / 1e6
		printf "max |item factor difference|, Citus vs in-memory cholesky: %s\n", agree
	}'
	psql -qX -c "SET client_min_messages = warning" \
		-c "SELECT recfair.drop_model(m) FROM unnest(ARRAY['bc_cg', 'bc_ch', 'bc_ag', 'bc_one', 'bc_b1', 'bc_b3']) m" \
		-c "DROP TABLE bc_local, bc_dist" >/dev/null
done

ml100k=${ML100K:-$root/../shared/data/ml-100k}
echo "== MovieLens-100k u1: the model trained on the cluster against the in-memory one (64 factors, 15 iterations, seed 42)"
if [ -f "$ml100k/u1.base" ]; then
	psql -qX -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" \
		-c "DROP TABLE IF EXISTS ml_base, ml_test, ml_dist" \
		-c "CREATE TABLE ml_base (user_id int, item_id int, rating int, ts bigint)" \
		-c "\\copy ml_base FROM '$ml100k/u1.base'" \
		-c "CREATE TABLE ml_test (user_id int, item_id int, rating int, ts bigint)" \
		-c "\\copy ml_test FROM '$ml100k/u1.test'" \
		-c "CREATE TABLE ml_dist AS SELECT * FROM ml_base" \
		-c "SELECT create_distributed_table('ml_dist', 'user_id')" \
		-c "SELECT truncate_local_data_after_distributing_table('ml_dist')" >/dev/null
	psql -qX -v ON_ERROR_STOP=1 -At -F ' ' <<'SQL'
SET client_min_messages = warning;
SELECT hyperparameters->>'engine' FROM recfair.train('ml_cluster', 'ml_dist', weight_col => 'rating', factors => 64, iterations => 15, regularization => 0.1, options => '{"confidence": "linear"}');
SELECT coalesce(hyperparameters->>'engine', 'memory') FROM recfair.train('ml_memory', 'ml_base', weight_col => 'rating', factors => 64, iterations => 15, regularization => 0.1, options => '{"solver": "cholesky", "confidence": "linear"}');
SELECT format('NDCG@10: cluster %s, in-memory %s, difference %s; max |factor difference| users %s, items %s',
	round(c.value::numeric, 4), round(m.value::numeric, 4), round(abs(c.value - m.value)::numeric, 5),
	(SELECT round(max(abs(a - b))::numeric, 6) FROM recfair.user_factors x JOIN recfair.user_factors y USING (user_id),
	 unnest(recfair.embedding_to_float8_array(x.factors), recfair.embedding_to_float8_array(y.factors)) z(a, b)
	 WHERE x.model = 'ml_cluster' AND y.model = 'ml_memory'),
	(SELECT round(max(abs(a - b))::numeric, 6) FROM recfair.item_factors x JOIN recfair.item_factors y USING (item_id),
	 unnest(recfair.embedding_to_float8_array(x.factors), recfair.embedding_to_float8_array(y.factors)) z(a, b)
	 WHERE x.model = 'ml_cluster' AND y.model = 'ml_memory'))
FROM recfair.evaluate('ml_cluster', 'ml_test', 10) c JOIN recfair.evaluate('ml_memory', 'ml_test', 10) m USING (metric)
WHERE metric = 'ndcg@10';
SQL
else
	echo "MovieLens-100k not found in $ml100k: skipped"
fi
