/* recfair 0.8.0 -> 0.9.0: split tables registered, serving at scale */

\echo Use "ALTER EXTENSION recfair UPDATE TO '0.9.0'" to load this file. \quit

/*
 * split() now marks the tables it makes as depending on the extension
 * (pg_depend 'x'); drop_split() drops only marked tables.  Tables split()
 * made before 0.9.0 are not marked: drop them with DROP TABLE.
 */
/*
 * The tables split() made: each depends on the extension "automatically"
 * (pg_depend 'x'), so DROP EXTENSION drops them and drop_split() drops
 * only them.
 */
CREATE VIEW recfair.split_tables AS
SELECT c.oid::pg_catalog.regclass AS table_name, pg_catalog.pg_get_userbyid(c.relowner) AS owner
FROM pg_catalog.pg_depend d
JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) d.objid
WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
  AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
  AND d.refobjid OPERATOR(pg_catalog.=) (SELECT e.oid FROM pg_catalog.pg_extension e
										  WHERE e.extname OPERATOR(pg_catalog.=) 'recfair')
  AND d.deptype OPERATOR(pg_catalog.=) 'x';
COMMENT ON VIEW recfair.split_tables IS
	'the tables split() made that still exist: drop_split() drops them by prefix, DROP EXTENSION recfair drops them all';
GRANT SELECT ON recfair.split_tables TO PUBLIC;

CREATE OR REPLACE FUNCTION recfair.drop_split(target_prefix text) RETURNS SETOF text
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
-- no SET search_path: an unqualified prefix names the tables as split() made them, in the caller's path
AS $$
DECLARE
	names text[] := pg_catalog.parse_ident(target_prefix);
	suffix text;
	t regclass;
	found regclass[] := '{}';
BEGIN
	IF pg_catalog.cardinality(names) OPERATOR(pg_catalog.>) 2 THEN
		RAISE EXCEPTION 'invalid prefix "%"', target_prefix USING ERRCODE = '42602',
			HINT = 'Use a table name prefix, optionally qualified with a schema.';
	END IF;
	FOREACH suffix IN ARRAY ARRAY['train', 'test']::pg_catalog.text[] LOOP
		t := pg_catalog.to_regclass(CASE WHEN pg_catalog.cardinality(names) OPERATOR(pg_catalog.=) 2
			THEN pg_catalog.format('%I.%I', names[1], pg_catalog.concat(names[2], '_', suffix))
			ELSE pg_catalog.format('%I', pg_catalog.concat(names[1], '_', suffix)) END);
		IF t IS NULL THEN
			CONTINUE;
		END IF;
		IF NOT EXISTS (SELECT FROM recfair.split_tables s WHERE s.table_name OPERATOR(pg_catalog.=) t) THEN
			RAISE EXCEPTION 'table % was not made by split()', t USING ERRCODE = '42809',
				HINT = 'drop_split drops only the tables split() made (recfair.split_tables lists them); drop this one with DROP TABLE.';
		END IF;
		found := pg_catalog.array_append(found, t);
	END LOOP;
	IF pg_catalog.cardinality(found) OPERATOR(pg_catalog.=) 0 THEN
		RAISE EXCEPTION 'there are no split tables %_train or %_test', target_prefix, target_prefix USING ERRCODE = '42P01';
	END IF;
	FOREACH t IN ARRAY found LOOP
		RETURN NEXT t::pg_catalog.text;
		EXECUTE pg_catalog.format('DROP TABLE %s', t);
	END LOOP;
END
$$;
COMMENT ON FUNCTION recfair.drop_split(text) IS
	'drop the tables split() made for target_prefix (<target_prefix>_train and <target_prefix>_test, as recfair.split_tables lists them), returning their names; as their owner';


/* Every user's top k into a table, scored with matrix-matrix products. */
CREATE FUNCTION recfair.recommend_all(model text, k integer, into_table text, user_ids bigint[] DEFAULT NULL,
									  group_col text DEFAULT NULL, target text DEFAULT 'equal',
									  strength real DEFAULT 1.0, candidates integer DEFAULT NULL,
									  options jsonb DEFAULT '{}', amortized boolean DEFAULT true)
RETURNS TABLE (table_name regclass, users bigint, rows bigint)
AS 'MODULE_PATHNAME', 'recfair_recommend_all' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION recfair.recommend_all(text, integer, text, bigint[], text, text, real, integer, jsonb, boolean) IS
	'every user''s top k (or those of user_ids), items seen in training excluded, written into the new table into_table (user_id, rank, item_id, score), scored in blocks with matrix-matrix products on the compute threads; model NULL: the default model; with group_col, fair lists balanced over each block of 16384 users in id order as recommend_fair_batch balances its set (amortized => false: each list on its own) and a group_value column';

/* The candidate index of large catalogs. */
/*
 * Candidate indexes for large catalogs (build_index): per model, k-means
 * lists of its items, which serving searches instead of every item.
 */
CREATE TABLE recfair.item_index (
	model text PRIMARY KEY,
	version bigint NOT NULL,
	lists integer NOT NULL CHECK (lists > 0),
	centroids real[] NOT NULL,
	item_ids bigint[] NOT NULL,
	list_ends integer[] NOT NULL,
	built bigint NOT NULL
);
COMMENT ON TABLE recfair.item_index IS
	'per model, the inverted-file index build_index() made of its items: lists x factors centroids (row-major), the item ids in list order and where each list ends; serving uses it while version is the model''s';
SELECT pg_catalog.pg_extension_config_dump('recfair.item_index', '');

/*
 * Roles that read item_factors (granted serving, or training) read the
 * index too: without it they would serve as before, scoring every item.
 */
DO $$
DECLARE
	grantee regrole;
BEGIN
	FOR grantee IN
		SELECT DISTINCT a.grantee::pg_catalog.regrole
		FROM pg_catalog.pg_class c, pg_catalog.aclexplode(c.relacl) a
		WHERE c.oid OPERATOR(pg_catalog.=) 'recfair.item_factors'::pg_catalog.regclass
		  AND a.privilege_type OPERATOR(pg_catalog.=) 'SELECT' AND a.grantee OPERATOR(pg_catalog.<>) 0
		  AND a.grantee OPERATOR(pg_catalog.<>) c.relowner
	LOOP
		EXECUTE pg_catalog.format('GRANT SELECT ON recfair.item_index TO %s', grantee);
	END LOOP;
END
$$;

CREATE FUNCTION recfair.build_index(model text DEFAULT NULL, lists integer DEFAULT NULL, seed bigint DEFAULT 42)
RETURNS TABLE (model_name text, list_count integer, items bigint, seconds double precision)
AS 'MODULE_PATHNAME', 'recfair_build_index' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION recfair.build_index(text, integer, bigint) IS
	'partition the model''s items into lists by k-means (lists NULL: the square root of the items; seeded), so that recommend and recommend_fair score only the items of the recfair.index_probes lists nearest the user; replaces any index of the model, and train() rebuilds it with as many lists';

CREATE FUNCTION recfair.drop_index(model text DEFAULT NULL) RETURNS boolean
AS 'MODULE_PATHNAME', 'recfair_drop_index' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION recfair.drop_index(text) IS
	'remove the model''s item index (serving then scores every item again); returns whether it had one';

/* grant_serving() grants the index too. */
CREATE OR REPLACE FUNCTION recfair.grant_serving(role regrole, model text DEFAULT NULL, amortized boolean DEFAULT false)
RETURNS SETOF text
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
DECLARE
	stmt text;
	t record;
BEGIN
	IF role IS NULL OR amortized IS NULL THEN
		RAISE EXCEPTION 'role and amortized must not be NULL' USING ERRCODE = '22004';
	END IF;
	IF model IS NOT NULL AND NOT EXISTS (SELECT 1 FROM recfair.models m WHERE m.name OPERATOR(pg_catalog.=) model) THEN
		RAISE EXCEPTION 'model "%" does not exist', model USING ERRCODE = '42704',
			HINT = 'SELECT name FROM recfair.models lists the models.';
	END IF;
	FOR stmt IN
		SELECT pg_catalog.format('GRANT USAGE ON SCHEMA recfair TO %s', role)
		UNION ALL
		SELECT pg_catalog.format('GRANT SELECT ON recfair.models, recfair.user_factors, recfair.item_factors, '
								 'recfair.feature_maps, recfair.item_index TO %s', role)
		UNION ALL
		SELECT pg_catalog.format('GRANT SELECT, INSERT, UPDATE ON recfair.fair_exposure TO %s', role) WHERE amortized
	LOOP
		EXECUTE stmt;
		RETURN NEXT stmt;
	END LOOP;
	-- the registered tables of the model (or of every model), by their current names
	FOR t IN
		SELECT DISTINCT pg_catalog.to_regclass(x.tbl) AS rel, x.tbl
		FROM (SELECT m.item_table AS tbl FROM recfair.models m
			  WHERE (model IS NULL OR m.name OPERATOR(pg_catalog.=) model) AND m.item_table IS NOT NULL
			  UNION
			  SELECT m.user_table FROM recfair.models m
			  WHERE (model IS NULL OR m.name OPERATOR(pg_catalog.=) model) AND m.user_table IS NOT NULL) x
		ORDER BY x.tbl
	LOOP
		IF t.rel IS NULL THEN
			RAISE NOTICE 'the registered table % no longer exists: skipped', t.tbl;
			CONTINUE;
		END IF;
		stmt := pg_catalog.format('GRANT SELECT ON %s TO %s', t.rel, role);
		EXECUTE stmt;
		RETURN NEXT stmt;
		IF (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) t.rel) IN ('v', 'f')
		   AND NOT pg_catalog.pg_has_role(role::pg_catalog.oid,
				(SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) t.rel), 'USAGE')
		   AND NOT pg_catalog.pg_has_role((SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) t.rel),
				role::pg_catalog.oid, 'USAGE') THEN
			RAISE NOTICE '% is a view or foreign table of another role: recfair reads it for % only as its owner would, which % may not do',
				t.rel, role, role
				USING HINT = 'Register a table or a materialized view instead, or one owned by that role; docs/security.md says why.';
		END IF;
	END LOOP;
END
$$;

/* The server's shared copies of models. */
CREATE FUNCTION recfair.shared_models() RETURNS TABLE (model text, version bigint, bytes bigint, indexed boolean)
AS 'MODULE_PATHNAME', 'recfair_shared_models' LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION recfair.shared_models() IS
	'the models of this database whose serving data is in the server''s shared memory (one copy every backend maps, recfair.shared_cache_size): version, bytes, and whether with an item index';

/* Every customer gets an answer: recommend and recommend_fair with a popularity fallback, flagged. */
CREATE FUNCTION recfair.recommend_or_popular(user_id bigint, k integer, model text DEFAULT NULL,
											 fallback_segment text DEFAULT NULL, exclude_seen boolean DEFAULT true)
RETURNS TABLE (rank integer, item_id bigint, score real, fallback boolean)
AS 'MODULE_PATHNAME', 'recfair_recommend_or_popular' LANGUAGE C STABLE PARALLEL RESTRICTED
ROWS 10;
COMMENT ON FUNCTION recfair.recommend_or_popular(bigint, integer, text, text, boolean) IS
	'recommend''s list for a user the model knows (fallback false); for a user it does not know, or NULL (an anonymous visitor), the items most of the model''s users had in training (score: that share of users), within the user''s segment of the registered user table''s column fallback_segment when given (fallback true): every customer gets an answer';

CREATE FUNCTION recfair.recommend_fair_or_popular(user_id bigint, k integer, group_col text, model text DEFAULT NULL,
												  target text DEFAULT 'equal', strength real DEFAULT 1.0,
												  candidates integer DEFAULT NULL, fallback_segment text DEFAULT NULL)
RETURNS TABLE (rank integer, item_id bigint, score real, group_value text, fallback boolean)
LANGUAGE sql STABLE PARALLEL RESTRICTED ROWS 10
AS $$
	SELECT b.rank, b.item_id, b.score, b.group_value, b.fallback
	FROM recfair.recommend_fair_batch(ARRAY[user_id]::pg_catalog.int8[], k, group_col, model, target, strength, candidates,
									  '{}'::pg_catalog.jsonb, false, 'popularity'::pg_catalog.text, fallback_segment) b
	ORDER BY b.rank
$$;
COMMENT ON FUNCTION recfair.recommend_fair_or_popular(bigint, integer, text, text, text, real, integer, text) IS
	'recommend_fair''s list for a user the model knows; for one it does not know, the most popular items (within fallback_segment) re-ranked fairly; flagged in the column fallback (one user of recommend_fair_batch, each list fair on its own)';

/* register_tables() keeps the item index of the model's items. */
CREATE OR REPLACE FUNCTION recfair.register_tables(model text, items regclass DEFAULT NULL, item_key text DEFAULT 'item_id',
										users regclass DEFAULT NULL, user_key text DEFAULT 'user_id')
RETURNS recfair.models
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
DECLARE
	result recfair.models;
	model_owner name;
	t regclass;
	k text;
	new_version bigint;
	item_name text;
	user_name text;
BEGIN
	IF model IS NULL THEN
		RAISE EXCEPTION 'model must not be NULL' USING ERRCODE = '22004';
	END IF;
	IF (items IS NOT NULL AND item_key IS NULL) OR (users IS NOT NULL AND user_key IS NULL) THEN
		RAISE EXCEPTION 'a registered table needs its key column' USING ERRCODE = '22004';
	END IF;
	-- the same lock as training, so registering and retraining take turns
	PERFORM recfair.lock_model(model);
	SELECT m.owner INTO model_owner FROM recfair.models m WHERE m.name OPERATOR(pg_catalog.=) model;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'model "%" does not exist', model USING ERRCODE = '42704';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
				   WHERE r.rolname OPERATOR(pg_catalog.=) CURRENT_USER AND r.rolsuper)
	   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
					   WHERE r.rolname OPERATOR(pg_catalog.=) model_owner
					   AND pg_catalog.pg_has_role(r.oid, 'USAGE')) THEN
		RAISE EXCEPTION 'must be owner of model "%"', model USING ERRCODE = '42501',
			DETAIL = format('Model "%s" belongs to role "%s".', model, model_owner),
			HINT = 'Only the model''s owner, a member of that role or a superuser may retrain, drop or re-register it.';
	END IF;
	FOR t, k IN SELECT * FROM (VALUES (items, item_key), (users, user_key)) v WHERE v.column1 IS NOT NULL LOOP
		IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid OPERATOR(pg_catalog.=) t
					   AND a.attname OPERATOR(pg_catalog.=) k
					   AND a.attnum OPERATOR(pg_catalog.>) 0::pg_catalog.int2 AND NOT a.attisdropped) THEN
			RAISE EXCEPTION 'column "%" of relation "%" does not exist', k, t USING ERRCODE = '42703';
		END IF;
		IF EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) t
				   AND c.relpersistence OPERATOR(pg_catalog.=) 't'::pg_catalog.char) THEN
			RAISE EXCEPTION 'temporary table % cannot be registered', t USING ERRCODE = '22023',
				DETAIL = 'A temporary table is visible only to the session that made it, and is gone when it ends.';
		END IF;
		IF NOT pg_catalog.has_column_privilege(t, k, 'SELECT') THEN
			RAISE EXCEPTION 'permission denied for table %', t USING ERRCODE = '42501';
		END IF;
	END LOOP;
	-- the version taken first: the UPDATE then calls no volatile function (Citus reference tables)
	new_version := pg_catalog.nextval('recfair.model_version_seq'::pg_catalog.regclass);
	-- the names first too: Citus runs an UPDATE of a reference table only without catalog subqueries
	item_name := (SELECT pg_catalog.format('%I.%I', n.nspname, c.relname) FROM pg_catalog.pg_class c
				  JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
				  WHERE c.oid OPERATOR(pg_catalog.=) items);
	user_name := (SELECT pg_catalog.format('%I.%I', n.nspname, c.relname) FROM pg_catalog.pg_class c
				  JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
				  WHERE c.oid OPERATOR(pg_catalog.=) users);
	-- only text parameters: Citus may run the UPDATE over a connection of its own, where a regclass
	-- parameter naming a table made in this transaction would not resolve
	UPDATE recfair.models m SET
		item_table = coalesce(item_name, m.item_table),
		item_key = CASE WHEN item_name IS NULL THEN m.item_key ELSE register_tables.item_key END,
		user_table = coalesce(user_name, m.user_table),
		user_key = CASE WHEN user_name IS NULL THEN m.user_key ELSE register_tables.user_key END,
		version = new_version
	WHERE m.name OPERATOR(pg_catalog.=) model
	RETURNING m.* INTO result;
	-- the items are the same: the item index follows the new version (where the role may update it)
	IF pg_catalog.has_table_privilege('recfair.item_index', 'UPDATE') THEN
		UPDATE recfair.item_index i SET version = new_version WHERE i.model OPERATOR(pg_catalog.=) model;
	END IF;
	RETURN result;
END
$$;
