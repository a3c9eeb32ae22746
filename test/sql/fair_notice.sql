-- recommend_fair says, once per model and column, when a list re-ranked on its own cannot move toward the
-- target (more groups than positions), and names the modes that balance over many lists
SET client_min_messages = notice;
SELECT count(*) FROM recfair.generate_dataset('fnb', 300, 200, 6000, seed => 3);
SELECT name FROM recfair.train('fnb', 'fnb_interactions', factors => 4, iterations => 3, items => 'fnb_items');
SELECT count(DISTINCT brand) AS brands FROM fnb_items;
-- 5 positions, 8 brands: the first list that stays plain says so
SELECT count(*) FROM generate_series(1, 20) u, recfair.recommend_fair(u, 5, 'brand', 'fnb');
-- once
SELECT count(*) FROM generate_series(21, 40) u, recfair.recommend_fair(u, 5, 'brand', 'fnb');
-- no NOTICE where the list can hold every group
SELECT count(*) FROM recfair.recommend_fair(1, 10, 'price_tier', 'fnb');
SELECT recfair.drop_model('fnb');
DROP TABLE fnb_users, fnb_items, fnb_interactions;
