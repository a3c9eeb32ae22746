-- pgTAP: recfair.evaluate on hand-computed cases, popularity and als_explicit models
BEGIN;
SET search_path = recfair, public;
SELECT plan(49);

-- Popularity counts: item 1: 5 users, 2: 4, 3: 3, 4: 2, 5: 1, 6: 1 (5 and 6 tie).
-- User u saw items 1..u (user 5 also saw 6), so the lists, seen items excluded, are
--   u1: 2 3 4 5 6   u2: 3 4 5 6   u3: 4 5 6   u4: 5 6   u5: (none)
CREATE TABLE ev_train AS
SELECT u AS user_id, i AS item_id FROM generate_series(1, 5) u, generate_series(1, 5) i WHERE i <= u
UNION ALL SELECT 5, 6;
CREATE TABLE ev_test (user_id int, item_id int, rating int);
INSERT INTO ev_test VALUES
	(1, 3, 5), (1, 6, 4),	-- u1: k=3 list 2 3 4, hit at 2 of 2 relevant
	(2, 3, 4),				-- u2: list 3 4 5, hit at 1
	(3, 99, 5),				-- u3: an item unknown to the model: relevant, never hit
	(4, 5, 2),				-- u4: relevant only without relevant_min; list 5 6 (k > what is left)
	(7, 1, 5);				-- u7: unknown to the model, skipped
CREATE FUNCTION pg_temp.m(model text, k int, relevant_min float8, metric text) RETURNS float8 LANGUAGE sql AS
	$$ SELECT value FROM recfair.evaluate(model, 'ev_test', k, relevant_min => relevant_min,
										  rating_col => CASE WHEN relevant_min IS NOT NULL THEN 'rating' END)
	   WHERE metric = $4 $$;

SELECT lives_ok($$SELECT recfair.train('pop', 'ev_train', algorithm => 'popularity')$$, 'popularity model');
SELECT is((SELECT algorithm || ':' || factors FROM recfair.models WHERE name = 'pop'), 'popularity:1', 'a real model row');
SELECT is((SELECT array_agg(item_id ORDER BY rank) FROM recommend(1, 10, 'pop')), ARRAY[2, 3, 4, 5, 6]::bigint[],
	'popularity ranks by training interactions, ties to the lower id');
SELECT is((SELECT array_agg(metric ORDER BY ord) FROM recfair.evaluate('pop', 'ev_test', 3) WITH ORDINALITY AS e(metric, value, ord)),
	ARRAY['precision@3', 'recall@3', 'ndcg@3', 'map@3', 'hit_rate@3', 'coverage@3', 'intra_list_diversity@3',
		  'users_evaluated', 'users_skipped'],
	'one row per metric, k written as its number');

-- relevant = rating >= 4: users 1, 2, 3 evaluated; 4 (nothing relevant) and 7 (unknown) skipped
SELECT is(pg_temp.m('pop', 3, 4, 'users_evaluated'), 3::float8, 'users evaluated');
SELECT is(pg_temp.m('pop', 3, 4, 'users_skipped'), 2::float8, 'users without relevant items or unknown: skipped and counted');
SELECT is(round(pg_temp.m('pop', 3, 4, 'precision@3')::numeric, 6), round((1/3.0 + 1/3.0 + 0) / 3, 6), 'precision@3 = hits / k');
SELECT is(round(pg_temp.m('pop', 3, 4, 'recall@3')::numeric, 6), round((1/2.0 + 1 + 0) / 3, 6), 'recall@3 = hits / min(k, |rel|)');
SELECT is(round(pg_temp.m('pop', 3, 4, 'ndcg@3')::numeric, 6),
	round(((1 / log(2, 3)) / (1 + 1 / log(2, 3)) + 1 + 0) / 3, 6), 'ndcg@3 with binary gains');
SELECT is(round(pg_temp.m('pop', 3, 4, 'map@3')::numeric, 6), round((0.5 / 2 + 1 + 0) / 3, 6), 'map@3');
SELECT is(round(pg_temp.m('pop', 3, 4, 'hit_rate@3')::numeric, 6), round(2 / 3.0, 6), 'hit_rate@3');
SELECT is(round(pg_temp.m('pop', 3, 4, 'coverage@3')::numeric, 6), round(5 / 6.0, 6), 'coverage@3: items 2-6 of 6');
-- every test row relevant: user 4 joins, with only two items left for k = 3
SELECT is(pg_temp.m('pop', 3, NULL, 'users_evaluated'), 4::float8, 'without relevant_min every test row is relevant');
SELECT is(round(pg_temp.m('pop', 3, NULL, 'precision@3')::numeric, 6), round((1/3.0 + 1/3.0 + 0 + 1/3.0) / 4, 6),
	'a user with fewer candidates than k: precision still divides by k');
SELECT is(round(pg_temp.m('pop', 1, NULL, 'precision@1')::numeric, 6), round((0 + 1 + 0 + 1) / 4.0, 6), 'k = 1: the tie goes to the lower id');
SELECT is(round(pg_temp.m('pop', 100, NULL, 'recall@100')::numeric, 6), round((1 + 1 + 0 + 1) / 4.0, 6), 'k larger than the catalog');
SELECT is(pg_temp.m('pop', 100, NULL, 'precision@100'), (2 + 1 + 0 + 1) / 400.0::float8, 'k larger than the catalog: precision divides by k');
SELECT is((SELECT value FROM recfair.evaluate('pop', NULL, 3,
		user_col => 'u', item_col => 'i', test_query => 'SELECT user_id AS u, item_id AS i FROM ev_test') WHERE metric = 'users_evaluated'), 4::float8, 'a query with renamed columns');

-- ALS on planted data: evaluate agrees with the metric computed in plain SQL over recommend()
CREATE TABLE planted AS
SELECT u AS user_id, i AS item_id FROM generate_series(1, 40) u, generate_series(1, 20) i
WHERE (u <= 20) = (i <= 10) AND (u * 7 + i * 3) % 5 <> 0;
CREATE TABLE planted_test AS
SELECT u AS user_id, i AS item_id FROM generate_series(1, 40) u, generate_series(1, 20) i
WHERE (u <= 20) = (i <= 10) AND (u * 7 + i * 3) % 5 = 0;
SELECT lives_ok($$SELECT recfair.train('als', 'planted', factors => 4, iterations => 10, regularization => 0.1)$$, 'als');
SELECT is(round((SELECT value FROM recfair.evaluate('als', 'planted_test', 5) WHERE metric = 'ndcg@5')::numeric, 6),
	(WITH rel AS (SELECT * FROM planted_test), n AS (SELECT user_id, count(*) c FROM rel GROUP BY 1),
	 per AS (SELECT n.user_id,
		coalesce((SELECT sum(1 / log(2, r.rank + 1)) FROM recommend(n.user_id, 5, 'als') r
				  JOIN rel ON rel.user_id = n.user_id AND rel.item_id = r.item_id), 0)
		/ (SELECT sum(1 / log(2, g + 1)) FROM generate_series(1, least(5, n.c)) g) AS ndcg FROM n)
	 SELECT round(avg(ndcg), 6) FROM per), 'ndcg@5 equals the plain SQL computation over recommend()');
SELECT ok((SELECT value FROM recfair.evaluate('als', 'planted_test', 5) WHERE metric = 'ndcg@5') > 0.5,
	'the planted structure is learned');

-- explicit ratings: rmse and mae from the stored factors and biases
CREATE TABLE ratings AS
SELECT u AS user_id, i AS item_id, 1 + ((u * 3 + i * 5) % 5) AS rating
FROM generate_series(1, 30) u, generate_series(1, 15) i WHERE (u + i) % 3 <> 0;
CREATE TABLE ratings_test AS
SELECT u AS user_id, i AS item_id, 1 + ((u * 3 + i * 5) % 5) AS rating
FROM generate_series(1, 30) u, generate_series(1, 15) i WHERE (u + i) % 3 = 0;
SELECT throws_ok($$SELECT recfair.train('x', 'ratings', algorithm => 'als_explicit')$$, '22023',
	'algorithm "als_explicit" needs weight_col, the rating column', 'als_explicit needs ratings');
SELECT throws_ok($$SELECT recfair.train('x', 'ratings', weight_col => 'rating', algorithm => 'als_explicit',
	regularization => 0)$$, '22023', 'algorithm "als_explicit" needs a positive regularization', 'als_explicit needs regularization');
SELECT throws_ok($$SELECT recfair.train(repeat('m', 130), 'ratings')$$, '42622', 'model name is too long', 'a model name too long');
SELECT lives_ok($$SELECT recfair.train('x', 'ratings', weight_col => 'rating', algorithm => 'als_explicit', factors => 3,
	iterations => 10, regularization => 0.1)$$, 'als_explicit');
SELECT ok((SELECT loss[10] <= loss[1] AND loss[10] < 1 FROM recfair.models WHERE name = 'x'), 'training RMSE per iteration, falling');
SELECT is((SELECT array_agg(k ORDER BY k) FROM recfair.models, jsonb_object_keys(hyperparameters) k
		   WHERE name = 'x' AND k IN ('alpha', 'confidence', 'solver', 'cg_steps', 'regularization', 'global_mean')),
		  ARRAY['global_mean', 'regularization'], 'als_explicit records the settings it uses, not ALS''s confidence or solver');
SELECT is((SELECT round(value::numeric, 5) FROM recfair.evaluate('x', 'ratings_test') WHERE metric = 'rmse'),
	(SELECT round(sqrt(avg((t.rating - ((m.hyperparameters->>'global_mean')::float8 + u.bias + i.bias
		+ recfair.inner_product(u.factors, i.factors)))^2))::numeric, 5)
	 FROM ratings_test t JOIN user_factors u ON u.model = 'x' AND u.user_id = t.user_id
	 JOIN item_factors i ON i.model = 'x' AND i.item_id = t.item_id, recfair.models m WHERE m.name = 'x'),
	'rmse equals mu + b_u + b_i + x.y against the test ratings');
SELECT ok((SELECT bool_and(score BETWEEN 0 AND 6) FROM recommend(1, 5, 'x')), 'recommend scores are predicted ratings');

-- bad input
SELECT throws_ok($$SELECT * FROM recfair.evaluate('nope', 'ev_test')$$, '42704', 'model "nope" does not exist', 'unknown model');
SELECT throws_ok($$SELECT * FROM recfair.evaluate('pop', test_query => 'SELECT 1 AS user_id')$$, '42703', NULL, 'a test without the item column');
SELECT throws_ok($$SELECT * FROM recfair.evaluate('pop', 'ev_test', 0)$$, '22023', 'k must be between 1 and 10000, not 0', 'k < 1');
SELECT throws_ok($$SELECT * FROM recfair.evaluate('pop', 'ev_test', 3, relevant_min => 4, rating_col => 'nope')$$, '42703',
	NULL, 'a rating column that does not exist');
SELECT throws_ok($$SELECT * FROM recfair.evaluate('pop', 'ev_test', 3, '{"relevent_min": 4}')$$, '22023',
	'unknown option "relevent_min"', 'unknown option');

-- a test query that changes recfair.threads: the metrics are those of a run without the change
SELECT lives_ok($$SELECT recfair.generate_dataset('evth', 3000, 2000, 60000, seed => 3)$$, 'threads: data');
SELECT lives_ok($$SELECT recfair.split('evth_interactions', 'evth', 0.2)$$, 'threads: split');
SELECT lives_ok($$SELECT recfair.train('th', 'evth_train', factors => 4, iterations => 2)$$, 'threads: model');
SET LOCAL recfair.threads = 1;
SELECT is((SELECT array_agg(metric || '=' || round(value::numeric, 9) ORDER BY metric) FROM evaluate('th', NULL, 10,
		test_query => $$SELECT * FROM evth_test WHERE set_config('recfair.threads', '2', true) IS NOT NULL$$)),
	(SELECT array_agg(metric || '=' || round(value::numeric, 9) ORDER BY metric) FROM evaluate('th', 'evth_test', 10)),
	'the thread count is read once, with the buffers');
RESET recfair.threads;

-- relevant items the user has in training leave rel (they are never ranked); users left without one are skipped
CREATE TABLE ev_seen (user_id int, item_id int, rating int);
INSERT INTO ev_seen VALUES
	(1, 1, 5), (1, 3, 5),	-- u1 saw item 1: rel = {3}, list 2 3 4, hit at 2
	(3, 2, 5),				-- u3 saw item 2: nothing relevant left, skipped
	(2, 4, 2), (2, 4, 3), (2, 5, 5);	-- u2: item 4 twice, rated at most 3; list 3 4 5
SELECT is((SELECT value FROM recfair.evaluate('pop', 'ev_seen', 3) WHERE metric = 'recall@3'), 1::float8,
	'an item of the user''s training is not relevant: recall 1 of 1, not 1 of 2');
SELECT is((SELECT array_agg(value ORDER BY metric) FROM recfair.evaluate('pop', 'ev_seen', 3) WHERE metric LIKE 'users_%'),
	ARRAY[2, 1]::float8[], 'a user whose relevant items were all in training is skipped and counted');
-- duplicate test pairs: one rating, the largest, not the sum (2 + 3 would pass relevant_min 4)
SELECT is((SELECT array_agg(round(value::numeric, 6) ORDER BY metric) FROM recfair.evaluate('pop', 'ev_seen', 3,
		relevant_min => 4, rating_col => 'rating') WHERE metric IN ('precision@3', 'users_evaluated')),
	ARRAY[round((1/3.0 + 1/3.0) / 2, 6), 2], 'duplicate test rows keep the largest rating: item 4 of user 2 is not relevant');
SELECT is((SELECT round(value::numeric, 6) FROM recfair.evaluate('pop', 'ev_seen', 3, relevant_min => 3, rating_col => 'rating') WHERE metric = 'precision@3'),
	round((1/3.0 + 2/3.0) / 2, 6), 'and at relevant_min 3 it is');
-- NULL ratings are skipped, not read as 1
INSERT INTO ev_seen VALUES (1, 2, NULL);
SELECT is((SELECT round(value::numeric, 6) FROM recfair.evaluate('pop', 'ev_seen', 3, relevant_min => 1, rating_col => 'rating') WHERE metric = 'precision@3'),
	round((1/3.0 + 2/3.0) / 2, 6), 'a NULL rating is not relevant');
CREATE TABLE ratings_dup AS
SELECT * FROM ratings_test
UNION ALL SELECT user_id, item_id, 1 FROM ratings_test WHERE user_id <= 10
UNION ALL SELECT user_id, item_id, NULL FROM ratings WHERE user_id <= 5;
SELECT is((SELECT round(value::numeric, 5) FROM recfair.evaluate('x', 'ratings_dup') WHERE metric = 'rmse'),
	(SELECT round(sqrt(avg((t.rating - ((m.hyperparameters->>'global_mean')::float8 + u.bias + i.bias
		+ recfair.inner_product(u.factors, i.factors)))^2))::numeric, 5)
	 FROM (SELECT user_id, item_id, max(rating) AS rating FROM ratings_dup WHERE rating IS NOT NULL GROUP BY 1, 2) t
	 JOIN user_factors u ON u.model = 'x' AND u.user_id = t.user_id
	 JOIN item_factors i ON i.model = 'x' AND i.item_id = t.item_id, recfair.models m WHERE m.name = 'x'),
	'rmse over one rating per test pair, the largest, without NULL ratings');

-- an empty test source: no users, not the training error
SELECT is((SELECT array_agg(metric || '=' || value ORDER BY metric) FROM recfair.evaluate('pop', NULL, 3, test_query => 'SELECT * FROM ev_test WHERE false')
		   WHERE metric LIKE 'users_%' OR metric = 'recall@3'),
	ARRAY['recall@3=NaN', 'users_evaluated=0', 'users_skipped=0'], 'an empty test source evaluates no user');
CREATE TABLE ev_items AS SELECT i AS item_id, CASE WHEN i <= 3 THEN 'head' ELSE 'tail' END AS brand FROM generate_series(1, 6) i;
SELECT lives_ok($$SELECT register_tables('pop', items => 'ev_items')$$, 'register an item table');
SELECT is((SELECT array_agg(group_value || '=' || exposure ORDER BY group_value) FROM exposure_report('pop', 'brand', 3,
		users_query => 'SELECT user_id FROM ev_test WHERE false')),
	ARRAY['head=0', 'tail=0'], 'exposure_report over no users: no exposure');

-- user_group_col is checked before the users are scored (scoring this model needs more memory than allowed here)
SET LOCAL recfair.training_memory_limit = '2MB';
SELECT throws_ok($$SELECT * FROM evaluate('th', 'evth_test', 10, user_group_col => 'segment')$$, '55000', NULL,
	'a user_group_col without a registered user table fails before scoring');
RESET recfair.training_memory_limit;
SELECT throws_ok($$SELECT * FROM evaluate('th', 'evth_test', 10)$$, '53200', NULL, '(scoring it does need more than 2MB)')
	FROM (SELECT set_config('recfair.training_memory_limit', '2MB', true)) s;
RESET recfair.training_memory_limit;

SELECT * FROM finish();
ROLLBACK;
