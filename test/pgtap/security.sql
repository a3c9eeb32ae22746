-- pgTAP: recfair in a database that many roles share (docs/security.md):
-- a model's registered tables never run their owner's code with the
-- caller's rights; models have owners; writes are checked before any work.
BEGIN;
SET search_path = public, recfair;
SELECT plan(39);

-- a small shop: 40 users x 30 items in three brands
CREATE TABLE sec_inter AS
SELECT u AS user_id, i AS item_id, 1 + (u * i) % 3 AS weight
FROM generate_series(1, 40) u, generate_series(1, 30) i WHERE (u * 7 + i * 3) % 5 < 2;
CREATE TABLE sec_test AS
SELECT u AS user_id, i AS item_id FROM generate_series(1, 40) u, generate_series(1, 30) i
WHERE (u * 7 + i * 3) % 5 = 2;
CREATE TABLE sec_items AS SELECT i AS item_id, 'brand ' || i % 3 AS brand FROM generate_series(1, 30) i;
CREATE TABLE sec_users AS SELECT u AS user_id, CASE WHEN u % 2 = 0 THEN 'f' ELSE 'm' END AS gender
FROM generate_series(1, 40) u;

CREATE ROLE rf_alice;
CREATE ROLE rf_bob IN ROLE rf_alice;	-- a member of alice
CREATE ROLE rf_mallory;
CREATE ROLE rf_reader;					-- may only read models
GRANT USAGE ON SCHEMA recfair TO rf_alice, rf_bob, rf_mallory, rf_reader;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA recfair TO rf_alice, rf_bob, rf_mallory;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA recfair TO rf_alice, rf_bob, rf_mallory;
GRANT SELECT ON ALL TABLES IN SCHEMA recfair TO rf_reader;
GRANT SELECT ON sec_inter, sec_test, sec_items, sec_users TO rf_alice, rf_bob, rf_mallory, rf_reader;

-- mallory's code records the role it runs as (a sequence per role: not
-- undone by a rolled-back statement) and tries to make mallory a superuser
CREATE SCHEMA mallory AUTHORIZATION rf_mallory;
CREATE SEQUENCE public.ran_as_superuser;
CREATE SEQUENCE public.ran_as_mallory;
GRANT USAGE, UPDATE ON public.ran_as_superuser, public.ran_as_mallory TO PUBLIC;
SET ROLE rf_mallory;
CREATE FUNCTION mallory.evil(id bigint) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
	IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
		PERFORM pg_catalog.nextval('public.ran_as_superuser');
	ELSIF current_user = 'rf_mallory' THEN
		PERFORM pg_catalog.nextval('public.ran_as_mallory');
	END IF;
	BEGIN
		EXECUTE 'ALTER ROLE rf_mallory SUPERUSER';
	EXCEPTION WHEN OTHERS THEN
		NULL;
	END;
	RETURN true;
END $$;
CREATE VIEW mallory.items_v AS SELECT item_id, brand FROM public.sec_items WHERE mallory.evil(item_id);
GRANT USAGE ON SCHEMA mallory TO rf_alice, rf_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA mallory TO rf_alice, rf_reader;
CREATE VIEW mallory.users_v AS SELECT user_id, gender FROM public.sec_users WHERE mallory.evil(user_id);
SELECT lives_ok($$SELECT recfair.train('sec_mal', 'sec_inter', factors => 4, iterations => 2,
	items => 'mallory.items_v', users => 'mallory.users_v')$$,
	'mallory trains a model whose item and user tables are her views');
RESET ROLE;

CREATE FUNCTION pg_temp.calls() RETURNS text LANGUAGE sql AS $$
	SELECT format('superuser %s, mallory %s',
		(SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM public.ran_as_superuser),
		(SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM public.ran_as_mallory)) $$;
-- each serving call below reads the views afresh: a re-registration makes a new model version
CREATE FUNCTION pg_temp.fresh() RETURNS void LANGUAGE sql AS $$
	SELECT setval('public.ran_as_superuser', 1, false);
	SELECT setval('public.ran_as_mallory', 1, false);
	SELECT 1 FROM recfair.register_tables('sec_mal', 'mallory.items_v', 'item_id', 'mallory.users_v', 'user_id') $$;

SELECT pg_temp.fresh();
SELECT lives_ok($$SELECT * FROM recommend_fair(1, 3, 'brand', 'sec_mal')$$, 'a superuser serves mallory''s model');
SELECT matches(pg_temp.calls(), '^superuser 0, mallory [1-9]', 'recommend_fair ran the view''s code as mallory, never as the superuser');
SELECT is((SELECT rolsuper FROM pg_roles WHERE rolname = 'rf_mallory'), false, 'mallory is not a superuser');

SELECT pg_temp.fresh();
SELECT lives_ok($$SELECT * FROM evaluate('sec_mal', 'sec_test', 3, group_col => 'brand')$$, 'evaluate with group_col');
SELECT matches(pg_temp.calls(), '^superuser 0, mallory [1-9]', 'evaluate (group_col) ran the view''s code as mallory only');

SELECT pg_temp.fresh();
SELECT lives_ok($$SELECT * FROM evaluate('sec_mal', 'sec_test', 3, user_group_col => 'gender')$$,
	'evaluate with user_group_col');
SELECT matches(pg_temp.calls(), '^superuser 0, mallory [1-9]', 'evaluate (user_group_col) ran the view''s code as mallory only');

SELECT pg_temp.fresh();
SELECT lives_ok($$SELECT * FROM exposure_report('sec_mal', 'brand', 3)$$, 'exposure_report');
SELECT matches(pg_temp.calls(), '^superuser 0, mallory [1-9]', 'exposure_report ran the view''s code as mallory only');

SELECT pg_temp.fresh();
SELECT lives_ok($$SELECT * FROM recommend_fair(1, 3, 'brand', 'sec_mal', amortized => true)$$,
	'amortized recommend_fair');
SELECT matches(pg_temp.calls(), '^superuser 0, mallory [1-9]', 'amortized recommend_fair ran the view''s code as mallory only');
SELECT is((SELECT rolsuper FROM pg_roles WHERE rolname = 'rf_mallory'), false, 'mallory is still not a superuser');

-- a non-superuser serving mallory's model: mallory's views run neither as
-- alice (her code with alice's rights) nor as mallory (alice would see what
-- mallory sees): refused
SELECT pg_temp.fresh();
SET ROLE rf_alice;
SELECT throws_ok($$SELECT * FROM recommend_fair(1, 3, 'brand', 'sec_mal')$$, '42501', NULL,
	'alice serving mallory''s model over mallory''s views: refused');
RESET ROLE;
SELECT is(pg_temp.calls(), 'superuser 0, mallory 0', 'the views did not run at all');
-- a plain table of mallory's runs nothing of hers: alice may serve from it
SET ROLE rf_mallory;
CREATE TABLE mallory.items_plain AS SELECT * FROM public.sec_items;
GRANT SELECT ON mallory.items_plain TO rf_alice;
SELECT recfair.register_tables('sec_mal', 'mallory.items_plain');
RESET ROLE;
SET ROLE rf_alice;
SELECT is((SELECT count(*) FROM recommend_fair(1, 3, 'brand', 'sec_mal')), 3::bigint,
	'alice serves mallory''s model over mallory''s plain table, with her own rights');
RESET ROLE;

-- the caller needs SELECT on the registered table; row security that applies to the caller is not bypassed
REVOKE SELECT ON sec_items FROM rf_reader;
SET ROLE rf_mallory;
CREATE TABLE mallory.items_rls AS SELECT * FROM public.sec_items;
ALTER TABLE mallory.items_rls ENABLE ROW LEVEL SECURITY;
CREATE POLICY evil_rows ON mallory.items_rls USING (mallory.evil(item_id));
GRANT SELECT ON mallory.items_rls TO rf_alice;
SELECT recfair.register_tables('sec_mal', 'mallory.items_rls');
RESET ROLE;
SET ROLE rf_reader;
SELECT throws_ok($$SELECT * FROM recommend_fair(1, 3, 'brand', 'sec_mal')$$, '42501', NULL,
	'a reader without SELECT on the item table gets 42501');
RESET ROLE;
SET ROLE rf_alice;
SELECT throws_ok($$SELECT * FROM recommend_fair(1, 3, 'brand', 'sec_mal')$$, '42501', NULL,
	'row security of another role''s table that applies to the caller: refused, not bypassed');
RESET ROLE;

-- owners: alice's model is hers and her members'
SET ROLE rf_alice;
SELECT is((SELECT owner::text FROM recfair.train('sec_alice', 'sec_inter', factors => 4, iterations => 2)),
	'rf_alice', 'a new model belongs to the role that trained it');
RESET ROLE;
SET ROLE rf_mallory;
SELECT throws_ok($$SELECT recfair.train('sec_alice', 'sec_inter', factors => 4, iterations => 2)$$, '42501',
	'must be owner of model "sec_alice"', 'mallory cannot retrain alice''s model');
SELECT throws_ok($$SELECT recfair.drop_model('sec_alice')$$, '42501', 'must be owner of model "sec_alice"',
	'mallory cannot drop alice''s model');
SELECT throws_ok($$SELECT recfair.register_tables('sec_alice', 'mallory.items_v')$$, '42501',
	'must be owner of model "sec_alice"', 'mallory cannot re-register alice''s model');
SELECT lives_ok($$SELECT * FROM recfair.recommend(1, 3, 'sec_alice')$$, 'serving needs only SELECT');
RESET ROLE;
SELECT is((SELECT item_table FROM recfair.models WHERE name = 'sec_alice'), NULL, 'alice''s model still has no item table');
SET ROLE rf_bob;
SELECT is((SELECT owner::text FROM recfair.train('sec_alice', 'sec_inter', factors => 4, iterations => 2)),
	'rf_alice', 'a member of the owner may retrain, and the owner stays');
SELECT lives_ok($$SELECT recfair.register_tables('sec_alice', 'sec_items')$$, 'a member of the owner may re-register');
RESET ROLE;
SELECT lives_ok($$SELECT recfair.train('sec_alice', 'sec_inter', factors => 4, iterations => 2)$$,
	'a superuser may retrain anyone''s model');
SELECT is((SELECT owner::text FROM recfair.models WHERE name = 'sec_alice'), 'rf_alice', 'and the owner stays');

-- the grants docs/security.md gives a read-only dashboard role are enough to serve and evaluate
CREATE ROLE rf_dashboard;
GRANT USAGE ON SCHEMA recfair TO rf_dashboard;
GRANT SELECT ON recfair.models, recfair.user_factors, recfair.item_factors TO rf_dashboard;
GRANT SELECT ON sec_items, sec_test TO rf_dashboard;
SET ROLE rf_dashboard;
SELECT is((SELECT count(*) FROM recfair.recommend_fair(1, 3, 'brand', 'sec_alice')), 3::bigint,
	'the documented dashboard grants serve fair lists');
SELECT lives_ok($$SELECT * FROM recfair.evaluate('sec_alice', 'sec_test', 3, group_col => 'brand')$$,
	'and evaluate');
RESET ROLE;

-- bad input to register_tables
SELECT throws_ok($$SELECT recfair.register_tables(NULL, 'sec_items')$$, '22004', 'model must not be NULL',
	'register_tables with a NULL model');
CREATE TEMP TABLE sec_temp_items AS SELECT * FROM sec_items;
SELECT throws_ok($$SELECT recfair.register_tables('sec_alice', 'sec_temp_items')$$, '22023', NULL,
	'a temporary table cannot be registered');

-- checks before work: the source below fails loudly if it is ever read
CREATE FUNCTION public.sec_trap() RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'the source was read' USING ERRCODE = 'P0001';
END $$;
CREATE VIEW sec_trapped AS SELECT user_id, item_id FROM sec_inter WHERE public.sec_trap();
GRANT SELECT ON sec_trapped TO PUBLIC;
SELECT throws_ok($$SELECT recfair.train('sec_new', 'sec_trapped')$$, 'P0001', 'the source was read',
	'(the trap works)');
CREATE FUNCTION pg_temp.error_of(sql text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	state text;
	msg text;
BEGIN
	EXECUTE sql;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
	RETURN state || ': ' || msg;
END $$;
SAVEPOINT read_only;
SET LOCAL transaction_read_only = on;
SELECT pg_temp.error_of($$SELECT recfair.train('sec_new', 'sec_trapped')$$) AS read_only_error \gset
ROLLBACK TO SAVEPOINT read_only;
SELECT is(:'read_only_error'::text, '25006: cannot execute train() in a read-only transaction',
	'a read-only transaction: refused before the source is read');
SET ROLE rf_reader;
SELECT throws_ok($$SELECT recfair.train('sec_new', 'sec_trapped')$$, '42501', 'permission denied for table recfair.models',
	'a role that may only read models: refused before the source is read');
SELECT throws_ok($$SELECT recfair.drop_model('sec_alice')$$, '42501', 'permission denied for table recfair.models',
	'nor may it drop one');
RESET ROLE;
SET ROLE rf_mallory;
SELECT throws_ok($$SELECT recfair.train('sec_alice', 'sec_trapped')$$, '42501', 'must be owner of model "sec_alice"',
	'another role''s model: refused before the source is read');
RESET ROLE;

-- nothing non-finite is stored: one huge weight makes the loss overflow
CREATE TABLE sec_huge AS SELECT user_id, item_id, weight::real AS weight FROM sec_inter;
UPDATE sec_huge SET weight = 1e25 WHERE user_id = 1 AND item_id = (SELECT min(item_id) FROM sec_huge WHERE user_id = 1);
SELECT throws_ok($$SELECT recfair.train('sec_huge', 'sec_huge', weight_col => 'weight', factors => 4, iterations => 2,
	options => '{"confidence": "linear"}')$$,
	'22P01', NULL, 'a weight that drives training to NaN is an error');
SELECT is((SELECT count(*) FROM recfair.models WHERE name = 'sec_huge'), 0::bigint, 'and no model is stored');

SELECT * FROM finish();
ROLLBACK;
