-- The fixed data of the fuzz run (test/fuzz/run.sh): a tiny generated shop,
-- its split, one model of each algorithm, a model without registered tables,
-- a scratch model per fuzz worker and a table of embeddings for parallel
-- aggregation.  Small, so that every fuzz case is fast.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS recfair;
SET recfair.threads = 1;
SELECT count(*) FROM recfair.generate_dataset('fz', 300, 120, 6000, seed => 7);
SELECT count(*) FROM recfair.split('fz_interactions', 'fz', 0.2);
SELECT name FROM recfair.train('fz', 'fz_train', weight_col => 'weight', factors => 8, iterations => 3,
                               items => 'fz_items', users => 'fz_users');
SELECT name FROM recfair.train('fze', 'fz_train', weight_col => 'weight', algorithm => 'als_explicit',
                               factors => 4, iterations => 2, items => 'fz_items');
SELECT name FROM recfair.train('fzp', 'fz_train', algorithm => 'popularity', items => 'fz_items');
SELECT name FROM recfair.train('fz_nogroups', 'fz_train', factors => 4, iterations => 1);
SELECT (recfair.train('fzw' || w, 'fz_train', weight_col => 'weight', factors => 4, iterations => 1,
                      items => 'fz_items', users => 'fz_users')).name
FROM generate_series(0, 7) w;
-- an item table with odd keys (NULL, duplicates, text) and group columns of
-- many types, and a model that has it registered
CREATE TABLE fz_items_odd AS
SELECT CASE WHEN item_id % 17 = 0 THEN NULL ELSE item_id % 100 END AS item_id, brand,
       to_jsonb(brand) AS g_json, ARRAY[item_id % 3] AS g_arr, item_id % 2 = 0 AS g_bool,
       CASE WHEN item_id % 5 = 0 THEN 'NaN'::numeric ELSE price::numeric END AS g_num,
       convert_to(brand, 'UTF8') AS g_bytea, item_id::text AS key_text, repeat(brand, 300) AS g_long,
       point(item_id, 1) AS g_point, CASE WHEN item_id % 3 = 0 THEN NULL ELSE category END AS g_nulls
FROM fz_items;
SELECT name FROM recfair.train('fz_odd', 'fz_train', factors => 4, iterations => 1,
                               items => 'fz_items_odd', users => 'fz_items_odd', user_key => 'item_id');
CREATE TABLE fz_emb AS
SELECT i AS id, ARRAY[sin(i), cos(i), i / 1000.0, 1e-20 * i]::real[]::recfair.embedding AS e
FROM generate_series(1, 20000) i;
ANALYZE fz_emb;
