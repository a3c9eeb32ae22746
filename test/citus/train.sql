-- pgTAP on Citus: train() on a distributed source trains on the workers (the aggregate engine) and gives the
-- in-memory engine's model for the same seed; a cancel leaves the old model and no work table
SET search_path = public, recfair;
SET client_min_messages = error;
SELECT plan(24);

-- interactions distributed by user (an integer id: the work tables take the source's types to co-locate)
CREATE TABLE ct AS SELECT u::int AS user_id, ((u * 7 + i * 13) % 240)::bigint AS item_id,
	(1 + (u + i) % 3)::real AS weight
FROM generate_series(1, 1500) u, generate_series(1, 12) i;
CREATE TABLE ct_local AS SELECT * FROM ct;
CREATE TABLE ct_test AS SELECT u::bigint AS user_id, ((u * 11 + 3) % 240)::bigint AS item_id
FROM generate_series(1, 1500) u;
SELECT create_distributed_table('ct', 'user_id');
SELECT truncate_local_data_after_distributing_table('ct');

SELECT is((SELECT hyperparameters->>'engine' || ' ' || (hyperparameters->>'distributed')
		   FROM train('ct_dist', 'ct', weight_col => 'weight', factors => 8, iterations => 5, regularization => 0.2)),
		  'aggregates true', 'a distributed source trains with the aggregate engine on the workers');
SELECT is((SELECT (users, items, interactions)::text FROM models WHERE name = 'ct_dist'), '(1500,240,18000)',
		  'every user, item and pair of the shards');
SELECT lives_ok($$SELECT train('ct_mem', 'ct_local', weight_col => 'weight', factors => 8, iterations => 5,
	regularization => 0.2, options => '{"solver": "cholesky"}')$$, 'the in-memory engine on a local copy');
SELECT ok((SELECT max(abs(a - b)) < 1e-3 FROM user_factors x JOIN user_factors y USING (user_id),
		   unnest(embedding_to_float8_array(x.factors), embedding_to_float8_array(y.factors)) z(a, b)
		   WHERE x.model = 'ct_mem' AND y.model = 'ct_dist'), 'the user factors agree to 1e-3');
SELECT ok((SELECT max(abs(a - b)) < 1e-3 FROM item_factors x JOIN item_factors y USING (item_id),
		   unnest(embedding_to_float8_array(x.factors), embedding_to_float8_array(y.factors)) z(a, b)
		   WHERE x.model = 'ct_mem' AND y.model = 'ct_dist'), 'the item factors agree to 1e-3');
SELECT ok((SELECT bool_and(abs(a - b) < 1e-5 * a) FROM models x, models y, unnest(x.loss, y.loss) z(a, b)
		   WHERE x.name = 'ct_mem' AND y.name = 'ct_dist'), 'the loss per iteration agrees');
SELECT ok((SELECT abs(d.value - m.value) <= 0.002 FROM evaluate('ct_dist', 'ct_test', 10) d
		   JOIN evaluate('ct_mem', 'ct_test', 10) m USING (metric) WHERE metric = 'ndcg@10'),
	'NDCG@10 within 0.002 of the in-memory model''s');
SELECT is((SELECT count(*)::int FROM pg_dist_partition WHERE logicalrelid::text LIKE '%recfair_als_%'), 0,
		  'no work table is left in the cluster');

-- the defaults (confidence log with eps from the weights, weighted regularization from the data) on the workers
SELECT lives_ok($$SELECT train('ct_def', 'ct', weight_col => 'weight', factors => 8, iterations => 5)$$,
	'the defaults on the workers');
SELECT lives_ok($$SELECT train('ct_def_mem', 'ct_local', weight_col => 'weight', factors => 8, iterations => 5,
	options => '{"solver": "cholesky"}')$$, 'and in memory');
SELECT ok((SELECT max(abs(a - b)) < 1e-3 AND (SELECT x.hyperparameters->'regularization' = y.hyperparameters->'regularization'
			AND x.hyperparameters->'eps' = y.hyperparameters->'eps' FROM models x, models y WHERE x.name = 'ct_def' AND y.name = 'ct_def_mem')
		   FROM item_factors x JOIN item_factors y USING (item_id),
		   unnest(embedding_to_float8_array(x.factors), embedding_to_float8_array(y.factors)) z(a, b)
		   WHERE x.model = 'ct_def' AND y.model = 'ct_def_mem'), 'the same eps, regularization and item factors (to 1e-3)');
SELECT ok((SELECT abs(sum(contribution) - (SELECT score FROM recommend(7, 240, 'ct_def', false) WHERE item_id = 5)) < 1e-5
		   FROM explain(7, 5, 'ct_def')), 'explain on the distributed model: its parts sum to the score');

-- distributed by item: the layout by item is the co-located one
CREATE TABLE ct_by_item AS SELECT * FROM ct_local;
SELECT create_distributed_table('ct_by_item', 'item_id');
SELECT lives_ok($$SELECT train('ct_item', 'ct_by_item', weight_col => 'weight', factors => 8, iterations => 5,
	regularization => 0.2)$$, 'a source distributed by item');
SELECT ok((SELECT max(abs(a - b)) < 1e-5 FROM item_factors x JOIN item_factors y USING (item_id),
		   unnest(embedding_to_float8_array(x.factors), embedding_to_float8_array(y.factors)) z(a, b)
		   WHERE x.model = 'ct_dist' AND y.model = 'ct_item'), 'gives the same model');

-- the in-memory engine on a distributed source, on request, reads it through a query
SELECT is((SELECT (hyperparameters->>'engine') IS NULL AND interactions = 18000
		   FROM train('ct_q', 'ct', weight_col => 'weight', factors => 8, iterations => 2,
					  options => '{"engine": "memory"}')), true, 'engine memory reads the shards to the coordinator');
SELECT is((SELECT count(*)::int FROM recommend(7, 5, model => 'ct_dist')), 5, 'the model serves');

-- a cancel (statement_timeout) in the middle: the old model stays, the work tables go
SELECT version AS v_before FROM models WHERE name = 'ct_dist' \gset
-- as a user cancels: the statement, in a transaction of its own (psql records the error's SQLSTATE)
SET statement_timeout = '1s';
\set ON_ERROR_STOP 0
SELECT train('ct_dist', 'ct', weight_col => 'weight', factors => 8, iterations => 1000);
\set ON_ERROR_STOP 1
RESET statement_timeout;
SELECT is(:'LAST_ERROR_SQLSTATE'::text, '57014', 'a statement_timeout cancels distributed training');
SELECT is((SELECT version FROM models WHERE name = 'ct_dist'), :v_before::bigint, 'the old model stays');
SELECT is((SELECT count(*)::int FROM pg_dist_partition WHERE logicalrelid::text LIKE '%recfair_als_%'), 0,
		  'no work table is left after the cancel');
SELECT is((SELECT sum(result::int)::int FROM run_command_on_workers(
			$$SELECT count(*) FROM pg_class WHERE relname LIKE 'recfair_als_%'$$)), 0,
		  'nor on the workers');

-- in a transaction that already ran a parallel multi-shard query, Citus cannot give the work tables one
-- connection per worker: by default train() says so and trains on the coordinator; asked for, it fails
BEGIN;
SELECT count(*) AS ct_rows FROM ct \gset
SELECT is((SELECT coalesce(hyperparameters->>'engine', 'memory') || ' ' || interactions
		   FROM train('ct_tx', 'ct', weight_col => 'weight', factors => 4, iterations => 2)), 'memory 18000',
		  'after a parallel query in the transaction: trained on the coordinator');
SELECT throws_ok($$SELECT train('ct_tx', 'ct', weight_col => 'weight', factors => 4, iterations => 2,
	options => '{"engine": "aggregates"}')$$, NULL, NULL, 'and an error when the engine is asked for');
COMMIT;

-- progress: the iterations show in training_progress's loss and in the catalog row
SELECT is((SELECT array_length(loss, 1) FROM models WHERE name = 'ct_dist'), 5, 'one loss per iteration');
SELECT ok((SELECT loss[5] < loss[1] FROM models WHERE name = 'ct_dist'), 'the loss falls');

SELECT * FROM finish();
DROP TABLE ct, ct_local, ct_test, ct_by_item;
SELECT drop_model(m) FROM unnest(ARRAY['ct_dist', 'ct_mem', 'ct_item', 'ct_q', 'ct_tx']) m;
