-- pgTAP: recfair.generate_dataset, the synthetic e-commerce data
BEGIN;
SET search_path = recfair, public;
SELECT plan(24);

CREATE TABLE victim (x int);

SELECT is((SELECT array_agg(table_name::text || '=' || rows ORDER BY table_name::text)
		   FROM generate_dataset('g1', 2000, 800, 40000, seed => 7)),
	ARRAY['g1_interactions=40000', 'g1_items=800', 'g1_users=2000'], 'three tables with the asked sizes');
SELECT is((SELECT count(*)::int FROM g1_interactions), 40000, 'interaction rows');
SELECT is((SELECT count(DISTINCT item_id)::int FROM g1_items), 800, 'item ids are unique');
SELECT is((SELECT (min(item_id), max(item_id))::text FROM g1_items), '(1,800)', 'item ids run 1..items');
SELECT is((SELECT (min(user_id), max(user_id), count(DISTINCT user_id))::text FROM g1_users), '(1,2000,2000)',
	'user ids run 1..users');
SELECT is((SELECT count(*)::int FROM g1_interactions i LEFT JOIN g1_items t USING (item_id)
		   LEFT JOIN g1_users u USING (user_id) WHERE t.item_id IS NULL OR u.user_id IS NULL), 0,
	'every interaction names a known user and item');
SELECT col_is_pk('g1_users', 'user_id', 'users have a primary key');
SELECT col_is_pk('g1_items', 'item_id', 'items have a primary key');
SELECT ok((SELECT bool_and(weight IN (1, 3, 5)) AND min(ts) >= '2026-01-01' AND max(ts) < '2026-06-30'
		   FROM g1_interactions), 'weights are event kinds, timestamps within the period');

-- popularity: power law, concentrated in the big brands
SELECT ok((SELECT sum(n) FILTER (WHERE r <= 160)::float / sum(n) > 0.5
		   FROM (SELECT count(*) n, row_number() OVER (ORDER BY count(*) DESC) r FROM g1_interactions GROUP BY item_id) p),
	'the top 20% of items take more than half of the interactions');
SELECT ok((SELECT avg((brand IN ('Acme', 'Globex', 'Initech'))::int) FROM g1_interactions JOIN g1_items USING (item_id))
		  > 2 * (SELECT avg((brand IN ('Acme', 'Globex', 'Initech'))::int) FROM g1_items),
	'the big brands get more than twice their catalog share of interactions');
-- segments have tastes: each segment's most frequent category differs
SELECT is((SELECT count(DISTINCT top)::int FROM (
		SELECT DISTINCT ON (segment) segment, category AS top FROM g1_interactions JOIN g1_users USING (user_id)
		JOIN g1_items USING (item_id) GROUP BY segment, category ORDER BY segment, count(*) DESC) t), 6,
	'the six segments prefer six different categories');

-- deterministic by seed
SELECT lives_ok($$SELECT generate_dataset('g2', 2000, 800, 40000, seed => 7)$$, 'same seed again');
SELECT is((SELECT md5(string_agg(i::text, ',' ORDER BY i::text)) FROM g2_interactions i),
	(SELECT md5(string_agg(i::text, ',' ORDER BY i::text)) FROM g1_interactions i), 'same seed, same data');
CREATE SCHEMA other;
SELECT lives_ok($$SELECT generate_dataset('other.g3', 2000, 800, 40000, seed => 8)$$, 'a schema-qualified prefix');
SELECT isnt((SELECT md5(string_agg(i::text, ',' ORDER BY i::text)) FROM other.g3_interactions i),
	(SELECT md5(string_agg(i::text, ',' ORDER BY i::text)) FROM g1_interactions i), 'another seed, other data');
SELECT is((SELECT count(*)::int FROM generate_dataset('empty', 1, 1, 0)), 3, 'no interactions is fine');

-- bad input
SELECT throws_ok($$SELECT generate_dataset('g1', 10, 10, 10)$$, '42P07', NULL, 'existing tables are not replaced');
SELECT throws_ok($$SELECT generate_dataset('x; DROP TABLE victim', 10, 10, 10)$$, '42602', NULL,
	'injection through the prefix');
SELECT has_table('victim', 'the injection attempt did no harm');
SELECT throws_ok($$SELECT generate_dataset('bad', 0, 10, 10)$$, '22023', 'users and items must be at least 1', 'no users');
SELECT throws_ok($$SELECT generate_dataset('bad', 10, 10, -1)$$, '22023', 'interactions must not be negative',
	'negative interactions');
SELECT throws_ok($$SELECT generate_dataset(NULL, 10, 10, 10)$$, '22004', NULL, 'NULL prefix');
SELECT throws_ok($$SELECT generate_dataset(repeat('p', 60), 10, 10, 10)$$, '42622', NULL, 'a prefix too long');

SELECT * FROM finish();
ROLLBACK;
