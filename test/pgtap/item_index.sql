-- pgTAP: build_index() partitions a model's items into k-means lists; serving then scores only the lists
-- nearest the user (recfair.index_probes), with the same ranking of what it scores; recfair.exact_search
-- scores every item; train() rebuilds an index, drop_index() and drop_model() remove it
BEGIN;
SET search_path = recfair, public;
SELECT plan(30);

SELECT lives_ok($$SELECT * FROM generate_dataset('ii', 500, 1200, 20000, seed => 9)$$, 'a small generated shop');
SELECT lives_ok($$SELECT train('ii', 'ii_interactions', weight_col => 'weight', factors => 8, iterations => 5, items => 'ii_items')$$,
	'a model');
SET LOCAL recfair.exact_search = on;
CREATE TEMP TABLE ii_exact AS SELECT u, r.* FROM generate_series(1, 200) u, recommend(u, 10, 'ii') r;
CREATE TEMP TABLE ii_fair_exact AS SELECT u, r.* FROM generate_series(1, 50) u, recommend_fair(u, 10, 'brand', 'ii') r;
RESET recfair.exact_search;

SELECT is((SELECT (model_name, list_count, items)::text FROM build_index('ii')),
	(SELECT ('ii', round(sqrt(items))::int, items)::text FROM models WHERE name = 'ii'),
	'the square root of the items in lists by default');
SELECT is((SELECT (lists, cardinality(centroids), cardinality(item_ids), list_ends[lists])::text FROM item_index WHERE model = 'ii'),
	(SELECT (round(sqrt(items))::int, round(sqrt(items))::int * 8, items, items)::text FROM models WHERE name = 'ii'),
	'one row: centroids, every item once, the lists'' ends');
SELECT is((SELECT count(DISTINCT x) FROM item_index, unnest(item_ids) x WHERE model = 'ii'),
	(SELECT items FROM models WHERE name = 'ii'), 'each item in one list');
SELECT ok((SELECT version FROM item_index WHERE model = 'ii') = (SELECT version FROM models WHERE name = 'ii'),
	'for the model''s version');

-- the default probes (16 of 35 lists) find nearly all of the exact lists; one list finds fewer, but k items still
CREATE TEMP TABLE ii_found AS SELECT u, r.* FROM generate_series(1, 200) u, recommend(u, 10, 'ii') r;
SELECT ok((SELECT count(*) FROM ii_found JOIN ii_exact USING (u, item_id))::float8 / (SELECT count(*) FROM ii_exact) >= 0.9,
	'recall@10 against every item at least 0.9 with the default probes');
SELECT is((SELECT count(*)::int FROM ii_found f JOIN ii_exact e USING (u, item_id) WHERE abs(f.score - e.score) > 1e-5), 0,
	'an item found scores as exactly as without the index');
SELECT is((SELECT count(*)::int FROM ii_found JOIN ii_interactions i ON i.user_id = u AND i.item_id = ii_found.item_id), 0,
	'no seen item');
CREATE TEMP TABLE ii_fair AS SELECT u, r.* FROM generate_series(1, 50) u, recommend_fair(u, 10, 'brand', 'ii') r;
SELECT ok((SELECT bool_and(n = 10) FROM (SELECT u, count(*) n FROM ii_fair GROUP BY u) x) AND (SELECT count(DISTINCT u) FROM ii_fair) = 50
	AND (SELECT count(*) FROM ii_fair JOIN ii_interactions i ON i.user_id = u AND i.item_id = ii_fair.item_id) = 0,
	'fair lists over the index''s candidates: k items each, none seen');
SELECT is((SELECT count(*)::int FROM ii_fair f JOIN ii_items i USING (item_id) WHERE i.brand IS DISTINCT FROM f.group_value), 0,
	'each with its own group');
SET LOCAL recfair.index_probes = 1;
CREATE TEMP TABLE ii_one AS SELECT u, r.* FROM generate_series(1, 200) u, recommend(u, 10, 'ii') r;
SELECT is((SELECT count(*)::int FROM ii_one), 2000, 'one probe still gives k items (more lists when one holds too few)');
SELECT ok((SELECT count(*) FROM ii_one JOIN ii_exact USING (u, item_id)) < (SELECT count(*) FROM ii_found JOIN ii_exact USING (u, item_id)),
	'and finds fewer of the exact lists');
SELECT set_config('recfair.index_probes', lists::text, true) FROM item_index WHERE model = 'ii';
-- (items only: in list order the float sums round differently, by ~1e-7, which may swap near-ties)
SELECT is((SELECT count(*)::int FROM (SELECT u, r.item_id FROM generate_series(1, 200) u, recommend(u, 10, 'ii') r
		   EXCEPT SELECT u, item_id FROM ii_exact) d), 0, 'every list probed: the exact lists');
SELECT is((SELECT count(*)::int FROM (SELECT u, r.item_id, r.group_value FROM generate_series(1, 50) u,
		   recommend_fair(u, 10, 'brand', 'ii') r EXCEPT SELECT u, item_id, group_value FROM ii_fair_exact) d), 0,
	'and the exact fair lists');
RESET recfair.index_probes;
SET LOCAL recfair.exact_search = on;
SELECT is((SELECT count(*)::int FROM (SELECT u, r.item_id FROM generate_series(1, 200) u, recommend(u, 10, 'ii') r
		   EXCEPT SELECT u, item_id FROM ii_exact) d), 0, 'recfair.exact_search scores every item');
RESET recfair.exact_search;

-- deterministic by seed; a retrain rebuilds it; drop_index and drop_model remove it
SELECT is((SELECT item_ids FROM item_index WHERE model = 'ii'),
	(SELECT item_ids FROM item_index i, LATERAL (SELECT FROM build_index('ii')) b WHERE model = 'ii'), 'the same seed, the same lists');
SELECT lives_ok($$SELECT build_index('ii', lists => 10, seed => 3)$$, 'given lists and seed');
SELECT lives_ok($$SELECT train('ii', 'ii_interactions', weight_col => 'weight', factors => 8, iterations => 5, items => 'ii_items')$$,
	'retrain');
SELECT ok((SELECT lists = 10 AND version = (SELECT version FROM models WHERE name = 'ii') FROM item_index WHERE model = 'ii'),
	'the retrained model has an index with as many lists, for its new version');
SELECT lives_ok($$SELECT register_tables('ii', items => 'ii_items')$$, 're-register the item table');
SELECT ok((SELECT i.version = m.version FROM item_index i JOIN models m ON m.name = i.model WHERE i.model = 'ii'),
	'the index follows the new version: the items are the same');
SELECT is(drop_index('ii'), true, 'drop_index');
SELECT is(drop_index('ii'), false, 'a second time: there was none');
SELECT lives_ok($$SELECT build_index('ii')$$, 'build again');
SELECT lives_ok($$SELECT drop_model('ii')$$, 'drop the model');
SELECT is((SELECT count(*)::int FROM item_index WHERE model = 'ii'), 0, 'and its index is gone');

-- bad input
SELECT throws_ok($$SELECT build_index('nope')$$, '42704', 'model "nope" does not exist', 'an unknown model');
SELECT throws_ok($$SELECT build_index('ii2', lists => 0)$$, '22023', 'lists must be between 1 and 65536, not 0', 'no lists');
SELECT throws_ok($$SELECT drop_index('nope')$$, '42704', 'model "nope" does not exist', 'drop_index of an unknown model');

SELECT * FROM finish();
ROLLBACK;
