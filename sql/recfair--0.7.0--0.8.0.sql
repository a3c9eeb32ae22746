/* recfair 0.7.0 -> 0.8.0: defaults close to tuned */

\echo Use "ALTER EXTENSION recfair UPDATE TO '0.8.0'" to load this file. \quit

/*
 * train()'s regularization defaults to NULL, the algorithm's own default:
 * for als a weighted regularization (lambda times each row's interactions,
 * lambda from the data) with the confidence 1 + alpha log(1 + w/eps), for
 * als_explicit 0.12.  A given
 * regularization keeps its 0.7.0 meaning.  CREATE OR REPLACE keeps the
 * function's grants and dependent objects; only a default changes.
 */
CREATE OR REPLACE FUNCTION recfair.train(
	model text,
	source regclass DEFAULT NULL,
	user_col text DEFAULT 'user_id',
	item_col text DEFAULT 'item_id',
	weight_col text DEFAULT NULL,
	algorithm text DEFAULT 'als',
	factors integer DEFAULT 64,
	iterations integer DEFAULT 15,
	regularization real DEFAULT NULL,
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
	'train (or retrain, atomically) a model from a table or view (source) or a query (source_query); algorithm als (implicit feedback), bpr (pairwise ranking by SGD, iterations = epochs), als_explicit (ratings in weight_col, with biases) or popularity; regularization NULL: the algorithm''s default (als: lambda times each row''s interactions, lambda half the mean of log(1+w/eps), 0.4 for other confidences; als_explicit 0.12; bpr 0.01); items/users register the item and user tables as register_tables does; options (algorithm extras): for als confidence (log: 1+alpha*log(1+w/eps), the default|linear: 1+alpha*w|bm25|alpha*w), alpha (default eps for log, else 1), eps (default about the median weight), weighted_regularization (lambda times each row''s interactions; default true when regularization is NULL), solver (cg|cholesky), cg_steps, engine (memory|aggregates: SQL aggregate queries, on the Citus workers for a distributed source, the default there), work_schema; for bpr learning_rate, sampling (uniform|popularity), sampling_exponent, item_bias, adversarial {method fgsm|pgd|gaussian|sign, eps, weight, steps, start_epoch}';
