-- pgTAP on Citus: an ALS half-step written with recfair's aggregates over interactions distributed by user,
-- with the item factors as a reference table, runs on the workers and gives what it gives on one node
BEGIN;
SET search_path = recfair, public;
SET client_min_messages = warning;
SELECT plan(3);
-- one connection per node in this transaction: it creates and truncates shards, then reads them
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

CREATE TABLE ch AS SELECT u::bigint AS user_id, ((u * 7 + i * 13) % 150)::bigint AS item_id, (1 + (u + i) % 3)::real AS weight
FROM generate_series(1, 500) u, generate_series(1, 12) i;
CREATE TABLE ch_local AS SELECT * FROM ch;
SELECT is((SELECT users FROM recfair.train('ch_m', 'ch_local', weight_col => 'weight', factors => 6, iterations => 2)), 500::bigint,
	'a model to take item factors from');
CREATE TABLE ch_items AS SELECT item_id, factors FROM recfair.item_factors WHERE model = 'ch_m';
CREATE TABLE ch_items_local AS SELECT * FROM ch_items;
SELECT create_distributed_table('ch', 'user_id');
SELECT truncate_local_data_after_distributing_table('ch');
SELECT create_reference_table('ch_items');
SELECT truncate_local_data_after_distributing_table('ch_items');

CREATE TEMP TABLE step_cluster AS
SELECT t.user_id, recfair.als_solve(recfair.als_normal(i.factors, t.weight, 1.0),
	(SELECT recfair.gram(factors) FROM ch_items), 0.1) AS x
FROM ch t JOIN ch_items i USING (item_id) GROUP BY t.user_id;
CREATE TEMP TABLE step_local AS
SELECT t.user_id, recfair.als_solve(recfair.als_normal(i.factors, t.weight, 1.0),
	(SELECT recfair.gram(factors) FROM ch_items_local), 0.1) AS x
FROM ch_local t JOIN ch_items_local i USING (item_id) GROUP BY t.user_id;
SELECT is((SELECT count(*)::int FROM step_cluster), 500, 'one solution per user');
SELECT ok((SELECT max(abs(a - b)) FROM step_cluster c JOIN step_local l USING (user_id),
		   unnest(embedding_to_float8_array(c.x), embedding_to_float8_array(l.x)) AS z(a, b)) < 1e-6,
	'the distributed half-step equals the single-node one');

SELECT * FROM finish();
ROLLBACK;
