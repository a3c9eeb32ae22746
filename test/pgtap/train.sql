-- pgTAP: training, the model store and serving, on a small planted dataset
BEGIN;
SET search_path = recfair, public;
SELECT plan(52);

-- Two user groups with disjoint tastes: users 1-20 use items 1-10, users
-- 21-40 items 11-20; each user skips a few of its group's items.
CREATE TABLE planted AS
SELECT u AS user_id, i AS item_id, 1 + (u * i) % 3 AS weight
FROM generate_series(1, 40) u, generate_series(1, 20) i
WHERE (u <= 20) = (i <= 10) AND (u * 7 + i * 3) % 5 <> 0;
CREATE TABLE victim (x int);

SELECT lives_ok($$SELECT recfair.train('planted', 'planted', weight_col => 'weight', factors => 2,
	iterations => 10, regularization => 0.1)$$, 'train on a table');
SELECT is((SELECT (users, items, interactions, algorithm, factors)::text FROM recfair.models WHERE name = 'planted'),
	(SELECT (count(DISTINCT user_id), count(DISTINCT item_id), count(*), 'als', 2)::text FROM planted),
	'the catalog row counts users, items and interactions');
SELECT ok((SELECT loss[10] < loss[1] FROM recfair.models WHERE name = 'planted'), 'loss decreases');
SELECT is((SELECT count(*)::int FROM recfair.user_factors WHERE model = 'planted'), 40, 'a factor row per user');
SELECT is((SELECT count(*)::int FROM recfair.item_factors WHERE model = 'planted'), 20, 'a factor row per item');
SELECT is((SELECT dims(factors) FROM recfair.item_factors WHERE model = 'planted' LIMIT 1), 2, 'factors have the asked dimensions');

-- serving
SELECT ok((SELECT bool_and(item_id <= 10) FROM recommend(1, 2)), 'user 1 gets items of its group');
SELECT ok((SELECT bool_and(item_id > 10) FROM recommend(25, 2)), 'user 25 gets items of its group');
SELECT is((SELECT count(*)::int FROM recommend(1, 5) r JOIN planted p ON p.user_id = 1 AND p.item_id = r.item_id), 0,
	'seen items are excluded');
SELECT is((SELECT array_agg(rank ORDER BY rank) FROM recommend(1, 20)), (SELECT array_agg(g) FROM generate_series(1, 20 - (SELECT count(*)::int FROM planted WHERE user_id = 1)) g),
	'ranks run 1..n over the unseen items');
SELECT ok((SELECT count(*) FROM recommend(1, 20, exclude_seen => false)) = 20, 'exclude_seen => false ranks every item');
SELECT ok((SELECT bool_and(score >= lead) FROM (SELECT score, lead(score, 1, '-Infinity') OVER (ORDER BY rank) FROM recommend(1, 10)) s),
	'best first');
SELECT is((SELECT count(*)::int FROM recommend(99999, 10)), 0, 'unknown user: no rows');
SELECT ok((SELECT bool_and(item_id <= 10 AND item_id <> 1) FROM similar_items(1, 4)), 'similar_items: same group, not itself');
SELECT is((SELECT count(*)::int FROM similar_items(99999)), 0, 'similar_items of an unknown item: no rows');
SELECT ok((SELECT bool_and(item_id <= 10 AND item_id NOT IN (1, 2, 3)) FROM recommend_for_items(ARRAY[1, 2, 3]::bigint[], 4)),
	'recommend_for_items folds in the basket and excludes it');
SELECT is((SELECT count(*)::int FROM recommend_for_items(ARRAY[99999]::bigint[])), 0, 'a basket of unknown items: no rows');
SELECT throws_ok($$SELECT * FROM recommend(1, 0)$$, '22023', 'k must be between 1 and 10000, not 0', 'k below 1');
SELECT throws_ok($$SELECT * FROM recommend(1, 10001)$$, '22023', NULL, 'k above 10,000');
SELECT throws_ok($$SELECT * FROM recommend(1, 5, 'nope')$$, '42704', 'model "nope" does not exist', 'unknown model');

-- the solvers agree on a small well-conditioned problem
SELECT lives_ok($$SELECT recfair.train('chol', 'planted', weight_col => 'weight', factors => 2, iterations => 10,
	regularization => 0.1, options => '{"solver": "cholesky"}')$$, 'train with Cholesky');
SELECT ok((SELECT abs(c.loss[10] - g.loss[10]) / c.loss[10] < 0.02 FROM recfair.models c, recfair.models g
		   WHERE c.name = 'chol' AND g.name = 'planted'), 'CG and Cholesky reach the same loss within 2%');
SELECT is((SELECT array_agg(item_id ORDER BY rank) FROM recommend(1, 2, 'chol')),
	(SELECT array_agg(item_id ORDER BY rank) FROM recommend(1, 2, 'planted')), 'CG and Cholesky rank alike');

-- model resolution
SELECT throws_ok($$SELECT * FROM recommend(1, 5)$$, '42P08', 'the model must be named',
	'two models and no name');
SET LOCAL recfair.default_model = 'chol';
SELECT lives_ok($$SELECT * FROM recommend(1, 5)$$, 'recfair.default_model names the model');
RESET recfair.default_model;
SELECT is(drop_model('chol'), true, 'drop_model');
SELECT is(drop_model('chol'), false, 'drop_model of a missing model');
SELECT is((SELECT count(*)::int FROM recfair.item_factors WHERE model = 'chol'), 0, 'drop_model deletes the factors');

-- reproducible for a seed
SELECT lives_ok($$SELECT recfair.train('again', source_query => 'SELECT * FROM planted', weight_col => 'weight', factors => 2,
	iterations => 10, regularization => 0.1)$$, 'train from a query');
SELECT is((SELECT array_agg(factors::text ORDER BY user_id) FROM user_factors WHERE model = 'again'),
	(SELECT array_agg(factors::text ORDER BY user_id) FROM user_factors WHERE model = 'planted'), 'same seed, same factors');

-- confidence = alpha * w: a different model, recorded in the catalog
SELECT lives_ok($$SELECT recfair.train('aw', 'planted', weight_col => 'weight', factors => 2, iterations => 10,
	regularization => 0.1, options => '{"confidence": "alpha*w"}')$$, 'train with confidence alpha*w');
SELECT ok((SELECT a.hyperparameters->>'confidence' = 'alpha*w' AND p.hyperparameters->>'confidence' = 'log'
		   AND a.loss[10] <> p.loss[10] FROM recfair.models a, recfair.models p WHERE a.name = 'aw' AND p.name = 'planted'),
	'the confidence choice changes the model and is recorded');
SELECT throws_ok($$SELECT recfair.train('bad', 'planted', options => '{"confidence": "sqrt"}')$$, '22023',
	'unknown confidence "sqrt"', 'unknown confidence');

-- ids far apart and negative (the id index falls back from an array to a hash table)
SELECT lives_ok($$SELECT recfair.train('sparse', source_query => 'SELECT user_id::bigint * 1000000007 - 5 AS user_id, -3 * item_id AS item_id, weight FROM planted',
	weight_col => 'weight', factors => 2, iterations => 3)$$, 'sparse and negative ids');
SELECT is((SELECT array_agg(user_id ORDER BY user_id) FROM user_factors WHERE model = 'sparse'),
	(SELECT array_agg(DISTINCT user_id::bigint * 1000000007 - 5 ORDER BY user_id::bigint * 1000000007 - 5) FROM planted),
	'every sparse user id kept exactly');
SELECT is((SELECT array_agg(item_id ORDER BY item_id) FROM item_factors WHERE model = 'sparse'),
	(SELECT array_agg(DISTINCT -3 * item_id::bigint ORDER BY -3 * item_id::bigint) FROM planted), 'every negative item id kept exactly');

-- a trigger on the factor tables is honoured (training then writes through SQL, not the direct path)
CREATE TABLE pg_temp.trigger_log (n int);
CREATE FUNCTION pg_temp.log_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN INSERT INTO pg_temp.trigger_log VALUES (1); RETURN NEW; END $$;
CREATE TRIGGER log_items BEFORE INSERT ON recfair.item_factors FOR EACH ROW EXECUTE FUNCTION pg_temp.log_row();
SELECT lives_ok($$SELECT recfair.train('trig', 'planted', factors => 2, iterations => 2)$$, 'train with a trigger on item_factors');
SELECT is((SELECT count(*)::int FROM pg_temp.trigger_log), 20, 'the trigger saw every item row');
DROP TRIGGER log_items ON recfair.item_factors;
SELECT is((SELECT count(*)::int FROM recfair.user_factors f
		   WHERE model = 'planted' AND seen::bigint[] IS DISTINCT FROM
				 (SELECT array_agg(item_id::bigint ORDER BY item_id) FROM planted p WHERE p.user_id = f.user_id)), 0,
	'direct write: seen holds each user''s training items, ascending');
CREATE TRIGGER log_users BEFORE INSERT ON recfair.user_factors FOR EACH ROW EXECUTE FUNCTION pg_temp.log_row();
SELECT lives_ok($$SELECT recfair.train('trig', 'planted', factors => 2, iterations => 2)$$, 'train with a trigger on user_factors');
SELECT is((SELECT count(*)::int FROM recfair.user_factors f
		   WHERE model = 'trig' AND seen::bigint[] IS DISTINCT FROM
				 (SELECT array_agg(item_id::bigint ORDER BY item_id) FROM planted p WHERE p.user_id = f.user_id)), 0,
	'SQL write: seen holds each user''s training items, ascending');
DROP TRIGGER log_users ON recfair.user_factors;

-- the planner knows the row count
CREATE FUNCTION pg_temp.plan_rows(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE j json;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO j;
	RETURN (j -> 0 -> 'Plan' ->> 'Plan Rows')::float8;
END $$;
SELECT is(pg_temp.plan_rows('SELECT * FROM recfair.recommend(1, 7, ''planted'')'), 7::float8, 'support function: k rows');

-- bad input and injection attempts
SELECT throws_ok($$SELECT recfair.train('bad', 'planted', user_col => 'nope')$$, '42703',
	'column "nope" of relation "planted" does not exist', 'missing column');
SELECT throws_ok($$SELECT recfair.train('bad', 'planted', user_col => 'user_id; DROP TABLE victim')$$, '42703', NULL,
	'injection through a column name');
SELECT throws_ok($$SELECT recfair.train('bad', 'planted; DROP TABLE victim')$$, '42602', NULL,
	'injection through a table name');
SELECT throws_ok($$SELECT recfair.train('bad', source_query => 'SELECT * FROM planted; DROP TABLE victim')$$, '42601', NULL,
	'injection through a query');
SELECT has_table('victim', 'the injection attempts did no harm');
SELECT throws_ok($$SELECT recfair.train('bad', source_query => 'SELECT 1 AS user_id, 2 AS item_id, -1 AS w', weight_col => 'w')$$, '22000',
	'invalid weight -1 for user 1 and item 2', 'negative weight');
SELECT throws_ok($$SELECT recfair.train('bad', source_query => 'SELECT 1 AS user_id, 2 AS item_id, ''NaN''::float8 AS w', weight_col => 'w')$$,
	'22000', 'invalid weight NaN for user 1 and item 2', 'NaN weight');
SELECT throws_ok($$SELECT recfair.train('bad', 'planted', options => '{"sovler": "cg"}')$$, '22023', 'unknown option "sovler"',
	'unknown option');

-- a retrain takes one new version, and its upsert calls no volatile function (the version and time are parameters)
CREATE TEMP TABLE v_before AS SELECT last_value FROM recfair.model_version_seq;
SELECT lives_ok($$SELECT recfair.train('planted', 'planted', weight_col => 'weight', factors => 2, iterations => 10,
	regularization => 0.1)$$, 'retrain');
SELECT is((SELECT m.version - b.last_value FROM recfair.models m, v_before b WHERE m.name = 'planted'), 1::bigint,
	'a retrain takes one version from the sequence, not two');

SELECT * FROM finish();
ROLLBACK;
