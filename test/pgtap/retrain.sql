-- pgTAP: retrain() trains a model again with its recorded settings, any of them overridden; train() takes a
-- model's hyperparameters back as options
BEGIN;
SET search_path = public, recfair;
SELECT plan(26);

CREATE TABLE rt AS
SELECT u AS user_id, i AS item_id, (1 + (u * i) % 4)::real AS stars
FROM generate_series(1, 40) u, generate_series(1, 20) i
WHERE (u <= 20) = (i <= 10) AND (u * 7 + i * 3) % 5 <> 0;
CREATE TABLE rt_items AS SELECT i AS item_id, CASE WHEN i % 2 = 0 THEN 'x' ELSE 'y' END AS brand FROM generate_series(1, 20) i;
SELECT lives_ok($$SELECT train('rt', 'rt', weight_col => 'stars', factors => 6, iterations => 7, seed => 3, items => 'rt_items',
	options => '{"confidence": "linear", "alpha": 2}')$$, 'a model with settings of its own');
CREATE TEMP TABLE rt_before AS SELECT * FROM models WHERE name = 'rt';
CREATE TEMP TABLE rt_factors AS SELECT item_id, factors::text AS f FROM item_factors WHERE model = 'rt';

SELECT lives_ok($$SELECT retrain('rt')$$, 'retrain by name');
SELECT is((SELECT array_agg(factors::text ORDER BY item_id) FROM item_factors WHERE model = 'rt'),
	(SELECT array_agg(f ORDER BY item_id) FROM rt_factors), 'the same model: source, columns, settings and seed kept');
SELECT is((SELECT hyperparameters - '{read_seconds,train_seconds,write_seconds}'::text[] FROM models WHERE name = 'rt'),
	(SELECT hyperparameters - '{read_seconds,train_seconds,write_seconds}'::text[] FROM rt_before), 'the same settings recorded');
SELECT ok((SELECT m.version > b.version AND m.item_table = b.item_table FROM models m, rt_before b WHERE m.name = 'rt'),
	'a new version; the registered table kept');

-- overrides
SELECT is((SELECT (factors, hyperparameters->>'weight_col', hyperparameters->>'confidence')::text FROM retrain('rt', factors => 4)),
	'(4,stars,linear)', 'factors overridden, the rest kept');
SELECT is((SELECT hyperparameters->>'alpha' FROM retrain('rt', options => '{"alpha": 5}')), '5', 'an option overridden');
SELECT is((SELECT (hyperparameters->>'regularization', hyperparameters->>'alpha')::text FROM retrain('rt', regularization => 0.25)),
	'(0.25,5)', 'the regularization overridden, the last alpha kept');
CREATE TABLE rt2 AS SELECT * FROM rt WHERE user_id <= 30;
SELECT is((SELECT (interactions, source)::text FROM retrain('rt', source => 'rt2')), (SELECT (count(*), 'public.rt2')::text FROM rt2),
	'a new source');
SELECT is((SELECT (algorithm, hyperparameters ? 'confidence', hyperparameters->>'weight_col')::text FROM retrain('rt', algorithm => 'bpr')),
	'(bpr,f,stars)', 'another algorithm: the columns kept, not the ALS options');

-- a query source, a source that is gone
SELECT lives_ok($$SELECT train('rt_q', source_query => 'SELECT * FROM rt WHERE stars > 1', factors => 3, iterations => 3)$$,
	'a model from a query');
SELECT is((SELECT interactions FROM retrain('rt_q')), (SELECT count(*) FROM rt WHERE stars > 1), 'retrained from the query');
CREATE TABLE rt_gone AS SELECT * FROM rt;
SELECT lives_ok($$SELECT train('rt_gone', 'rt_gone', factors => 3, iterations => 2)$$, 'a model whose source goes');
DROP TABLE rt_gone;
SELECT throws_ok($$SELECT retrain('rt_gone')$$, '42P01', 'the source public.rt_gone of model "rt_gone" no longer exists',
	'its source is gone');
SELECT is((SELECT interactions FROM retrain('rt_gone', source => 'rt')), (SELECT count(*) FROM rt), 'a source passed instead');

-- train() takes hyperparameters back
SELECT lives_ok($$SELECT train('rt_ex', 'rt', weight_col => 'stars', algorithm => 'als_explicit', factors => 3, iterations => 4)$$,
	'an explicit model');
SELECT lives_ok($$SELECT train('rt_ex2', 'rt', algorithm => 'als_explicit', options => (SELECT hyperparameters FROM models WHERE name = 'rt_ex'))$$,
	'trained again from its hyperparameters as options');
SELECT is((SELECT array_agg(factors::text ORDER BY item_id) FROM item_factors WHERE model = 'rt_ex2'),
	(SELECT array_agg(factors::text ORDER BY item_id) FROM item_factors WHERE model = 'rt_ex'), 'the same model');
SELECT throws_ok($$SELECT train('x', 'rt', factors => 32, options => (SELECT hyperparameters FROM models WHERE name = 'rt_ex'))$$,
	'22023', 'option "factors" (3) disagrees with the argument factors (32)', 'an argument that disagrees');

-- another role's recorded source is not run with a superuser's rights
CREATE ROLE rt_alice;
GRANT USAGE ON SCHEMA recfair TO rt_alice;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA recfair TO rt_alice;
GRANT USAGE ON SEQUENCE recfair.model_version_seq TO rt_alice;
GRANT SELECT ON rt TO rt_alice;
SET LOCAL ROLE rt_alice;
SELECT lives_ok($$SELECT train('rt_alice', source_query => 'SELECT * FROM rt', factors => 2, iterations => 1)$$,
	'a role trains from a query');
SELECT lives_ok($$SELECT retrain('rt_alice')$$, 'and retrains it');
RESET ROLE;
SELECT throws_ok($$SELECT retrain('rt_alice')$$, '42501',
	'the source of model "rt_alice" was chosen by role rt_alice, which does not hold your rights',
	'a superuser does not run that role''s query by retraining');
SELECT lives_ok($$SELECT retrain('rt_alice', source => 'rt')$$, 'but may pass the source');

-- bad input
SELECT throws_ok($$SELECT retrain('no_such')$$, '42704', 'model "no_such" does not exist', 'an unknown model');
SELECT throws_ok($$SELECT retrain(NULL)$$, '22004', NULL, 'a NULL model');
SELECT throws_ok($$SELECT retrain('rt', source => 'rt', source_query => 'SELECT 1')$$, '22023', NULL, 'two sources');
SELECT * FROM finish();
ROLLBACK;
