-- recommend_fair in amortized mode: two sessions keep separate counter rows,
-- so one session's open transaction never blocks the other
SET search_path = public, recfair;
CREATE TABLE fc_inter AS
SELECT u AS user_id, i AS item_id FROM generate_series(1, 30) u, generate_series(1, 12) i
WHERE (u <= 15) = (i <= 6) AND (u + i) % 4 <> 0;
CREATE TABLE fc_items AS SELECT i AS item_id, CASE WHEN i <= 6 THEN 'x' ELSE 'y' END AS brand FROM generate_series(1, 12) i;
SELECT count(*) AS models FROM train('fc', 'fc_inter', factors => 4, iterations => 5, items => 'fc_items');
CREATE EXTENSION IF NOT EXISTS dblink;
SELECT dblink_connect('other', format('dbname=%s host=%s port=%s user=%s', current_database(),
	current_setting('unix_socket_directories'), current_setting('port'), current_user));
-- this session holds its counter rows in an open transaction
BEGIN;
SELECT count(*) AS rows FROM recommend_fair(1, 3, 'brand', 'fc', amortized => true);
-- the other session updates its own rows without waiting (a lock wait would hit the timeout)
SELECT dblink_exec('other', 'SET statement_timeout = ''2s''');
SELECT * FROM dblink('other', $$SELECT count(*) FROM generate_series(1, 5) n,
	recfair.recommend_fair(n, 3, 'brand', 'fc', amortized => true)$$) AS t(rows bigint);
COMMIT;
-- both sessions' exposure is counted, in separate shards
SELECT count(DISTINCT shard) AS shards, round(sum(exposure)::numeric, 4) AS exposure
FROM fair_exposure WHERE model = 'fc';
SELECT round(sum(exposure)::numeric, 4) AS total_exposure FROM fair_exposure_state WHERE model = 'fc';
SELECT dblink_disconnect('other');
-- a prepared transaction keeps its row locks after its session has moved on (or gone, and another session
-- taken its backend slot): the next transaction writes another shard instead of waiting for them
SELECT reset_fair_exposure('fc') > 0 AS reset;
BEGIN;
SELECT count(*) AS rows FROM recommend_fair(1, 3, 'brand', 'fc', amortized => true);
PREPARE TRANSACTION 'fc_prepared';
SET lock_timeout = '2s';
SELECT count(*) AS rows FROM recommend_fair(2, 3, 'brand', 'fc', amortized => true);
RESET lock_timeout;
COMMIT PREPARED 'fc_prepared';
SELECT count(DISTINCT shard) AS shards FROM fair_exposure WHERE model = 'fc';
SELECT reset_fair_exposure('fc') > 0 AS reset;
SELECT drop_model('fc');
