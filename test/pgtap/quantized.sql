-- pgTAP: a model of 20,000 items or more without an item index is scored through its int8 copy, the
-- candidates re-scored exactly: the same lists as scoring every item (recfair.exact_search)
BEGIN;
SET search_path = recfair, public;
SELECT plan(7);

SELECT lives_ok($$SELECT * FROM generate_dataset('qz', 3000, 40000, 150000, seed => 6)$$, 'a generated shop with a large catalog');
SELECT lives_ok($$SELECT train('qz', 'qz_interactions', weight_col => 'weight', factors => 16, iterations => 5)$$, 'a model');
SELECT ok((SELECT items >= 20000 FROM models WHERE name = 'qz'), 'of at least 20,000 items');
CREATE TEMP TABLE qz_fast AS SELECT u, r.* FROM generate_series(1, 300) u, recommend(u, 10, 'qz') r;
SET LOCAL recfair.exact_search = on;
CREATE TEMP TABLE qz_exact AS SELECT u, r.* FROM generate_series(1, 300) u, recommend(u, 10, 'qz') r;
CREATE TEMP TABLE qz_exact_long AS SELECT u, r.* FROM generate_series(1, 20) u, recommend(u, 500, 'qz') r;
RESET recfair.exact_search;

SELECT ok((SELECT count(*) FROM qz_fast JOIN qz_exact USING (u, rank, item_id))::float8 / (SELECT count(*) FROM qz_exact) >= 0.99,
	'the int8 copy finds the exact lists (recall@10 at least 0.99)');
SELECT ok((SELECT max(abs(f.score - e.score)) < 1e-5 FROM qz_fast f JOIN qz_exact e USING (u, rank, item_id)),
	'with exact scores');
SELECT is((SELECT count(*)::int FROM qz_fast JOIN qz_interactions i ON i.user_id = u AND i.item_id = qz_fast.item_id), 0,
	'no seen item');
SELECT ok((SELECT count(*) FROM (SELECT u, r.* FROM generate_series(1, 20) u, recommend(u, 500, 'qz') r) f
		   JOIN qz_exact_long USING (u, rank, item_id))::float8 / (SELECT count(*) FROM qz_exact_long) >= 0.99,
	'long lists too (k 500)');

SELECT * FROM finish();
ROLLBACK;
