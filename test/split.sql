-- pgTAP: recfair.split
BEGIN;
SET LOCAL client_min_messages = warning;
SET search_path = recfair, public;
SELECT plan(20);

-- user u has u interactions (1..10), at distinct times
CREATE TABLE events AS
SELECT u AS user_id, i AS item_id, timestamptz '2026-01-01' + make_interval(days => i) AS ts, 'x' || i AS note
FROM generate_series(1, 10) u, generate_series(1, 10) i WHERE i <= u;
CREATE TABLE victim (x int);

SELECT is((SELECT array_agg(table_name::text || '=' || rows ORDER BY table_name::text) FROM split('events', 'r', 0.2)),
	ARRAY['r_test=11', 'r_train=44'], 'two tables, with row counts');
SELECT is((SELECT count(*)::int FROM (SELECT * FROM r_train UNION ALL SELECT * FROM r_test) a), (SELECT count(*)::int FROM events),
	'every row lands once');
SELECT is((SELECT count(*)::int FROM (SELECT * FROM events EXCEPT ALL (SELECT * FROM r_train UNION ALL SELECT * FROM r_test)) d), 0,
	'the rows are the source rows');
SELECT is((SELECT array_agg(attname::text ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'r_test'::regclass AND attnum > 0),
	ARRAY['user_id', 'item_id', 'ts', 'note'], 'the source columns, nothing more');
SELECT is((SELECT count(*)::int FROM r_test WHERE user_id = 1), 0, 'a user with one interaction stays in train');
SELECT is((SELECT array_agg(n ORDER BY user_id) FROM (SELECT user_id, count(*)::int n FROM r_test GROUP BY 1) t),
	(SELECT array_agg(least(u - 1, round(u * 0.2))::int ORDER BY u) FROM generate_series(1, 10) u WHERE round(u * 0.2) > 0),
	'per user, round(n * test_fraction) rows go to test');

-- deterministic by seed, another seed another split
SELECT lives_ok($$SELECT split('events', 'r2', 0.2)$$, 'split again');
SELECT is((SELECT array_agg(t ORDER BY t) FROM (SELECT r2_test::text t FROM r2_test) a),
	(SELECT array_agg(t ORDER BY t) FROM (SELECT r_test::text t FROM r_test) a), 'same seed, same split');
SELECT lives_ok($$SELECT split('SELECT * FROM events', 'r3', 0.5, options => '{"seed": 7}')$$, 'a query source and a seed');
SELECT isnt((SELECT array_agg(t ORDER BY t) FROM (SELECT r3_test::text t FROM r3_test) a),
	(SELECT array_agg(t ORDER BY t) FROM (SELECT r_test::text t FROM r_test) a), 'another seed, another split');

-- by time: each user's latest rows
SELECT lives_ok($$SELECT split('events', 't', 0.3, 'time')$$, 'time split');
SELECT is((SELECT count(*)::int FROM t_test s JOIN t_train r USING (user_id) WHERE r.ts > s.ts), 0,
	'test rows are later than every train row of the user');

-- bad input
SELECT throws_ok($$SELECT split('events', 'b', -0.1)$$, '22023', NULL, 'negative test_fraction');
SELECT throws_ok($$SELECT split('events', 'b', 1)$$, '22023', 'test_fraction must be at least 0 and below 1, not 1', 'test_fraction of 1');
SELECT throws_ok($$SELECT split('events', 'b', 0.2, 'sideways')$$, '22023', 'unknown split method "sideways"', 'unknown method');
SELECT throws_ok($$SELECT split('events', 'b', 0.2, 'time', '{"time_col": "nope"}')$$, '42703', NULL, 'missing time column');
SELECT throws_ok($$SELECT split('events', 'r', 0.2)$$, '42P07', NULL, 'existing tables are not replaced');
SELECT throws_ok($$SELECT split('events; DROP TABLE victim', 'b', 0.2)$$, '42602', NULL, 'injection through the source name');
SELECT throws_ok($$SELECT split('SELECT 1 AS user_id) AS src; DROP TABLE victim; SELECT * FROM (SELECT 1 AS user_id', 'b', 0.2)$$,
	'42601', 'source must be a table or view name, or a single query', 'injection of statements through a query source');
SELECT has_table('victim', 'the injection attempts did no harm');

SELECT * FROM finish();
ROLLBACK;
