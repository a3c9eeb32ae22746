/* recfair 0.4.0 -> 0.5.0: model owners */

\echo Use "ALTER EXTENSION recfair UPDATE TO '0.5.0'" to load this file. \quit

/*
 * A model belongs to the role that first trained it; only that role (or a
 * member of it, or a superuser) retrains, drops or re-registers it
 * (docs/security.md).  The owner is stored by name, not as an OID or
 * regrole, so that a dump restores into a cluster where the role is
 * missing or has another OID.  Models trained before 0.5.0 belong to the
 * role that owns the extension.
 */
ALTER TABLE recfair.models ADD COLUMN owner name;
UPDATE recfair.models SET owner = (SELECT r.rolname FROM pg_catalog.pg_extension e
								   JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) e.extowner
								   WHERE e.extname OPERATOR(pg_catalog.=) 'recfair');
ALTER TABLE recfair.models ALTER COLUMN owner SET DEFAULT CURRENT_USER;
ALTER TABLE recfair.models ALTER COLUMN owner SET NOT NULL;
COMMENT ON COLUMN recfair.models.owner IS
	'the role that first trained the model: it, its members and superusers may retrain, drop or re-register it';

/* The lock train() and drop_model() take, for register_tables(). */
CREATE FUNCTION recfair.lock_model(model text) RETURNS void
AS 'MODULE_PATHNAME', 'recfair_lock_model' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION recfair.lock_model(text) IS
	'take the transaction lock that serializes changes to a model (train, drop_model, register_tables); needs UPDATE on recfair.models';

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
			RAISE EXCEPTION 'column "%" does not exist in %', k, t USING ERRCODE = '42703';
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
	UPDATE recfair.models m SET
		item_table = CASE WHEN items IS NULL THEN m.item_table
			ELSE (SELECT pg_catalog.format('%I.%I', n.nspname, c.relname) FROM pg_catalog.pg_class c
				  JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
				  WHERE c.oid OPERATOR(pg_catalog.=) items) END,
		item_key = CASE WHEN items IS NULL THEN m.item_key ELSE register_tables.item_key END,
		user_table = CASE WHEN users IS NULL THEN m.user_table
			ELSE (SELECT pg_catalog.format('%I.%I', n.nspname, c.relname) FROM pg_catalog.pg_class c
				  JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
				  WHERE c.oid OPERATOR(pg_catalog.=) users) END,
		user_key = CASE WHEN users IS NULL THEN m.user_key ELSE register_tables.user_key END,
		version = pg_catalog.nextval('recfair.model_version_seq'::pg_catalog.regclass)
	WHERE m.name OPERATOR(pg_catalog.=) model
	RETURNING m.* INTO result;
	RETURN result;
END
$$;
COMMENT ON FUNCTION recfair.register_tables(text, regclass, text, regclass, text) IS
	'register (or replace) the item table and key, and the user table and key, of a model you own, for group_col and user_group_col';

/*
 * fair_top_k: rerank_fair as an aggregate over the rows of any query's
 * group, e.g. SELECT user_id, recfair.fair_top_k(item_id, score, brand, 10)
 * FROM candidates GROUP BY user_id.  An internal state of candidate rows
 * with combine, serialize and deserialize functions: parallel safe.
 */
CREATE TYPE recfair.ranked_item AS (rank integer, item_id bigint, score real, group_value text);
COMMENT ON TYPE recfair.ranked_item IS
	'a position of a re-ranked list: fair_top_k returns an array of them, unnest(...) gives (rank, item_id, score, group_value)';

CREATE FUNCTION recfair.fair_top_k_accum(internal, bigint, real, text, integer) RETURNS internal
	AS 'MODULE_PATHNAME', 'recfair_fair_top_k_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION recfair.fair_top_k_accum(internal, bigint, real, text, integer) IS
	'transition function of fair_top_k: collects the candidate rows of a group';
CREATE FUNCTION recfair.fair_top_k_accum(internal, bigint, real, text, integer, text, real) RETURNS internal
	AS 'MODULE_PATHNAME', 'recfair_fair_top_k_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION recfair.fair_top_k_accum(internal, bigint, real, text, integer, text, real) IS
	'transition function of fair_top_k with target and strength: collects the candidate rows of a group';
CREATE FUNCTION recfair.fair_top_k_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'recfair_fair_top_k_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION recfair.fair_top_k_combine(internal, internal) IS
	'combine function of fair_top_k: concatenates the candidate rows of two partial states';
CREATE FUNCTION recfair.fair_top_k_serialize(internal) RETURNS bytea
	AS 'MODULE_PATHNAME', 'recfair_fair_top_k_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.fair_top_k_serialize(internal) IS
	'serialize function of fair_top_k (parallel workers)';
CREATE FUNCTION recfair.fair_top_k_deserialize(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'recfair_fair_top_k_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.fair_top_k_deserialize(bytea, internal) IS
	'deserialize function of fair_top_k (parallel workers)';
CREATE FUNCTION recfair.fair_top_k_final(internal) RETURNS recfair.ranked_item[]
	AS 'MODULE_PATHNAME', 'recfair_fair_top_k_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION recfair.fair_top_k_final(internal) IS
	'final function of fair_top_k: re-ranks the candidates as rerank_fair does';

CREATE AGGREGATE recfair.fair_top_k(item_id bigint, score real, group_value text, k integer) (
	SFUNC = recfair.fair_top_k_accum,
	STYPE = internal,
	FINALFUNC = recfair.fair_top_k_final,
	COMBINEFUNC = recfair.fair_top_k_combine,
	SERIALFUNC = recfair.fair_top_k_serialize,
	DESERIALFUNC = recfair.fair_top_k_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE recfair.fair_top_k(bigint, real, text, integer) IS
	'the candidate rows of a group re-ranked into k positions as rerank_fair(..., k) does (target equal, strength 1): an array of recfair.ranked_item';
CREATE AGGREGATE recfair.fair_top_k(item_id bigint, score real, group_value text, k integer, target text, strength real) (
	SFUNC = recfair.fair_top_k_accum,
	STYPE = internal,
	FINALFUNC = recfair.fair_top_k_final,
	COMBINEFUNC = recfair.fair_top_k_combine,
	SERIALFUNC = recfair.fair_top_k_serialize,
	DESERIALFUNC = recfair.fair_top_k_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE recfair.fair_top_k(bigint, real, text, integer, text, real) IS
	'the candidate rows of a group re-ranked into k positions as rerank_fair(..., k, target, strength) does: an array of recfair.ranked_item';

-- Progress of running training and evaluation, from any session.
-- Another role's model, phase, iterations and loss show only to members of
-- that role and of pg_read_all_stats, as pg_stat_activity hides queries.
CREATE FUNCTION recfair.training_progress_info(
	OUT pid integer, OUT datname name, OUT usename name, OUT command text, OUT model text,
	OUT phase text, OUT iteration integer, OUT iterations integer, OUT loss double precision,
	OUT started_at timestamptz, OUT elapsed_seconds double precision)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'recfair_training_progress_info'
LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION recfair.training_progress_info() IS
	'the rows of recfair.training_progress: every running train() and evaluate() of the cluster';
CREATE VIEW recfair.training_progress AS
	SELECT pid, datname, usename, command, model, phase, iteration, iterations, loss,
		   started_at, elapsed_seconds
	FROM recfair.training_progress_info();
COMMENT ON VIEW recfair.training_progress IS
	'every running train() and evaluate(): pid, database, role, model, phase (reading, training, writing, evaluating), iteration of iterations, last loss, start and elapsed seconds; other roles'' details only to their members and pg_read_all_stats; empty before PostgreSQL 17 unless recfair is in shared_preload_libraries';
GRANT SELECT ON recfair.training_progress TO PUBLIC;
