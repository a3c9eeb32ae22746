#!/usr/bin/env bash
# Run the SQL examples of README.md in order, in one session of a new
# database, and compare each output with the ```text block that follows it,
# so the README's examples cannot rot.
#
#   test/readme-check.sh            compare (exit 1 on a difference)
#   test/readme-check.sh --update   rewrite the README's output blocks
#   test/readme-check.sh --alternative NAME  (or RECFAIR_README_ALT=NAME)
#                                   write each output that differs from the
#                                   README to test/readme-alt/N_NAME.out
#   test/readme-check.sh --run-only run the blocks without comparing (the
#                                   sanitizer build: its floating point
#                                   differs in the last printed digits)
#
# As PostgreSQL's own suites keep alternative expected files, an output that
# differs from the README passes when it equals one of test/readme-alt/N_*.out
# (for block N): floating-point results differ in the last printed digits
# with another OpenBLAS (its kernels for newer CPUs sum in another order).
# Each alternative file says in its name what produced it.
#
# Needs PGHOST/PGPORT/PGUSER of a server with recfair installed (the test
# cluster); creates and drops the database recfair_readme.
set -euo pipefail
cd "$(dirname "$0")/.."
readme=README.md
update=false
run_only=false
alternative=${RECFAIR_README_ALT:-}
[ "${1:-}" = --update ] && update=true
[ "${1:-}" = --run-only ] && run_only=true
[ "${1:-}" = --alternative ] && alternative=${2:?--alternative needs a name}

work=$(mktemp -d "${TMPDIR:-/tmp}/recfair-readme.XXXXXX")
trap 'rm -rf "$work"' EXIT

# the SQL blocks, each preceded by a marker line
awk '
	/^```sql$/ { insql = 1; n++; printf "\\echo @@@BLOCK %d\n", n; next }
	/^```$/ && insql { insql = 0; next }
	insql { print }
' "$readme" >"$work/script.sql"

PGOPTIONS='-c client_min_messages=warning' psql -X -q -c 'DROP DATABASE IF EXISTS recfair_readme' -c 'CREATE DATABASE recfair_readme'
PGOPTIONS='-c client_min_messages=warning' \
	psql -X -q -v ON_ERROR_STOP=1 -d recfair_readme -f "$work/script.sql" >"$work/actual.out"
psql -X -q -c 'DROP DATABASE recfair_readme'

# actual output per block, trailing blank lines removed
awk -v dir="$work" '
	/^@@@BLOCK [0-9]+$/ { flush(); file = dir "/actual." $2; next }
	{ lines[++count] = $0 }
	function flush(   i, last) {
		if (file == "") { count = 0; return }
		last = count
		while (last > 0 && lines[last] == "") last--
		printf "" > file
		for (i = 1; i <= last; i++) print lines[i] > file
		close(file)
		count = 0
	}
	END { flush() }
' "$work/actual.out"

if $update; then
	# replace each ```text block after the n-th ```sql block with the actual output
	awk -v dir="$work" '
		/^```sql$/ { n++; insql = 1; print; next }
		/^```$/ && insql { insql = 0; print; pending = n; next }
		/^```text$/ && pending {
			print
			file = dir "/actual." pending
			while ((getline line < file) > 0) print line
			close(file)
			print ""
			skip = 1; pending = 0; next
		}
		skip && /^```$/ { skip = 0; print; next }
		skip { next }
		{ if ($0 != "") pending = 0; print }
	' "$readme" >"$work/README.new"
	cp "$work/README.new" "$readme"
	echo "readme-check: output blocks of $readme rewritten"
	exit 0
fi

if $run_only; then
	echo "readme-check: $(grep -c '^@@@BLOCK' "$work/actual.out") SQL blocks ran (outputs not compared)"
	exit 0
fi

# expected output per block
awk -v dir="$work" '
	/^```sql$/ { n++; insql = 1; next }
	/^```$/ && insql { insql = 0; pending = n; next }
	/^```text$/ && pending { file = dir "/expected." pending; printf "" > file; intext = 1; pending = 0; next }
	/^```$/ && intext { intext = 0; close(file); next }
	intext { print > file; next }
	{ if ($0 != "") pending = 0 }
' "$readme"

status=0
checked=0
for expected in "$work"/expected.*; do
	[ -e "$expected" ] || continue
	n=${expected##*.}
	# the README keeps a blank line at the end of each output block
	sed -i -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$expected"
	if ! diff -u "$expected" "$work/actual.$n" >"$work/diff.$n"; then
		matched=
		for alt in test/readme-alt/"${n}"_*.out; do
			[ -e "$alt" ] && cmp -s "$alt" "$work/actual.$n" && matched=$alt
		done
		if [ -n "$matched" ]; then
			echo "readme-check: block $n matches the alternative $matched"
		elif [ -n "$alternative" ]; then
			mkdir -p test/readme-alt
			cp "$work/actual.$n" "test/readme-alt/${n}_$alternative.out"
			echo "readme-check: block $n written to test/readme-alt/${n}_$alternative.out"
		else
			echo "readme-check: the output of SQL block $n differs from README.md:"
			cat "$work/diff.$n"
			status=1
		fi
	fi
	checked=$((checked + 1))
done
echo "readme-check: $(grep -c '^@@@BLOCK' "$work/actual.out") SQL blocks ran, $checked outputs compared"
exit $status
