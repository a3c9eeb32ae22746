-- pgTAP: recommend_fair_batch() balances exposure over a set of users in one call, stores nothing, gives the
-- same lists for the same users whatever their order, and matches exposure_report's amortized lists
BEGIN;
SET search_path = recfair, public;
SELECT plan(28);

SELECT lives_ok($$SELECT * FROM generate_dataset('fb', 600, 300, 15000, seed => 5)$$, 'a small generated shop');
SELECT lives_ok($$SELECT train('fb', 'fb_interactions', weight_col => 'weight', factors => 8, iterations => 5, items => 'fb_items')$$,
	'a model with the item table registered');
CREATE TEMP TABLE fb_users AS SELECT DISTINCT user_id FROM fb_interactions ORDER BY user_id LIMIT 120;
CREATE TEMP TABLE fb_lists AS
SELECT * FROM recommend_fair_batch((SELECT array_agg(user_id) FROM fb_users), 10, 'brand', 'fb', target => 'catalog');

SELECT is((SELECT count(DISTINCT user_id)::int FROM fb_lists), 120, 'a list per user');
SELECT ok((SELECT bool_and(n = 10 AND ranks = 55) FROM (SELECT user_id, count(*) AS n, sum(rank) AS ranks FROM fb_lists GROUP BY 1) x),
	'k rows each, ranked 1 to k');
SELECT is((SELECT count(*)::int FROM fb_lists l JOIN fb_interactions i USING (user_id, item_id)), 0, 'without seen items');
SELECT is((SELECT count(*)::int FROM fair_exposure), 0, 'nothing stored');

-- deterministic: the array's order and duplicates do not matter
SELECT is((SELECT array_agg((user_id, rank, item_id, score, group_value)::text ORDER BY user_id, rank)
		   FROM recommend_fair_batch((SELECT array_agg(user_id ORDER BY user_id DESC) || ARRAY[NULL, 5]::bigint[] FROM fb_users), 10,
				'brand', 'fb', target => 'catalog')),
	(SELECT array_agg((user_id, rank, item_id, score, group_value)::text ORDER BY user_id, rank) FROM fb_lists),
	'the same lists in another order, with a NULL and a duplicate');

-- balanced over the set: exposure_report's amortized lists over the same users, and fairer than per-list
CREATE TEMP TABLE fb_share AS
SELECT group_value, sum(1 / log(2, rank + 1)) / (SELECT sum(1 / log(2, rank + 1)) FROM fb_lists) AS share
FROM fb_lists GROUP BY 1;
SELECT ok((SELECT max(abs(s.share - r.share)) < 1e-9 FROM
			(SELECT group_value, sum(1 / log(2, rank + 1)) / sum(sum(1 / log(2, rank + 1))) OVER () AS share
			 FROM recommend_fair_batch((SELECT array_agg(user_id) FROM fb_users), 10, 'brand', 'fb', target => 'catalog',
				options => '{"deficit_scale": 300}') GROUP BY 1) s JOIN
			exposure_report('fb', 'brand', 10, fair => true, amortized => true, target => 'catalog', users => 'fb_users') r USING (group_value)),
	'with amortized mode''s deficit_scale, exposure per brand as exposure_report''s amortized lists give it');
CREATE TEMP TABLE fb_target AS SELECT group_value, target_share FROM exposure_report('fb', 'brand', 10, users => 'fb_users', target => 'catalog');
CREATE TEMP TABLE fb_per_list AS
SELECT f.group_value, f.rank FROM fb_users u, recommend_fair(u.user_id, 10, 'brand', 'fb', target => 'catalog') f;
CREATE TEMP TABLE fb_per_list_share AS
SELECT group_value, sum(1 / log(2, rank + 1)) / (SELECT sum(1 / log(2, rank + 1)) FROM fb_per_list) AS share
FROM fb_per_list GROUP BY 1;
SELECT ok((SELECT sum(abs(coalesce(b.share, 0) - t.target_share)) / 2 FROM fb_target t LEFT JOIN fb_share b USING (group_value))
		  < (SELECT sum(abs(coalesce(p.share, 0) - t.target_share)) / 2 FROM fb_target t LEFT JOIN fb_per_list_share p USING (group_value)),
	'by default closer to the target than per-list fair lists');
SELECT ok((SELECT sum(abs(coalesce(b.share, 0) - t.target_share)) / 2 FROM fb_target t LEFT JOIN fb_share b USING (group_value)) < 0.01,
	'within 0.01 of it');

-- amortized => false: each list as recommend_fair makes it
SELECT is((SELECT array_agg((user_id, rank, item_id, group_value)::text ORDER BY user_id, rank)
		   FROM recommend_fair_batch((SELECT array_agg(user_id) FROM fb_users WHERE user_id <= 30), 5, 'brand', 'fb', amortized => false)),
	(SELECT array_agg((u.user_id, f.rank, f.item_id, f.group_value)::text ORDER BY u.user_id, f.rank)
	 FROM fb_users u, recommend_fair(u.user_id, 5, 'brand', 'fb') f WHERE u.user_id <= 30),
	'amortized => false: per-list fair, as recommend_fair');

-- a read-only role may call it
CREATE ROLE fb_reader;
GRANT USAGE ON SCHEMA recfair TO fb_reader;
GRANT SELECT ON recfair.models, recfair.user_factors, recfair.item_factors TO fb_reader;
GRANT SELECT ON fb_items TO fb_reader;
SET LOCAL ROLE fb_reader;
SELECT is((SELECT count(*)::int FROM recommend_fair_batch(ARRAY[1, 2, 3]::bigint[], 4, 'brand', 'fb')), 12, 'a role with SELECT only');
RESET ROLE;

-- unknown users, empty input, bad input
SELECT is((SELECT count(*)::int FROM recommend_fair_batch(ARRAY[-7, 999999]::bigint[], 5, 'brand', 'fb')), 0, 'unknown users get no rows');
SELECT is((SELECT array_agg((user_id, fallback, n)::text ORDER BY user_id) FROM (SELECT user_id, fallback, count(*) AS n
			FROM recommend_fair_batch(ARRAY[-7, 1, 999999]::bigint[], 5, 'brand', 'fb', fallback => 'popularity') GROUP BY 1, 2) x),
	ARRAY['(-7,t,5)', '(1,f,5)', '(999999,t,5)'], 'with fallback => popularity: unknown users get a list, flagged');
SELECT is((SELECT array_agg(item_id ORDER BY rank) FROM recommend_fair_batch(ARRAY[-7]::bigint[], 5, 'brand', 'fb', strength => 0,
			fallback => 'popularity')),
	(SELECT array_agg(item_id ORDER BY n DESC, item_id) FROM (SELECT item_id, count(DISTINCT user_id) AS n FROM fb_interactions
		GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5) p), 'at strength 0: the items most users had');
SELECT ok((SELECT count(DISTINCT l) > 1 FROM (SELECT user_id, array_agg(item_id ORDER BY rank) AS l
			FROM recommend_fair_batch(ARRAY(SELECT -g FROM generate_series(1, 10) g), 5, 'brand', 'fb', fallback => 'popularity')
			GROUP BY 1) x), 'fallback lists take part in the balancing: not all the same');
-- popularity within the new customer's segment of the registered user table
SELECT lives_ok($$SELECT register_tables('fb', users => 'recfair.fb_users')$$, 'the user table registered');
INSERT INTO recfair.fb_users (user_id, segment, activity) SELECT 100001, segment, activity FROM recfair.fb_users WHERE user_id = 1;
SELECT is((SELECT array_agg(item_id ORDER BY rank) FROM recommend_fair_batch(ARRAY[100001]::bigint[], 5, 'brand', 'fb', strength => 0,
			fallback => 'popularity', fallback_segment => 'segment')),
	(SELECT array_agg(item_id ORDER BY n DESC, item_id) FROM (SELECT i.item_id, count(DISTINCT i.user_id) AS n
		FROM fb_interactions i JOIN recfair.fb_users u USING (user_id) WHERE u.segment = (SELECT segment FROM recfair.fb_users WHERE user_id = 1)
		GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5) p), 'fallback_segment: the items most users of the same segment had');
SELECT throws_ok($$SELECT * FROM recommend_fair_batch(ARRAY[1]::bigint[], 5, 'brand', 'fb', fallback_segment => 'segment')$$, '22023',
	'fallback_segment needs fallback => ''popularity''', 'a segment without the fallback');
SELECT throws_ok($$SELECT * FROM recommend_fair_batch(ARRAY[1]::bigint[], 5, 'brand', 'fb', fallback => 'random')$$, '22023',
	'unknown fallback "random"', 'an unknown fallback');
SELECT is((SELECT count(*)::int FROM recommend_fair_batch('{}'::bigint[], 5, 'brand', 'fb')), 0, 'no users, no rows');
SELECT throws_ok($$SELECT * FROM recommend_fair_batch(ARRAY[[1, 2]]::bigint[], 5, 'brand', 'fb')$$, '2202E',
	'user_ids must be a one-dimensional array', 'a two-dimensional array');
SELECT throws_ok($$SELECT * FROM recommend_fair_batch(ARRAY[1]::bigint[], 0, 'brand', 'fb')$$, '22023', NULL, 'k of 0');
SELECT throws_ok($$SELECT * FROM recommend_fair_batch(ARRAY[1]::bigint[], 5, 'no_such_column', 'fb')$$, '42703', NULL, 'a missing group column');
-- anonymous baskets
SELECT is((SELECT array_agg(item_id ORDER BY rank) FROM recommend_fair_for_items(ARRAY[1, 2, 3]::bigint[], 5, 'brand', 'fb', strength => 0)),
	(SELECT array_agg(item_id ORDER BY rank) FROM recommend_for_items(ARRAY[1, 2, 3]::bigint[], 5, 'fb')),
	'recommend_fair_for_items at strength 0: recommend_for_items'' list');
SELECT ok((SELECT count(*) = 10 AND count(*) FILTER (WHERE item_id IN (1, 2, 3)) = 0 AND count(DISTINCT group_value) >
			(SELECT count(DISTINCT i.brand) FROM recommend_for_items(ARRAY[1, 2, 3]::bigint[], 10, 'fb') r JOIN fb_items i USING (item_id))
		   FROM recommend_fair_for_items(ARRAY[1, 2, 3]::bigint[], 10, 'brand', 'fb')), 'at strength 1: more brands, not the basket');
SELECT is((SELECT count(*)::int FROM recommend_fair_for_items(ARRAY[-5]::bigint[], 5, 'brand', 'fb')), 0, 'an unknown basket: no rows');
SELECT is((SELECT count(*)::int FROM recommend_fair_for_items(NULL, 5, 'brand', 'fb')), 0, 'a NULL basket: no rows');
SELECT * FROM finish();
ROLLBACK;
