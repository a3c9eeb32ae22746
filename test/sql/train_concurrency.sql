-- recfair.train: input counting, the memory limit, cancel, and readers
-- during a retrain (a second session through dblink)
SET search_path = public, recfair;
CREATE TABLE tc_small AS
SELECT u AS user_id, i AS item_id FROM generate_series(1, 30) u, generate_series(1, 12) i
WHERE (u + i) % 3 <> 0;
INSERT INTO tc_small VALUES (NULL, 1), (2, NULL), (1, 2), (1, 2);
-- NULL ids are skipped and counted; duplicate pairs are summed (the NOTICEs
-- carry timings, so they are checked by the JDBC test, not here)
SELECT name, users, items, interactions, hyperparameters->>'rows_null_id' AS null_ids,
	   hyperparameters->>'rows_read' AS rows_read
FROM train('tc', 'tc_small', factors => 4, iterations => 1) \gset
SELECT :'users' AS users, :'items' AS items, :'interactions' AS interactions,
	   :'null_ids' AS null_ids, :'rows_read' AS rows_read;

-- the memory limit stops training before it allocates
CREATE TABLE tc_big AS
SELECT (hashint4(i) & 4095) + 1 AS user_id, (hashint4(-i) & 2047) + 1 AS item_id, 1 + i % 4 AS weight
FROM generate_series(1, 300000) i;
SET recfair.training_memory_limit = '1MB';
SELECT name FROM train('tc_limit', 'tc_big');
RESET recfair.training_memory_limit;

-- statement_timeout cancels training within a second and leaves the old
-- model intact
SELECT version AS v_before FROM recfair.models WHERE name = 'tc' \gset
CREATE FUNCTION tc_cancel_seconds() RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
BEGIN
	PERFORM train('tc', 'tc_big', weight_col => 'weight', factors => 64, iterations => 200);
	RETURN -1;
EXCEPTION WHEN query_canceled THEN
	RETURN extract(epoch FROM clock_timestamp() - t0);
END $$;
SET statement_timeout = '300ms';
SELECT tc_cancel_seconds() AS cancel_seconds \gset
RESET statement_timeout;
SELECT :cancel_seconds BETWEEN 0.3 AND 1.3 AS cancelled_within_a_second;
RESET statement_timeout;
SELECT version = :v_before AS old_model_intact, users FROM recfair.models WHERE name = 'tc';
SELECT count(*) AS user_rows FROM recfair.user_factors WHERE model = 'tc';

-- a reader keeps the old model while another session retrains
CREATE EXTENSION IF NOT EXISTS dblink;
SELECT array_agg(item_id || ':' || score ORDER BY rank) AS old_recs FROM recommend(1, 3, 'tc') \gset
SELECT dblink_connect('other', format('dbname=%s host=%s port=%s user=%s', current_database(),
	current_setting('unix_socket_directories'), current_setting('port'), current_user));
SELECT dblink_exec('other', 'BEGIN');
SELECT * FROM dblink('other', $$SELECT users FROM recfair.train('tc', source_query => 'SELECT * FROM tc_small WHERE user_id <= 10',
	factors => 4, iterations => 1)$$) AS t(users bigint);
-- not committed yet: this session still sees the old model
SELECT version = :v_before AS old_version, users FROM recfair.models WHERE name = 'tc';
SELECT array_agg(item_id || ':' || score ORDER BY rank) = :'old_recs' AS old_recs FROM recommend(1, 3, 'tc');
SELECT count(*) AS user_rows FROM recfair.user_factors WHERE model = 'tc';
SELECT dblink_exec('other', 'COMMIT');
-- committed: the new model, and the serving cache follows the version
SELECT version > :v_before AS new_version, users FROM recfair.models WHERE name = 'tc';
SELECT count(*) AS user_rows FROM recfair.user_factors WHERE model = 'tc';
SELECT count(*) AS recs_for_user_20 FROM recommend(20, 3, 'tc');  -- no longer a user
SELECT array_agg(item_id || ':' || score ORDER BY rank) <> :'old_recs' AS new_recs FROM recommend(1, 3, 'tc');
-- a read-only transaction: refused before the source is read
BEGIN READ ONLY;
SELECT name FROM train('tc_ro', 'tc_small', factors => 2, iterations => 1);
ROLLBACK;
-- a new model trained by another session after this transaction's snapshot:
-- a serialization failure (retry), found before any work, not a duplicate key
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT count(*) AS models_before FROM recfair.models WHERE name = 'tc_race';
SELECT * FROM dblink('other', $$SELECT users FROM recfair.train('tc_race', 'tc_small', factors => 2, iterations => 1)$$)
	AS t(users bigint);
SELECT name FROM train('tc_race', 'tc_small', factors => 2, iterations => 1);
ROLLBACK;
SELECT count(*) AS tc_race_models FROM recfair.models WHERE name = 'tc_race';
SELECT drop_model('tc_race');
SELECT dblink_disconnect('other');
SELECT drop_model('tc');
