/* recfair 0.2.0 -> 0.3.0: dataset generator, evaluation, more algorithms, fair re-ranking */

\echo Use "ALTER EXTENSION recfair UPDATE TO '0.3.0'" to load this file. \quit

COMMENT ON FUNCTION recfair.train(text, text, text, text, text, text, integer, integer, real, jsonb) IS
	'train (or retrain, atomically) a model from a table, view or query of interactions; options: alpha, confidence (1+alpha*w|alpha*w), solver (cg|cholesky), cg_steps, seed, items, item_key, users, user_key';

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
