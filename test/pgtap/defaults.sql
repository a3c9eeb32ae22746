-- pgTAP: train()'s defaults (regularization NULL: the algorithm's own), the confidence options (log, linear,
-- bm25, alpha*w) and weighted regularization, in both engines and in the fold-in of recommend_for_items
BEGIN;
SET search_path = recfair, public;
SELECT plan(36);

-- counts with a heavy tail: most weigh 2 to 4, a few hundreds; two groups of users with disjoint tastes
CREATE TABLE dc AS
SELECT u AS user_id, i AS item_id,
	(CASE WHEN (u * 13 + i * 7) % 11 = 0 THEN 200 + u ELSE 2 + (u * i) % 3 END)::real AS plays
FROM generate_series(1, 60) u, generate_series(1, 30) i
WHERE (u <= 30) = (i <= 15) AND (u * 7 + i * 3) % 5 <> 0;

-- the defaults, recorded
SELECT lives_ok($$SELECT train('d', 'dc', weight_col => 'plays', factors => 4, iterations => 5)$$, 'train with the defaults');
SELECT is((SELECT jsonb_build_object('weighted_regularization', h->'weighted_regularization',
		'confidence', h->'confidence', 'eps', h->'eps', 'alpha', h->'alpha') FROM (SELECT hyperparameters h FROM models WHERE name = 'd') m),
	'{"weighted_regularization": true, "confidence": "log", "eps": 2, "alpha": 2}'::jsonb,
	'defaults: weighted regularization, confidence log, eps the power of two at about the median weight, alpha = eps');
SELECT ok((SELECT abs((hyperparameters->>'regularization')::float8 - (SELECT 0.5 * avg(ln(1 + plays / 2.0)) FROM dc)::real)
		   < 1e-6 FROM models WHERE name = 'd'), 'the default lambda is 0.5 times the mean of log(1 + w/eps)');
-- the median weight is 2 here (and under half weigh 4 or more), so eps is 2; with weights 1 only, eps is 1
SELECT is((SELECT (percentile_disc(0.5) WITHIN GROUP (ORDER BY plays), avg((plays >= 4)::int) < 0.5)::text FROM dc), '(2,t)',
	'the median weight is 2, and under half weigh 4 or more');
SELECT lives_ok($$SELECT train('d1', 'dc', factors => 4, iterations => 2)$$, 'train without weights');
SELECT is((SELECT (hyperparameters->>'eps')::float8 FROM models WHERE name = 'd1'), 1::float8, 'eps 1 without weights');
SELECT lives_ok($$SELECT train('dq', source_query => 'SELECT user_id, item_id, plays / 1000 AS plays FROM dc', weight_col => 'plays',
	factors => 4, iterations => 2)$$, 'train on small weights');
SELECT is((SELECT (hyperparameters->>'eps')::float8 FROM models WHERE name = 'dq'), (2.0 ^ -9)::float8, 'eps follows the weights'' scale (median 2/1000 -> 2^-9)');
SELECT ok((SELECT bool_and(item_id <= 15) FROM recommend(1, 3, 'd')), 'the default model serves user 1 items of its group');
SELECT ok((SELECT bool_and(item_id > 15) FROM recommend(40, 3, 'd')), 'and user 40 items of its group');
SELECT ok((SELECT loss[5] < loss[1] FROM models WHERE name = 'd'), 'the loss with weighted regularization decreases');

-- a given regularization means what it meant in 0.7.0: constant, unless asked
SELECT lives_ok($$SELECT train('lin', 'dc', weight_col => 'plays', factors => 4, iterations => 5, regularization => 0.01,
	options => '{"confidence": "linear"}')$$, 'the 0.7.0 defaults, as options');
SELECT is((SELECT jsonb_build_object('w', h->'weighted_regularization', 'c', h->'confidence', 'a', h->'alpha', 'eps', h->'eps')
		   FROM (SELECT hyperparameters h FROM models WHERE name = 'lin') m),
	'{"w": false, "c": "linear", "a": 1, "eps": null}'::jsonb, 'recorded: constant regularization, linear confidence, alpha 1');
SELECT lives_ok($$SELECT train('lin2', 'dc', weight_col => 'plays', factors => 4, iterations => 5, regularization => 0.01,
	options => '{"confidence": "1+alpha*w", "weighted_regularization": false}')$$, 'the old name of the linear confidence');
SELECT is((SELECT array_agg(factors::text ORDER BY item_id) FROM item_factors WHERE model = 'lin2'),
	(SELECT array_agg(factors::text ORDER BY item_id) FROM item_factors WHERE model = 'lin'), 'gives the same model');
SELECT lives_ok(format($$SELECT train('wr', 'dc', weight_col => 'plays', factors => 4, iterations => 5, regularization => %s,
	options => '{"weighted_regularization": true}')$$, (SELECT hyperparameters->>'regularization' FROM models WHERE name = 'd')),
	'the recorded regularization, weighted on request');
SELECT is((SELECT array_agg(factors::text ORDER BY item_id) FROM item_factors WHERE model = 'wr'),
	(SELECT array_agg(factors::text ORDER BY item_id) FROM item_factors WHERE model = 'd'), 'is the default model');

-- log with a given eps, bm25
SELECT lives_ok($$SELECT train('e5', 'dc', weight_col => 'plays', factors => 4, iterations => 3, options => '{"eps": 5}')$$,
	'a given eps');
SELECT is((SELECT (hyperparameters->>'eps', hyperparameters->>'alpha')::text FROM models WHERE name = 'e5'), '(5,5)',
	'eps recorded, and alpha follows it');
SELECT lives_ok($$SELECT train('bm', 'dc', weight_col => 'plays', factors => 4, iterations => 5, options => '{"confidence": "bm25"}')$$,
	'confidence bm25');
SELECT ok((SELECT hyperparameters->>'confidence' = 'bm25' AND hyperparameters->>'alpha' = '1' AND NOT hyperparameters ? 'eps'
		   AND hyperparameters->>'regularization' = '0.400000006' FROM models WHERE name = 'bm'),
	'bm25 recorded, alpha 1, the constant default lambda 0.4');
SELECT ok((SELECT bool_and(item_id <= 15) FROM recommend(2, 3, 'bm')), 'the bm25 model serves user 2 items of its group');

-- bad input
SELECT throws_ok($$SELECT train('bad', 'dc', options => '{"confidence": "linear", "eps": 2}')$$, '22023',
	'option "eps" applies to confidence "log" only', 'eps without confidence log');
SELECT throws_ok($$SELECT train('bad', 'dc', options => '{"eps": 0}')$$, '22023', NULL, 'eps must be positive');
SELECT throws_ok($$SELECT train('bad', 'dc', options => '{"weighted_regularization": "often"}')$$, '22023',
	'option "weighted_regularization" must be true or false, not "often"', 'weighted_regularization must be a boolean');
SELECT throws_ok($$SELECT train('bad', 'dc', options => '{"confidence": "bm25", "engine": "aggregates"}')$$, '0A000',
	'the aggregate engine does not support confidence "bm25"', 'bm25 is the in-memory engine''s');

-- the aggregate engine gives the in-memory (Cholesky) model for the defaults
SELECT lives_ok($$SELECT train('dagg', 'dc', weight_col => 'plays', factors => 4, iterations => 5,
	options => '{"engine": "aggregates"}')$$, 'the defaults on the aggregate engine');
SELECT lives_ok($$SELECT train('dchol', 'dc', weight_col => 'plays', factors => 4, iterations => 5,
	options => '{"solver": "cholesky"}')$$, 'and in memory, exactly');
SELECT ok((SELECT max(abs(x - y)) FROM item_factors a JOIN item_factors c ON a.model = 'dagg' AND c.model = 'dchol'
		AND a.item_id = c.item_id, unnest(embedding_to_float4_array(a.factors), embedding_to_float4_array(c.factors)) z(x, y)) < 1e-3,
	'the same item factors (to 1e-3)');
SELECT ok((SELECT abs(a.loss[5] - c.loss[5]) < 1e-6 * c.loss[5] AND a.hyperparameters->'eps' = c.hyperparameters->'eps'
		   FROM models a, models c WHERE a.name = 'dagg' AND c.name = 'dchol'), 'the same loss and eps');
SELECT ok((SELECT max(abs(x - y)) < 1e-5 FROM user_factors a JOIN user_factors c ON a.model = 'dagg' AND c.model = 'dchol'
		AND a.user_id = c.user_id, unnest(a.seen_weights, c.seen_weights) z(x, y)), 'the same seen weights, log-scaled');
SELECT ok((SELECT abs(sum(contribution) - (SELECT score FROM recommend(3, 30, 'dagg', false) WHERE item_id = 4)) < 1e-5
		   FROM explain(3, 4, 'dagg')), 'explain on the aggregate engine''s model');

-- the fold-in takes the model's confidence and regularization
SELECT ok((SELECT bool_and(item_id <= 15) FROM recommend_for_items(ARRAY[1, 2, 3]::bigint[], 3, 'd')),
	'a basket of group items gets items of the group from the default model');
SELECT ok((SELECT bool_and(item_id > 15) FROM recommend_for_items(ARRAY[20, 21]::bigint[], 3, 'bm')),
	'and from the bm25 model');

-- als_explicit's default
SELECT lives_ok($$SELECT train('ex', 'dc', weight_col => 'plays', algorithm => 'als_explicit', factors => 3, iterations => 2)$$,
	'als_explicit with the defaults');
SELECT is((SELECT hyperparameters->>'regularization' FROM models WHERE name = 'ex'), '0.119999997',
	'als_explicit''s default regularization is 0.12');
SELECT * FROM finish();
ROLLBACK;
