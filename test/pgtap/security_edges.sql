-- pgTAP: the edges of the security model (docs/security.md) that a review
-- attacked: ownership checked as of now, not as of an old snapshot; a view of
-- another role read neither with the caller's rights nor with its owner's;
-- the memory ceiling over evaluation; the model lock out of SQL's reach.
BEGIN;
SET search_path = public, recfair;
SELECT plan(9);

CREATE TABLE rv_inter AS
SELECT u AS user_id, i AS item_id, 1 + (u * i) % 3 AS weight
FROM generate_series(1, 40) u, generate_series(1, 30) i WHERE (u * 7 + i * 3) % 5 < 2;
CREATE ROLE rv_alice;
CREATE ROLE rv_mallory;
GRANT USAGE ON SCHEMA recfair TO rv_alice, rv_mallory;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA recfair TO rv_alice, rv_mallory;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA recfair TO rv_alice, rv_mallory;
GRANT SELECT ON rv_inter TO rv_alice, rv_mallory;

-- 1. Ownership is checked with the statement's snapshot, not the latest one
-- (READ COMMITTED): a train() whose snapshot predates another role's first
-- training of a name overwrites that role's model (and keeps its owner).
-- In two sessions it is a train() that waits on the model lock, or one
-- started as SELECT pg_sleep(n), recfair.train(...); a cursor shows it in one.
CREATE FUNCTION pg_temp.race() RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	c refcursor;
	r record;
BEGIN
	SET ROLE rv_mallory;
	OPEN c FOR SELECT name FROM recfair.train('rv_race', 'rv_inter', factors => 2, iterations => 1);
	SET ROLE rv_alice;
	PERFORM recfair.train('rv_race', 'rv_inter', factors => 4, iterations => 1);
	SET ROLE rv_mallory;
	BEGIN
		FETCH c INTO r;
	EXCEPTION WHEN insufficient_privilege OR serialization_failure THEN
		RESET ROLE;
		RETURN 'refused';
	END;
	CLOSE c;
	RESET ROLE;
	RETURN (SELECT format('owner %s, factors %s', owner, factors) FROM recfair.models WHERE name = 'rv_race');
END $$;
SELECT matches(pg_temp.race(), '^(refused|owner rv_alice, factors 4)$',
	'a train() with a snapshot older than another role''s first training of the name does not overwrite it');
SELECT is((SELECT owner::text FROM recfair.models WHERE name = 'rv_race'), 'rv_alice', '(the model is alice''s)');

-- 2. Reading another role's registered view "as its owner" gives the caller
-- the owner's view of the data: a security_invoker view over a table whose
-- row security hides rows from the caller, and a view that filters on
-- current_user.  Either recfair refuses (42501) or the caller sees no group
-- value she could not read herself.
CREATE SCHEMA rv_alice AUTHORIZATION rv_alice;
GRANT USAGE ON SCHEMA rv_alice TO PUBLIC;
SET ROLE rv_alice;
CREATE TABLE rv_alice.secret AS
SELECT i AS item_id, 'secret ' || i % 3 AS brand, i % 2 = 0 AS shared,
	CASE WHEN i <= 5 THEN 'rv_mallory' ELSE 'rv_alice' END AS visible_to
FROM generate_series(1, 30) i;
ALTER TABLE rv_alice.secret ENABLE ROW LEVEL SECURITY;
CREATE POLICY shared_rows ON rv_alice.secret USING (shared);
GRANT SELECT ON rv_alice.secret TO rv_mallory;
CREATE VIEW rv_alice.invoker_v WITH (security_invoker = true) AS SELECT item_id, brand FROM rv_alice.secret;
CREATE VIEW rv_alice.mine_v AS SELECT item_id, brand FROM rv_alice.secret WHERE visible_to = current_user;
GRANT SELECT ON rv_alice.invoker_v, rv_alice.mine_v TO rv_mallory;
RESET ROLE;

CREATE FUNCTION pg_temp.leaked(rel text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	n int;
BEGIN
	SET ROLE rv_mallory;
	PERFORM recfair.train('rv_mal', 'rv_inter', factors => 2, iterations => 1);
	PERFORM recfair.register_tables('rv_mal', rel::regclass);
	BEGIN
		EXECUTE format($q$SELECT count(*) FROM recfair.recommend_fair(1, 30, 'brand', 'rv_mal') r
			WHERE r.group_value IS NOT NULL AND r.item_id NOT IN (SELECT item_id FROM %s)$q$, rel) INTO n;
	EXCEPTION WHEN insufficient_privilege THEN
		RESET ROLE;
		RETURN 'refused';
	END;
	RESET ROLE;
	RETURN format('%s items leaked', n);
END $$;
SELECT matches(pg_temp.leaked('rv_alice.invoker_v'), '^(refused|0 items leaked)$',
	'a security_invoker view of another role: no row its row security hides from the caller is read');
SELECT matches(pg_temp.leaked('rv_alice.mine_v'), '^(refused|0 items leaked)$',
	'a view of another role that filters on current_user: read as the caller sees it');

-- 3. recfair.max_training_memory caps evaluation and exposure_report: the
-- user factor buffer (factors x 4 bytes per test user) is not reserved.
CREATE TABLE rv_items AS SELECT i AS item_id, 'brand ' || i % 3 AS brand FROM generate_series(1, 30) i;
SELECT lives_ok($$SELECT recfair.train('rv_wide', 'rv_inter', factors => 1024, iterations => 1,
	items => 'rv_items')$$, '(a model with 1024 factors)');
SET LOCAL recfair.max_training_memory = '32MB';
SELECT throws_ok($$SELECT * FROM recfair.exposure_report('rv_wide', 'brand', 10,
		users_query => 'SELECT g AS user_id FROM pg_catalog.generate_series(1, 20000) g')$$,
	'53200', NULL, 'exposure_report over 20000 users of a 1024-factor model (80 MB) respects a 32 MB ceiling');
SELECT throws_ok($$SELECT * FROM recfair.evaluate('rv_wide', NULL, 10, test_query => 'SELECT g AS user_id, 1 AS item_id FROM pg_catalog.generate_series(1, 20000) g')$$,
	'53200', NULL, 'evaluate over 20000 test users of a 1024-factor model (80 MB) respects a 32 MB ceiling');

-- 4. The lock that serializes changes to a model is out of reach of SQL's
-- advisory locks: holding the old key does not block training.
SELECT pg_advisory_xact_lock(hashtextextended('recfair.model:rv_lock', 0));
SELECT lives_ok($$SELECT recfair.train('rv_lock', 'rv_inter', factors => 2, iterations => 1)$$,
	'an SQL advisory lock on the model''s name does not block its training');
CREATE ROLE rv_reader;
SET ROLE rv_reader;
SELECT throws_ok($$SELECT recfair.lock_model('rv_lock')$$, '42501', NULL,
	'only a role that may change models may take the model lock');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
