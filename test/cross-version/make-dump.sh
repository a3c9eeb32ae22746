#!/usr/bin/env bash
# Make test/cross-version/models.sql: a database dump (pg_dump, plain SQL)
# holding models trained here (run it on PostgreSQL 15, the oldest major
# recfair supports) with the item table they are registered with, and the
# lists they served here (table cross_version_lists).  test/cross-version/
# check.sh restores it on any major and compares what the models serve.
#
# Needs PGHOST/PGPORT/PGUSER of a server with recfair installed (the test
# cluster); creates and drops the database recfair_cross_version.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PGOPTIONS='-c client_min_messages=warning'
psql -X -q -v ON_ERROR_STOP=1 -c 'DROP DATABASE IF EXISTS recfair_cross_version' -c 'CREATE DATABASE recfair_cross_version'
psql -X -q -v ON_ERROR_STOP=1 -d recfair_cross_version <<'SQL'
CREATE EXTENSION recfair;
SET search_path = public, recfair;
SELECT count(*) FROM generate_dataset('cv', 300, 150, 6000, seed => 3);
SELECT count(*) FROM train('cv_als', 'cv_interactions', weight_col => 'weight', factors => 8, iterations => 5,
	regularization => 1, items => 'cv_items');
SELECT count(*) FROM train('cv_explicit', 'cv_interactions', weight_col => 'weight', algorithm => 'als_explicit',
	factors => 4, iterations => 5, regularization => 0.1);
SELECT count(*) FROM train('cv_popular', 'cv_interactions', algorithm => 'popularity');
\i test/cross-version/served.sql
CREATE TABLE cross_version_lists AS SELECT * FROM served;
-- the training data is not needed to serve: keep the dump small
DROP TABLE cv_interactions, cv_users;
SQL
{
	echo "-- Made by test/cross-version/make-dump.sh on $(psql -X -A -t -d recfair_cross_version -c 'SELECT version()' | cut -d, -f1)"
	echo "-- with $(psql -X -A -t -d recfair_cross_version -c "SELECT recfair.build_info()->>'openblas_config'"); restored by check.sh."
	pg_dump --no-owner --no-privileges -d recfair_cross_version
} >test/cross-version/models.sql
psql -X -q -c 'DROP DATABASE recfair_cross_version'
echo "make-dump: test/cross-version/models.sql written ($(wc -c <test/cross-version/models.sql) bytes)"
