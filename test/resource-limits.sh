#!/usr/bin/env bash
# Resource limits: a throwaway cluster started under an address-space limit
# (ulimit -v), where a non-superuser tries to lift recfair's limits as an
# attacker would (recfair.threads = 64, recfair.max_threads = 64): recommend,
# evaluate and train must each succeed or fail with an SQLSTATE error within
# seconds, and a long training run must stop on pg_cancel_backend and on
# pg_ctl stop -m fast.  OpenBLAS 0.3.21 used to spin forever here, deaf to
# all of them (src/linalg.c).  statement_timeout and a shell `timeout` guard
# every call, so a regression fails the test instead of hanging it.
# Needs PG_CONFIG of an installation with recfair (scripts/test.sh sets it).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
. scripts/pg-env.sh

dir=$(mktemp -d "${TMPDIR:-/tmp}/recfair-limits.XXXXXX")
chmod 755 "$dir"
trap '"$repo/scripts/pg-cluster.sh" stop "$dir/cluster" || true; rm -rf "$dir"' EXIT

# 1 GB, plus what OpenBLAS's own threads (one per CPU, started when the
# library loads) take: 128 MB of buffer and 8 MB of stack each.
cpus=$(getconf _NPROCESSORS_ONLN)
limit_kb=$(((1024 + 136 * cpus) * 1024))
echo "resource-limits: cluster under ulimit -v ${limit_kb} kB"
# recfair preloaded, as for recfair.training_progress: the postmaster loads
# it (and OpenBLAS) under the limit too
(ulimit -v "$limit_kb" && RECFAIR_PG_SETTINGS="shared_preload_libraries = 'recfair'" \
	scripts/pg-cluster.sh start "$dir/cluster") >/dev/null
. "$dir/cluster/env"
bindir=$("$PG_CONFIG" --bindir)
echo "resource-limits: shared_preload_libraries = '$(psql -X -At -c 'SHOW shared_preload_libraries')'"

psql -q -X -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION recfair;
SELECT * FROM recfair.generate_dataset('rl', 2000, 1000, 50000);
SELECT recfair.train('rl', 'rl_interactions', weight_col => 'weight', factors => 16);
CREATE ROLE rl_user LOGIN;
GRANT USAGE ON SCHEMA recfair TO rl_user;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA recfair TO rl_user;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA recfair TO rl_user;
GRANT SELECT ON rl_interactions, rl_items, rl_users TO rl_user;
SQL

fail=0
# run NAME SQL...: as rl_user; must end within 20 s with rows or an SQLSTATE
# error other than a timeout or cancel (57014)
run() {
	local name=$1 start out status
	shift
	start=$(date +%s)
	status=0
	out=$(timeout 30 psql -X -q -At -U rl_user -v VERBOSITY=sqlstate \
		-c "SET statement_timeout = '10s'" -c "SET client_min_messages = warning" "$@" 2>&1) || status=$?
	local took=$(($(date +%s) - start))
	out=$(echo "$out" | tr '\n' ' ')
	if [ "$status" -ge 124 ] || [ "$took" -gt 20 ] || [[ "$out" == *57014* ]] ||
		{ [ "$status" -ne 0 ] && [[ "$out" != *ERROR:* ]]; }; then
		echo "resource-limits: FAIL $name: ${took}s, exit $status: ${out:0:300}"
		fail=1
	else
		echo "resource-limits: ok $name: ${took}s: ${out:0:120}"
	fi
}

attack=(-c "SET recfair.threads = 64")
# the ceiling: refused once recfair is loaded, ignored (with a WARNING) when set before
out=$(psql -X -q -At -U rl_user -v VERBOSITY=sqlstate -c "SELECT recfair.build_info() IS NOT NULL" \
	-c "SET recfair.max_threads = 64" 2>&1 || true)
[[ "$out" == *42501* ]] || { echo "resource-limits: FAIL recfair.max_threads = 64 by a user: $out"; fail=1; }
out=$(psql -X -q -At -U rl_user -c "SET recfair.max_threads = 64" "${attack[@]}" \
	-c "SELECT recfair.build_info()->>'threads'" 2>/dev/null || true)
[ "$out" = "$((cpus < 64 ? cpus : 64))" ] ||
	{ echo "resource-limits: FAIL recfair.max_threads = 64 set by a user before recfair loaded: threads $out"; fail=1; }
for who in user superuser; do
	sets=("${attack[@]}")
	# a superuser lifting the ceiling is the worst case: the buffer checks must hold
	[ "$who" = superuser ] && sets=(-U postgres -c "SET recfair.max_threads = 64" "${attack[@]}")
	run "recommend ($who)" "${sets[@]}" -c "SELECT count(*) FROM recfair.recommend(42, 10, 'rl')"
	run "evaluate ($who)" "${sets[@]}" -c "SELECT count(*) FROM recfair.evaluate('rl', 'rl_interactions', 10)"
	run "train ($who)" "${sets[@]}" -c "SELECT users FROM recfair.train('rl_$who', 'rl_interactions', factors => 16)"
done

# the shared model cache: a role cannot resize it; when a model does not fit, serving goes on from the
# backend's own copy, and a model that fits is shared once, whoever serves it
out=$(psql -X -q -At -U rl_user -v VERBOSITY=sqlstate -c "SELECT recfair.build_info() IS NOT NULL" \
	-c "SET recfair.shared_cache_size = '100GB'" 2>&1 || true)
[[ "$out" == *55P02* ]] || { echo "resource-limits: FAIL recfair.shared_cache_size set by a user: $out"; fail=1; }
psql -X -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" \
	-c "SELECT FROM recfair.generate_dataset('rb', 2000, 25000, 60000)" \
	-c "SELECT FROM recfair.train('rb', 'rb_interactions', factors => 16, iterations => 2)" \
	-c "ALTER SYSTEM SET recfair.shared_cache_size = '1MB'" -c "SELECT pg_reload_conf()" >/dev/null
sleep 1
run "recommend, the model larger than recfair.shared_cache_size" -c "SELECT count(*) FROM recfair.recommend(42, 10, 'rb')"
shared=$(psql -X -q -At -c "SELECT count(*) FROM recfair.shared_models() WHERE model = 'rb'")
[ "$shared" = 0 ] || { echo "resource-limits: FAIL a model over recfair.shared_cache_size was shared"; fail=1; }
psql -X -q -c "ALTER SYSTEM RESET recfair.shared_cache_size" -c "SELECT pg_reload_conf()" >/dev/null
sleep 1
run "recommend, shared" -c "SELECT count(*) FROM recfair.recommend(42, 10, 'rb')"
shared=$(psql -X -q -At -c "SELECT count(*) FROM recfair.shared_models() WHERE model = 'rb'")
[ "$shared" = 1 ] && echo "resource-limits: ok the model is shared once it fits" ||
	{ echo "resource-limits: FAIL the model is not shared with the default recfair.shared_cache_size"; fail=1; }

# long runs: cancel, then a fast shutdown
long="SELECT users FROM recfair.train('rl_long', 'rl_interactions', factors => 32, iterations => 1000)"
wait_active() {
	for _ in $(seq 1 100); do
		pid=$(psql -X -At -c "SELECT pid FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%rl_long%' AND pid <> pg_backend_pid()")
		[ -n "$pid" ] && return 0
		sleep 0.1
	done
	return 1
}
timeout 60 psql -X -q -At -U rl_user -v VERBOSITY=sqlstate "${attack[@]}" -c "$long" >"$dir/cancel.out" 2>&1 &
client=$!
if wait_active; then
	sleep 1
	start=$(date +%s)
	psql -X -q -At -c "SELECT pg_cancel_backend($pid)" >/dev/null
	wait "$client" || true
	took=$(($(date +%s) - start))
	if grep -q 57014 "$dir/cancel.out" && [ "$took" -le 5 ]; then
		echo "resource-limits: ok cancel: ${took}s"
	else
		echo "resource-limits: FAIL cancel: ${took}s: $(cat "$dir/cancel.out")"
		fail=1
	fi
else
	echo "resource-limits: FAIL the long training did not start: $(cat "$dir/cancel.out")"
	fail=1
fi
timeout 60 psql -X -q -At -U rl_user "${attack[@]}" -c "$long" >/dev/null 2>&1 &
client=$!
if wait_active; then
	sleep 1
	start=$(date +%s)
	if as_server_user timeout 30 "$bindir/pg_ctl" -D "$dir/cluster/data" -m fast -w -t 20 stop >/dev/null; then
		echo "resource-limits: ok pg_ctl stop -m fast: $(($(date +%s) - start))s"
	else
		echo "resource-limits: FAIL pg_ctl stop -m fast did not stop the server"
		as_server_user "$bindir/pg_ctl" -D "$dir/cluster/data" -m immediate -w stop >/dev/null 2>&1 || true
		fail=1
	fi
else
	echo "resource-limits: FAIL the long training did not start"
	fail=1
fi
wait "$client" || true
exit $fail
