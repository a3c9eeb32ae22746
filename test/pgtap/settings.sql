-- pgTAP: the resource settings.  recfair.threads and recfair.training_memory_limit
-- are user settings; recfair.max_threads and recfair.max_training_memory are
-- ceilings only a superuser can set; the lower of each pair applies.
BEGIN;
SET search_path = recfair, public;
SELECT plan(24);
-- load the library, which defines the settings
DO $$ BEGIN PERFORM recfair.build_info(); END $$;

CREATE ROLE rf_settings_user NOLOGIN;
GRANT USAGE ON SCHEMA recfair TO rf_settings_user;
CREATE FUNCTION pg_temp.eff(key text) RETURNS int LANGUAGE sql AS
	$$ SELECT (recfair.build_info()->>key)::int $$;
CREATE TABLE st_train AS SELECT u AS user_id, i AS item_id FROM generate_series(1, 300) u, generate_series(1, 300) i;

-- untouched: one thread per CPU (at most 64) and 2GB, as before the ceilings
SELECT is(current_setting('recfair.max_threads'), '0', 'max_threads defaults to 0 (one per CPU)');
SELECT is(current_setting('recfair.max_training_memory'), '2GB', 'max_training_memory defaults to 2GB');
SELECT is((SELECT context FROM pg_settings WHERE name = 'recfair.max_threads'), 'superuser', 'max_threads is superuser-only');
SELECT is((SELECT context FROM pg_settings WHERE name = 'recfair.max_training_memory'), 'superuser', 'max_training_memory is superuser-only');
SELECT is((SELECT context FROM pg_settings WHERE name = 'recfair.threads'), 'user', 'threads stays a user setting');
SELECT is((SELECT vartype || ' ' || context || ' ' || boot_val FROM pg_settings WHERE name = 'recfair.progress_notices'),
	'bool user off', 'progress_notices: a user setting, off by default');
SET ROLE rf_settings_user;
SELECT lives_ok($$SET recfair.progress_notices = on$$, 'any role may turn progress_notices on');
RESET recfair.progress_notices;
RESET ROLE;
SELECT cmp_ok(pg_temp.eff('threads'), '>=', 1, 'effective threads: at least one');
SELECT is(pg_temp.eff('training_memory_limit_kb'), 2 * 1024 * 1024, 'effective memory limit: 2GB');

-- a superuser sets the ceilings; a user can lower the effective value, not raise it
SET recfair.max_threads = 1;
SET recfair.max_training_memory = '64MB';
SET ROLE rf_settings_user;
SELECT throws_ok($$SET recfair.max_threads = 64$$, '42501', NULL, 'a user cannot raise max_threads');
SELECT throws_ok($$SET recfair.max_threads = 0$$, '42501', NULL, 'nor reset it to one per CPU');
SELECT throws_ok($$SET recfair.max_training_memory = '1TB'$$, '42501', NULL, 'a user cannot raise max_training_memory');
SELECT throws_ok($$SELECT set_config('recfair.max_threads', '64', false)$$, '42501', NULL, 'nor through set_config');
SELECT lives_ok($$SET recfair.threads = 64$$, 'a user may set threads above the ceiling');
SELECT is(pg_temp.eff('threads'), 1, 'but the ceiling applies: the effective count is the lower');
SELECT lives_ok($$SET recfair.training_memory_limit = '1TB'$$, 'a user may set the memory limit above the ceiling');
SELECT is(pg_temp.eff('training_memory_limit_kb'), 64 * 1024, 'but the ceiling applies');
SELECT lives_ok($$SET recfair.training_memory_limit = '16MB'$$, 'a user may lower the memory limit');
SELECT is(pg_temp.eff('training_memory_limit_kb'), 16 * 1024, 'and the lower applies');
RESET ROLE;
SET recfair.max_threads = 4;
SET recfair.threads = 2;
SELECT is(pg_temp.eff('threads'), LEAST(2, 4), 'a user setting below the ceiling applies');
RESET recfair.threads;
RESET recfair.max_threads;

-- the error names the limit that applied, with SQLSTATE 53200 (out of memory)
SET recfair.max_training_memory = '1MB';
SET recfair.training_memory_limit = '2GB';
SELECT throws_ok($$SELECT recfair.train('st', 'st_train')$$, '53200', NULL, 'over the ceiling: 53200');
SELECT throws_like($$SELECT recfair.train('st', 'st_train')$$, '%more than recfair.max_training_memory (1 MB)%',
	'the ceiling is named when it applied');
RESET recfair.max_training_memory;
SET recfair.training_memory_limit = '1MB';
SELECT throws_ok($$SELECT recfair.train('st', 'st_train')$$, '53200', NULL, 'over the user limit: 53200');
SELECT throws_like($$SELECT recfair.train('st', 'st_train')$$, '%more than recfair.training_memory_limit (1 MB)%',
	'the user limit is named when it applied');
RESET recfair.training_memory_limit;

SELECT * FROM finish();
ROLLBACK;
