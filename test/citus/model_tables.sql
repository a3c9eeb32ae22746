-- pgTAP on Citus: the model tables placed as README's "Scaling out with Citus" places them (models and item
-- factors reference tables, user factors distributed by user): training, recommend, recommend_fair,
-- similar_items and evaluate from the coordinator and from the workers, and the amortized fair state per node.
-- Not in a transaction: the workers must see the models.
SET search_path = public, recfair;
SET client_min_messages = warning;
SELECT plan(13);

-- README's commands (run before this file) distributed the model tables
SELECT is((SELECT array_agg(c.relname || ':' || d.partmethod::text ORDER BY c.relname) FROM pg_dist_partition d
		   JOIN pg_class c ON c.oid = d.logicalrelid WHERE c.relnamespace = 'recfair'::regnamespace),
		  ARRAY['item_factors:n', 'models:n', 'user_factors:h'],
		  'models and item factors are reference tables, user factors distributed');

CREATE TABLE mt_inter AS SELECT u::bigint AS user_id, ((u * 7 + i * 13) % 200)::bigint AS item_id, 1::real AS weight
FROM generate_series(1, 1200) u, generate_series(1, 8) i;
SELECT create_distributed_table('mt_inter', 'user_id', colocate_with => 'recfair.user_factors');
CREATE TABLE mt_items AS SELECT i::bigint AS item_id, 'g' || (i % 5) AS grp FROM generate_series(0, 199) i;
SELECT create_reference_table('mt_items');
CREATE TABLE mt_test AS SELECT u::bigint AS user_id, ((u * 11 + 3) % 200)::bigint AS item_id FROM generate_series(1, 1200) u;
SELECT create_distributed_table('mt_test', 'user_id', colocate_with => 'mt_inter');

SELECT is((SELECT hyperparameters->>'engine' FROM train('mt_m', 'mt_inter', factors => 6, iterations => 3,
												   items => 'mt_items')), 'aggregates', 'trained on the workers');
SELECT is((SELECT count(*)::int FROM user_factors WHERE model = 'mt_m'), 1200, 'into the distributed user factors');
SELECT is((SELECT array_agg(DISTINCT result) FROM run_command_on_workers(
			$$SELECT count(*) FROM recfair.user_factors WHERE model = 'mt_m'$$)), ARRAY['1200'],
		  'which every worker reads whole');

-- the same lists from the coordinator and from each worker
CREATE TABLE mt_lists AS
SELECT 'recommend' AS fn, string_agg(item_id::text, ',' ORDER BY rank) AS list FROM recommend(17, 5, model => 'mt_m')
UNION ALL
SELECT 'recommend_fair', string_agg(item_id::text || ':' || group_value, ',' ORDER BY rank)
FROM recommend_fair(17, 5, 'grp', model => 'mt_m')
UNION ALL
SELECT 'similar_items', string_agg(item_id::text, ',' ORDER BY rank) FROM similar_items(3, 5, model => 'mt_m');
SELECT is((SELECT count(*)::int FROM mt_lists WHERE list IS NOT NULL), 3, 'the coordinator serves the three lists');
SELECT is((SELECT array_agg(DISTINCT result) FROM run_command_on_workers(
			$$SELECT string_agg(item_id::text, ',' ORDER BY rank) FROM recfair.recommend(17, 5, model => 'mt_m')$$)),
		  ARRAY[(SELECT list FROM mt_lists WHERE fn = 'recommend')], 'every worker gives the same recommend list');
SELECT is((SELECT array_agg(DISTINCT result) FROM run_command_on_workers(
			$$SELECT string_agg(item_id::text || ':' || group_value, ',' ORDER BY rank)
			  FROM recfair.recommend_fair(17, 5, 'grp', model => 'mt_m')$$)),
		  ARRAY[(SELECT list FROM mt_lists WHERE fn = 'recommend_fair')], 'and the same fair list');
SELECT is((SELECT array_agg(DISTINCT result) FROM run_command_on_workers(
			$$SELECT string_agg(item_id::text, ',' ORDER BY rank) FROM recfair.similar_items(3, 5, model => 'mt_m')$$)),
		  ARRAY[(SELECT list FROM mt_lists WHERE fn = 'similar_items')], 'and the same similar items');
SELECT is((SELECT array_agg(DISTINCT result) FROM run_command_on_workers(
			$$SELECT round(value::numeric, 6) FROM recfair.evaluate('mt_m', 'public.mt_test', 10) WHERE metric = 'ndcg@10'$$)),
		  ARRAY[(SELECT round(value::numeric, 6)::text FROM evaluate('mt_m', 'mt_test', 10) WHERE metric = 'ndcg@10')],
		  'evaluate gives the same NDCG on the workers');

-- amortized fairness keeps its state in each node's own recfair.fair_exposure
SELECT reset_fair_exposure('mt_m');
SELECT is((SELECT count(*)::int FROM generate_series(1, 20) u,
		   recommend_fair(u, 5, 'grp', model => 'mt_m', amortized => true)), 100, 'amortized lists on the coordinator');
SELECT ok((SELECT sum(exposure) > 0 FROM fair_exposure_state WHERE model = 'mt_m'), 'count in its state');
SELECT is((SELECT array_agg(DISTINCT result) FROM run_command_on_workers(
			$$SELECT count(*) FROM recfair.fair_exposure WHERE model = 'mt_m'$$)), ARRAY['0'],
		  'which the workers do not share (README: per node)');
SELECT is((SELECT array_agg(DISTINCT result) FROM run_command_on_workers(
			$$SELECT count(*) FROM recfair.recommend_fair(1, 5, 'grp', model => 'mt_m', amortized => true)$$)),
		  ARRAY['5'], 'a worker serves amortized lists from its own state');

SELECT * FROM finish();
SELECT reset_fair_exposure('mt_m');
SELECT run_command_on_workers($$SELECT recfair.reset_fair_exposure('mt_m')$$);
SELECT drop_model('mt_m');
DROP TABLE mt_inter, mt_items, mt_test, mt_lists;
