#!/usr/bin/env bash
# Citus benchmark: ALS (64 factors) trained on a Citus cluster by the
# aggregate engine, beside the in-memory engine on the same coordinator, on
# generated interactions (2M and 10M by default; users = n/50, items = n/200).
# For each size, in one run:
#   - seconds per iteration and end to end: the in-memory engine (its default
#     conjugate-gradient solver and the exact "cholesky" one, which the
#     aggregate engine's model equals) on a local copy, and the aggregate
#     engine on the distributed table; the ratio of each to in-memory;
#   - bytes shipped between the nodes per iteration (two half-steps), from
#     the loopback interface's counters around a 1- and a 3-iteration run
#     (their difference over 2), beside the size of the factors solved per
#     iteration (users + items, float4), and their ratio.
# The cluster is a coordinator and two workers on this machine's loopback,
# all sharing its cores: the ratios measure the overhead of the distributed
# path, not a speed-up.  docs/scaling.md extrapolates them.
#
# The cluster: with CITUS_ENV=DIR/env (PGHOST/PGPORT/... of a coordinator of
# yours, with recfair installed on every node) it uses that; otherwise it
# starts one with the workplace's citus-install and citus-cluster tools
# (../shared/tools, as test/citus/run.sh) and stops it at the end.  The
# loopback counters count only a cluster on this machine.
#
#   bench/citus.sh [interactions ...]     (default 2000000 10000000; run as root)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=("${@:-2000000 10000000}")
read -r -a sizes <<<"${sizes[*]}"
iterations=5

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
	work=$(mktemp -d /tmp/recfair-citus-bench.XXXXXX)
	chmod 755 "$work"
	trap '"$tools/citus-cluster" stop "$work/cluster" >/dev/null 2>&1; rm -rf "$work"' EXIT
	"$tools/citus-cluster" start "$work/cluster"
	. "$work/cluster/env"
fi
psql -qX -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -c "CREATE EXTENSION IF NOT EXISTS recfair"
echo "== $(psql -qXAt -c "SELECT 'PostgreSQL ' || current_setting('server_version') || '; Citus ' ||
	(SELECT extversion FROM pg_extension WHERE extname = 'citus') || '; ' ||
	(SELECT count(*) FROM pg_dist_node WHERE shouldhaveshards AND isactive) || ' workers; OpenBLAS core ' ||
	(recfair.build_info()->>'openblas_core')")"

lo_bytes() {	# bytes received on the loopback interface so far
	awk '$1 == "lo:" { print $2 }' /proc/net/dev
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
	before=$(lo_bytes)
	train bc_b1 bc_dist 1 '{}' >/dev/null
	middle=$(lo_bytes)
	train bc_b3 bc_dist 3 '{}' >/dev/null
	after=$(lo_bytes)
	factor_bytes=$(psql -qXAt -c "SELECT (users + items) * factors * 4 FROM recfair.models WHERE name = 'bc_ag'")
	agree=$(psql -qXAt -c "SELECT round(max(abs(a - b))::numeric, 6) FROM recfair.item_factors x
		JOIN recfair.item_factors y USING (item_id),
		unnest(recfair.embedding_to_float8_array(x.factors), recfair.embedding_to_float8_array(y.factors)) z(a, b)
		WHERE x.model = 'bc_ch' AND y.model = 'bc_ag'")
	awk -v it=$iterations -v cg="$cg_train" -v cgt="$cg_total" -v ch="$ch_train" -v cht="$ch_total" \
		-v ag="$ag_train" -v agt="$ag_total" -v b1=$((middle - before)) -v b3=$((after - middle)) \
		-v fb="$factor_bytes" -v agree="$agree" 'BEGIN {
		printf "in-memory, cg (default)    %7.3f s/iteration   %7.2f s end to end\n", cg / it, cgt
		printf "in-memory, cholesky        %7.3f s/iteration   %7.2f s end to end\n", ch / it, cht
		printf "Citus, aggregate engine    %7.3f s/iteration   %7.2f s end to end   (%.2fx cholesky, %.2fx cg per iteration)\n",
			ag / it, agt, ag / ch, ag / cg
		per = (b3 - b1) / 2
		printf "shipped per iteration      %7.1f MB  (loopback, both half-steps; the factors they solve: %.1f MB; ratio %.2fx)\n",
			per / 1e6, fb / 1e6, per / fb
		printf "loading (sums, layouts, starting factors; 1-iteration run minus one iteration): %.1f MB\n", (b1 - per) / 1e6
		printf "max |item factor difference|, aggregate engine vs in-memory cholesky: %s\n", agree
	}'
	psql -qX -c "SET client_min_messages = warning" \
		-c "SELECT recfair.drop_model(m) FROM unnest(ARRAY['bc_cg', 'bc_ch', 'bc_ag', 'bc_b1', 'bc_b3']) m" \
		-c "DROP TABLE bc_local, bc_dist" >/dev/null
done
