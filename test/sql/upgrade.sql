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
