#!/usr/bin/env bash
# The test command (README.md; .ci/run calls it).  On a fresh Debian 12 as
# root it installs the missing packages; then it builds with warnings as
# errors, installs, starts a throwaway cluster (removed on exit, failure too),
# runs the pg_regress suite (test/sql/, test/expected/), the pgTAP suite
# (test/pgtap/), the README's SQL examples, a JDBC client, the fuzz harness
# (test/fuzz/) and the check of documented SQLSTATEs
# (test/sqlstate-check.sh), and exits non-zero on any failure.
#
# A user who is not root and cannot write PostgreSQL's directories gets a
# private copy of the server tree with recfair installed into it (see
# install_private below), so the suite never needs sudo once the packages
# are there.
#
#   scripts/test.sh              the suite
#   scripts/test.sh --sanitize   the suite against a build of recfair with
#                                AddressSanitizer and UndefinedBehaviorSanitizer
#                                (see "sanitizers" below); fails on any report
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

sanitize=false
case "${1:-}" in
	--sanitize) sanitize=true ;;
	"") ;;
	*) echo "usage: $0 [--sanitize]" >&2; exit 2 ;;
esac

scripts/install-deps.sh
. scripts/pg-env.sh

work=$(mktemp -d "${TMPDIR:-/tmp}/recfair-test.XXXXXX")
chmod 755 "$work"
# sanitizers: reports in the server log (backends print them on stderr)
sanitizer_reports() {
	$sanitize && [ -f "$work/cluster/server.log" ] &&
		grep -E -A30 'ERROR: AddressSanitizer|runtime error:|UndefinedBehaviorSanitizer|LeakSanitizer' \
			"$work/cluster/server.log"
}
cleanup() {
	status=$?
	if sanitizer_reports >&2; then
		echo "test: the sanitizers reported errors (above)" >&2
		status=1
	fi
	if [ "$status" != 0 ] && [ -f "$work/cluster/server.log" ]; then
		echo "test: failed; the server log's last lines:" >&2
		tail -n 60 "$work/cluster/server.log" >&2
		cp "$work/cluster/server.log" "${TMPDIR:-/tmp}/recfair-failed-server.log" 2>/dev/null || true
	fi
	"$repo/scripts/pg-cluster.sh" stop "$work/cluster" || true
	rm -rf "$work"
	exit $status
}
trap cleanup EXIT INT TERM

# PostgreSQL finds its share and lib directories relative to the real path of
# its binaries, so a tree with copied binaries and symlinked share/lib
# directories is a complete server into which `make install DESTDIR=` can
# put recfair without touching the system.
install_private() {
	local tree=$work/pgtree dir
	for dir in "$("$PG_CONFIG" --sharedir)" "$("$PG_CONFIG" --pkglibdir)"; do
		mkdir -p "$(dirname "$tree$dir")"
		cp -as "$dir" "$tree$dir"
	done
	dir=$("$PG_CONFIG" --bindir)
	mkdir -p "$(dirname "$tree$dir")"
	cp -a "$dir" "$tree$dir"
	find "$tree" -name 'recfair*' -type l -delete
	make -s -C "$build" install DESTDIR="$tree"
	PG_CONFIG=$tree$dir/pg_config
	export PG_CONFIG
}

build=$repo
if $sanitize; then
	# The instrumented build is made in a copy of the sources, so that the
	# checkout's objects stay uninstrumented, and always installed into a
	# private server tree.  -fno-sanitize-recover makes undefined behaviour
	# abort the backend, like an AddressSanitizer report does.
	echo "== build (sanitizers)"
	build=$work/build
	mkdir "$build"
	cp -r Makefile recfair.control src sql "$build"
	cp scripts/sanitizer-options.c "$build/src"
	# first in OBJS, whatever comes last
	sed -i 's|^OBJS = \\$|&\n\tsrc/sanitizer-options.o \\|' "$build/Makefile"
	grep -q sanitizer-options.o "$build/Makefile"
	make -s -C "$build" \
		COPT='-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer'
	RECFAIR_PRIVATE_INSTALL=1
else
	echo "== build"
	make -s
fi
# RECFAIR_PRIVATE_INSTALL=1 keeps the system's PostgreSQL untouched even as
# root (two checkouts testing side by side on one machine).
if [ -z "${RECFAIR_PRIVATE_INSTALL:-}" ] && [ -w "$("$PG_CONFIG" --pkglibdir)" ] &&
	[ -w "$("$PG_CONFIG" --sharedir)/extension" ]; then
	make -s install
else
	echo "test: PostgreSQL's directories are not writable; installing into a private server tree"
	install_private
fi

echo "== start a throwaway cluster"
mkdir "$work/cluster"
# prepared transactions: test/sql/fair_concurrency.sql; each error's SQLSTATE and
# source file in the log: test/sqlstate-check.sh; recfair preloaded, as
# recfair.training_progress needs before PostgreSQL 17:
# test/sql/training_progress.sql
RECFAIR_PG_SETTINGS="max_prepared_transactions = 4
log_error_verbosity = verbose
shared_preload_libraries = 'recfair'" scripts/pg-cluster.sh start "$work/cluster"
. "$work/cluster/env"

echo "== pg_regress"
rm -rf results regression.diffs regression.out
if ! make -s installcheck PG_CONFIG="$PG_CONFIG"; then
	[ -f regression.diffs ] && cat regression.diffs
	exit 1
fi

echo "== pgTAP"
psql -q -X -v ON_ERROR_STOP=1 -c 'CREATE DATABASE recfair_tap'
psql -q -X -v ON_ERROR_STOP=1 -d recfair_tap \
	-c 'CREATE EXTENSION pgtap' -c 'CREATE EXTENSION recfair'
pg_prove --failures -d recfair_tap test/pgtap/*.sql

echo "== README examples"
if $sanitize; then
	# instrumented code rounds differently in the last printed digits
	test/readme-check.sh --run-only
else
	test/readme-check.sh
fi

echo "== hostile training input, then dump and restore"
test/hostile-dump.sh

echo "== models dumped by PostgreSQL 15, restored here"
test/cross-version/check.sh

echo "== JDBC client"
test/jdbc/run.sh

# a 3-node Citus cluster, with the workplace's citus-install/citus-cluster
# tools when they are there (test/citus/run.sh says what it needs)
if ! $sanitize; then
	echo "== Citus"
	test/citus/run.sh
fi

# AddressSanitizer reserves terabytes of address space for its shadow, so
# an instrumented server cannot run under ulimit -v at all
if ! $sanitize; then
	echo "== resource limits (a cluster under ulimit -v)"
	test/resource-limits.sh
fi

# Random and mutated input for the types and every SQL function (FUZZ_SEED
# replays a run; test/fuzz/run.sh says more).
echo "== fuzz"
RECFAIR_SERVER_LOG=$work/cluster/server.log FUZZ_CODES=$work/fuzz-codes test/fuzz/run.sh

echo "== documented SQLSTATEs"
test/sqlstate-check.sh "$work/cluster/server.log" "$work/fuzz-codes"

if sanitizer_reports >&2; then
	echo "test: the sanitizers reported errors (above)" >&2
	exit 1
fi
echo "== all tests passed"
