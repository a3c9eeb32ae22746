-- pgTAP: cold start from content. train() learns a map from the registered tables' feature columns to the
-- factors, gives items and users with features and no interactions mapped factors, and keeps the map;
-- the map's aggregate, solve and apply functions; add_cold_rows() for rows added later
BEGIN;
SET search_path = recfair, public;
SELECT plan(43);

-- users 1-20 like items 1-10, users 21-40 items 11-20; items 21-24 and user 99 have features only
CREATE TABLE fm AS
SELECT u AS user_id, i AS item_id, (1 + (u * i) % 3)::real AS weight
FROM generate_series(1, 40) u, generate_series(1, 20) i
WHERE (u <= 20) = (i <= 10) AND (u * 7 + i * 3) % 5 <> 0;
CREATE TABLE fm_items AS
SELECT i AS item_id, ARRAY[(i <= 10 OR i IN (21, 22))::int, (i > 10 AND i NOT IN (21, 22))::int, (i % 3) / 3.0]::real[] AS features,
	CASE WHEN i % 2 = 0 THEN 'even' ELSE 'odd' END AS brand
FROM generate_series(1, 24) i;
CREATE TABLE fm_users AS
SELECT u AS user_id, ARRAY[(u <= 20 OR u = 99)::int, (u > 20 AND u <> 99)::int]::real[] AS taste
FROM (SELECT generate_series(1, 40) UNION ALL SELECT 99) x(u);

SELECT lives_ok($$SELECT train('fm', 'fm', weight_col => 'weight', factors => 4, iterations => 10, items => 'fm_items',
	users => 'fm_users', options => '{"item_features": "features", "user_features": "taste"}')$$,
	'train with item and user features');
SELECT is((SELECT (hyperparameters->>'item_features', hyperparameters->>'cold_items', hyperparameters->>'user_features',
		hyperparameters->>'cold_users', hyperparameters->>'feature_regularization')::text FROM models WHERE name = 'fm'),
	'(features,4,taste,1,1)', 'recorded: the columns, the cold rows, the regularization');
SELECT is((SELECT (users, items)::text FROM models WHERE name = 'fm'), '(40,20)', 'the trained counts exclude the cold rows');
SELECT is((SELECT count(*)::int FROM item_factors WHERE model = 'fm'), 24, 'the cold items have factors');
SELECT is((SELECT count(*)::int FROM user_factors WHERE model = 'fm'), 41, 'the cold user too');
SELECT is((SELECT (cardinality(seen::bigint[]), cardinality(seen_weights))::text FROM user_factors WHERE model = 'fm' AND user_id = 99),
	'(0,0)', 'with no seen items');
SELECT is((SELECT array_agg((side, feature_col, array_dims(map), trained_rows)::text ORDER BY side) FROM feature_maps WHERE model = 'fm'),
	ARRAY['(item,features,[1:4][1:4],20)', '(user,taste,[1:3][1:4],40)'], 'the maps: (features + 1) x factors, on the trained rows');

-- the cold rows are served
SELECT ok((SELECT min(score) FILTER (WHERE item_id IN (21, 22)) > max(score) FILTER (WHERE item_id IN (23, 24))
		   FROM recommend(1, 24, 'fm')), 'user 1 (first group) ranks the cold items of its group''s features first');
SELECT ok((SELECT min(score) FILTER (WHERE item_id IN (23, 24)) > max(score) FILTER (WHERE item_id IN (21, 22))
		   FROM recommend(30, 24, 'fm')), 'user 30 the others');
SELECT ok((SELECT bool_and(item_id <= 10 OR item_id IN (21, 22)) FROM recommend(99, 3, 'fm')),
	'the cold user 99 gets its features'' group');
SELECT ok((SELECT count(*) = 6 AND count(*) FILTER (WHERE item_id > 20) >= 1 AND bool_and(group_value IS NOT NULL)
		   FROM recommend_fair(1, 6, 'brand', 'fm')), 're-ranked fairly with the cold items among the candidates, with their brands');
SELECT ok((SELECT abs(sum(contribution) - (SELECT score FROM recommend(99, 30, 'fm', false) WHERE item_id = 3)) < 1e-5
		   AND bool_and(part = 'solver residual') FROM explain(99, 3, 'fm')), 'explain for a cold user: no history, the whole score residual');

-- the map is the aggregate's over the trained rows, and applies as stored
SELECT ok((SELECT max(abs(x - y)) < 1e-6 FROM
			(SELECT feature_map_solve(feature_map(i.features, f.factors::real[]), 1.0) AS m
			 FROM item_factors f JOIN fm_items i USING (item_id) WHERE f.model = 'fm' AND f.item_id <= 20) a,
			feature_maps s, unnest(a.m, s.map) z(x, y) WHERE s.model = 'fm' AND s.side = 'item'),
	'feature_map and feature_map_solve give the stored map');
SELECT ok((SELECT max(abs(x - y)) < 1e-6 FROM item_factors f JOIN fm_items i USING (item_id), feature_maps s,
			unnest(f.factors::real[], feature_map_apply(s.map, i.features)) z(x, y)
		   WHERE f.model = 'fm' AND s.model = 'fm' AND s.side = 'item' AND f.item_id > 20),
	'feature_map_apply gives the cold items'' stored factors');
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
CREATE TEMP TABLE fm_many AS SELECT g % 50 AS k, ARRAY[g % 7, g % 11, 1]::real[] AS x, ARRAY[g % 5, (g % 3) * 0.5]::real[] AS y
FROM generate_series(1, 20000) g;
ANALYZE fm_many;
SELECT ok((SELECT max(abs(p - q)) < 1e-6 FROM
			(SELECT feature_map_solve(feature_map(x, y), 0.1) AS m FROM fm_many) a,
			(SELECT feature_map_solve(feature_map(x, y ORDER BY k), 0.1) AS m FROM fm_many) b, unnest(a.m, b.m) z(p, q)),
	'the aggregate combines the same in parallel');
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- rows added later
INSERT INTO fm_items VALUES (25, ARRAY[1, 0, 0]::real[], 'odd'), (26, NULL, 'even');
SELECT lives_ok($$SELECT build_index('fm', lists => 3)$$, 'an item index');
SELECT version AS v1 FROM models WHERE name = 'fm' \gset
SELECT is(add_cold_rows('fm'), 1::bigint, 'add_cold_rows maps the new item with features');
SELECT ok((SELECT version > :v1 FROM models WHERE name = 'fm'), 'a new version, so that caches reload');
SELECT ok((SELECT count(*) = 1 FROM recommend(1, 30, 'fm') WHERE item_id = 25), 'and it is served');
SELECT ok((SELECT i.version = m.version AND 25 = ANY (i.item_ids) AND i.lists = 3 FROM item_index i JOIN models m ON m.name = i.model
		   WHERE i.model = 'fm'), 'the item index is rebuilt with the new item, for the new version');
SELECT is(add_cold_rows('fm'), 0::bigint, 'nothing more to add');

-- an explicit model maps its biases too; an embedding column; numeric[] through its text
CREATE TABLE fm_items2 AS SELECT item_id, features::recfair.embedding AS emb, features::numeric[] AS num FROM fm_items WHERE features IS NOT NULL;
SELECT lives_ok($$SELECT train('fm_ex', 'fm', weight_col => 'weight', algorithm => 'als_explicit', factors => 3, iterations => 5,
	items => 'fm_items2', options => '{"item_features": "emb"}')$$, 'an explicit model, features as recfair.embedding');
SELECT is((SELECT (array_dims(map))::text FROM feature_maps WHERE model = 'fm_ex'), '[1:4][1:4]', 'the map has a bias column');
SELECT is((SELECT count(*)::int FROM item_factors WHERE model = 'fm_ex' AND item_id > 20 AND bias IS NOT NULL), 5,
	'the cold items get a bias');
SELECT lives_ok($$SELECT train('fm_num', 'fm', factors => 3, iterations => 3, items => 'fm_items2',
	options => '{"item_features": "num", "feature_regularization": 5}')$$, 'numeric[] features');
SELECT is((SELECT regularization FROM feature_maps WHERE model = 'fm_num'), 5::float8, 'the feature regularization');

-- a retrain without features drops the map and the cold rows
SELECT lives_ok($$SELECT train('fm_num', 'fm', factors => 3, iterations => 3)$$, 'retrain without features');
SELECT is((SELECT count(*)::int FROM feature_maps WHERE model = 'fm_num'), 0, 'no map');
SELECT is((SELECT count(*)::int FROM item_factors WHERE model = 'fm_num'), 20, 'no cold item');
SELECT throws_ok($$SELECT add_cold_rows('fm_num')$$, '55000', 'model "fm_num" has no feature map', 'add_cold_rows needs a map');
SELECT lives_ok($$SELECT drop_model('fm')$$, 'drop the model');
SELECT is((SELECT count(*)::int FROM feature_maps WHERE model = 'fm'), 0, 'its maps go with it');

-- bad input
CREATE TABLE fm_bad AS SELECT item_id, CASE WHEN item_id = 3 THEN ARRAY[1, 2]::real[] ELSE ARRAY[1, 2, 3]::real[] END AS ragged,
	'x'::text AS word, CASE WHEN item_id = 4 THEN ARRAY['NaN'::real, 1] ELSE ARRAY[0, 1]::real[] END AS nan
FROM generate_series(1, 20) item_id;
SELECT throws_ok($$SELECT train('b1', 'fm', factors => 2, iterations => 1, options => '{"item_features": "features"}')$$, '55000',
	'item_features needs a registered item table', 'no registered item table');
SELECT throws_ok($$SELECT train('b1', 'fm', factors => 2, iterations => 1, items => 'fm_bad', options => '{"item_features": "nope"}')$$,
	'42703', NULL, 'a missing column');
SELECT throws_ok($$SELECT train('b1', 'fm', factors => 2, iterations => 1, items => 'fm_bad', options => '{"item_features": "ragged"}')$$,
	'22000', 'the features of item 3 have 2 elements, others 3', 'features of different lengths');
SELECT throws_ok($$SELECT train('b1', 'fm', factors => 2, iterations => 1, items => 'fm_bad', options => '{"item_features": "word"}')$$,
	'42804', 'the features of item 1 are not a list of numbers', 'a column that is not numbers');
SELECT throws_ok($$SELECT train('b1', 'fm', factors => 2, iterations => 1, items => 'fm_bad', options => '{"item_features": "nan"}')$$,
	'22000', 'the features of item 4 are not finite', 'a NaN feature');
CREATE TABLE fm_dup AS SELECT item_id, ARRAY[1, 0]::real[] AS f FROM generate_series(1, 20) item_id UNION ALL SELECT 5, ARRAY[0, 1]::real[];
SELECT throws_ok($$SELECT train('b1', 'fm', factors => 2, iterations => 1, items => 'fm_dup', options => '{"item_features": "f"}')$$,
	'21000', 'item 5 has more than one row with features in fm_dup', 'an item with two feature rows');
SELECT throws_ok($$SELECT train('b1', 'fm', factors => 2, iterations => 1, options => '{"feature_regularization": 1}')$$, '22023',
	'option "feature_regularization" needs item_features or user_features', 'a feature regularization alone');
SELECT throws_ok($$SELECT train('b1', 'fm', factors => 2, iterations => 1, items => 'fm_items', options => '{"item_features": "features", "feature_regularization": -1}')$$,
	'22023', NULL, 'a negative feature regularization');
SELECT throws_ok($$SELECT feature_map_apply(ARRAY[[1, 2], [3, 4]]::float8[], ARRAY[1, 2]::real[])$$, '22000',
	'the map takes 1 features, not 2', 'apply with the wrong number of features');
SELECT throws_ok($$SELECT feature_map_solve(feature_map(x, y), 0) FROM (VALUES (ARRAY[1, 1]::real[], ARRAY[1]::real[])) v(x, y)$$,
	'22000', 'the feature map''s equations are singular', 'singular without regularization');
SELECT throws_ok($$SELECT feature_map(x, y) FROM (VALUES (ARRAY[1]::real[], ARRAY[1]::real[]), (ARRAY[1, 2]::real[], ARRAY[1]::real[])) v(x, y)$$,
	'22000', NULL, 'feature vectors of different lengths');
SELECT * FROM finish();
ROLLBACK;
