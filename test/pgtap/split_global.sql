-- pgTAP: split() with one cut in time for everyone (time_global) and with groups of rows kept together
-- (options group_col: an order's lines on one side)
BEGIN;
SET search_path = public, recfair;
SELECT plan(23);

-- 50 customers, 6 orders each on days d, 3 lines per order
CREATE TABLE ol AS
SELECT c AS customer_id, c * 100 + o AS order_id, (c * 7 + o * 13 + l) % 40 AS product_id, 1 + l AS quantity,
	'2026-01-01'::timestamptz + ((o * 10 + c % 7) || ' days')::interval AS ordered_at
FROM generate_series(1, 50) c, generate_series(1, 6) o, generate_series(1, 3) l;

-- a global cut at the quantile: test is the latest ~20% of the rows, for every customer alike
SELECT lives_ok($$SELECT * FROM split('ol', 'g1', 0.2, 'time_global', user_col => 'customer_id', item_col => 'product_id',
	time_col => 'ordered_at')$$, 'time_global at the 80th percentile of time');
SELECT ok((SELECT max(ordered_at) FROM g1_train) < (SELECT min(ordered_at) FROM g1_test), 'every test row is later than every training row');
SELECT ok((SELECT count(*) FROM g1_test)::float8 / (SELECT count(*) FROM ol) BETWEEN 0.15 AND 0.35, 'about the fraction in test');
SELECT is((SELECT count(*) FROM g1_train) + (SELECT count(*) FROM g1_test), (SELECT count(*) FROM ol), 'every row on one side');

-- at a given cut
SELECT lives_ok($$SELECT * FROM split('ol', 'g2', 0.2, 'time_global', '{"cut": "2026-02-20"}', user_col => 'customer_id',
	item_col => 'product_id', time_col => 'ordered_at')$$, 'time_global at a given cut');
SELECT is((SELECT count(*) FROM g2_test), (SELECT count(*) FROM ol WHERE ordered_at >= '2026-02-20'), 'test is everything from the cut');

-- groups: an order's lines stay together
SELECT lives_ok($$SELECT * FROM split('ol', 'g3', 0.34, 'random', '{"group_col": "order_id"}', user_col => 'customer_id',
	item_col => 'product_id', time_col => 'ordered_at')$$, 'random, by order');
SELECT is((SELECT count(*)::int FROM g3_train a JOIN g3_test b USING (order_id)), 0, 'no order on both sides');
SELECT ok((SELECT bool_and(n = 2) FROM (SELECT customer_id, count(DISTINCT order_id) AS n FROM g3_test GROUP BY 1) x)
	AND (SELECT count(DISTINCT customer_id) FROM g3_test) = 50, 'each customer: round(6 x 0.34) = 2 orders in test');
SELECT lives_ok($$SELECT * FROM split('ol', 'g4', 0.34, 'time', '{"group_col": "order_id"}', user_col => 'customer_id',
	item_col => 'product_id', time_col => 'ordered_at')$$, 'time, by order');
SELECT ok((SELECT bool_and(t.first_test > r.last_train) FROM
			(SELECT customer_id, min(ordered_at) AS first_test FROM g4_test GROUP BY 1) t
			JOIN (SELECT customer_id, max(ordered_at) AS last_train FROM g4_train GROUP BY 1) r USING (customer_id)),
	'each customer''s latest orders, whole');
SELECT is((SELECT count(*)::int FROM g4_train a JOIN g4_test b USING (order_id)), 0, 'no order split');

-- drop_split
SELECT is((SELECT array_agg(t ORDER BY t) FROM drop_split('g1') t), ARRAY['g1_test', 'g1_train'], 'drop_split drops both tables');
SELECT is((SELECT count(*)::int FROM pg_class WHERE relname IN ('g1_train', 'g1_test')), 0, 'they are gone');
SELECT is((SELECT count(*)::int FROM drop_split('public.g2')), 2, 'a schema-qualified prefix');
SELECT throws_ok($$SELECT drop_split('g1')$$, '42P01', 'there are no split tables g1_train or g1_test', 'nothing to drop');
SELECT is((SELECT array_agg(table_name::text || ':' || (owner = current_user) ORDER BY table_name::text) FROM split_tables),
	ARRAY['g3_test:true', 'g3_train:true', 'g4_test:true', 'g4_train:true'], 'split_tables lists the split tables left, with their owner');
-- a table split() did not make is not dropped, even with a split's name
CREATE TABLE mine_train (x int);
SELECT throws_ok($$SELECT drop_split('mine')$$, '42809', 'table mine_train was not made by split()', 'drop_split refuses a table split() did not make');
SELECT ok(to_regclass('mine_train') IS NOT NULL, 'and leaves it');

-- bad input
SELECT throws_ok($$SELECT * FROM split('ol', 'g5', 0.2, 'random', '{"cut": "2026-02-01"}', user_col => 'customer_id',
	item_col => 'product_id', time_col => 'ordered_at')$$, '22023', 'option "cut" applies to method "time_global" only', 'a cut without time_global');
SELECT throws_ok($$SELECT * FROM split('ol', 'g6', 0.2, 'random', '{"group_col": "basket"}', user_col => 'customer_id',
	item_col => 'product_id')$$, '42703', 'column "basket" does not exist in the source', 'a missing group column');

-- DROP EXTENSION drops the split tables (and nothing else of the caller's)
DROP EXTENSION recfair;
SELECT is((SELECT count(*)::int FROM pg_class WHERE relname IN ('g3_train', 'g3_test', 'g4_train', 'g4_test')), 0,
	'DROP EXTENSION recfair drops the split tables');
SELECT ok(to_regclass('ol') IS NOT NULL AND to_regclass('mine_train') IS NOT NULL, 'and not the source or other tables');
SELECT * FROM finish();
ROLLBACK;
