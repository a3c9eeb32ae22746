-- pgTAP: the server's shared copy of a model (the test server preloads recfair, and 17+ needs nothing):
-- serving publishes a version once, a retrain replaces it, an item index is part of it, drop_model forgets
-- it; lists are the same whichever copy serves them.  (A version shared inside a transaction that rolls
-- back stays listed until evicted: no other session can name its version.)
BEGIN;
SET search_path = recfair, public;
SELECT plan(8);

SELECT lives_ok($$SELECT * FROM generate_dataset('sc', 300, 400, 6000, seed => 4)$$, 'a small generated shop');
SELECT lives_ok($$SELECT train('sc', 'sc_interactions', weight_col => 'weight', factors => 8, iterations => 5, items => 'sc_items')$$,
	'a model');
SELECT is((SELECT count(*)::int FROM shared_models() s JOIN models m ON m.name = s.model AND m.version = s.version
		   WHERE s.model = 'sc'), 0, 'not shared before it serves');
CREATE TEMP TABLE sc_lists AS SELECT u, r.* FROM generate_series(1, 50) u, recommend(u, 10, 'sc') r;
SELECT is((SELECT (version, bytes > 400 * 8 * 4, indexed)::text FROM shared_models() WHERE model = 'sc'),
	(SELECT (version, true, false)::text FROM models WHERE name = 'sc'), 'serving shares its version: the factors and more');
-- served again from the shared copy: the same lists
SELECT is((SELECT count(*)::int FROM (SELECT u, r.* FROM generate_series(1, 50) u, recommend(u, 10, 'sc') r
		   EXCEPT SELECT * FROM sc_lists) d), 0, 'the same lists from the shared copy');
SELECT lives_ok($$SELECT train('sc', 'sc_interactions', weight_col => 'weight', factors => 8, iterations => 6, items => 'sc_items')$$,
	'retrain');
SELECT lives_ok($$SELECT build_index('sc', lists => 4)$$, 'and index');
SELECT is((SELECT array_agg((version, indexed)::text) FROM (SELECT count(*) FROM recommend(1, 5, 'sc')) x, shared_models() s
		   WHERE s.model = 'sc'),
	(SELECT array_agg((version, true)::text) FROM models WHERE name = 'sc'), 'serving the new version replaces the old one, with its index');

SELECT * FROM finish();
ROLLBACK;
