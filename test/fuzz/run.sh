#!/usr/bin/env bash
# The fuzz section of the test suite: builds test/fuzz/fuzz.c (a libpq
# client), loads the fixed dataset and models of test/fuzz/setup.sql into a
# database of its own, runs the cases, and fails when a case fails or the
# server log shows a crashed backend.
#
#   test/fuzz/run.sh [--case N]
#
# Needs PGHOST/PGPORT/PGUSER of a server with recfair installed (the test
# cluster) and, in RECFAIR_SERVER_LOG, its log file.  Settings:
#   FUZZ_SEED      the seed (default: from the clock; printed at the start)
#   FUZZ_CASES     cases per run (default 100000)
#   FUZZ_WORKERS   client connections (default 2)
#   FUZZ_CODES     write "kind sqlstate file count" lines here (the SQLSTATE
#                  check reads them)
# --case N replays case N of FUZZ_SEED alone and prints it.
set -euo pipefail
cd "$(dirname "$0")/../.."

case_arg=()
if [ "${1:-}" = --case ]; then
	case_arg=(-c "$2")
fi
seed=${FUZZ_SEED:-$(date +%s%N | cut -c1-12)}

work=$(mktemp -d "${TMPDIR:-/tmp}/recfair-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
# libpq's header: Debian's libpq-dev (scripts/install-deps.sh)
gcc -O2 -Wall -Wextra -Werror -o "$work/fuzz" test/fuzz/fuzz.c -I/usr/include/postgresql -lpq -lm

export PGDATABASE=recfair_fuzz
if [ ${#case_arg[@]} -eq 0 ] || ! psql -X -q -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'recfair_fuzz'" | grep -q 1; then
	PGOPTIONS='-c client_min_messages=warning' psql -X -q -d postgres \
		-c 'DROP DATABASE IF EXISTS recfair_fuzz' -c 'CREATE DATABASE recfair_fuzz'
	psql -X -q -f test/fuzz/setup.sql >/dev/null
fi

log_lines_before=0
if [ -n "${RECFAIR_SERVER_LOG:-}" ]; then
	log_lines_before=$(wc -l <"$RECFAIR_SERVER_LOG")
fi

status=0
"$work/fuzz" -s "$seed" -n "${FUZZ_CASES:-100000}" -w "${FUZZ_WORKERS:-2}" \
	-k test/fuzz/known-bugs ${FUZZ_CODES:+-o "$work/codes"} "${case_arg[@]}" || status=1

if [ -n "${FUZZ_CODES:-}" ]; then
	cat "$work"/codes* 2>/dev/null | awk '{ n[$1 " " $2 " " $3] += $4 } END { for (k in n) print k, n[k] }' |
		sort >"$FUZZ_CODES"
fi

if [ -n "${RECFAIR_SERVER_LOG:-}" ] &&
	tail -n +"$((log_lines_before + 1))" "$RECFAIR_SERVER_LOG" |
	grep -E 'terminated by signal|terminated by exception|was terminated|server process .* exited with exit code [^0]|PANIC' >&2; then
	echo "fuzz: the server log shows a crashed backend (seed $seed)" >&2
	status=1
fi
if [ $status -ne 0 ]; then
	echo "fuzz: FAILED; replay with FUZZ_SEED=$seed (one case: test/fuzz/run.sh --case N)" >&2
fi
exit $status
