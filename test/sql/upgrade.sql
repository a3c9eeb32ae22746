-- ALTER EXTENSION recfair UPDATE from 0.3.0 keeps trained models: seen
-- turns from bigint[] into recfair.idset, and serving gives the same lists
-- before and after (the new library also reads the old column).
DROP EXTENSION recfair CASCADE;
CREATE EXTENSION recfair VERSION '0.3.0';
SET search_path = public, recfair;
CREATE TABLE up_small AS
SELECT u AS user_id, i AS item_id FROM generate_series(1, 20) u, generate_series(1, 15) i
WHERE (u * 3 + i) % 4 <> 0;
SELECT name, users, items FROM train('up', 'up_small', factors => 3, iterations => 3);
SELECT format_type(atttypid, atttypmod) AS seen_type FROM pg_attribute
WHERE attrelid = 'recfair.user_factors'::regclass AND attname = 'seen';
CREATE TABLE up_before AS SELECT u AS user_id, r.* FROM generate_series(1, 20) u, recommend(u, 5) r;
SELECT count(*) AS seen_recommended FROM up_before b JOIN up_small s USING (user_id, item_id);
ALTER EXTENSION recfair UPDATE TO '0.4.0';
SELECT extversion FROM pg_extension WHERE extname = 'recfair';
SELECT format_type(atttypid, atttypmod) AS seen_type, attstorage FROM pg_attribute
WHERE attrelid = 'recfair.user_factors'::regclass AND attname = 'seen';
SELECT count(*) AS users_whose_seen_changed FROM recfair.user_factors f
WHERE seen::bigint[] IS DISTINCT FROM
	  (SELECT array_agg(item_id::bigint ORDER BY item_id) FROM up_small s WHERE s.user_id = f.user_id);
SELECT count(*) AS lists_that_changed FROM (
	(SELECT * FROM up_before EXCEPT SELECT u, r.* FROM generate_series(1, 20) u, recommend(u, 5) r)
	UNION ALL
	(SELECT u, r.* FROM generate_series(1, 20) u, recommend(u, 5) r EXCEPT SELECT * FROM up_before)) d;
-- a retrain after the update writes the new type
SELECT name, users, items FROM train('up', 'up_small', factors => 3, iterations => 3);
SELECT count(*) AS users_whose_seen_differs FROM recfair.user_factors f
WHERE seen::bigint[] IS DISTINCT FROM
	  (SELECT array_agg(item_id::bigint ORDER BY item_id) FROM up_small s WHERE s.user_id = f.user_id);
-- 0.5.0: models have owners; those trained before belong to the extension's owner
ALTER EXTENSION recfair UPDATE TO '0.5.0';
SELECT name, owner FROM recfair.models;
SELECT count(*) AS lists_that_changed FROM (
	(SELECT * FROM up_before EXCEPT SELECT u, r.* FROM generate_series(1, 20) u, recommend(u, 5) r)
	UNION ALL
	(SELECT u, r.* FROM generate_series(1, 20) u, recommend(u, 5) r EXCEPT SELECT * FROM up_before)) d;
-- The 0.5.0 signatures, still installed, call this library with their old
-- arguments until the update (legacy.c): a query as the source text,
-- settings inside options, price for deficit_scale.  Their results are kept
-- and compared with the 0.6.0 forms after the update.
CREATE TABLE up_items AS SELECT i AS item_id, 'b' || (i % 3) AS brand FROM generate_series(1, 15) i;
SELECT name, users, items FROM train('up_q', 'SELECT * FROM up_small WHERE user_id <= 15', factors => 3, iterations => 3,
									 options => '{"seed": 5, "items": "up_items"}');
SELECT table_name, rows FROM split('SELECT * FROM up_small', 'up_s', 0.25, 'random', '{"seed": 9}');
CREATE TABLE up_eval_before AS
SELECT metric, value FROM evaluate('up_q', 'SELECT * FROM up_small WHERE user_id > 5', 5,
								   '{"group_col": "brand", "fair": true, "target": "catalog", "candidates": 10}');
CREATE TABLE up_fair_before AS
SELECT u AS user_id, r.* FROM generate_series(1, 15) u,
	recommend_fair(u, 3, 'brand', 'up_q', options => '{"exclude_seen": false}') r;
CREATE TABLE up_report_before AS
SELECT * FROM exposure_report('up_q', 'brand', 3, true, 'SELECT user_id FROM up_small WHERE user_id <= 8');
SELECT count(*) AS metrics, count(*) FILTER (WHERE metric LIKE 'exposure_share%') AS shares FROM up_eval_before;
SELECT * FROM evaluate('up_q', 'up_small', 5, '{"price": 50, "amortized": true, "group_col": "brand"}') WHERE metric = 'users_evaluated';
-- 0.6.0: one way to pass each setting; the old forms now fail with a hint
ALTER EXTENSION recfair UPDATE TO '0.6.0';
SELECT hyperparameters->>'seed' AS seed, item_table FROM recfair.models WHERE name = 'up_q';
-- the defaults the old signature lacks (legacy.c) are the new signature's
SELECT hyperparameters->>'seed' AS seed, item_key IS NULL AS no_item_table FROM recfair.models WHERE name = 'up';
SELECT count(*) AS metrics_that_changed FROM (
	(SELECT * FROM up_eval_before
	 EXCEPT SELECT metric, value FROM evaluate('up_q', NULL, 5, test_query => 'SELECT * FROM up_small WHERE user_id > 5',
											   group_col => 'brand', fair => true, target => 'catalog', candidates => 10))
	UNION ALL
	(SELECT metric, value FROM evaluate('up_q', NULL, 5, test_query => 'SELECT * FROM up_small WHERE user_id > 5',
										group_col => 'brand', fair => true, target => 'catalog', candidates => 10)
	 EXCEPT SELECT * FROM up_eval_before)) d;
SELECT count(*) AS lists_that_changed FROM (
	(SELECT * FROM up_fair_before
	 EXCEPT SELECT u, r.* FROM generate_series(1, 15) u, recommend_fair(u, 3, 'brand', 'up_q', exclude_seen => false) r)
	UNION ALL
	(SELECT u, r.* FROM generate_series(1, 15) u, recommend_fair(u, 3, 'brand', 'up_q', exclude_seen => false) r
	 EXCEPT SELECT * FROM up_fair_before)) d;
SELECT count(*) AS rows_that_changed FROM (
	(SELECT * FROM up_report_before
	 EXCEPT SELECT * FROM exposure_report('up_q', 'brand', 3, true, users_query => 'SELECT user_id FROM up_small WHERE user_id <= 8'))
	UNION ALL
	(SELECT * FROM exposure_report('up_q', 'brand', 3, true, users_query => 'SELECT user_id FROM up_small WHERE user_id <= 8')
	 EXCEPT SELECT * FROM up_report_before)) d;
SELECT * FROM evaluate('up_q', 'up_small', 5, '{"group_col": "brand"}');
SELECT * FROM recommend_fair(1, 3, 'brand', 'up_q', options => '{"price": 50}');
SELECT table_name, rows FROM split('SELECT * FROM up_small', 'up_s2', 0.25);
