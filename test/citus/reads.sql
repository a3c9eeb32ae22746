-- pgTAP on Citus: every function that reads a user's table by name reads what a query sees, never the
-- coordinator's local shell of a distributed table (empty or stale)
BEGIN;
SET search_path = recfair, public;
SET client_min_messages = warning;
SELECT plan(10);

-- 2,000 users' rows, distributed: the local shell keeps a copy of them until it is truncated
CREATE TABLE ci AS SELECT u::bigint AS user_id, ((u * 7 + i * 13) % 300)::bigint AS item_id, 1::real AS weight
FROM generate_series(1, 2000) u, generate_series(1, 10) i;
SELECT create_distributed_table('ci', 'user_id');
-- 300 users more, in the shards only: the shell is now stale
INSERT INTO ci SELECT u, (u * 3 + i) % 300, 1 FROM generate_series(2001, 2300) u, generate_series(1, 10) i;
SELECT is((SELECT users FROM recfair.train('ci_m', 'ci', factors => 4, iterations => 2)), 2300::bigint,
	'train reads the distributed table, not its stale shell');
SELECT truncate_local_data_after_distributing_table('ci');
SELECT is((SELECT interactions FROM recfair.train('ci_m', 'ci', factors => 4, iterations => 2)), 23000::bigint,
	'and after the shell is truncated');

-- evaluate, split and exposure_report read distributed sources too
CREATE TABLE ci_test AS SELECT u::bigint AS user_id, ((u * 11 + 5) % 300)::bigint AS item_id
FROM generate_series(1, 2300) u;
SELECT create_distributed_table('ci_test', 'user_id');
SELECT truncate_local_data_after_distributing_table('ci_test');
SELECT is((SELECT value + (SELECT value FROM recfair.evaluate('ci_m', 'ci_test', 5) WHERE metric = 'users_skipped')
		   FROM recfair.evaluate('ci_m', 'ci_test', 5) WHERE metric = 'users_evaluated'), 2300::float8,
	'evaluate sees every test user');
SELECT is((SELECT sum(rows) FROM recfair.split('ci', 'ci_s', 0.2)), 23000::numeric, 'split sees every row');
CREATE TABLE ci_items AS SELECT i::bigint AS item_id, 'g' || (i % 4) AS grp FROM generate_series(0, 299) i;
SELECT create_reference_table('ci_items');
SELECT truncate_local_data_after_distributing_table('ci_items');
SELECT lives_ok($$SELECT recfair.register_tables('ci_m', items => 'ci_items')$$, 'register a reference table');
SELECT is((SELECT sum(items) FROM recfair.exposure_report('ci_m', 'grp', 5, users => 'ci_test')), 300::numeric,
	'exposure_report reads the reference item table''s groups and the distributed users');
SELECT is((SELECT count(*)::int FROM recfair.recommend_fair(5, 4, 'grp', 'ci_m')), 4,
	'recommend_fair reads the groups of a reference table');

-- a local table beside them still takes the direct scan, with the same result as a query
CREATE TABLE ci_local AS SELECT * FROM ci_s_train;
SELECT is((SELECT interactions FROM recfair.train('ci_l', 'ci_local', factors => 4, iterations => 2)),
	(SELECT interactions FROM recfair.train('ci_q', source_query => 'SELECT * FROM ci_local', factors => 4, iterations => 2)),
	'a local table: the direct scan and a query read the same');
SELECT is((SELECT count(*)::int FROM item_factors a JOIN item_factors b USING (item_id)
		   WHERE a.model = 'ci_l' AND b.model = 'ci_q' AND a.factors <> b.factors), 0, 'and train the same model');
-- a distributed table whose shell was never filled: an empty shell is not "no interactions"
CREATE TABLE ci_empty_shell (user_id bigint, item_id bigint);
SELECT create_distributed_table('ci_empty_shell', 'user_id');
INSERT INTO ci_empty_shell SELECT user_id, item_id FROM ci;
SELECT is((SELECT users FROM recfair.train('ci_e', 'ci_empty_shell', factors => 4, iterations => 2)), 2300::bigint,
	'a distributed table created empty');

SELECT * FROM finish();
ROLLBACK;
