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
