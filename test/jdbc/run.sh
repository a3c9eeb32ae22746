#!/usr/bin/env bash
# Compile and run the JDBC client test against the server in PGHOST/PGPORT
# (TCP on 127.0.0.1, as a BI tool connects), in a database of its own.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=/usr/share/java/postgresql.jar
work=$(mktemp -d "${TMPDIR:-/tmp}/recfair-jdbc.XXXXXX")
trap 'rm -rf "$work"' EXIT
javac -d "$work" -cp "$jar" "$here/RecfairJdbcTest.java"
PGOPTIONS='-c client_min_messages=warning' psql -X -q -c 'DROP DATABASE IF EXISTS recfair_jdbc' -c 'CREATE DATABASE recfair_jdbc'
java -cp "$work:$jar" RecfairJdbcTest "jdbc:postgresql://127.0.0.1:${PGPORT}/recfair_jdbc" "${PGUSER:-postgres}"
psql -X -q -c 'DROP DATABASE recfair_jdbc'
