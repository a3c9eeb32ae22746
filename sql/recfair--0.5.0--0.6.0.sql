/* recfair 0.5.0 -> 0.6.0: one way to pass each setting */

\echo Use "ALTER EXTENSION recfair UPDATE TO '0.6.0'" to load this file. \quit

/*
 * Every setting a user commonly passes is a named argument with a default,
 * in every function that takes it; options (jsonb) holds only
 * algorithm-specific extras.  A table or view is a regclass argument, a
 * query a separate *_query argument, so that nothing is guessed from the
 * text.  options keeps its 0.5.0 position in each function, so a call
 * written for 0.5.0 still reaches recfair, which refuses a key that became
 * an argument with a hint naming it (and the option price with its new
 * name, deficit_scale).  Changing a signature needs DROP and CREATE; a
 * view or function of the user's that calls the old signature blocks the
 * update until it is dropped.
 */
DROP FUNCTION recfair.train(text, text, text, text, text, text, integer, integer, real, jsonb);
DROP FUNCTION recfair.split(text, text, real, text, jsonb);
DROP FUNCTION recfair.evaluate(text, text, integer, jsonb);
DROP FUNCTION recfair.recommend_fair(bigint, integer, text, text, text, real, integer, jsonb);
DROP FUNCTION recfair.exposure_report(text, text, integer, boolean, text, text, real, boolean);

CREATE FUNCTION recfair.train(
	model text,
	source regclass DEFAULT NULL,
	user_col text DEFAULT 'user_id',
	item_col text DEFAULT 'item_id',
	weight_col text DEFAULT NULL,
	algorithm text DEFAULT 'als',
	factors integer DEFAULT 64,
	iterations integer DEFAULT 15,
	regularization real DEFAULT 0.01,
	options jsonb DEFAULT '{}',
	seed bigint DEFAULT 42,
	items regclass DEFAULT NULL,
	item_key text DEFAULT 'item_id',
	users regclass DEFAULT NULL,
	user_key text DEFAULT 'user_id',
	source_query text DEFAULT NULL)
RETURNS recfair.models
AS 'MODULE_PATHNAME', 'recfair_train' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION recfair.train(text, regclass, text, text, text, text, integer, integer, real, jsonb, bigint, regclass, text, regclass, text, text) IS
	'train (or retrain, atomically) a model from a table or view (source) or a query (source_query); algorithm als (implicit feedback), bpr (pairwise ranking by SGD, iterations = epochs), als_explicit (ratings in weight_col, with biases) or popularity; items/users register the item and user tables as register_tables does; options (algorithm extras): for als alpha, confidence (1+alpha*w|alpha*w), solver (cg|cholesky), cg_steps; for bpr learning_rate, sampling (uniform|popularity), sampling_exponent, item_bias, adversarial {method fgsm|pgd|gaussian|sign, eps, weight, steps, start_epoch}';

CREATE FUNCTION recfair.split(source regclass, target_prefix text, test_fraction real DEFAULT 0.2,
							  method text DEFAULT 'random', options jsonb DEFAULT '{}',
							  user_col text DEFAULT 'user_id', item_col text DEFAULT 'item_id',
							  time_col text DEFAULT 'ts', seed bigint DEFAULT 42, source_query text DEFAULT NULL)
RETURNS TABLE (table_name regclass, rows bigint)
AS 'MODULE_PATHNAME', 'recfair_split' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION recfair.split(regclass, text, real, text, jsonb, text, text, text, bigint, text) IS
	'create <target_prefix>_train and <target_prefix>_test from a table or view (source) or a query (source => NULL, source_query => ...): per user, round(n * test_fraction) interactions (at most n - 1) go to test, at random (seeded) or the latest by time_col; options: none (reserved)';

CREATE FUNCTION recfair.evaluate(model text, test regclass DEFAULT NULL, k integer DEFAULT 10, options jsonb DEFAULT '{}',
								 user_col text DEFAULT NULL, item_col text DEFAULT NULL, rating_col text DEFAULT NULL,
								 relevant_min double precision DEFAULT NULL, group_col text DEFAULT NULL,
								 fair boolean DEFAULT false, target text DEFAULT 'equal', strength real DEFAULT 1.0,
								 candidates integer DEFAULT NULL, amortized boolean DEFAULT false,
								 user_group_col text DEFAULT NULL, test_query text DEFAULT NULL)
RETURNS TABLE (metric text, value double precision)
AS 'MODULE_PATHNAME', 'recfair_evaluate' LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION recfair.evaluate(text, regclass, integer, jsonb, text, text, text, double precision, text, boolean, text, real, integer, boolean, text, text) IS
	'ranking metrics (precision, recall, ndcg, map, hit_rate, coverage at k; users evaluated and skipped) of a model against a test table or view (test) or query (test_query), rmse/mae for als_explicit; with group_col exposure disparity, Gini and share per group of the plain or fair (fair, target, strength, candidates, amortized) lists; with user_group_col ndcg per user group and the gap; options: deficit_scale';

CREATE FUNCTION recfair.recommend_fair(user_id bigint, k integer, group_col text, model text DEFAULT NULL,
									   target text DEFAULT 'equal', strength real DEFAULT 1.0,
									   candidates integer DEFAULT NULL, options jsonb DEFAULT '{}',
									   exclude_seen boolean DEFAULT true, amortized boolean DEFAULT false)
RETURNS TABLE (rank integer, item_id bigint, score real, group_value text)
AS 'MODULE_PATHNAME', 'recfair_recommend_fair' LANGUAGE C VOLATILE PARALLEL UNSAFE
ROWS 10 SUPPORT recfair.recommend_support;
COMMENT ON FUNCTION recfair.recommend_fair(bigint, integer, text, text, text, real, integer, jsonb, boolean, boolean) IS
	'top-k items for a user, re-ranked so that the groups of group_col (a column of the registered item table) get their target share of exposure (equal, catalog, merit, or a jsonb of shares); strength 0 = plain, 1 = tightest parity; amortized: parity over many calls; options: deficit_scale';

CREATE FUNCTION recfair.exposure_report(model text, group_col text, k integer DEFAULT 10, fair boolean DEFAULT false,
										users regclass DEFAULT NULL, target text DEFAULT 'equal', strength real DEFAULT 1.0,
										amortized boolean DEFAULT false, candidates integer DEFAULT NULL,
										users_query text DEFAULT NULL, options jsonb DEFAULT '{}')
RETURNS TABLE (group_value text, items bigint, exposure double precision, share double precision,
			   target_share double precision)
AS 'MODULE_PATHNAME', 'recfair_exposure_report' LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION recfair.exposure_report(text, text, integer, boolean, regclass, text, real, boolean, integer, text, jsonb) IS
	'exposure per group of group_col over the top-k lists (plain, or fair with target, strength, candidates and amortized) of the given users (a table or view as users, or a query as users_query, with the model''s user column; all users when both are NULL): items, exposure, share, target_share; options: deficit_scale';

CREATE FUNCTION recfair.l2_normalize(recfair.embedding) RETURNS recfair.embedding
	AS 'MODULE_PATHNAME', 'embedding_normalize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.l2_normalize(recfair.embedding) IS
	'the embedding scaled to unit Euclidean norm, as pgvector''s l2_normalize; the same as recfair.normalize';


/* register_tables: core's wording for a missing column */
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
		version = new_version
	WHERE m.name OPERATOR(pg_catalog.=) model
	RETURNING m.* INTO result;
	RETURN result;
END
$$;

/*
 * sum and avg of embeddings: a double precision[] state instead of internal,
 * so that Citus aggregates them partially on the workers (it does so only
 * for state types that are not pseudo-types) and avg works on distributed
 * tables; CREATE OR REPLACE keeps the user's views that use them.
 */
CREATE FUNCTION recfair.embedding_agg_accum_array(double precision[], recfair.embedding) RETURNS double precision[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION recfair.embedding_agg_accum_array(double precision[], recfair.embedding) IS
	'transition function of sum(embedding) and avg(embedding): the state is {count, sum_1, ..., sum_d}';
CREATE FUNCTION recfair.embedding_agg_combine_array(double precision[], double precision[]) RETURNS double precision[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION recfair.embedding_agg_combine_array(double precision[], double precision[]) IS
	'combine function of sum(embedding) and avg(embedding) (parallel workers, Citus workers)';
CREATE FUNCTION recfair.embedding_sum_final_array(double precision[]) RETURNS recfair.embedding
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION recfair.embedding_sum_final_array(double precision[]) IS 'final function of sum(embedding)';
CREATE FUNCTION recfair.embedding_avg_final_array(double precision[]) RETURNS recfair.embedding
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION recfair.embedding_avg_final_array(double precision[]) IS 'final function of avg(embedding)';

CREATE OR REPLACE AGGREGATE recfair.sum(recfair.embedding) (
	SFUNC = recfair.embedding_agg_accum_array,
	STYPE = double precision[],
	FINALFUNC = recfair.embedding_sum_final_array,
	COMBINEFUNC = recfair.embedding_agg_combine_array,
	PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE recfair.avg(recfair.embedding) (
	SFUNC = recfair.embedding_agg_accum_array,
	STYPE = double precision[],
	FINALFUNC = recfair.embedding_avg_final_array,
	COMBINEFUNC = recfair.embedding_agg_combine_array,
	PARALLEL = SAFE
);
DROP FUNCTION recfair.embedding_agg_accum(internal, recfair.embedding);
DROP FUNCTION recfair.embedding_agg_combine(internal, internal);
DROP FUNCTION recfair.embedding_agg_serialize(internal);
DROP FUNCTION recfair.embedding_agg_deserialize(bytea, internal);
DROP FUNCTION recfair.embedding_sum_final(internal);
DROP FUNCTION recfair.embedding_avg_final(internal);

/*
 * ALS as SQL aggregates (src/als_agg.c): a half-step is one query, e.g.
 *   SELECT user_id, recfair.als_solve(recfair.als_normal(i.factors, t.weight, 1.0), g.gram, 0.01)
 *   FROM interactions t JOIN recfair.item_factors i ON ..., (SELECT recfair.gram(factors) ...) g
 *   GROUP BY user_id, g.gram
 * with double precision[] states and combine functions, so that Citus
 * aggregates them partially on its workers.
 */
CREATE FUNCTION recfair.als_gram_accum(double precision[], recfair.embedding) RETURNS double precision[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION recfair.als_gram_accum(double precision[], recfair.embedding) IS
	'transition function of gram(embedding): the state is {k, the k x k sums}';
CREATE FUNCTION recfair.als_gram_combine(double precision[], double precision[]) RETURNS double precision[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION recfair.als_gram_combine(double precision[], double precision[]) IS 'combine function of gram(embedding)';
CREATE FUNCTION recfair.als_gram_final(double precision[]) RETURNS double precision[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION recfair.als_gram_final(double precision[]) IS 'final function of gram(embedding): the k x k matrix';
CREATE AGGREGATE recfair.gram(factors recfair.embedding) (
	SFUNC = recfair.als_gram_accum,
	STYPE = double precision[],
	FINALFUNC = recfair.als_gram_final,
	COMBINEFUNC = recfair.als_gram_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE recfair.gram(recfair.embedding) IS
	'the Gram matrix Y''Y of the embeddings (a k x k double precision array): the shared part of an ALS half-step';
CREATE FUNCTION recfair.als_normal_accum(double precision[], recfair.embedding, real, double precision)
	RETURNS double precision[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION recfair.als_normal_accum(double precision[], recfair.embedding, real, double precision) IS
	'transition function of als_normal: the state is {k, n, A, b}';
CREATE FUNCTION recfair.als_normal_combine(double precision[], double precision[]) RETURNS double precision[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION recfair.als_normal_combine(double precision[], double precision[]) IS
	'combine function of als_normal and als_normal_explicit';
CREATE AGGREGATE recfair.als_normal(factors recfair.embedding, weight real, alpha double precision) (
	SFUNC = recfair.als_normal_accum,
	STYPE = double precision[],
	COMBINEFUNC = recfair.als_normal_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE recfair.als_normal(recfair.embedding, real, double precision) IS
	'one entity''s implicit-feedback normal equations over its interactions with the other side''s factors: A = sum (c - 1) y y'', b = sum c y, confidence c = 1 + alpha weight; solve with als_solve';
CREATE FUNCTION recfair.als_normal_explicit_accum(double precision[], recfair.embedding, double precision)
	RETURNS double precision[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION recfair.als_normal_explicit_accum(double precision[], recfair.embedding, double precision) IS
	'transition function of als_normal_explicit: the state is {k, n, A, b}';
CREATE AGGREGATE recfair.als_normal_explicit(factors recfair.embedding, rating double precision) (
	SFUNC = recfair.als_normal_explicit_accum,
	STYPE = double precision[],
	COMBINEFUNC = recfair.als_normal_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE recfair.als_normal_explicit(recfair.embedding, double precision) IS
	'one entity''s explicit-rating normal equations: A = sum y y'', b = sum rating y (pass the rating minus any biases); solve with als_solve_explicit';
CREATE FUNCTION recfair.als_solve(normal double precision[], gram double precision[], regularization double precision)
	RETURNS recfair.embedding
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.als_solve(double precision[], double precision[], double precision) IS
	'the implicit ALS solution (gram + A + regularization I)^-1 b of als_normal''s equations';
CREATE FUNCTION recfair.als_solve_explicit(normal double precision[], regularization double precision)
	RETURNS recfair.embedding
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.als_solve_explicit(double precision[], double precision) IS
	'the explicit ALS solution (A + regularization n I)^-1 b of als_normal_explicit''s equations, n the entity''s ratings';
