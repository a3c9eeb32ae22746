-- pgTAP: tune() chooses settings on a validation split, trains the best on the whole source, records the
-- choice, and leaves no trial model or split table behind (also when cancelled)
BEGIN;
SET search_path = recfair, public;
SELECT plan(33);

-- two groups of users with disjoint tastes, and some noise across them
CREATE TABLE tu AS
SELECT u AS user_id, i AS item_id, (1 + (u * i) % 4)::real AS weight
FROM generate_series(1, 80) u, generate_series(1, 40) i
WHERE ((u <= 40) = (i <= 20) AND (u * 7 + i * 3) % 4 <> 0) OR (u * 13 + i * 7) % 23 = 0;

-- the default grid
CREATE TEMP TABLE tu_rows AS
SELECT * FROM tune('tu_m', 'tu', weight_col => 'weight', factors => 4, iterations => 5);
SELECT ok((SELECT count(*) FROM tu_rows WHERE stage = 'coarse') = 36, 'the default coarse grid: 36 trials');
SELECT ok((SELECT count(*) FROM tu_rows WHERE stage = 'fine') BETWEEN 1 AND 8, 'then a fine stage around the best');
SELECT is((SELECT array_agg(trial ORDER BY trial) FROM tu_rows), (SELECT array_agg(g) FROM generate_series(1, (SELECT count(*)::int FROM tu_rows)) g),
	'trials numbered in order');
SELECT is((SELECT count(*)::int FROM tu_rows WHERE chosen AND stage <> 'final'), 1, 'one trial chosen');
SELECT is((SELECT value FROM tu_rows WHERE chosen AND stage <> 'final'), (SELECT max(value) FROM tu_rows), 'the best validation NDCG@10');
SELECT is((SELECT min(trial) FROM tu_rows WHERE chosen AND stage <> 'final'),
	(SELECT min(trial) FROM tu_rows WHERE value = (SELECT max(value) FROM tu_rows)), 'the first of equals');
SELECT is((SELECT stage || ' ' || chosen || ' ' || (value IS NULL) FROM tu_rows ORDER BY trial DESC LIMIT 1), 'final true true',
	'the last row is the final model, not evaluated');
SELECT is((SELECT settings - 'eps' FROM tu_rows WHERE stage = 'final'), (SELECT settings - 'eps' FROM tu_rows WHERE chosen AND stage <> 'final'),
	'trained with the chosen settings');
SELECT is((SELECT (interactions, hyperparameters->'tuned'->>'metric', (hyperparameters->'tuned'->>'trials')::int)::text FROM models WHERE name = 'tu_m'),
	(SELECT (count(*), 'ndcg@10', (SELECT count(*)::int - 1 FROM tu_rows))::text FROM tu), 'on the whole source, the choice recorded');
SELECT is((SELECT (hyperparameters->'tuned'->>'validation_value')::float8 FROM models WHERE name = 'tu_m'),
	(SELECT value FROM tu_rows WHERE chosen AND stage <> 'final'), 'with its validation value');
SELECT is((SELECT array_agg(name ORDER BY name) FROM models), ARRAY['tu_m'], 'no trial model is left');
SELECT is((SELECT count(*)::int FROM pg_class WHERE relname LIKE 'recfair\_tune\_%'), 0, 'no split table is left');

-- a given grid, a budget, another metric
SELECT is((SELECT count(*)::int FROM tune('tu_g', 'tu', weight_col => 'weight', factors => 4, iterations => 5,
		grid => '{"regularization": [0.1, 1], "alpha": [1, 2], "confidence": ["linear"], "weighted_regularization": [true]}')
		WHERE stage = 'grid'), 4, 'a given grid: its cross product');
SELECT ok((SELECT bool_and(settings->>'confidence' = 'linear') FROM tune('tu_g', 'tu', factors => 4, iterations => 3,
		grid => '{"confidence": ["linear"], "factors": [2, 3]}', budget => 3) WHERE stage <> 'final'),
	'its settings are used');
SELECT is((SELECT count(*)::int FROM tune('tu_g', 'tu', factors => 4, iterations => 3, budget => 5) WHERE stage <> 'final'), 5,
	'a budget bounds the trials');
SELECT is((SELECT array_agg(DISTINCT (settings->>'factors')::int ORDER BY (settings->>'factors')::int)
		   FROM tune('tu_g', 'tu', iterations => 3, grid => '{"factors": [2, 3]}', budget => 2)), ARRAY[2, 3], 'factors in the grid');
SELECT lives_ok($$SELECT * FROM tune('tu_r', 'tu', weight_col => 'weight', factors => 4, iterations => 3, budget => 3,
	metric => 'recall')$$, 'another metric');
SELECT is((SELECT hyperparameters->'tuned'->>'metric' FROM models WHERE name = 'tu_r'), 'recall@10', 'named at k');
SELECT lives_ok($$SELECT * FROM tune('tu_q', source_query => 'SELECT * FROM tu WHERE weight > 1', factors => 3, iterations => 3,
	budget => 2)$$, 'from a query');

-- als_explicit: RMSE, lower is better
CREATE TEMP TABLE tu_ex AS
SELECT * FROM tune('tu_e', 'tu', weight_col => 'weight', algorithm => 'als_explicit', factors => 3, iterations => 5);
SELECT is((SELECT value FROM tu_ex WHERE chosen AND stage <> 'final'), (SELECT min(value) FROM tu_ex), 'als_explicit: the lowest RMSE');
SELECT is((SELECT hyperparameters->'tuned'->>'metric' FROM models WHERE name = 'tu_e'), 'rmse', 'recorded as rmse');

-- cancelled: nothing of it remains, the old model stays
CREATE FUNCTION pg_temp.tune_timeout() RETURNS text LANGUAGE plpgsql AS $f$
BEGIN
	PERFORM * FROM recfair.tune('tu_m', 'tu', factors => 16, iterations => 30);
	RETURN 'finished';
EXCEPTION WHEN query_canceled THEN
	RETURN 'cancelled';
END $f$;
SET LOCAL statement_timeout = '300ms';
SELECT is(pg_temp.tune_timeout(), 'cancelled', 'statement_timeout cancels tune');
RESET statement_timeout;
SELECT is((SELECT array_agg(name ORDER BY name) FROM models WHERE name LIKE 'recfair\_tune\_%' OR name = 'tu_m'), ARRAY['tu_m'],
	'no trial model, and the old model');
SELECT is((SELECT hyperparameters->'tuned'->>'trials' FROM models WHERE name = 'tu_m'), (SELECT (count(*) - 1)::text FROM tu_rows),
	'unchanged');
SELECT is((SELECT count(*)::int FROM pg_class WHERE relname LIKE 'recfair\_tune\_%'), 0, 'no split table');

-- bad input
SELECT throws_ok($$SELECT * FROM tune('x', 'tu', grid => '{"lambda": [1]}')$$, '22023',
	'unknown grid key "lambda" for algorithm "als"', 'an unknown grid key');
SELECT throws_ok($$SELECT * FROM tune('x', 'tu', grid => '{"alpha": 2}')$$, '22023', 'grid key "alpha" must be an array of values',
	'a grid value that is not an array');
SELECT throws_ok($$SELECT * FROM tune('x', 'tu', algorithm => 'bpr')$$, '0A000', NULL, 'bpr is not tuned');
SELECT throws_ok($$SELECT * FROM tune('x', 'tu', budget => 0)$$, '22023', NULL, 'a budget of 0');
SELECT throws_ok($$SELECT * FROM tune('x')$$, '22004', 'tune needs a source or a source_query', 'no source');
SELECT throws_ok($$SELECT * FROM tune('x', 'tu', source_query => 'SELECT * FROM tu')$$, '22023',
	'tune takes a source or a source_query, not both', 'both sources');
SELECT throws_ok($$SELECT * FROM tune('x', 'tu', validation_fraction => 1)$$, '22023',
	'validation_fraction must be between 0 and 1 (exclusive)', 'a validation fraction of 1');
SELECT throws_ok($$SELECT * FROM tune('x', 'tu', metric => 'nope', budget => 1)$$, '22023',
	'evaluate() reports no metric "nope@10" for this model', 'an unknown metric');
SELECT * FROM finish();
ROLLBACK;
