-- recfair.training_progress: a training in another session (dblink, async)
-- shows up with its model, phase and iterations, disappears when cancelled,
-- and leaves no row after an error (the cluster preloads recfair, see
-- scripts/test.sh; without that, before PostgreSQL 17, the view is empty)
SET search_path = public, recfair;
CREATE EXTENSION IF NOT EXISTS dblink;
SELECT count(*) AS running FROM training_progress;
CREATE TABLE tp_big AS
SELECT (hashint4(i) & 4095) + 1 AS user_id, (hashint4(-i) & 2047) + 1 AS item_id, 1 + i % 4 AS weight
FROM generate_series(1, 200000) i;
CREATE TABLE tp_small AS
SELECT u AS user_id, i AS item_id FROM generate_series(1, 20) u, generate_series(1, 10) i WHERE (u + i) % 3 <> 0;

-- wait (at most 60 s) until the backend `p` shows `want` rows in the view
-- with phase `want_phase` and an iteration done (or, for want = 0, none)
CREATE FUNCTION tp_wait(p integer, want integer, want_phase text DEFAULT 'training') RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
	FOR attempt IN 1..600 LOOP
		IF (SELECT count(*) FROM recfair.training_progress
			WHERE pid = p AND (want = 0 OR (phase = want_phase AND iteration >= 1))) = want THEN
			RETURN true;
		END IF;
		PERFORM pg_sleep(0.1);
	END LOOP;
	RETURN false;
END $$;

SELECT dblink_connect('tp', format('dbname=%s host=%s port=%s user=%s', current_database(),
	current_setting('unix_socket_directories'), current_setting('port'), current_user));
SELECT pid AS trainer FROM dblink('tp', 'SELECT pg_backend_pid()') AS t(pid integer) \gset
SELECT dblink_send_query('tp', $$SELECT recfair.train('tp_model', 'tp_big', weight_col => 'weight',
	factors => 32, iterations => 1000)$$) AS sent;
SELECT tp_wait(:trainer, 1) AS training_shown;
SELECT command, model, phase, iteration >= 1 AS iterated, iterations, loss > 0 AS has_loss,
	   datname = current_database() AS this_database, usename = current_user AS this_role,
	   elapsed_seconds > 0 AS elapsed, started_at <= clock_timestamp() AS started
FROM training_progress WHERE pid = :trainer;

-- another role sees that something runs, not what; pg_read_all_stats sees all
CREATE ROLE tp_viewer;
CREATE ROLE tp_stats IN ROLE pg_read_all_stats;
GRANT USAGE ON SCHEMA recfair TO tp_viewer, tp_stats;
SET ROLE tp_viewer;
SELECT command, model, phase, iteration, iterations, loss, usename IS NOT NULL AS role_shown
FROM training_progress WHERE pid = :trainer;
SET ROLE tp_stats;
SELECT command, model, phase, iterations FROM training_progress WHERE pid = :trainer;
RESET ROLE;

-- cancelled: the row goes, the model is not stored
SELECT pg_cancel_backend(:trainer) AS cancelled;
SELECT tp_wait(:trainer, 0) AS row_gone;
SELECT count(*) AS results FROM dblink_get_result('tp', false) AS t(m text);
SELECT count(*) AS results FROM dblink_get_result('tp', false) AS t(m text);
SELECT dblink_error_message('tp') LIKE '%canceling statement due to user request%' AS cancel_reported;
SELECT count(*) AS stored FROM recfair.models WHERE name = 'tp_model';

-- an error (here the memory limit, after reading) leaves no row behind
SELECT dblink_exec('tp', $$SET recfair.training_memory_limit = '1MB'$$) AS set;
SELECT count(*) AS rows FROM dblink('tp', $$SELECT recfair.train('tp_model', 'tp_big')$$, false) AS t(m text);
SELECT dblink_error_message('tp') LIKE '%memory%' AS memory_error;
SELECT count(*) AS left_behind FROM training_progress WHERE pid = :trainer;
SELECT dblink_disconnect('tp');

-- in this session: the source query sees its own training, reading; a
-- caught error (a subtransaction abort) and a statement_timeout clear it
SELECT name, users FROM train('tp_self', source_query => $$SELECT user_id, item_id FROM tp_small
	WHERE (SELECT count(*) FROM recfair.training_progress WHERE pid = pg_backend_pid()
		   AND command = 'train' AND model = 'tp_self' AND phase = 'reading') = 1$$,
	factors => 2, iterations => 1);
DO $$
BEGIN
	PERFORM recfair.train('tp_self', 'tp_small', factors => 2000);
EXCEPTION WHEN invalid_parameter_value THEN
	NULL;
END $$;
DO $$
BEGIN
	SET LOCAL recfair.training_memory_limit = '1MB';
	PERFORM recfair.train('tp_self', 'tp_big');
EXCEPTION WHEN out_of_memory THEN
	NULL;
END $$;
SELECT count(*) AS left_behind FROM training_progress WHERE pid = pg_backend_pid();
CREATE FUNCTION tp_timeout() RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	PERFORM recfair.train('tp_self', 'tp_big', weight_col => 'weight', factors => 32, iterations => 1000);
	RETURN 'finished';
EXCEPTION WHEN query_canceled THEN
	RETURN 'cancelled';
END $$;
SET statement_timeout = '500ms';
SELECT tp_timeout();
RESET statement_timeout;
SELECT count(*) AS left_behind FROM training_progress WHERE pid = pg_backend_pid();

-- evaluation shows up too (seen from its own test query)
SELECT sum(value) AS test_users FROM evaluate('tp_self', NULL, 3, test_query => $$SELECT user_id, item_id FROM tp_small
	WHERE (SELECT count(*) FROM recfair.training_progress WHERE pid = pg_backend_pid()
		   AND command = 'evaluate' AND model = 'tp_self' AND phase = 'reading'
		   AND iteration IS NULL) = 1 AND user_id = 1$$)
WHERE metric IN ('users_evaluated', 'users_skipped');
SELECT count(*) AS left_behind FROM training_progress WHERE pid = pg_backend_pid();

SELECT drop_model('tp_self');
DROP FUNCTION tp_wait(integer, integer, text), tp_timeout();
DROP TABLE tp_big, tp_small;
DROP OWNED BY tp_viewer, tp_stats;
DROP ROLE tp_viewer, tp_stats;
