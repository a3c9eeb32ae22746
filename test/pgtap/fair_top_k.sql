-- pgTAP: the aggregate fair_top_k against rerank_fair, serial and in parallel plans
BEGIN;
SET search_path = public, recfair;
SELECT plan(30);

-- the hand-checked list of test/fair.sql (equal, strength 1)
SELECT is((SELECT string_agg(r.item_id || ':' || coalesce(r.group_value, 'NULL'), ' ' ORDER BY r.rank)
		   FROM (SELECT fair_top_k(i, s, g, 4) AS l FROM (VALUES (1::bigint, 0.9::real, 'A'), (2, 0.8, 'A'), (3, 0.7, 'A'),
				(4, 0.3, 'B'), (5, 0.2, 'B')) v(i, s, g)) t, unnest(t.l) r),
	'1:A 4:B 5:B 2:A', 'equal, strength 1: the hand-checked list of rerank_fair');
SELECT is((SELECT array_agg(attname::text ORDER BY attnum) FROM pg_attribute
		   WHERE attrelid = 'recfair.ranked_item'::regclass AND attnum > 0),
	ARRAY['rank', 'item_id', 'score', 'group_value'], 'ranked_item unnests to (rank, item_id, score, group_value)');
SELECT is((SELECT (unnest(fair_top_k(i, s, g, 2, 'catalog', 0))).item_id FROM (VALUES (7::bigint, 0.5::real, 'x')) v(i, s, g)),
	7::bigint, '(unnest(l)).* works on the result');

-- 400 random candidate sets: 1 to 60 candidates (some sets up to 400), scores with ties, groups A-E and
-- NULL, every target kind, strengths 0 to 1, k 1 to 15; stored in random order so that workers get
-- parts of every set
SELECT setseed(0.14);
CREATE TABLE ftk_sets AS
SELECT s AS set_id, 1 + floor(random() * 15)::int AS k,
	(ARRAY['equal', 'catalog', 'merit', '{"A": 0.5, "B": 0.3, "E": 0.2}', '{"C": 1}', '{"Z": 1}'])[1 + floor(random() * 6)::int] AS target,
	(ARRAY[0, 0.25, 0.5, 0.9, 1])[1 + floor(random() * 5)::int]::real AS strength,
	CASE WHEN s % 20 = 0 THEN 100 + floor(random() * 300)::int ELSE 1 + floor(random() * 60)::int END AS n,
	1 + floor(random() * 6)::int AS ngroups
FROM generate_series(1, 400) s;
CREATE TABLE ftk_cands AS
SELECT set_id, k, target, strength, (set_id * 1000 + i)::bigint AS item_id,
	CASE WHEN random() < 0.2 THEN round(random()::numeric, 1)::real ELSE (random() * 2 - 0.5)::real END AS score,
	(ARRAY['A', 'B', 'C', 'D', 'E', NULL])[1 + floor(random() * ngroups)::int] AS grp
FROM ftk_sets, generate_series(1, n) i ORDER BY random();
ANALYZE ftk_cands;
-- what rerank_fair makes of each set
CREATE TABLE ftk_expected AS
SELECT set_id, (SELECT coalesce(array_agg(ROW(r.rank, r.item_id, r.score, r.group_value)::ranked_item ORDER BY r.rank), '{}')
				FROM rerank_fair(a.ids, a.scores, a.groups, a.k, a.target, a.strength) r) AS l
FROM (SELECT set_id, k, target, strength, array_agg(item_id) AS ids, array_agg(score) AS scores, array_agg(grp) AS groups
	  FROM ftk_cands GROUP BY set_id, k, target, strength) a;
CREATE FUNCTION pg_temp.mismatches(q text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	n bigint;
BEGIN
	EXECUTE format('SELECT count(*) FROM ftk_expected e FULL JOIN (%s) a USING (set_id) WHERE e.l IS DISTINCT FROM a.l', q) INTO n;
	RETURN n;
END $$;
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	line text;
	plan text := '';
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || q LOOP
		plan := plan || line || E'\n';
	END LOOP;
	RETURN plan;
END $$;
SELECT ok((SELECT count(*) FROM ftk_expected WHERE cardinality(l) > 0) = 400, 'every set has a list');
SELECT ok((SELECT count(*) FROM ftk_expected e JOIN ftk_sets s USING (set_id)
		   WHERE cardinality(e.l) <> least(s.k, s.n)) = 0, 'lists of min(k, candidates)');

SET LOCAL max_parallel_workers_per_gather = 0;
SELECT is(pg_temp.mismatches('SELECT set_id, fair_top_k(item_id, score, grp, k, target, strength) AS l FROM ftk_cands GROUP BY set_id'),
	0::bigint, 'serial: fair_top_k equals rerank_fair on 400 random sets');
SELECT is(pg_temp.mismatches('SELECT set_id, fair_top_k(item_id, score, grp, k, target, strength ORDER BY score DESC) AS l
							 FROM ftk_cands GROUP BY set_id'),
	0::bigint, 'ORDER BY score DESC in the call: the same lists');
SELECT is(pg_temp.mismatches('SELECT set_id, fair_top_k(item_id, score, grp, k, target, strength ORDER BY score, item_id DESC) AS l
							 FROM ftk_cands GROUP BY set_id'),
	0::bigint, 'the rows in the reverse order: the same lists');
SELECT is(pg_temp.mismatches('SELECT set_id, fair_top_k(item_id, score, grp, k) AS l FROM ftk_cands WHERE target = ''equal'' AND strength = 1
							 GROUP BY set_id UNION ALL SELECT set_id, l FROM ftk_expected WHERE NOT (set_id IN
							 (SELECT set_id FROM ftk_sets WHERE target = ''equal'' AND strength = 1))'),
	0::bigint, 'without target and strength: rerank_fair''s defaults (equal, 1)');

-- parallel: partial aggregates in the workers, combined in the leader
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL enable_hashagg = off;
SELECT matches(pg_temp.plan_of('SELECT set_id, fair_top_k(item_id, score, grp, k, target, strength) FROM ftk_cands GROUP BY set_id'),
	'Partial GroupAggregate', 'the plan aggregates in the workers (sorted groups)');
SELECT matches(pg_temp.plan_of('SELECT set_id, fair_top_k(item_id, score, grp, k, target, strength) FROM ftk_cands GROUP BY set_id'),
	'Workers Launched: [1-9]', 'and the workers ran');
SELECT is(pg_temp.mismatches('SELECT set_id, fair_top_k(item_id, score, grp, k, target, strength) AS l FROM ftk_cands GROUP BY set_id'),
	0::bigint, 'parallel, sorted groups: fair_top_k equals rerank_fair');
RESET enable_hashagg;
SET LOCAL enable_sort = off;
SELECT matches(pg_temp.plan_of('SELECT set_id, fair_top_k(item_id, score, grp, k, target, strength) FROM ftk_cands GROUP BY set_id'),
	'Partial HashAggregate', 'the plan aggregates in the workers (hashed groups)');
SELECT is(pg_temp.mismatches('SELECT set_id, fair_top_k(item_id, score, grp, k, target, strength) AS l FROM ftk_cands GROUP BY set_id'),
	0::bigint, 'parallel, hashed groups: fair_top_k equals rerank_fair');
RESET enable_sort;
-- one group of all 11,000-odd rows split between the workers (serialized, combined)
SELECT matches(pg_temp.plan_of($$SELECT fair_top_k(item_id, score, grp, 50, 'catalog', 0.8) FROM ftk_cands$$),
	'Partial Aggregate', 'one group: a partial aggregate too');
SELECT is((SELECT fair_top_k(item_id, score, grp, 50, 'catalog', 0.8) FROM ftk_cands),
	(SELECT array_agg(ROW(r.rank, r.item_id, r.score, r.group_value)::ranked_item ORDER BY r.rank)
	 FROM (SELECT array_agg(item_id) AS ids, array_agg(score) AS scores, array_agg(grp) AS groups FROM ftk_cands) a,
		rerank_fair(a.ids, a.scores, a.groups, 50, 'catalog', 0.8) r),
	'one group of every row, in parallel: the list of rerank_fair');
SET LOCAL max_parallel_workers_per_gather = 0;

-- NULLs, bad parameters, an item twice, no rows
SELECT throws_ok($$SELECT fair_top_k(i, s, g, 2) FROM (VALUES (1::bigint, 0.5::real, 'A'), (NULL, 0.4, 'B')) v(i, s, g)$$,
	'22004', 'item_id of fair_top_k must not be NULL', 'a NULL item_id');
SELECT throws_ok($$SELECT fair_top_k(i, s, g, 2) FROM (VALUES (1::bigint, 0.5::real, 'A'), (2, NULL, 'B')) v(i, s, g)$$,
	'22004', 'score of fair_top_k must not be NULL (item 2)', 'a NULL score');
SELECT throws_ok($$SELECT fair_top_k(1, 0.5, 'A', NULL)$$, '22004', NULL, 'a NULL k');
SELECT throws_ok($$SELECT fair_top_k(1, 0.5, 'A', 2, NULL, 1)$$, '22004', NULL, 'a NULL target');
SELECT throws_ok($$SELECT fair_top_k(1, 'NaN', 'A', 2)$$, '22023', NULL, 'a NaN score');
SELECT is((SELECT string_agg(r.item_id || ':' || coalesce(r.group_value, 'NULL'), ' ' ORDER BY r.rank)
		   FROM (SELECT fair_top_k(i, s, g, 4) AS l FROM (VALUES (1::bigint, 0.9::real, 'A'), (2, 0.8, 'A'), (3, 0.3, NULL),
				(4, 0.2, NULL)) v(i, s, g)) t, unnest(t.l) r),
	'1:A 3:NULL 4:NULL 2:A', 'NULL group values form a group of their own');
SELECT throws_ok($$SELECT fair_top_k(1, 0.5, 'A', 0)$$, '22023', 'k must be between 1 and 10000, not 0', 'k < 1');
SELECT throws_ok($$SELECT fair_top_k(1, 0.5, 'A', 10001)$$, '22023', NULL, 'k above 10,000');
SELECT throws_ok($$SELECT fair_top_k(1, 0.5, 'A', 2, 'fairish', 1)$$, '22023', 'unknown target "fairish"', 'unknown target');
SELECT throws_ok($$SELECT fair_top_k(1, 0.5, 'A', 2, 'equal', 1.5)$$, '22023', NULL, 'strength above 1');
SELECT throws_ok($$SELECT fair_top_k(i, 0.5, 'A', i::int) FROM generate_series(1, 2) i$$, '22023',
	'k, target and strength of fair_top_k must be the same in every row of a group', 'k changing within a group');
SELECT throws_ok($$SELECT fair_top_k(i, s, g, 2) FROM (VALUES (1::bigint, 0.9::real, 'A'), (1, 0.8, 'B'), (2, 0.1, 'B')) v(i, s, g)$$,
	'22023', 'item_id must not repeat an item: 1 appears more than once', 'an item twice: the error of rerank_fair');
SELECT is((SELECT fair_top_k(item_id, score, grp, 3) FROM ftk_cands WHERE false), '{}'::ranked_item[],
	'no rows: an empty list');
SELECT is((SELECT count(*) FROM (SELECT set_id, fair_top_k(item_id, score, grp, 3) FROM ftk_cands WHERE false GROUP BY set_id) t),
	0::bigint, 'no rows with GROUP BY: no groups');

SELECT * FROM finish();
ROLLBACK;
