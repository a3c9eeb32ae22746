-- pgTAP: grant_serving() gives a read-only role what serving needs, in one call; without it, the errors name it
BEGIN;
SET search_path = public, recfair;
SELECT plan(19);

CREATE TABLE ro_inter AS
SELECT u AS user_id, i AS item_id FROM generate_series(1, 30) u, generate_series(1, 12) i
WHERE (u <= 15) = (i <= 6) AND (u + i) % 4 <> 0;
CREATE TABLE ro_items AS SELECT i AS item_id, CASE WHEN i % 2 = 0 THEN 'x' ELSE 'y' END AS brand FROM generate_series(1, 12) i;
SELECT lives_ok($$SELECT train('ro', 'ro_inter', factors => 4, iterations => 5, items => 'ro_items')$$, 'a model with a registered table');
CREATE ROLE ro_bi;
CREATE ROLE ro_none;

-- without grants: the error names the fix
GRANT USAGE ON SCHEMA recfair TO ro_none;
SET LOCAL ROLE ro_none;
SELECT throws_ok($$SELECT * FROM recfair.recommend(1, 3, 'ro')$$, '42501', 'permission denied for table recfair.models',
	'serving without SELECT: the table named (the hint names grant_serving)');
SELECT throws_ok($$SELECT * FROM recfair.shared_models()$$, '42501', 'permission denied for table recfair.models',
	'nor the shared models'' names');
RESET ROLE;
GRANT SELECT ON recfair.models, recfair.user_factors, recfair.item_factors TO ro_none;
SET LOCAL ROLE ro_none;
SELECT throws_ok($$SELECT * FROM recfair.recommend_fair(1, 3, 'brand', 'ro')$$, '42501', 'permission denied for table public.ro_items',
	'the registered table named');
RESET ROLE;

-- grant_serving
SELECT is((SELECT array_agg(s) FROM grant_serving('ro_bi', 'ro') s),
	ARRAY['GRANT USAGE ON SCHEMA recfair TO ro_bi',
		  'GRANT SELECT ON recfair.models, recfair.user_factors, recfair.item_factors, recfair.feature_maps, recfair.item_index TO ro_bi',
		  'GRANT SELECT ON public.ro_items TO ro_bi'],
	'the statements it ran');
SET LOCAL ROLE ro_bi;
SELECT is((SELECT count(*)::int FROM recfair.recommend(1, 3, 'ro')), 3, 'the role serves');
SELECT is((SELECT count(*)::int FROM recfair.recommend_fair(1, 3, 'brand', 'ro')), 3, 'fairly, by a registered column');
SELECT is((SELECT count(*)::int FROM recfair.recommend_fair_batch(ARRAY[1, 2, 20]::bigint[], 3, 'brand', 'ro')), 9, 'in batches');
SELECT ok((SELECT count(*) > 0 FROM recfair.explain(1, 2, 'ro')), 'and explains');
SELECT throws_ok($$SELECT * FROM recfair.recommend_fair(1, 3, 'brand', 'ro', amortized => true)$$, '42501', NULL,
	'not the amortized mode, which writes');
SELECT throws_ok($$SELECT recfair.train('ro2', 'ro_inter')$$, '42501', NULL, 'nor train');
RESET ROLE;
SELECT is((SELECT count(*)::int FROM grant_serving('ro_bi', 'ro', amortized => true) s WHERE s LIKE '%fair_exposure%'), 1,
	'amortized => true grants the amortized state');
SET LOCAL ROLE ro_bi;
SELECT is((SELECT count(*)::int FROM recfair.recommend_fair(1, 3, 'brand', 'ro', amortized => true)), 3, 'then amortized works');
RESET ROLE;
-- an item index serves the role too; a role that cannot read it (granted before 0.9.0) scores every item
SELECT lives_ok($$SELECT build_index('ro', lists => 2)$$, 'an item index');
SET LOCAL ROLE ro_bi;
SELECT is((SELECT count(*)::int FROM recfair.recommend(1, 3, 'ro')), 3, 'the role serves with the index');
SELECT throws_ok($$SELECT recfair.build_index('ro')$$, '42501', NULL, 'but cannot build one');
RESET ROLE;
REVOKE SELECT ON recfair.item_index FROM ro_bi;
SET LOCAL ROLE ro_bi;
SELECT is((SELECT count(*)::int FROM recfair.recommend(1, 3, 'ro')), 3, 'without SELECT on the index, it serves scoring every item');
RESET ROLE;
SELECT throws_ok($$SELECT * FROM grant_serving('ro_bi', 'nope')$$, '42704', 'model "nope" does not exist', 'an unknown model');
SELECT throws_ok($$SELECT * FROM grant_serving(NULL)$$, '22004', NULL, 'a NULL role');
SELECT * FROM finish();
ROLLBACK;
