-- pgTAP: recfair.split
BEGIN;
SET search_path = recfair, public;
SELECT plan(31);

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
SELECT lives_ok($$SELECT split(NULL, 'r3', 0.5, seed => 7, source_query => 'SELECT * FROM events')$$, 'a query source and a seed');
SELECT isnt((SELECT array_agg(t ORDER BY t) FROM (SELECT r3_test::text t FROM r3_test) a),
	(SELECT array_agg(t ORDER BY t) FROM (SELECT r_test::text t FROM r_test) a), 'another seed, another split');

-- by time: each user's latest rows
SELECT lives_ok($$SELECT split('events', 't', 0.3, 'time')$$, 'time split');
SELECT is((SELECT count(*)::int FROM t_test s JOIN t_train r USING (user_id) WHERE r.ts > s.ts), 0,
	'test rows are later than every train row of the user');

-- rounding: halves go up, on the decimal the caller wrote (0.7 is 0.7, not the real just below it)
SELECT lives_ok($$SELECT split('events', 'half', 0.5)$$, 'split a half');
SELECT is((SELECT array_agg(n ORDER BY user_id) FROM (SELECT user_id, count(*)::int n FROM half_test GROUP BY 1) t),
	ARRAY[1, 2, 2, 3, 3, 4, 4, 5, 5], 'round(n * 0.5) rounds halves up: 3 of 5, 5 of 9');
SELECT lives_ok($$SELECT split('events', 'seven', 0.7)$$, 'split 0.7');
SELECT is((SELECT array_agg(n ORDER BY user_id) FROM (SELECT user_id, count(*)::int n FROM seven_test GROUP BY 1) t),
	(SELECT array_agg(least(u - 1, round(u * 0.7))::int ORDER BY u) FROM generate_series(2, 10) u),
	'round(n * 0.7) in exact decimal: 4 of 5');

-- only the user, item and time columns are hashed; the added columns do not collide with the source's
CREATE TABLE jevents AS
SELECT user_id, item_id, ts, json_build_object('note', note) AS src, 1 AS recfair_split_rank, 'x'::text AS recfair_split_test
FROM events;
SELECT is((SELECT array_agg(table_name::text || '=' || rows ORDER BY table_name::text) FROM split('jevents', 'j', 0.2)),
	ARRAY['j_test=11', 'j_train=44'], 'a json column named src and columns named like split''s own');
SELECT is((SELECT array_agg(t ORDER BY t) FROM (SELECT (user_id, item_id, ts)::text t FROM j_test) a),
	(SELECT array_agg(t ORDER BY t) FROM (SELECT (user_id, item_id, ts)::text t FROM r_test) a),
	'the same split as a source with the same user, item and time columns');
SELECT throws_ok($$SELECT split(NULL, 'b', 0.2, source_query => 'SELECT user_id, ts FROM events')$$, '42703', 'column "item_id" does not exist in the source query',
	'the item column is needed');

-- bad input
SELECT throws_ok($$SELECT split('events', 'b', -0.1)$$, '22023', NULL, 'negative test_fraction');
SELECT throws_ok($$SELECT split('events', 'b', 1)$$, '22023', 'test_fraction must be at least 0 and below 1, not 1', 'test_fraction of 1');
SELECT throws_ok($$SELECT split('events', 'b', 0.2, 'sideways')$$, '22023', 'unknown split method "sideways"', 'unknown method');
SELECT throws_ok($$SELECT split('events', 'b', 0.2, 'time', time_col => 'nope')$$, '42703', NULL, 'missing time column');
SELECT throws_ok($$SELECT split('events', 'r', 0.2)$$, '42P07', NULL, 'existing tables are not replaced');
SELECT throws_ok($$SELECT split('events; DROP TABLE victim', 'b', 0.2)$$, '42602', NULL, 'injection through the source name');
SELECT throws_ok($$SELECT split(NULL, 'b', 0.2, source_query => 'SELECT 1 AS user_id) AS src; DROP TABLE victim; SELECT * FROM (SELECT 1 AS user_id')$$,
	'42601', 'syntax error at or near ")"', 'injection of statements through a query source');
SELECT has_table('victim', 'the injection attempts did no harm');

-- search_path hijack: operators and functions planted in public that record
-- being called.  The generated SQL names pg_catalog's operators and functions
-- with operands of their exact types, so none of these may ever run, with
-- pg_catalog searched first (implicitly) or after public.
CREATE TABLE public.hijack_log (what text);
CREATE FUNCTION public.hj_mul(bigint, double precision) RETURNS double precision LANGUAGE plpgsql AS
	$$ BEGIN INSERT INTO public.hijack_log VALUES ('*(bigint, float8)'); RETURN $1::float8 OPERATOR(pg_catalog.*) $2; END $$;
CREATE OPERATOR public.* (FUNCTION = public.hj_mul, LEFTARG = bigint, RIGHTARG = double precision);
CREATE FUNCTION public.hj_le(bigint, double precision) RETURNS boolean LANGUAGE plpgsql AS
	$$ BEGIN INSERT INTO public.hijack_log VALUES ('<=(bigint, float8)'); RETURN $1::float8 OPERATOR(pg_catalog.<=) $2; END $$;
CREATE OPERATOR public.<= (FUNCTION = public.hj_le, LEFTARG = bigint, RIGHTARG = double precision);
CREATE FUNCTION public.hj_eq8(bigint, bigint) RETURNS boolean LANGUAGE plpgsql AS
	$$ BEGIN INSERT INTO public.hijack_log VALUES ('=(bigint, bigint)'); RETURN $1 OPERATOR(pg_catalog.=) $2; END $$;
CREATE OPERATOR public.= (FUNCTION = public.hj_eq8, LEFTARG = bigint, RIGHTARG = bigint);
CREATE FUNCTION public.hj_lt8(bigint, bigint) RETURNS boolean LANGUAGE plpgsql AS
	$$ BEGIN INSERT INTO public.hijack_log VALUES ('<(bigint, bigint)'); RETURN $1 OPERATOR(pg_catalog.<) $2; END $$;
CREATE OPERATOR public.< (FUNCTION = public.hj_lt8, LEFTARG = bigint, RIGHTARG = bigint);
CREATE FUNCTION public.hj_le8(bigint, bigint) RETURNS boolean LANGUAGE plpgsql AS
	$$ BEGIN INSERT INTO public.hijack_log VALUES ('<=(bigint, bigint)'); RETURN $1 OPERATOR(pg_catalog.<=) $2; END $$;
CREATE OPERATOR public.<= (FUNCTION = public.hj_le8, LEFTARG = bigint, RIGHTARG = bigint);
CREATE FUNCTION public.hj_mi8(bigint, bigint) RETURNS bigint LANGUAGE plpgsql AS
	$$ BEGIN INSERT INTO public.hijack_log VALUES ('-(bigint, bigint)'); RETURN $1 OPERATOR(pg_catalog.-) $2; END $$;
CREATE OPERATOR public.- (FUNCTION = public.hj_mi8, LEFTARG = bigint, RIGHTARG = bigint);
CREATE FUNCTION public.hj_muln(numeric, numeric) RETURNS numeric LANGUAGE plpgsql AS
	$$ BEGIN INSERT INTO public.hijack_log VALUES ('*(numeric, numeric)'); RETURN $1 OPERATOR(pg_catalog.*) $2; END $$;
CREATE OPERATOR public.* (FUNCTION = public.hj_muln, LEFTARG = numeric, RIGHTARG = numeric);
CREATE FUNCTION public.round(numeric) RETURNS numeric LANGUAGE plpgsql AS
	$$ BEGIN INSERT INTO public.hijack_log VALUES ('round(numeric)'); RETURN pg_catalog.round($1, 0); END $$;
CREATE FUNCTION public.round(double precision) RETURNS double precision LANGUAGE plpgsql AS
	$$ BEGIN INSERT INTO public.hijack_log VALUES ('round(float8)'); RETURN pg_catalog.dround($1); END $$;
CREATE FUNCTION public.hj_count(bigint) RETURNS bigint LANGUAGE plpgsql AS
	$$ BEGIN INSERT INTO public.hijack_log VALUES ('count(*)'); RETURN $1 OPERATOR(pg_catalog.+) 1; END $$;
CREATE AGGREGATE public.count(*) (SFUNC = public.hj_count, STYPE = bigint, INITCOND = '0');

DO $$
BEGIN
	PERFORM pg_catalog.set_config('search_path', 'public, recfair', true);
	PERFORM recfair.split('events', 'hj1', 0.25);
	PERFORM recfair.split('events', 'hj1t', 0.25, 'time');
	PERFORM recfair.generate_dataset('hj1', 50, 40, 500);
	PERFORM recfair.train('hj1', 'hj1_train', factors => 2, iterations => 2);
	PERFORM recfair.evaluate('hj1', 'hj1_test', 5);
	PERFORM pg_catalog.set_config('search_path', 'recfair, public', true);
END $$;
SELECT is((SELECT pg_catalog.array_agg(DISTINCT what) FROM public.hijack_log), NULL,
	'with search_path public, recfair no operator or function planted in public runs');
SELECT is((SELECT pg_catalog.count(*)::int FROM hj1t_test), 15, 'and the split still splits');

-- split's and evaluate's SQL alone (train reads models and factors with SQL of its own)
DELETE FROM public.hijack_log;
DO $$
BEGIN
	PERFORM pg_catalog.set_config('search_path', 'public, pg_catalog, recfair', true);
	PERFORM recfair.split('events', 'hj2', 0.25);
	PERFORM recfair.split('events', 'hj2t', 0.25, 'time');
	PERFORM recfair.generate_dataset('hj2', 50, 40, 500);
	PERFORM recfair.evaluate('hj1', 'hj1_test', 5);
	PERFORM pg_catalog.set_config('search_path', 'recfair, public', true);
END $$;
SELECT is((SELECT pg_catalog.array_agg(DISTINCT what) FROM public.hijack_log), NULL,
	'with public searched before pg_catalog no operator or function planted in public runs either');
SELECT is((SELECT pg_catalog.array_agg(t ORDER BY t) FROM (SELECT hj2_test::text t FROM hj2_test) a),
	(SELECT pg_catalog.array_agg(t ORDER BY t) FROM (SELECT hj1_test::text t FROM hj1_test) a), 'and the split is the same');

SELECT * FROM finish();
ROLLBACK;
