-- pgTAP: train()'s aggregate engine on one node (options engine => 'aggregates'): the same model as the
-- in-memory engine's exact solver, its loss, its catalog row, als_fit, and its refusals
BEGIN;
SET search_path = recfair, public;
SELECT plan(25);

CREATE TABLE ta AS
SELECT u::int AS user_id, ((u * 7 + i * 13) % 90)::bigint AS item_id, (1 + (u + i) % 4)::numeric AS weight
FROM generate_series(1, 300) u, generate_series(1, 9) i;
-- duplicates are summed, NULLs skipped, as the in-memory reader does
INSERT INTO ta VALUES (1, 20, 2), (1, 20, 3), (NULL, 5, 1), (7, 5, NULL);

SELECT lives_ok($$SELECT train('ta_mem', 'ta', weight_col => 'weight', factors => 6, iterations => 4,
	regularization => 0.3, options => '{"solver": "cholesky", "alpha": 2}')$$, 'the in-memory model, exact solver');
SELECT lives_ok($$SELECT train('ta_agg', 'ta', weight_col => 'weight', factors => 6, iterations => 4,
	regularization => 0.3, options => '{"engine": "aggregates", "alpha": 2}')$$, 'the same with the aggregate engine');

SELECT is((SELECT (users, items, interactions) FROM models WHERE name = 'ta_agg'),
		  (SELECT (users, items, interactions) FROM models WHERE name = 'ta_mem'), 'the same users, items and pairs');
SELECT is((SELECT hyperparameters->>'rows_null_id' || ',' || (hyperparameters->>'rows_null_weight') || ',' ||
				  (hyperparameters->>'rows_read') FROM models WHERE name = 'ta_agg'),
		  (SELECT hyperparameters->>'rows_null_id' || ',' || (hyperparameters->>'rows_null_weight') || ',' ||
				  (hyperparameters->>'rows_read') FROM models WHERE name = 'ta_mem'), 'the same rows read and skipped');
SELECT is((SELECT hyperparameters->>'engine' || ' ' || (hyperparameters->>'distributed') || ' ' ||
				  (hyperparameters->>'solver') FROM models WHERE name = 'ta_agg'),
		  'aggregates false cholesky', 'the catalog row records the engine and its exact solver');
SELECT ok((SELECT max(abs(a - b)) < 1e-4 FROM user_factors x JOIN user_factors y USING (user_id),
		   unnest(embedding_to_float8_array(x.factors), embedding_to_float8_array(y.factors)) z(a, b)
		   WHERE x.model = 'ta_mem' AND y.model = 'ta_agg'), 'user factors agree to 1e-4');
SELECT ok((SELECT max(abs(a - b)) < 1e-4 FROM item_factors x JOIN item_factors y USING (item_id),
		   unnest(embedding_to_float8_array(x.factors), embedding_to_float8_array(y.factors)) z(a, b)
		   WHERE x.model = 'ta_mem' AND y.model = 'ta_agg'), 'item factors agree to 1e-4');
SELECT is((SELECT count(*)::int FROM user_factors x JOIN user_factors y USING (user_id)
		   WHERE x.model = 'ta_mem' AND y.model = 'ta_agg' AND x.seen::bigint[] = y.seen::bigint[]), 300,
		  'every user has the same seen items');
SELECT ok((SELECT bool_and(abs(a - b) < 1e-5 * a) FROM models x, models y, unnest(x.loss, y.loss) z(a, b)
		   WHERE x.name = 'ta_mem' AND y.name = 'ta_agg'), 'the same loss per iteration (from partial sums)');
SELECT is((SELECT count(*)::int FROM pg_class WHERE relname LIKE 'recfair_als_%'), 0, 'no work table is left');
SELECT ok((SELECT count(*) = 3 FROM recommend(5, 3, model => 'ta_agg')), 'the model serves');

-- the query form, and the engine under parallel query
SELECT lives_ok($$SELECT train('ta_q', source_query => 'SELECT user_id, item_id, weight FROM ta', weight_col => 'weight',
	factors => 6, iterations => 4, regularization => 0.3, options => '{"engine": "aggregates", "alpha": 2}')$$,
	'a query source');
SELECT ok((SELECT max(abs(a - b)) < 1e-6 FROM item_factors x JOIN item_factors y USING (item_id),
		   unnest(embedding_to_float8_array(x.factors), embedding_to_float8_array(y.factors)) z(a, b)
		   WHERE x.model = 'ta_q' AND y.model = 'ta_agg'), 'the same model from the query');
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT lives_ok($$SELECT train('ta_par', 'ta', weight_col => 'weight', factors => 6, iterations => 4,
	regularization => 0.3, options => '{"engine": "aggregates", "alpha": 2}')$$, 'with parallel query forced');
SELECT ok((SELECT max(abs(a - b)) < 1e-6 FROM item_factors x JOIN item_factors y USING (item_id),
		   unnest(embedding_to_float8_array(x.factors), embedding_to_float8_array(y.factors)) z(a, b)
		   WHERE x.model = 'ta_par' AND y.model = 'ta_agg'), 'parallel partial aggregation gives the same model');
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- als_fit: x'Ax - 2x'b, so that sum c (1 - s)^2 - s^2 = sum c + als_fit
SELECT ok((SELECT abs(sum(c) + als_fit(als_normal(y, w, 2.0), '[0.3,-0.2]') -
				  sum(c * (1 - s) ^ 2 - s ^ 2)) < 1e-9
		   FROM (SELECT y, w, 1 + 2.0 * w AS c, inner_product(y, '[0.3,-0.2]') AS s
				 FROM (VALUES ('[1,2]'::embedding, 1::real), ('[0.5,-1]', 3), ('[2,0.25]', 0)) v(y, w)) t),
	'als_fit is the observed cells'' weighted error minus the confidences');
SELECT throws_ok($$SELECT als_fit(ARRAY[2, 1, 1, 0, 0, 1, 0, 0]::float8[], '[1,2,3]')$$, '22000', NULL,
	'als_fit with a solution of another dimension');

-- refusals
SELECT throws_ok($$SELECT train('ta_x', 'ta', weight_col => 'weight', options => '{"engine": "gpu"}')$$, '22023',
	'unknown engine "gpu"', 'an unknown engine');
SELECT throws_ok($$SELECT train('ta_x', 'ta', weight_col => 'weight', algorithm => 'bpr', options => '{"engine": "aggregates"}')$$,
	'22023', 'option "engine" does not apply to algorithm "bpr"', 'engine is for als only');
SELECT throws_ok($$SELECT train('ta_x', 'ta', weight_col => 'weight', options => '{"engine": "aggregates", "confidence": "alpha*w"}')$$,
	'0A000', 'the aggregate engine does not support confidence "alpha*w"', 'the confidence it does not have');
SELECT throws_ok($$SELECT train('ta_x', 'ta', weight_col => 'weight', options => '{"engine": "aggregates", "work_schema": "nowhere"}')$$,
	'3F000', NULL, 'a work schema that does not exist');
SELECT throws_ok($$SELECT train('ta_x', 'ta', weight_col => 'weight', options => '{"engine": "aggregates", "work_schema": "pg_temp"}')$$,
	'22023', 'the aggregate engine cannot create its work tables in a temporary schema', 'a temporary work schema');
CREATE ROLE ta_trainer;
CREATE SCHEMA ta_work;
GRANT USAGE ON SCHEMA recfair, ta_work TO ta_trainer;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA recfair TO ta_trainer;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA recfair TO ta_trainer;
GRANT SELECT ON ta TO ta_trainer;
SET LOCAL ROLE ta_trainer;
SELECT throws_ok($$SELECT train('ta_r', 'ta', weight_col => 'weight', options => '{"engine": "aggregates", "work_schema": "ta_work"}')$$,
	'42501', 'permission denied for schema ta_work', 'a work schema the caller may not create tables in');
RESET ROLE;
GRANT CREATE ON SCHEMA ta_work TO ta_trainer;
SET LOCAL ROLE ta_trainer;
SELECT lives_ok($$SELECT train('ta_r', 'ta', weight_col => 'weight', factors => 4, iterations => 2,
	options => '{"engine": "aggregates", "work_schema": "ta_work"}')$$, 'and with CREATE there');
RESET ROLE;
UPDATE ta SET weight = -1 WHERE user_id = 3 AND item_id = (SELECT min(item_id) FROM ta WHERE user_id = 3);
SELECT throws_like($$SELECT train('ta_x', 'ta', weight_col => 'weight', options => '{"engine": "aggregates"}')$$,
	'invalid weight -1 for user 3 and item %', 'a negative weight, as the in-memory reader says it');

SELECT * FROM finish();
ROLLBACK;
