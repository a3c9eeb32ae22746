-- pgTAP: recommend_or_popular() and recommend_fair_or_popular(): the model's lists for users it knows,
-- the most popular items (overall, or within the user's segment) for users it does not, flagged
BEGIN;
SET search_path = recfair, public;
SELECT plan(14);

SELECT lives_ok($$SELECT * FROM generate_dataset('fo', 400, 200, 8000, seed => 8)$$, 'a small generated shop');
SELECT lives_ok($$SELECT train('fo', 'fo_interactions', weight_col => 'weight', factors => 8, iterations => 5,
	items => 'fo_items', users => 'fo_users')$$, 'a model with its user and item tables');
-- a new customer, in the user table but not in the model
INSERT INTO fo_users VALUES (100001, 'tech', 'new');
CREATE TEMP TABLE fo_pop AS
SELECT item_id, count(DISTINCT user_id)::float8 / (SELECT count(*) FROM user_factors WHERE model = 'fo') AS share
FROM fo_interactions GROUP BY item_id;
CREATE TEMP TABLE fo_pop_a AS
SELECT item_id, count(DISTINCT i.user_id)::float8 / (SELECT count(*) FROM user_factors f JOIN fo_users u USING (user_id)
	WHERE f.model = 'fo' AND u.segment = 'tech') AS share
FROM fo_interactions i JOIN fo_users u USING (user_id) WHERE u.segment = 'tech' GROUP BY item_id;

SELECT is((SELECT array_agg((rank, item_id, fallback)::text ORDER BY rank) FROM recommend_or_popular(3, 5, 'fo')),
	(SELECT array_agg((rank, item_id, false)::text ORDER BY rank) FROM recommend(3, 5, 'fo')), 'a known user: recommend''s list, not a fallback');
SELECT is((SELECT array_agg((item_id, fallback)::text ORDER BY rank) FROM recommend_or_popular(-5, 5, 'fo')),
	(SELECT array_agg((item_id, true)::text ORDER BY share DESC, item_id) FROM (SELECT * FROM fo_pop ORDER BY share DESC, item_id LIMIT 5) p),
	'an unknown user: the items most users had, flagged');
SELECT ok((SELECT bool_and(abs(r.score - p.share) < 1e-6) FROM recommend_or_popular(-5, 5, 'fo') r JOIN fo_pop p USING (item_id)),
	'scored by the share of users who had them');
SELECT is((SELECT array_agg(item_id ORDER BY rank) FROM recommend_or_popular(NULL, 5, 'fo')),
	(SELECT array_agg(item_id ORDER BY rank) FROM recommend_or_popular(-5, 5, 'fo')), 'an anonymous visitor (NULL) too');
SELECT is((SELECT array_agg(item_id ORDER BY rank) FROM recommend_or_popular(100001, 5, 'fo', fallback_segment => 'segment')),
	(SELECT array_agg(item_id ORDER BY share DESC, item_id) FROM (SELECT * FROM fo_pop_a ORDER BY share DESC, item_id LIMIT 5) p),
	'a new customer of segment tech: what most of that segment had');
SELECT is((SELECT array_agg(item_id ORDER BY rank) FROM recommend_or_popular(-5, 5, 'fo', fallback_segment => 'segment')),
	(SELECT array_agg(item_id ORDER BY rank) FROM recommend_or_popular(-5, 5, 'fo')), 'one not in the user table: overall');

-- fair
SELECT is((SELECT array_agg((rank, item_id, group_value, fallback)::text ORDER BY rank)
		   FROM recommend_fair_or_popular(3, 5, 'brand', 'fo', target => 'catalog')),
	(SELECT array_agg((rank, item_id, group_value, fallback)::text ORDER BY rank)
	 FROM recommend_fair_batch(ARRAY[3]::bigint[], 5, 'brand', 'fo', target => 'catalog', amortized => false)),
	'fair: a known user''s list, each list fair on its own');
SELECT ok((SELECT bool_and(fallback) AND count(*) = 5 FROM recommend_fair_or_popular(100001, 5, 'brand', 'fo',
		   fallback_segment => 'segment')), 'fair: a new customer gets a flagged list');

-- bad input
SELECT throws_ok($$SELECT * FROM recommend_or_popular(3, 0, 'fo')$$, '22023', 'k must be between 1 and 10000, not 0', 'k 0');
SELECT throws_ok($$SELECT * FROM recommend_or_popular(3, NULL, 'fo')$$, '22004', NULL, 'k NULL');
SELECT throws_ok($$SELECT * FROM recommend_or_popular(3, 5, 'nope')$$, '42704', 'model "nope" does not exist', 'an unknown model');
SELECT throws_ok($$SELECT * FROM recommend_or_popular(-5, 5, 'fo', fallback_segment => 'colour')$$, '42703', NULL,
	'an unknown segment column');

SELECT * FROM finish();
ROLLBACK;
