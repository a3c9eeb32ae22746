/* recfair 0.6.0 -> 0.7.0: train() on the Citus workers, through the ALS aggregates */

\echo Use "ALTER EXTENSION recfair UPDATE TO '0.7.0'" to load this file. \quit

/*
 * train()'s option engine => 'aggregates' runs implicit ALS as SQL
 * aggregate queries (on the workers of a Citus cluster for a distributed
 * source, where it is the default); als_fit gives it the loss without a
 * pass of its own.
 */
CREATE FUNCTION recfair.als_fit(normal double precision[], x recfair.embedding)
	RETURNS double precision
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.als_fit(double precision[], recfair.embedding) IS
	'x''A x - 2 x''b of als_normal''s equations: plus the sum of the confidences, the weighted squared error of solution x over the entity''s observed cells';

COMMENT ON FUNCTION recfair.train(text, regclass, text, text, text, text, integer, integer, real, jsonb, bigint, regclass, text, regclass, text, text) IS
	'train (or retrain, atomically) a model from a table or view (source) or a query (source_query); algorithm als (implicit feedback), bpr (pairwise ranking by SGD, iterations = epochs), als_explicit (ratings in weight_col, with biases) or popularity; items/users register the item and user tables as register_tables does; options (algorithm extras): for als alpha, confidence (1+alpha*w|alpha*w), solver (cg|cholesky), cg_steps, engine (memory|aggregates: SQL aggregate queries, on the Citus workers for a distributed source, the default there), work_schema; for bpr learning_rate, sampling (uniform|popularity), sampling_exponent, item_bias, adversarial {method fgsm|pgd|gaussian|sign, eps, weight, steps, start_epoch}';

/* register_tables: the names computed before the UPDATE, which Citus runs on a reference table */
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
	RETURN result;
END
$$;
