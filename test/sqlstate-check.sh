#!/usr/bin/env bash
# The SQLSTATE check of the test suite: the error codes that
# docs/sql-reference.md documents (every code written as a code span such
# as `22023`) against the ones the suite saw recfair raise.
#
#   test/sqlstate-check.sh SERVER_LOG FUZZ_CODES
#
# test/sqlstate-known lists mismatches in other files that await a fix.
#
# Raised codes come from three places:
#   - the server log of the test cluster, which scripts/test.sh runs with
#     log_error_verbosity = verbose, so that each ERROR line carries its
#     SQLSTATE and a LOCATION line its source file (pg_regress, the errors
#     pgTAP does not catch, the README examples, the JDBC client);
#   - FUZZ_CODES, lines "kind sqlstate file count" that test/fuzz/run.sh
#     writes (the fuzz client reads each error's source file from libpq);
#   - the SQLSTATEs that pgTAP's throws_ok calls in test/pgtap/*.sql expect (the
#     suite passed, so they were raised; pgTAP catches them before the log).
# A code raised from one of recfair's source files (src/*.c) must be
# documented; a documented code must have been raised from anywhere in a
# recfair call (PostgreSQL itself raises some documented ones, such as 42P01
# for a regclass argument).  Codes that PostgreSQL raises from its own files
# during recfair calls (argument input, a user's source query, timeouts) are
# listed for information only.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 SERVER_LOG FUZZ_CODES" >&2; exit 2; }
log=$1
fuzz_codes=$2

work=$(mktemp -d "${TMPDIR:-/tmp}/recfair-sqlstate.XXXXXX")
trap 'rm -rf "$work"' EXIT

# recfair's source files, as a LOCATION line or libpq names them
(cd src && ls -- *.c) >"$work/ours"

# documented: code spans of five characters with at least two digits
grep -oE '`[0-9A-Z]{5}`' docs/sql-reference.md | tr -d '`' | grep -E '[0-9].*[0-9]' |
	sort -u >"$work/documented"

# "code file" pairs from the log; core-file errors only when the statement
# calls recfair
perl -ne '
	if (/\bERROR:  ([0-9A-Z]{5}): /) {
		print "$code $file log\n" if defined $code;
		$code = $1; $file = "?"; next
	}
	if (defined $code && /\bLOCATION:  .*, ([\w.-]+\.[cly]):\d+/) { $file = $1; next }
	if (defined $code && /\bSTATEMENT:  (.*)/) {
		$stmt = $1;
		print "$code $file statement\n" if $stmt =~ /recfair|embedding|idset|recommend|rerank_fair|exposure_report|evaluate\(|train\(|split\(|generate_dataset|register_tables|drop_model|fair_exposure/i;
		undef $code; next
	}
	# the next message (not the DETAIL, HINT, CONTEXT or LOCATION of this one) ends it
	if (defined $code && /^\S+ \S+ \S+ \[\d+\] (?:LOG|ERROR|WARNING|NOTICE|INFO|FATAL|PANIC|DEBUG\d?):  /) {
		print "$code $file log\n"; undef $code
	}
	END { print "$code $file log\n" if defined $code }
' "$log" >"$work/raised-log"
# in the log, an error from recfair's files counts whatever the statement
awk 'NR == FNR { ours[$1] = 1; next } ($3 == "statement" || ($2 in ours)) { print $1, $2 }' \
	"$work/ours" "$work/raised-log" >"$work/raised"
awk '$2 != "00000" { print $2, $3 }' "$fuzz_codes" >>"$work/raised"
perl -0777 -ne 'while (/throws_ok\s*\(\s*(?:\$\$.*?\$\$|\x27(?:[^\x27]|\x27\x27)*\x27)\s*,\s*\x27([0-9A-Z]{5})\x27/gs) { print "$1 pgtap\n" }' \
	test/pgtap/*.sql >>"$work/raised"
sort -u "$work/raised" -o "$work/raised"

awk 'NR == FNR { ours[$1] = 1; next } ($2 in ours) { print $1 }' "$work/ours" "$work/raised" |
	sort -u >"$work/raised-ours"
cut -d' ' -f1 "$work/raised" | sort -u >"$work/raised-any"

# codes excused by test/sqlstate-known (bugs in others' files)
{ grep -vE '^\s*(#|$)' test/sqlstate-known || true; } | cut -d' ' -f1 | sort -u >"$work/known"

status=0
undocumented=$(comm -23 "$work/raised-ours" "$work/documented" | comm -23 - "$work/known")
if [ -n "$undocumented" ]; then
	echo "sqlstate-check: raised by recfair but documented nowhere in docs/sql-reference.md:" >&2
	for code in $undocumented; do
		echo "  $code from $(awk -v c="$code" '$1 == c { print $2 }' "$work/raised" | sort -u | tr '\n' ' ')" >&2
	done
	status=1
fi
unraised=$(comm -13 "$work/raised-any" "$work/documented" | comm -23 - "$work/known")
if [ -n "$unraised" ]; then
	echo "sqlstate-check: documented in docs/sql-reference.md but never raised by the suite (stale?): $unraised" >&2
	status=1
fi
others=$(comm -23 "$work/raised-any" "$work/raised-ours" | comm -23 - "$work/documented" | tr '\n' ' ')
if [ -s "$work/known" ]; then
	echo "sqlstate-check: excused by test/sqlstate-known: $(tr '\n' ' ' <"$work/known")"
fi
echo "sqlstate-check: codes seen in the server log $(cut -d' ' -f1 "$work/raised-log" | sort -u | wc -l)," \
	"in the fuzz run $(awk '$2 != "00000" { print $2 }' "$fuzz_codes" | sort -u | wc -l)," \
	"in pgTAP's throws_ok $(grep -c ' pgtap$' "$work/raised")"
echo "sqlstate-check: $(wc -l <"$work/documented") documented codes, $(wc -l <"$work/raised-ours") raised from recfair's files;" \
	"raised by PostgreSQL in recfair calls, not required in the reference: ${others:-none}"
exit $status
