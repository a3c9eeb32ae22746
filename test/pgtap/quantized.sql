-- pgTAP: a model of 50,000 items or more without an item index is scored through its int8 copy, the
-- candidates re-scored exactly: the same lists as scoring every item (recfair.exact_search).  40 factors:
-- the SIMD kernel's blocks of 32 and the factors past them; 8 factors: no whole block
BEGIN;
SET search_path = recfair, public;
SET LOCAL client_min_messages = warning;	-- recommend_fair's NOTICE for brands
SELECT plan(22);

SELECT lives_ok($$SELECT * FROM generate_dataset('qz', 3000, 80000, 200000, seed => 6)$$, 'a generated shop with a large catalog');
SELECT lives_ok($$SELECT train('qz', 'qz_interactions', weight_col => 'weight', factors => 40, iterations => 5)$$, 'a model');
SELECT ok((SELECT items >= 50000 FROM models WHERE name = 'qz'), 'of at least 50,000 items');
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
		   JOIN qz_exact_long USING (u, item_id))::float8 / (SELECT count(*) FROM qz_exact_long) >= 0.99,
	'long lists too (k 500; as sets: 500 exact scores summed in another order swap near ties)');

SELECT lives_ok($$SELECT train('qz8', 'qz_interactions', weight_col => 'weight', factors => 8, iterations => 5)$$,
	'a model of fewer factors than a SIMD block');
SET LOCAL recfair.exact_search = on;
CREATE TEMP TABLE qz8_exact AS SELECT u, r.* FROM generate_series(1, 100) u, recommend(u, 10, 'qz8') r;
RESET recfair.exact_search;
SELECT ok((SELECT count(*) FROM (SELECT u, r.* FROM generate_series(1, 100) u, recommend(u, 10, 'qz8') r) f
		   JOIN qz8_exact e USING (u, rank, item_id) WHERE abs(f.score - e.score) < 1e-5)::float8 / (SELECT count(*) FROM qz8_exact) >= 0.99,
	'its int8 lists are the exact ones, with exact scores');
SELECT is((SELECT items FROM models WHERE name = 'qz') % 8 <> 0, true, 'a catalog that is not a multiple of 8 items (the last items one by one)');

-- fair lists take the int8 copy's best candidates, re-scored exactly; when a group outside them must
-- take a position, each group's best too (or, for groups too many for that, such as brands, exact
-- scores of every item scored): the exact lists either way.  A target for two of 12 categories, or
-- for one brand, takes items from far below the top candidates.
SELECT lives_ok($$SELECT register_tables('qz', items => 'qz_items')$$, 'the item table, for price tiers and brands');
CREATE TEMP TABLE qz_targets AS
	SELECT * FROM (VALUES ('price_tier', 'equal', 60), ('brand', 'equal', 30), ('category', '{"baby": 0.5, "home": 0.5}', 30),
		('brand', (SELECT jsonb_build_object(brand, 0.5)::text FROM qz_items ORDER BY item_id LIMIT 1), 30)) t(g, target, users);
SET LOCAL recfair.exact_search = on;
CREATE TEMP TABLE qz_fair_exact AS
	SELECT g, t.target, u, r.* FROM qz_targets t, generate_series(1, users) u,
		recommend_fair(u, 10, g, 'qz', target => t.target) r;
SELECT cmp_ok((SELECT count(DISTINCT u)::int FROM qz_targets t, generate_series(1, users) u,
		recommend_fair_explained(u, 10, g, 'qz', target => t.target) r WHERE t.target <> 'equal' AND r.plain_rank > 200), '>=', 30,
	'the targeted lists take items ranked below 200 for most users (beyond the first candidates)');
RESET recfair.exact_search;
-- the share of a group column's exact fair lists (rank, item, score) for a target that the current scoring finds
CREATE FUNCTION pg_temp.fair_found(group_col text, fair_target text DEFAULT 'equal') RETURNS float8 LANGUAGE sql AS $$
	SELECT count(*)::float8 / (SELECT count(*) FROM qz_fair_exact WHERE g = group_col AND target = fair_target)
	FROM (SELECT DISTINCT u FROM qz_fair_exact WHERE g = group_col AND target = fair_target) s
		CROSS JOIN LATERAL recfair.recommend_fair(s.u, 10, group_col, 'qz', target => fair_target) f
	JOIN qz_fair_exact e ON e.g = group_col AND e.target = fair_target AND e.u = s.u AND e.rank = f.rank
		AND e.item_id = f.item_id
	WHERE abs(f.score - e.score) < 1e-5
$$;
SELECT ok(pg_temp.fair_found('price_tier') >= 0.99, 'fair lists of 3 price tiers through the int8 copy: the exact ones');
SELECT ok(pg_temp.fair_found('brand') >= 0.99, 'and of many brands');
SELECT ok(pg_temp.fair_found('category', '{"baby": 0.5, "home": 0.5}') >= 0.99,
	'and of two categories targeted (each category''s best re-scored)');
SELECT ok(pg_temp.fair_found('brand', (SELECT target FROM qz_targets WHERE g = 'brand' AND target <> 'equal')) >= 0.99,
	'and of one brand targeted (every item scored)');

SELECT lives_ok($$SELECT build_index('qz')$$, 'an item index');
SET LOCAL recfair.index_probes = 1000;	-- every list: only the int8 copy differs from exact
SELECT ok(pg_temp.fair_found('price_tier') >= 0.99, 'with the index: fair lists of price tiers over the probed lists');
SELECT ok(pg_temp.fair_found('brand') >= 0.99, 'and of brands');
SELECT ok(pg_temp.fair_found('category', '{"baby": 0.5, "home": 0.5}') >= 0.99, 'and of two categories targeted');
SELECT ok(pg_temp.fair_found('brand', (SELECT target FROM qz_targets WHERE g = 'brand' AND target <> 'equal')) >= 0.99,
	'and of one brand targeted (every probed item scored exactly)');
SELECT cmp_ok((SELECT count(DISTINCT brand)::int FROM qz_items), '>', (SELECT items FROM models WHERE name = 'qz')::int / (16 * 36),
	'brands enough that each one''s best are too many to re-score (the exact path)');

SELECT * FROM finish();
ROLLBACK;
