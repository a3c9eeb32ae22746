#!/usr/bin/env bash
# Training benchmark: ALS with 64 factors and 15 iterations, 2 threads, on
# MovieLens-100k u1.base (when present; its licence forbids copying it into
# the project, so it is read from $ML100K or ../shared/data/ml-100k) and on
# 10M generated interactions (200k users x 50k items).  Prints seconds to
# read, train and write, rows/s, and the backend's peak memory (VmHWM from
# /proc: peak resident set, which includes the shared buffers it touched,
# so RssShmem is printed beside it).
#
#   bench/train.sh [interactions]     (default 10000000; run as root)
. "$(dirname "$0")/common.sh"
n=${1:-10000000}

run() {	# name source weight_col options
	psql -qX -v ON_ERROR_STOP=1 -At -F ' ' <<SQL
SET client_min_messages = warning;
SET recfair.threads = 2;
SELECT pg_backend_pid() AS pid \gset
SELECT format('%-8s %9s rows  read %s s (%s M rows/s)  train %s s (%s s/it)  write %s s (%s k rows/s)  total %s s',
	name, interactions, round((hyperparameters->>'read_seconds')::numeric, 2),
	round((hyperparameters->>'rows_read')::numeric / nullif((hyperparameters->>'read_seconds')::numeric, 0) / 1e6, 2),
	round((hyperparameters->>'train_seconds')::numeric, 2), round((hyperparameters->>'train_seconds')::numeric / 15, 2),
	round((hyperparameters->>'write_seconds')::numeric, 2),
	round((users + items) / nullif((hyperparameters->>'write_seconds')::numeric, 0) / 1e3),
	round(training_seconds::numeric, 2))
FROM recfair.train('$1', '$2', weight_col => '$3', factors => 64, iterations => 15, options => '$4');
\setenv BENCH_PID :pid
\! printf '         backend memory: %s, %s\n' "\$(grep VmHWM /proc/\$BENCH_PID/status | tr -s ' \t' ' ')" "\$(grep RssShmem /proc/\$BENCH_PID/status | tr -s ' \t' ' ')"
SQL
}

echo "== recfair ALS training, 64 factors, 15 iterations, recfair.threads = 2"
if [ -f "$ml100k/u1.base" ]; then
	psql -qX -v ON_ERROR_STOP=1 -c "CREATE TABLE ml_train (user_id int, item_id int, rating int, ts bigint)" \
		-c "\\copy ml_train FROM '$ml100k/u1.base'"
	run ml100k ml_train rating '{}'
else
	echo "MovieLens-100k not found in $ml100k: skipped"
fi
psql -qX -v ON_ERROR_STOP=1 -At -c "SET client_min_messages = warning" \
	-c "\\timing on" -c "SELECT count(*) FROM recfair.generate_dataset('shop', 200000, 50000, $n)" |
	sed -n 's/^Time: \([0-9.]*\) ms.*/generate: '"$n"' interactions in \1 ms/p'
# a settled table, as autovacuum leaves it (the first scan after a bulk load sets hint bits)
# The data is loaded long before training in practice: write it out first, so that the kernel flushing the
# freshly generated table does not land inside the training measurement.
psql -qX -v ON_ERROR_STOP=1 -c "VACUUM ANALYZE shop_interactions" -c "CHECKPOINT"
run shop shop_interactions weight '{}'
echo "== retrain in place (replaces the model's rows)"
run shop shop_interactions weight '{}'
