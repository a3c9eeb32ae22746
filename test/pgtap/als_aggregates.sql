-- pgTAP: ALS as SQL aggregates. An item half-step written in SQL against the stored user factors gives the
-- item factors that train() stored (the last half-step of ALS solves the items, exactly with Cholesky)
BEGIN;
SET search_path = recfair, public;
SELECT plan(13);

CREATE TABLE aa AS
SELECT u AS user_id, i AS item_id, (1 + (u * i) % 4)::real AS weight
FROM generate_series(1, 60) u, generate_series(1, 25) i WHERE (u * 3 + i * 5) % 4 <> 0;
SELECT lives_ok($$SELECT recfair.train('aa', 'aa', weight_col => 'weight', factors => 5, iterations => 4,
	regularization => 0.5, options => '{"solver": "cholesky", "alpha": 2, "confidence": "linear"}')$$,
	'an exact (Cholesky) ALS model');

-- gram
SELECT is((SELECT array_dims(gram(factors)) FROM user_factors WHERE model = 'aa'), '[1:5][1:5]', 'gram is k x k');
SELECT ok((SELECT abs((gram(factors))[2][3] - sum((embedding_to_float8_array(factors))[2] * (embedding_to_float8_array(factors))[3]))
		   < 1e-9 FROM user_factors WHERE model = 'aa'), 'gram[2][3] = sum of y2 y3');
SELECT ok((SELECT (g[1][2] = g[2][1]) FROM (SELECT gram(factors) AS g FROM user_factors WHERE model = 'aa') x), 'gram is symmetric');
SELECT is((SELECT gram(factors) FROM user_factors WHERE false), NULL, 'gram of no rows is NULL');

-- the item half-step in SQL
CREATE TEMP TABLE sql_items AS
SELECT t.item_id, als_solve(als_normal(u.factors, t.weight, 2.0), g.gram,
							(SELECT (hyperparameters->>'regularization')::float8 FROM models WHERE name = 'aa')) AS factors
FROM aa t JOIN user_factors u ON u.model = 'aa' AND u.user_id = t.user_id,
	(SELECT gram(factors) AS gram FROM user_factors WHERE model = 'aa') g
GROUP BY t.item_id, g.gram;
SELECT is((SELECT count(*)::int FROM sql_items), 25, 'one solution per item');
SELECT ok((SELECT max(abs(x - y)) FROM sql_items s JOIN item_factors i ON i.model = 'aa' AND i.item_id = s.item_id,
		   unnest(embedding_to_float8_array(s.factors), embedding_to_float8_array(i.factors)) AS z(x, y)) < 1e-4,
	'the SQL half-step gives the stored item factors (to 1e-4)');

-- parallel query: the same result with partial aggregation forced
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT ok((SELECT max(abs(x - y)) FROM (SELECT gram(factors) AS g FROM user_factors WHERE model = 'aa') p,
		   (SELECT gram(factors) AS g FROM (SELECT factors FROM user_factors WHERE model = 'aa' ORDER BY user_id) o) q,
		   unnest(p.g, q.g) AS z(x, y)) < 1e-9, 'gram combines the same in parallel');

-- explicit
SELECT ok((SELECT abs((embedding_to_float8_array(als_solve_explicit(als_normal_explicit(x, r), 0.1)))[1] - 2.0 / (1 + 0.2))
		   < 1e-6 FROM (VALUES ('[1]'::embedding, 2.0::float8), ('[0]'::embedding, 5.0::float8)) v(x, r)),
	'explicit: x = (sum y y + lambda n)^-1 sum r y, hand computed');

-- bad input
SELECT throws_ok($$SELECT als_solve(als_normal(factors, 1, 1), ARRAY[[1.0]], 0.1) FROM user_factors WHERE model = 'aa'$$,
	'22023', NULL, 'a gram of the wrong size');
SELECT throws_ok($$SELECT als_normal(v, -1, 1) FROM (VALUES ('[1,2]'::embedding)) t(v)$$, '22023', NULL, 'a negative weight');
SELECT throws_ok($$SELECT als_solve(ARRAY[2, 1, 0, 0, 0, 0, 0, 0], ARRAY[[0.0, 0.0], [0.0, 0.0]], 0)$$, '22023',
	'the ALS normal equations are singular', 'singular equations');
SELECT throws_ok($$SELECT gram(v) FROM (VALUES ('[1,2]'::embedding), ('[1,2,3]'::embedding)) t(v)$$, '22000',
	NULL, 'different dimensions');

SELECT * FROM finish();
ROLLBACK;
