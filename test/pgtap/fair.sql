-- pgTAP: fair re-ranking (rerank_fair, recommend_fair), amortized mode, exposure metrics
BEGIN;
SET search_path = public, recfair;
SELECT plan(85);

CREATE FUNCTION pg_temp.rr(target text, strength real, k int, ids bigint[], scores real[], groups text[])
RETURNS text LANGUAGE sql AS $$
	SELECT string_agg(item_id || ':' || coalesce(group_value, 'NULL'), ' ' ORDER BY rank)
	FROM recfair.rerank_fair(ids, scores, groups, k, target, strength) $$;

-- Two groups: A has 0.9, 0.8, 0.7; B has 0.3, 0.2.  Exposure v(r) = 1/log2(r+1).
-- Equal, strength 1 (hand-computed deficits t*(E+v) - got):
--   r1: A .5, B .5 tie -> best overall (1, A); r2: A -.18, B .82 -> 4 (B);
--   r3: A .07, B .43 -> 5 (B); r4: A .28, B .15 -> 2 (A)
SELECT is(pg_temp.rr('equal', 1, 4, '{1,2,3,4,5}', '{.9,.8,.7,.3,.2}', '{A,A,A,B,B}'), '1:A 4:B 5:B 2:A',
	'equal, strength 1: hand-checked');
SELECT is(pg_temp.rr('equal', 0, 4, '{1,2,3,4,5}', '{.9,.8,.7,.3,.2}', '{A,A,A,B,B}'), '1:A 2:A 3:A 4:B',
	'strength 0 is the plain ranking');
SELECT is(pg_temp.rr('equal', 1, 4, '{1,2,3,4}', '{.9,.8,.7,.3}', '{A,A,A,B}'), '1:A 4:B 2:A 3:A',
	'a group with fewer items than its share gives way when it runs out');
-- catalog: shares 3/5 and 2/5: r1 A; r2: A -.02, B .65 -> B; r3: A .28, B .22 -> A; r4: A .04, B .39 -> B
SELECT is(pg_temp.rr('catalog', 1, 4, '{1,2,3,4,5}', '{.9,.8,.7,.3,.2}', '{A,A,A,B,B}'), '1:A 4:B 2:A 5:B',
	'catalog target (shares of the candidates): hand-checked');
-- merit: score mass A 2.4, B .5 -> .83/.17: r1 A; r2 A .35 vs B .28 -> A; r3 A .13 vs B .37 -> B; r4 A
SELECT is(pg_temp.rr('merit', 1, 4, '{1,2,3,4,5}', '{.9,.8,.7,.3,.2}', '{A,A,A,B,B}'), '1:A 2:A 4:B 3:A',
	'merit target: hand-checked');
SELECT is(pg_temp.rr('{"A": 1}', 1, 4, '{1,2,3,4,5}', '{.9,.8,.7,.3,.2}', '{A,A,A,B,B}'), '1:A 2:A 3:A 4:B',
	'explicit shares: a group with share 0 only fills what is left');
SELECT is(pg_temp.rr('{"A": 0.5, "B": 0.5}', 1, 4, '{1,2,3,4,5}', '{.9,.8,.7,.3,.2}', '{A,A,A,B,B}'), '1:A 4:B 5:B 2:A',
	'explicit equal shares are the equal target');
-- three groups, equal: r1 tie -> 1 (A); r2 B and C tie at .54 -> B first; r3 C .71 -> 4 (C)
SELECT is(pg_temp.rr('equal', 1, 3, '{1,2,3,4,5}', '{.9,.8,.5,.4,.1}', '{A,A,B,C,C}'), '1:A 3:B 4:C',
	'three groups: hand-checked');
SELECT is(pg_temp.rr('equal', 1, 4, '{1,2,3,4}', '{.9,.8,.3,.2}', ARRAY['A','A',NULL,NULL]), '1:A 3:NULL 4:NULL 2:A',
	'NULL group values form a group of their own');
SELECT is(pg_temp.rr('equal', 1, 10, '{1,2}', '{.9,.8}', '{A,B}'), '1:A 2:B', 'k larger than the candidates');
SELECT ok((SELECT bool_and(d1 >= d2) FROM (
	SELECT s, abs(sum(1 / log(2, rank + 1)) FILTER (WHERE group_value = 'B') / sum(1 / log(2, rank + 1)) - 0.5) AS d1,
		lead(abs(sum(1 / log(2, rank + 1)) FILTER (WHERE group_value = 'B') / sum(1 / log(2, rank + 1)) - 0.5), 1, 0) OVER (ORDER BY s) AS d2
	FROM unnest(ARRAY[0, 0.25, 0.5, 0.75, 1]::real[]) s,
		recfair.rerank_fair((SELECT array_agg(i::bigint) FROM generate_series(1, 40) i),
			(SELECT array_agg((1 - i / 50.0)::real) FROM generate_series(1, 40) i),
			(SELECT array_agg(CASE WHEN i % 5 = 0 THEN 'B' ELSE 'A' END) FROM generate_series(1, 40) i), 10, 'equal', s)
	GROUP BY s) t), 'the deviation from the target falls as strength rises');

-- bad input to rerank_fair
SELECT throws_ok($$SELECT * FROM rerank_fair('{1,2}', '{.5}', '{A,B}', 2)$$, '2202E', NULL, 'arrays of different lengths');
SELECT throws_ok($$SELECT * FROM rerank_fair('{1,2}', ARRAY[.5, NULL]::real[], '{A,B}', 2)$$, '22004',
	'scores must not contain NULL (position 2)', 'a NULL score');
SELECT throws_ok($$SELECT * FROM rerank_fair('{1,2}', '{.5,.4}', '{A,B}', 0)$$, '22023', NULL, 'k < 1');
SELECT throws_ok($$SELECT * FROM rerank_fair('{1,2}', '{.5,.4}', '{A,B}', 2, 'fairish')$$, '22023', 'unknown target "fairish"',
	'unknown target');
SELECT throws_ok($$SELECT * FROM rerank_fair('{1,2}', '{.5,.4}', '{A,B}', 2, 'equal', 1.5)$$, '22023', NULL, 'strength above 1');
SELECT throws_ok($$SELECT * FROM rerank_fair('{1,1,2}', '{.9,.8,.1}', '{A,B,B}', 2)$$, '22023',
	'item_ids must not repeat an item: 1 appears more than once', 'an item twice');
SELECT throws_ok($$SELECT * FROM rerank_fair('{1,2}', '{.5,.4}', '{A,B}', 2, '{bad')$$, '22023',
	'the target is not a valid jsonb object of shares', 'malformed jsonb target');
SELECT throws_ok($$SELECT * FROM rerank_fair('{1,2}', '{.5,.4}', '{A,B}', 2, '{"A": 0, "B": 0}')$$, '22023',
	'the target must give some group a positive share', 'explicit shares all 0');
SELECT throws_ok($$SELECT * FROM rerank_fair('{1,2}', '{.5,.4}', '{A,B}', 2, '{}')$$, '22023', NULL, 'an empty target object');
SELECT throws_ok($$SELECT * FROM rerank_fair('{1,2}', '{.5,.4}', '{A,B}', 2, '{"A": "half"}')$$, '22023',
	'the target share of "A" must be a number', 'a share that is not a number');
SELECT throws_ok($$SELECT * FROM rerank_fair('{1,2}', '{.5,.4}', '{A,B}', 2, '{"Z": "half"}')$$, '22023', NULL,
	'shares are checked even for groups the candidates lack');
SELECT is(pg_temp.rr('{"Z": 1}', 1, 4, '{1,2,3,4,5}', '{.9,.8,.7,.3,.2}', '{A,A,A,B,B}'), '1:A 2:A 3:A 4:B',
	'a target naming none of the candidates'' groups: no group is due anything, the plain ranking');
-- a long re-ranking is cancellable: 300,000 candidates in as many groups, k = 10,000 took 9 s to notice
-- a statement_timeout before the re-ranker checked for interrupts
CREATE TEMP TABLE many_cands AS SELECT array_agg(i::bigint) AS ids, array_agg(((i::bigint * 7919) % 300007)::real) AS scores,
	array_agg(i::text) AS groups FROM generate_series(1, 300000) i;
CREATE FUNCTION pg_temp.seconds_to_cancel() RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
BEGIN
	PERFORM count(*) FROM many_cands, recfair.rerank_fair(ids, scores, groups, 10000);
	RETURN -1;					-- finished: not cancelled
EXCEPTION WHEN query_canceled THEN
	RETURN extract(epoch FROM clock_timestamp() - t0);
END $$;
SET statement_timeout = '300ms';
CREATE TEMP TABLE cancelled AS SELECT pg_temp.seconds_to_cancel() AS seconds;
RESET statement_timeout;
SELECT ok((SELECT seconds BETWEEN 0 AND 3 FROM cancelled), 'statement_timeout cancels a long re-ranking promptly');

-- recommend_fair on planted data: users 1-20 like items 1-10 (brand x), users 21-40 items 11-20 (brand y)
CREATE TABLE planted AS
SELECT u AS user_id, i AS item_id FROM generate_series(1, 40) u, generate_series(1, 20) i
WHERE (u <= 20) = (i <= 10) AND (u * 7 + i * 3) % 5 <> 0;
CREATE TABLE planted_items AS
SELECT i AS item_id, CASE WHEN i <= 10 THEN 'x' ELSE 'y' END AS brand, CASE WHEN i % 3 = 0 THEN NULL ELSE 'tier' || i % 2 END AS tier
FROM generate_series(1, 20) i;
CREATE TABLE planted_users AS SELECT u AS user_id, CASE WHEN u <= 20 THEN 'g1' ELSE 'g2' END AS grp FROM generate_series(1, 40) u;
CREATE TABLE victim (x int);
SELECT lives_ok($$SELECT recfair.train('pl', 'planted', factors => 4, iterations => 10, regularization => 0.1)$$, 'train');
SELECT throws_ok($$SELECT * FROM recommend_fair(1, 4, 'brand', 'pl')$$, '55000', NULL, 'no registered item table: an error with a hint');
SELECT lives_ok($$SELECT recfair.register_tables('pl', items => 'planted_items', users => 'planted_users')$$, 'register the tables');
SELECT is((SELECT array_agg(item_id ORDER BY rank) FROM recommend_fair(1, 4, 'brand', 'pl', strength => 0)),
	(SELECT array_agg(item_id ORDER BY rank) FROM recommend(1, 4, 'pl')), 'strength 0: the plain recommendations');
SELECT is((SELECT array_agg(DISTINCT group_value) FROM recommend_fair(1, 2, 'brand', 'pl', strength => 0)), '{x}',
	'plain: only the user''s own brand');
SELECT is((SELECT string_agg(group_value, ' ' ORDER BY rank) FROM recommend_fair(1, 4, 'brand', 'pl')), 'x y y x',
	'strength 1: the other brand gets its share, placed by deficit');
SELECT is((SELECT count(*)::int FROM recommend_fair(1, 6, 'tier', 'pl') WHERE group_value IS NULL), 2,
	'NULL group values form a group');
SELECT is((SELECT count(*)::int FROM recommend_fair(99999, 4, 'brand', 'pl')), 0, 'unknown user: no rows');
SELECT throws_ok($$SELECT * FROM recommend_fair(1, 4, 'nope', 'pl')$$, '42703', NULL, 'a group column that does not exist');
SELECT throws_ok($$SELECT * FROM recommend_fair(1, 4, 'brand; DROP TABLE victim', 'pl')$$, '42703', NULL,
	'injection through group_col');
SELECT has_table('victim', 'the injection attempt did no harm');
SELECT throws_ok($$SELECT * FROM recommend_fair(1, 4, 'brand', 'pl', candidates => 2)$$, '22023', NULL, 'candidates below k');
-- NULL arguments: a NULL user is an unknown user (no rows, as from recommend); a NULL k is an error everywhere
SELECT is((SELECT count(*) FROM recommend_fair(NULL, 4, 'brand', 'pl')), 0::bigint, 'recommend_fair for a NULL user: no rows');
SELECT throws_ok($$SELECT * FROM recommend_fair(1, NULL, 'brand', 'pl')$$, '22004', NULL, 'recommend_fair with a NULL k');
SELECT throws_ok($$SELECT * FROM recommend(1, NULL, 'pl')$$, '22004', 'k must not be NULL', 'recommend with a NULL k, as recommend_fair');
SELECT is((SELECT count(*) FROM recommend(NULL, 4, 'pl')), 0::bigint, 'recommend for a NULL user: no rows');
SELECT throws_ok($$SELECT * FROM similar_items(1, NULL, 'pl')$$, '22004', 'k must not be NULL', 'similar_items with a NULL k');
SELECT throws_ok($$SELECT * FROM recommend_for_items('{1}', NULL, 'pl')$$, '22004', 'k must not be NULL',
	'recommend_for_items with a NULL k');
SELECT lives_ok($$SELECT recfair.train('plpop', 'planted', algorithm => 'popularity')$$, 'a popularity model');
SELECT throws_ok($$SELECT * FROM similar_items(1, 3, 'plpop')$$, '42809', NULL,
	'similar_items on a popularity model: an error, not lists of equal cosines');
SELECT throws_ok(format($$SELECT * FROM recommend_fair(1, 4, %L, 'pl')$$, repeat('g', 70)), '42622', NULL,
	'a group column name longer than an identifier');
CREATE TEMP TABLE planted_items_tmp AS SELECT * FROM planted_items;
SELECT throws_ok($$SELECT recfair.train('pltmp', 'planted', factors => 2, iterations => 1,
	items => 'planted_items_tmp')$$, '22023', NULL, 'train does not register a temporary table');
CREATE TABLE planted_items_textkey AS SELECT item_id::text AS item_id, brand FROM planted_items;
SELECT recfair.train('pltext', 'planted', factors => 2, iterations => 1, items => 'planted_items_textkey');
SELECT throws_ok($$SELECT * FROM recommend_fair(1, 4, 'brand', 'pltext')$$, '42804', NULL,
	'a registered table whose key is not an integer column');
-- a target beyond double precision: a short 22023, not 22003 quoting 400 digits
SELECT throws_ok(format($$SELECT * FROM rerank_fair('{1,2}', '{.5,.4}', '{A,B}', 2, '{"A": 1e400}')$$), '22023',
	'the target share of "A" is too large', 'a share beyond double precision');
SELECT throws_ok($$SELECT * FROM recommend_fair(1, 4, 'brand', 'pl', options => '{"amortised": true}')$$, '22023', NULL,
	'unknown option');
SELECT throws_ok($$SELECT * FROM recommend_fair(1, 4, 'brand', 'pl', target => '{"x": 1, "X": 1}')$$, '22023',
	'the target names "X", which is not a value of column "brand"', 'a target naming a value the item table lacks');
-- group values are read again after a rollback (here of a savepoint) that may have changed them
ALTER TABLE planted_items ADD COLUMN shelf text;
SAVEPOINT shelved;
UPDATE planted_items SET shelf = 'rolled back';
SELECT is((SELECT array_agg(DISTINCT group_value) FROM recommend_fair(1, 4, 'shelf', 'pl')), '{"rolled back"}',
	'the transaction sees its own change');
ROLLBACK TO SAVEPOINT shelved;
SELECT is((SELECT count(*)::int FROM recommend_fair(1, 4, 'shelf', 'pl') WHERE group_value IS NULL), 4,
	'after the rollback, the values as they are');
-- the equal target counts only groups the model has items of
ALTER TABLE planted_items ADD COLUMN aisle text;
UPDATE planted_items SET aisle = brand;
INSERT INTO planted_items (item_id, aisle) VALUES (999, 'ghost');
SELECT is((SELECT array_agg(round(target_share::numeric, 3) ORDER BY group_value) FROM exposure_report('pl', 'aisle', 4)),
	'{0.000,0.500,0.500}', 'equal target: a group without items in the model is due nothing');
DELETE FROM planted_items WHERE item_id = 999;
-- a role reads the groups with its own privileges and row security, not from another role's cache
CREATE ROLE fair_reader;
GRANT USAGE ON SCHEMA recfair TO fair_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA recfair TO fair_reader;
GRANT SELECT ON planted_items TO fair_reader;
ALTER TABLE planted_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY only_y ON planted_items TO fair_reader USING (brand = 'y');
SELECT is((SELECT count(*)::int FROM recommend_fair(1, 2, 'brand', 'pl', strength => 0) WHERE group_value = 'x'), 2,
	'the table owner sees brand x');
SET ROLE fair_reader;
SELECT is((SELECT count(*)::int FROM recommend_fair(1, 2, 'brand', 'pl', strength => 0) WHERE group_value IS NULL), 2,
	'a role whose policy hides brand x sees those items as the NULL group');
RESET ROLE;
REVOKE SELECT ON planted_items FROM fair_reader;
SET ROLE fair_reader;
SELECT throws_ok($$SELECT * FROM recommend_fair(1, 4, 'brand', 'pl')$$, '42501', NULL,
	'a privilege revoked: permission denied, not a cached answer');
RESET ROLE;
ALTER TABLE planted_items DISABLE ROW LEVEL SECURITY;

-- amortized: lists lean toward the group behind, so parity holds over many calls
SELECT lives_ok($$SELECT count(*) FROM generate_series(1, 60) n,
	recommend_fair(1 + n % 20, 3, 'brand', 'pl', amortized => true, options => '{"deficit_scale": 1}')$$, '60 amortized calls');
SELECT ok((SELECT abs(share - 0.5) < 0.05 FROM fair_exposure_state WHERE model = 'pl' AND group_value = 'y'),
	'amortized: the other brand''s cumulative share is within 0.05 of its target');
SELECT ok((SELECT plain_share < 0.3 AND share > plain_share + 0.15 FROM fair_exposure_state WHERE model = 'pl' AND group_value = 'y'),
	'the state also shows what plain lists would have given');
-- the prices are in units of the model's typical best score: two fresh copies of the model, one with item
-- factors four times larger (every score x4, exactly), make the same amortized lists
CREATE FUNCTION pg_temp.copy_model(new_name text, times real) RETURNS void LANGUAGE sql AS $$
	INSERT INTO recfair.models (name, algorithm, hyperparameters, factors, users, items, interactions, source,
		user_table, user_key, item_table, item_key, training_seconds, loss)
	SELECT new_name, algorithm, hyperparameters, factors, users, items, interactions, source,
		user_table, user_key, item_table, item_key, training_seconds, loss FROM recfair.models WHERE models.name = 'pl';
	INSERT INTO recfair.user_factors SELECT new_name, user_id, factors, bias, seen FROM recfair.user_factors WHERE model = 'pl';
	INSERT INTO recfair.item_factors SELECT new_name, item_id, factors * times, bias FROM recfair.item_factors WHERE model = 'pl';
$$;
SELECT is((SELECT array_agg(item_id ORDER BY rank) FROM recommend_fair(1, 4, 'brand', 'pl', strength => 0,
		amortized => true, options => '{"deficit_scale": 1}')),
	(SELECT array_agg(item_id ORDER BY rank) FROM recommend(1, 4, 'pl')), 'amortized, strength 0: the plain ranking after all');
SELECT pg_temp.copy_model('pl1', 1), pg_temp.copy_model('pl4', 4);
SELECT is((SELECT array_agg(r.item_id ORDER BY n, r.rank) FROM generate_series(1, 40) n,
		recommend_fair(1 + n % 20, 3, 'brand', 'pl4', amortized => true, options => '{"deficit_scale": 1}') r),
	(SELECT array_agg(r.item_id ORDER BY n, r.rank) FROM generate_series(1, 40) n,
		recommend_fair(1 + n % 20, 3, 'brand', 'pl1', amortized => true, options => '{"deficit_scale": 1}') r),
	'amortized lists do not depend on the scale of the scores');
SELECT ok((SELECT count(*) FROM fair_exposure WHERE model IN ('pl1', 'pl4')) > 0, 'the copies have amortized state');
SELECT drop_model('pl1'), drop_model('pl4');
SELECT is((SELECT count(*)::int FROM fair_exposure WHERE model IN ('pl1', 'pl4')), 0, 'drop_model removes it');
SELECT is(reset_fair_exposure('pl'), (SELECT count(*) FROM fair_exposure WHERE model = 'pl'), 'reset returns the rows deleted');
SELECT is((SELECT count(*)::int FROM fair_exposure_state WHERE model = 'pl'), 0, 'reset empties the state');

-- exposure metrics in evaluate, and exposure_report
CREATE TABLE planted_test AS
SELECT u AS user_id, i AS item_id FROM generate_series(1, 40) u, generate_series(1, 20) i
WHERE (u <= 20) = (i <= 10) AND (u * 7 + i * 3) % 5 = 0;
SELECT is((SELECT round(value::numeric, 6) FROM evaluate('pl', 'planted_test', 4, group_col => 'brand') WHERE metric = 'exposure_disparity@4'),
	(SELECT round((sum(abs(share - target_share)) / 2)::numeric, 6) FROM exposure_report('pl', 'brand', 4,
		users_query => 'SELECT DISTINCT user_id FROM planted_test')), 'disparity = half the sum of |share - target| of exposure_report');
-- users 1-20 alone: plain lists lean to their brand x (disparity 0.14 when written), fair ones less
SELECT ok((SELECT value FROM evaluate('pl', NULL, 4, group_col => 'brand', fair => true, test_query => 'SELECT * FROM planted_test WHERE user_id <= 20') WHERE metric = 'exposure_disparity@4')
	< (SELECT value - 0.05 FROM evaluate('pl', NULL, 4, group_col => 'brand', test_query => 'SELECT * FROM planted_test WHERE user_id <= 20') WHERE metric = 'exposure_disparity@4'),
	'fair lists are fairer');
SELECT is((SELECT array_agg(metric ORDER BY metric) FROM evaluate('pl', 'planted_test', 4, user_group_col => 'grp') WHERE metric LIKE 'ndcg%'),
	ARRAY['ndcg@4', 'ndcg@4[g1]', 'ndcg@4[g2]', 'ndcg_gap@4'], 'ndcg per user group and the gap');
SELECT throws_ok($$SELECT * FROM evaluate('pl', 'planted_test', 4, fair => true)$$, '22023', NULL, 'fair needs group_col');
SELECT ok((SELECT count(DISTINCT round(target_share::numeric, 6)) FROM exposure_report('pl', 'brand', 4, true,
		users_query => 'SELECT DISTINCT user_id FROM planted_test', target => 'merit', strength => 1, amortized => true)) = 2,
	'amortized mode with the merit target uses the candidates'' scores, not equal shares');

-- bad input to exposure_report, register_tables and the user-group metrics
SELECT throws_ok($$SELECT * FROM exposure_report('pl', 'nope')$$, '42703', NULL, 'exposure_report: a missing column');
SELECT throws_ok($$SELECT * FROM exposure_report('pl', 'brand', 0)$$, '22023', NULL, 'exposure_report: k < 1');
SELECT throws_ok($$SELECT * FROM exposure_report('pl', 'brand', 4, true, NULL, 'equal', 2)$$, '22023', NULL,
	'exposure_report: strength above 1');
SELECT throws_ok($$SELECT * FROM exposure_report('pl', NULL)$$, '22004', NULL, 'exposure_report: a NULL column');
SELECT throws_ok($$SELECT * FROM exposure_report('nope', 'brand')$$, '42704', NULL, 'exposure_report: unknown model');
SELECT throws_ok($$SELECT register_tables('nope', items => 'planted_items')$$, '42704', 'model "nope" does not exist',
	'register_tables: unknown model');
SELECT throws_ok($$SELECT register_tables('pl', items => 'planted_items', item_key => 'nope')$$, '42703', NULL,
	'register_tables: a missing key column');
SELECT throws_ok($$SELECT register_tables('pl', items => 'no_such_table')$$, '42P01', NULL,
	'register_tables: a missing table');
SELECT lives_ok($$SELECT recfair.train('bare', 'planted', factors => 2, iterations => 2)$$, 'a model without tables');
SELECT throws_ok($$SELECT * FROM evaluate('bare', 'planted_test', 4, user_group_col => 'grp')$$, '55000', NULL,
	'user_group_col without a registered user table');
SELECT throws_ok($$SELECT * FROM evaluate('pl', 'planted_test', 4, user_group_col => 'nope')$$, '42703', NULL,
	'user_group_col: a missing column');

-- a retrain without the items option keeps the tables registered with register_tables
SELECT lives_ok($$SELECT recfair.train('pl', 'planted', factors => 4, iterations => 10, regularization => 0.1)$$, 'retrain');
SELECT is((SELECT count(*)::int FROM recommend_fair(1, 4, 'brand', 'pl')), 4, 'the registered item table survives a retrain');

-- a test query that loads four other models must not evict the evaluated one from the cache
SELECT lives_ok($$SELECT recfair.train('m' || i, 'planted', factors => 2, iterations => 2) FROM generate_series(1, 4) i$$,
	'four more models');
SELECT is((SELECT value FROM evaluate('pl', NULL, 4, test_query => $q$SELECT * FROM planted_test WHERE
		(SELECT count(*) FROM recommend(1, 1, 'm1')) + (SELECT count(*) FROM recommend(1, 1, 'm2'))
		+ (SELECT count(*) FROM recommend(1, 1, 'm3')) + (SELECT count(*) FROM recommend(1, 1, 'm4')) >= 0$q$,
		group_col => 'brand') WHERE metric = 'ndcg@4'),
	(SELECT value FROM evaluate('pl', 'planted_test', 4, group_col => 'brand') WHERE metric = 'ndcg@4'),
	'a test source that uses other models: the same metrics');

SELECT * FROM finish();
ROLLBACK;
