# Shared by the benchmarks: build and install recfair, start a throwaway
# cluster sized like a small production server, and stop it on exit.
# Source it from a bench script; it leaves PG* set for psql and pgbench.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/install-deps.sh" >/dev/null
. "$root/scripts/pg-env.sh"
make -s -C "$root" >/dev/null
if [ -w "$("$PG_CONFIG" --pkglibdir)" ]; then
	make -s -C "$root" install >/dev/null
else
	echo "bench: run as root (it installs recfair into the server's directories)" >&2
	exit 1
fi
bench_dir=$(mktemp -d /tmp/recfair-bench.XXXXXX)
chmod 755 "$bench_dir"
trap '"$root/scripts/pg-cluster.sh" stop "$bench_dir/cluster"; rm -rf "$bench_dir"' EXIT
RECFAIR_PG_SETTINGS="shared_buffers = '2GB'
max_wal_size = '8GB'
checkpoint_timeout = '30min'
shared_preload_libraries = 'recfair'" "$root/scripts/pg-cluster.sh" start "$bench_dir/cluster" >/dev/null
. "$bench_dir/cluster/env"
psql -qX -v ON_ERROR_STOP=1 -c "CREATE EXTENSION recfair"
# what the numbers were measured on
echo "== $(psql -qXAt -c "SELECT 'PostgreSQL ' || current_setting('server_version') || '; ' ||
	(recfair.build_info()->>'openblas_config') || '; OpenBLAS core ' || (recfair.build_info()->>'openblas_core')")"
ml100k=${ML100K:-$root/../shared/data/ml-100k}
