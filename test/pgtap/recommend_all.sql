-- pgTAP: recommend_all() writes every user's top k (or the given users') into a new table, the lists
-- recommend() gives; with group_col the fair lists recommend_fair_batch() gives for the same users
BEGIN;
SET search_path = recfair, public;
SELECT plan(22);

SELECT lives_ok($$SELECT * FROM generate_dataset('ra', 400, 250, 10000, seed => 3)$$, 'a small generated shop');
SELECT lives_ok($$SELECT train('ra', 'ra_interactions', weight_col => 'weight', factors => 8, iterations => 5, items => 'ra_items')$$,
	'a model with the item table registered');

SELECT is((SELECT users::int || ' users, ' || rows || ' rows' FROM recommend_all('ra', 10, 'ra_recs')),
	(SELECT count(*) || ' users, ' || count(*) * 10 || ' rows' FROM user_factors WHERE model = 'ra'),
	'every user of the model, k rows each');
SELECT is((SELECT array_agg(attname || ' ' || format_type(atttypid, atttypmod) ORDER BY attnum)::text FROM pg_attribute
		   WHERE attrelid = 'ra_recs'::regclass AND attnum > 0),
	'{"user_id bigint","rank integer","item_id bigint","score real"}', 'the table''s columns');
SELECT is((SELECT count(*)::int FROM ra_recs r
		   FULL JOIN (SELECT u.user_id, x.* FROM (SELECT user_id FROM user_factors WHERE model = 'ra') u,
					  recommend(u.user_id, 10, 'ra') x) s USING (user_id, rank, item_id)
		   WHERE r.user_id IS NULL OR s.user_id IS NULL), 0, 'the items and ranks recommend() gives, for every user');
SELECT ok((SELECT max(abs(r.score - s.score)) < 1e-5 FROM ra_recs r
		   JOIN (SELECT u.user_id, x.* FROM (SELECT user_id FROM user_factors WHERE model = 'ra') u,
				 recommend(u.user_id, 10, 'ra') x) s USING (user_id, rank)), 'and its scores (to float rounding)');
SELECT is((SELECT count(*)::int FROM ra_recs JOIN ra_interactions USING (user_id, item_id)), 0, 'no seen item');

-- given users: NULLs, duplicates and unknown ids; the default model
SET LOCAL recfair.default_model = 'ra';
SELECT is((SELECT (users, rows)::text FROM recommend_all(NULL, 3, 'public.ra_some', ARRAY[5, 1, 5, NULL, -7])), '(2,6)',
	'given users, each once; an unknown one gets no rows');
SELECT is((SELECT array_agg(user_id || ':' || rank || ':' || item_id ORDER BY user_id, rank) FROM public.ra_some),
	(SELECT array_agg(u || ':' || rank || ':' || item_id ORDER BY u, rank) FROM unnest(ARRAY[1, 5]) u, recommend(u, 3, 'ra')),
	'their lists');
SELECT is((SELECT (users, rows)::text FROM recommend_all('ra', 5, 'ra_none', '{}')), '(0,0)', 'no users: an empty table');
SELECT is((SELECT count(*)::int FROM ra_none), 0, 'which is empty');

-- fair: the lists recommend_fair_batch balances over the same users, with their groups
SELECT is((SELECT rows::int FROM recommend_all('ra', 10, 'ra_fair', ARRAY(SELECT generate_series(1, 150)::bigint), group_col => 'brand',
	target => 'catalog')), 1500, 'fair lists for 150 users');
SELECT is((SELECT array_agg((user_id, rank, item_id, group_value)::text ORDER BY user_id, rank) FROM ra_fair),
	(SELECT array_agg((user_id, rank, item_id, group_value)::text ORDER BY user_id, rank)
	 FROM recommend_fair_batch(ARRAY(SELECT generate_series(1, 150)::bigint), 10, 'brand', 'ra', target => 'catalog')),
	'recommend_fair_batch''s lists and groups');
SELECT isnt((SELECT array_agg((user_id, rank, item_id)::text ORDER BY user_id, rank) FROM ra_fair),
	(SELECT array_agg((user_id, rank, item_id)::text ORDER BY user_id, rank) FROM ra_recs WHERE user_id <= 150),
	'which differ from the plain lists');

-- bad input
SELECT throws_ok($$SELECT * FROM recommend_all('ra', 10, 'ra_recs')$$, '42P07', NULL, 'an existing table');
SELECT throws_ok($$SELECT * FROM recommend_all('ra', 0, 'ra_x')$$, '22023', 'k must be between 1 and 10000, not 0', 'k 0');
SELECT throws_ok($$SELECT * FROM recommend_all('ra', NULL, 'ra_x')$$, '22004', NULL, 'k NULL');
SELECT throws_ok($$SELECT * FROM recommend_all('ra', 10, NULL)$$, '22004', NULL, 'into_table NULL');
SELECT throws_ok($$SELECT * FROM recommend_all('ra', 10, 'a.b.c')$$, '42602', NULL, 'an invalid table name');
SELECT throws_ok($$SELECT * FROM recommend_all('nope', 10, 'ra_x')$$, '42704', 'model "nope" does not exist', 'an unknown model');
SELECT throws_ok($$SELECT * FROM recommend_all('ra', 10, 'ra_x', group_col => 'colour')$$, '42703', NULL, 'an unknown group column');
SELECT throws_ok($$SELECT * FROM recommend_all('ra', 10, 'ra_x', ARRAY[[1, 2], [3, 4]])$$, '2202E', NULL, 'a two-dimensional array');

SELECT * FROM finish();
ROLLBACK;
