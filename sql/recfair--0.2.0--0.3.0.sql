/* recfair 0.2.0 -> 0.3.0: dataset generator, evaluation, more algorithms, fair re-ranking */

\echo Use "ALTER EXTENSION recfair UPDATE TO '0.3.0'" to load this file. \quit

COMMENT ON FUNCTION recfair.train(text, text, text, text, text, text, integer, integer, real, jsonb) IS
	'train (or retrain, atomically) a model from a table, view or query of interactions; algorithm als (implicit feedback), als_explicit (ratings in weight_col, with biases) or popularity; options: alpha, confidence (1+alpha*w|alpha*w), solver (cg|cholesky), cg_steps, seed, items, item_key, users, user_key';

/*
 * Synthetic e-commerce data
 */
CREATE FUNCTION recfair.generate_dataset(prefix text, users integer, items integer, interactions bigint,
										 seed integer DEFAULT 42)
RETURNS TABLE (table_name regclass, rows bigint)
AS 'MODULE_PATHNAME', 'recfair_generate_dataset' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION recfair.generate_dataset(text, integer, integer, bigint, integer) IS
	'create <prefix>_users, <prefix>_items and <prefix>_interactions: a synthetic shop with power-law popularity concentrated in a few big brands and user segments with distinct tastes, deterministic by seed';

/*
 * Seen item ids compress poorly and compressing them took an eighth of the
 * time of writing a model: store them out of line without compression.
 */
ALTER TABLE recfair.user_factors ALTER COLUMN seen SET STORAGE EXTERNAL;

/*
 * Evaluation
 */
CREATE FUNCTION recfair.evaluate(model text, test text, k integer DEFAULT 10, options jsonb DEFAULT '{}')
RETURNS TABLE (metric text, value double precision)
AS 'MODULE_PATHNAME', 'recfair_evaluate' LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION recfair.evaluate(text, text, integer, jsonb) IS
	'ranking metrics (precision, recall, ndcg, map, hit_rate, coverage at k; users evaluated and skipped) of a model against a test table, view or query, and rmse/mae for als_explicit; options: user_col, item_col, rating_col, relevant_min';

CREATE FUNCTION recfair.split(source text, target_prefix text, test_fraction real DEFAULT 0.2,
							  method text DEFAULT 'random', options jsonb DEFAULT '{}')
RETURNS TABLE (table_name regclass, rows bigint)
AS 'MODULE_PATHNAME', 'recfair_split' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION recfair.split(text, text, real, text, jsonb) IS
	'create <target_prefix>_train and <target_prefix>_test from a table, view or query: per user, round(n * test_fraction) interactions (at most n - 1) go to test, at random (seeded) or the latest by time; options: user_col, time_col, seed';

/*
 * Fair exposure
 */
CREATE FUNCTION recfair.register_tables(model text, items regclass DEFAULT NULL, item_key text DEFAULT 'item_id',
										users regclass DEFAULT NULL, user_key text DEFAULT 'user_id')
RETURNS recfair.models
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_variable
DECLARE
	result recfair.models;
BEGIN
	IF NOT EXISTS (SELECT 1 FROM recfair.models m WHERE m.name = register_tables.model) THEN
		RAISE EXCEPTION 'model "%" does not exist', model USING ERRCODE = '42704';
	END IF;
	IF items IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = items AND attname = item_key
										 AND attnum > 0 AND NOT attisdropped) THEN
		RAISE EXCEPTION 'column "%" does not exist in %', item_key, items USING ERRCODE = '42703';
	END IF;
	IF users IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = users AND attname = user_key
										 AND attnum > 0 AND NOT attisdropped) THEN
		RAISE EXCEPTION 'column "%" does not exist in %', user_key, users USING ERRCODE = '42703';
	END IF;
	UPDATE recfair.models m SET
		item_table = CASE WHEN items IS NULL THEN m.item_table
			ELSE (SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				  WHERE c.oid = items) END,
		item_key = CASE WHEN items IS NULL THEN m.item_key ELSE register_tables.item_key END,
		user_table = CASE WHEN users IS NULL THEN m.user_table
			ELSE (SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				  WHERE c.oid = users) END,
		user_key = CASE WHEN users IS NULL THEN m.user_key ELSE register_tables.user_key END,
		version = nextval('recfair.model_version_seq')
	WHERE m.name = register_tables.model
	RETURNING m.* INTO result;
	RETURN result;
END
$$;
COMMENT ON FUNCTION recfair.register_tables(text, regclass, text, regclass, text) IS
	'register (or replace) the item table and key, and the user table and key, of a trained model, for group_col and user_group_col';

CREATE TABLE recfair.fair_exposure (
	model text NOT NULL,
	group_col text NOT NULL,
	group_value text,
	shard integer NOT NULL,
	exposure double precision NOT NULL,
	plain_exposure double precision NOT NULL,
	UNIQUE NULLS NOT DISTINCT (model, group_col, group_value, shard)
);
COMMENT ON TABLE recfair.fair_exposure IS
	'cumulative exposure of amortized recommend_fair calls, one row per (model, group column, group value, backend slot) so that sessions never wait on each other; read recfair.fair_exposure_state';
SELECT pg_catalog.pg_extension_config_dump('recfair.fair_exposure', '');

CREATE VIEW recfair.fair_exposure_state AS
SELECT model, group_col, group_value, sum(exposure) AS exposure,
	sum(exposure) / nullif(sum(sum(exposure)) OVER (PARTITION BY model, group_col), 0) AS share,
	sum(plain_exposure) / nullif(sum(sum(plain_exposure)) OVER (PARTITION BY model, group_col), 0) AS plain_share
FROM recfair.fair_exposure
GROUP BY model, group_col, group_value;
COMMENT ON VIEW recfair.fair_exposure_state IS
	'cumulative exposure and share per group of amortized recommend_fair calls, and the share the plain lists would have given';

CREATE FUNCTION recfair.reset_fair_exposure(model text DEFAULT NULL, group_col text DEFAULT NULL)
RETURNS bigint
AS 'MODULE_PATHNAME', 'recfair_reset_fair_exposure' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION recfair.reset_fair_exposure(text, text) IS
	'forget the amortized exposure of a model and group column (NULL: all); returns the rows deleted';

CREATE FUNCTION recfair.recommend_fair(user_id bigint, k integer, group_col text, model text DEFAULT NULL,
									   target text DEFAULT 'equal', strength real DEFAULT 1.0,
									   candidates integer DEFAULT NULL, options jsonb DEFAULT '{}')
RETURNS TABLE (rank integer, item_id bigint, score real, group_value text)
AS 'MODULE_PATHNAME', 'recfair_recommend_fair' LANGUAGE C VOLATILE PARALLEL UNSAFE
ROWS 10 SUPPORT recfair.recommend_support;
COMMENT ON FUNCTION recfair.recommend_fair(bigint, integer, text, text, text, real, integer, jsonb) IS
	'top-k items for a user, re-ranked so that the groups of group_col (a column of the registered item table) get their target share of exposure (equal, catalog, merit, or a jsonb of shares); strength 0 = plain, 1 = tightest parity; options: amortized, exclude_seen';

CREATE FUNCTION recfair.rerank_fair(item_ids bigint[], scores real[], groups text[], k integer,
									target text DEFAULT 'equal', strength real DEFAULT 1.0)
RETURNS TABLE (rank integer, item_id bigint, score real, group_value text)
AS 'MODULE_PATHNAME', 'recfair_rerank_fair' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION recfair.rerank_fair(bigint[], real[], text[], integer, text, real) IS
	'fair re-ranking of any candidate set (arrays of ids, scores, groups) into k positions, as recommend_fair does';

CREATE FUNCTION recfair.exposure_report(model text, group_col text, k integer DEFAULT 10, fair boolean DEFAULT false,
										users text DEFAULT NULL, target text DEFAULT 'equal', strength real DEFAULT 1.0,
										amortized boolean DEFAULT false)
RETURNS TABLE (group_value text, items bigint, exposure double precision, share double precision,
			   target_share double precision)
AS 'MODULE_PATHNAME', 'recfair_exposure_report' LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION recfair.exposure_report(text, text, integer, boolean, text, text, real, boolean) IS
	'exposure per group of group_col over the top-k lists (plain, or fair with target, strength and amortized) of the given users (a table, view or query with the model''s user column; all users when NULL): items, exposure, share, target_share';

COMMENT ON FUNCTION recfair.evaluate(text, text, integer, jsonb) IS
	'ranking metrics (precision, recall, ndcg, map, hit_rate, coverage at k; users evaluated and skipped) of a model against a test table, view or query, rmse/mae for als_explicit, and with group_col exposure disparity, Gini and share per group (fair, target, strength, candidates, amortized), with user_group_col ndcg per user group and the gap; options: user_col, item_col, rating_col, relevant_min, group_col, target, fair, strength, candidates, amortized, user_group_col';

/*
 * Comments on every public object, so that \df+, \do+ and BI tools explain them
 */
COMMENT ON FUNCTION recfair.embedding_in(cstring, oid, integer) IS 'embedding input: text form [x1,x2,...]';
COMMENT ON FUNCTION recfair.embedding_out(recfair.embedding) IS 'embedding output: the shortest text that reads back to the same float4 values';
COMMENT ON FUNCTION recfair.embedding_typmod_in(cstring[]) IS 'embedding(n) type modifier: the number of dimensions, 1 to 16000';
COMMENT ON FUNCTION recfair.embedding_recv(internal, oid, integer) IS 'embedding binary input: int16 dimensions, int16 zero, float4 values';
COMMENT ON FUNCTION recfair.embedding_send(recfair.embedding) IS 'embedding binary output: int16 dimensions, int16 zero, float4 values';
COMMENT ON FUNCTION recfair.embedding_eq(recfair.embedding, recfair.embedding) IS 'support of operator =: same dimensions and values';
COMMENT ON FUNCTION recfair.embedding_ne(recfair.embedding, recfair.embedding) IS 'support of operator <>';
COMMENT ON FUNCTION recfair.embedding_lt(recfair.embedding, recfair.embedding) IS 'support of operator < of the btree order (dimensions, then values)';
COMMENT ON FUNCTION recfair.embedding_le(recfair.embedding, recfair.embedding) IS 'support of operator <= of the btree order';
COMMENT ON FUNCTION recfair.embedding_gt(recfair.embedding, recfair.embedding) IS 'support of operator > of the btree order';
COMMENT ON FUNCTION recfair.embedding_ge(recfair.embedding, recfair.embedding) IS 'support of operator >= of the btree order';
COMMENT ON FUNCTION recfair.embedding_cmp(recfair.embedding, recfair.embedding) IS 'btree comparison: -1, 0 or 1';
COMMENT ON FUNCTION recfair.embedding_hash(recfair.embedding) IS 'hash support (hash joins, GROUP BY, DISTINCT)';
COMMENT ON FUNCTION recfair.embedding_agg_accum(internal, recfair.embedding) IS 'transition function of sum(embedding) and avg(embedding)';
COMMENT ON FUNCTION recfair.embedding_agg_combine(internal, internal) IS 'combine function of sum(embedding) and avg(embedding) (parallel aggregation)';
COMMENT ON FUNCTION recfair.embedding_agg_serialize(internal) IS 'serialization of the sum/avg state between parallel workers';
COMMENT ON FUNCTION recfair.embedding_agg_deserialize(bytea, internal) IS 'deserialization of the sum/avg state between parallel workers';
COMMENT ON FUNCTION recfair.embedding_sum_final(internal) IS 'final function of sum(embedding)';
COMMENT ON FUNCTION recfair.embedding_avg_final(internal) IS 'final function of avg(embedding)';
COMMENT ON FUNCTION recfair.recommend_support(internal) IS 'planner support: the set-returning serving functions return k rows';
COMMENT ON SEQUENCE recfair.model_version_seq IS 'versions of recfair.models; every (re)train takes a new one, which invalidates serving caches';
COMMENT ON OPERATOR CLASS recfair.embedding_ops USING btree IS 'btree order of embeddings (dimensions, then values): ORDER BY, DISTINCT, merge joins';
COMMENT ON OPERATOR CLASS recfair.embedding_hash_ops USING hash IS 'hash equality of embeddings: hash joins and hash aggregation';
