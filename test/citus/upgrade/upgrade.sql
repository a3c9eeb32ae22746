-- pgTAP on Citus, run by test/citus/run.sh with recfair 0.6.0 created on the coordinator: the model tables
-- placed on the cluster, ALTER EXTENSION UPDATE with them distributed, then DROP EXTENSION and the workers'
-- clean-up that README's "Scaling out with Citus" gives.  Not in a transaction: the workers must see it.
SET client_min_messages = warning;
SELECT plan(13);

SELECT is((SELECT extversion FROM pg_extension WHERE extname = 'recfair'), '0.6.0', 'recfair 0.6.0 to start from');
CREATE TABLE up_inter AS SELECT u::bigint AS user_id, ((u * 7 + i * 13) % 200)::bigint AS item_id
FROM generate_series(1, 1000) u, generate_series(1, 8) i;
SELECT create_distributed_table('up_inter', 'user_id');
SELECT truncate_local_data_after_distributing_table('up_inter');
-- the placement README gives: models and item factors on every node, user factors with the interactions
SELECT create_reference_table('recfair.models');
SELECT create_reference_table('recfair.item_factors');
SELECT create_distributed_table('recfair.user_factors', 'user_id', colocate_with => 'up_inter');

SELECT is((SELECT users FROM recfair.train('up_m', 'up_inter', factors => 4, iterations => 2)), 1000::bigint,
	'0.6.0''s SQL trains into the distributed model tables');
SELECT is((SELECT hyperparameters->>'engine' FROM recfair.models WHERE name = 'up_m'), NULL,
	'on the coordinator: the aggregate engine waits for the update');

ALTER EXTENSION recfair UPDATE;
SELECT is((SELECT extversion FROM pg_extension WHERE extname = 'recfair'),
	(SELECT default_version FROM pg_available_extensions WHERE name = 'recfair'), 'updated with distributed model tables');
SELECT is((SELECT array_agg(DISTINCT result) FROM run_command_on_workers(
			$$SELECT extversion FROM pg_extension WHERE extname = 'recfair'$$)),
	ARRAY[(SELECT default_version FROM pg_available_extensions WHERE name = 'recfair')], 'on the workers too');
SELECT is((SELECT count(*)::int FROM recfair.user_factors WHERE model = 'up_m'), 1000, 'the models survive the update');
SELECT is((SELECT hyperparameters->>'engine' FROM recfair.train('up_m', 'up_inter', factors => 4, iterations => 2)),
	'aggregates', 'and retrain on the workers after it');
SELECT is((SELECT array_agg(DISTINCT result) FROM run_command_on_workers(
			$$SELECT count(*) FROM recfair.recommend(5, 3, model => 'up_m')$$)), ARRAY['3'], 'the workers serve the model');

DROP EXTENSION recfair CASCADE;
SELECT is((SELECT count(*)::int FROM pg_dist_partition WHERE logicalrelid::text LIKE 'recfair.%'), 0,
	'DROP EXTENSION removes the model tables from the cluster''s metadata');
SELECT is((SELECT array_agg(DISTINCT result) FROM run_command_on_workers(
			$$SELECT count(*) FROM pg_extension WHERE extname = 'recfair'$$)), ARRAY['0'], 'and recfair from the workers');
-- Citus leaves the shards of an extension's tables behind; README's clean-up drops them on every node
DROP SCHEMA IF EXISTS recfair CASCADE;
SELECT is((SELECT array_agg(DISTINCT result) FROM run_command_on_workers(
			$$SELECT count(*) FROM pg_class WHERE relname ~ '^(models|user_factors|item_factors)_[0-9]+$'$$)),
	ARRAY['0'], 'after the clean-up no shard of a model table is left');
SELECT is((SELECT count(*)::int FROM pg_namespace WHERE nspname = 'recfair'), 0, 'nor the schema');
SELECT is((SELECT array_agg(DISTINCT result) FROM run_command_on_workers(
			$$SELECT count(*) FROM pg_namespace WHERE nspname = 'recfair'$$)), ARRAY['0'], 'on any node');

SELECT * FROM finish();
DROP TABLE up_inter;
