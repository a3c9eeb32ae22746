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

/* explain(): why a model scores an item for a user, from the weights each user's seen items had in training */
-- IF NOT EXISTS: on Citus the coordinator propagates this to the workers, whose own update already added it
ALTER TABLE recfair.user_factors ADD COLUMN IF NOT EXISTS seen_weights real[];
COMMENT ON COLUMN recfair.user_factors.seen_weights IS
	'als: the weight of each seen item (in the order of seen) as the confidence took it, 1 + alpha * seen_weights[j] (scaled by the option confidence), which explain() decomposes scores with; NULL for other algorithms and for models trained before 0.8.0';

CREATE FUNCTION recfair.explain(user_id bigint, item_id bigint, model text DEFAULT NULL, k integer DEFAULT 5)
RETURNS TABLE (rank integer, part text, history_item_id bigint, contribution double precision)
AS 'MODULE_PATHNAME', 'recfair_explain' LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION recfair.explain(bigint, bigint, text, integer) IS
	'why the model scores item_id for user_id, as parts that sum to recommend''s score: for als the k history items contributing most (Hu, Koren and Volinsky: confidence times y_i'' W_u y_j, W_u the inverse of the user''s regularised Gram matrix, the weights training used, kept in user_factors.seen_weights), the other items'' sum and the solver residual; for als_explicit the global mean, the biases and the factors'' dot product; for bpr the item bias and the dot product';

/* recommend() and recommend_fair() with the top reason per row; new functions, so that the old ones keep their result columns */
CREATE FUNCTION recfair.recommend_explained(user_id bigint, k integer DEFAULT 10, model text DEFAULT NULL,
											exclude_seen boolean DEFAULT true)
RETURNS TABLE (rank integer, item_id bigint, score real, reason_item_id bigint, reason_contribution double precision)
AS 'MODULE_PATHNAME', 'recfair_recommend_explained' LANGUAGE C STABLE PARALLEL RESTRICTED
ROWS 10 SUPPORT recfair.recommend_support;
COMMENT ON FUNCTION recfair.recommend_explained(bigint, integer, text, boolean) IS
	'recommend''s rows, each with its top reason as explain gives it: the history item contributing most to the score, and its contribution (NULL for models other than als)';

CREATE FUNCTION recfair.recommend_fair_explained(user_id bigint, k integer, group_col text, model text DEFAULT NULL,
												 target text DEFAULT 'equal', strength real DEFAULT 1.0,
												 candidates integer DEFAULT NULL, options jsonb DEFAULT '{}',
												 exclude_seen boolean DEFAULT true, amortized boolean DEFAULT false)
RETURNS TABLE (rank integer, item_id bigint, score real, group_value text, plain_rank bigint, reason_item_id bigint,
			   reason_contribution double precision)
AS 'MODULE_PATHNAME', 'recfair_recommend_fair_explained' LANGUAGE C VOLATILE PARALLEL UNSAFE
ROWS 10 SUPPORT recfair.recommend_support;
COMMENT ON FUNCTION recfair.recommend_fair_explained(bigint, integer, text, text, text, real, integer, jsonb, boolean, boolean) IS
	'recommend_fair''s rows, each with the item''s rank in the plain list (plain_rank - rank: how far the fairness constraint moved it up) and its top reason as explain gives it (NULL for models other than als)';

/* tune(): settings chosen on a validation split */
CREATE FUNCTION recfair.tune(
	model text,
	source regclass DEFAULT NULL,
	user_col text DEFAULT 'user_id',
	item_col text DEFAULT 'item_id',
	weight_col text DEFAULT NULL,
	algorithm text DEFAULT 'als',
	factors integer DEFAULT 64,
	iterations integer DEFAULT 15,
	grid jsonb DEFAULT NULL,
	budget integer DEFAULT NULL,
	metric text DEFAULT NULL,
	k integer DEFAULT 10,
	validation_fraction real DEFAULT 0.2,
	options jsonb DEFAULT '{}',
	seed bigint DEFAULT 42,
	rating_col text DEFAULT NULL,
	relevant_min double precision DEFAULT NULL,
	items regclass DEFAULT NULL,
	item_key text DEFAULT 'item_id',
	users regclass DEFAULT NULL,
	user_key text DEFAULT 'user_id',
	source_query text DEFAULT NULL)
RETURNS TABLE (trial integer, stage text, settings jsonb, value double precision, chosen boolean)
AS 'MODULE_PATHNAME', 'recfair_tune' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION recfair.tune(text, regclass, text, text, text, text, integer, integer, jsonb, integer, text, integer, real, jsonb, bigint, text, double precision, regclass, text, regclass, text, text) IS
	'choose a model''s settings on a validation split of its source (validation_fraction per user, seeded), then train the best on the whole source as model and record the choice in hyperparameters->''tuned''; one row per trial (stage coarse, fine or grid; its settings; the validation metric, ndcg@k by default, rmse for als_explicit) and the final model''s; grid: a jsonb object of arrays (regularization, alpha, factors, confidence, weighted_regularization), by default relative to the data; budget: at most this many trial trainings; trial models and the split live in the transaction and are gone when it returns';

/* cold start from content */
/* Cold start from content: a model's maps from feature vectors to factors (train()'s item_features, user_features). */
CREATE TABLE recfair.feature_maps (
	model text NOT NULL,
	side text NOT NULL CHECK (side IN ('item', 'user')),
	feature_col text NOT NULL,
	map double precision[] NOT NULL,
	regularization double precision NOT NULL,
	trained_rows bigint NOT NULL,
	PRIMARY KEY (model, side)
);
COMMENT ON TABLE recfair.feature_maps IS
	'per model and side, the ridge regression from the registered table''s feature column to the factors (and bias): map is (features + 1) x targets, the intercept''s row last, as feature_map_solve returns; rows with features and no interactions got factors from it';
SELECT pg_catalog.pg_extension_config_dump('recfair.feature_maps', '');

/* Cold start from content: ridge regression from features to factors, as an aggregate */
CREATE FUNCTION recfair.feature_map_accum(double precision[], real[], real[]) RETURNS double precision[]
AS 'MODULE_PATHNAME', 'recfair_feature_map_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION recfair.feature_map_combine(double precision[], double precision[]) RETURNS double precision[]
AS 'MODULE_PATHNAME', 'recfair_feature_map_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION recfair.feature_map_accum(double precision[], real[], real[]) IS 'feature_map''s transition: adds one row''s (features, 1) (features, 1)'' and (features, 1) target''';
COMMENT ON FUNCTION recfair.feature_map_combine(double precision[], double precision[]) IS 'feature_map''s combine: adds two states';
CREATE AGGREGATE recfair.feature_map(features real[], target real[]) (
	SFUNC = recfair.feature_map_accum,
	STYPE = double precision[],
	COMBINEFUNC = recfair.feature_map_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE recfair.feature_map(real[], real[]) IS
	'the normal equations of a ridge regression from feature vectors (with an intercept) to targets (factors, or factors and bias), as {d, t, n, X''X, X''Y}; solve with feature_map_solve';
CREATE FUNCTION recfair.feature_map_solve(state double precision[], regularization double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'recfair_feature_map_solve' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.feature_map_solve(double precision[], double precision) IS
	'the map W of feature_map''s equations, (X''X + regularization D) W = X''Y with D the identity but for the intercept: a (features + 1) x targets array, the intercept''s row last';
CREATE FUNCTION recfair.feature_map_apply(map double precision[], features real[]) RETURNS real[]
AS 'MODULE_PATHNAME', 'recfair_feature_map_apply' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.feature_map_apply(double precision[], real[]) IS
	'the targets a map gives a feature vector: (features, 1) W';

CREATE FUNCTION recfair.add_cold_rows(model text) RETURNS bigint
AS 'MODULE_PATHNAME', 'recfair_add_cold_rows' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION recfair.add_cold_rows(text) IS
	'give the rows added to the model''s registered item and user tables since training, those with features and no factors, factors from the model''s feature maps; returns how many';

/* recommend_fair_batch(): fair lists for a set of users, stateless */
CREATE FUNCTION recfair.recommend_fair_batch(user_ids bigint[], k integer, group_col text, model text DEFAULT NULL,
											 target text DEFAULT 'equal', strength real DEFAULT 1.0,
											 candidates integer DEFAULT NULL, options jsonb DEFAULT '{}',
											 amortized boolean DEFAULT true, fallback text DEFAULT NULL,
											 fallback_segment text DEFAULT NULL)
RETURNS TABLE (user_id bigint, rank integer, item_id bigint, score real, group_value text, fallback boolean)
AS 'MODULE_PATHNAME', 'recfair_recommend_fair_batch' LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION recfair.recommend_fair_batch(bigint[], integer, text, text, text, real, integer, jsonb, boolean, text, text) IS
	'fair top-k lists for a set of users in one call, balanced over the set as amortized mode balances over time but from nothing and storing nothing: deterministic, and runnable read-only (dashboards); users in ascending id order, each once; amortized => false makes each list fair on its own; fallback => ''popularity'' gives users the model does not know the most popular items (within their segment of the registered user table''s column fallback_segment, when given), re-ranked fairly, flagged in the column fallback';

/* Serving rights for a role, in one call: recfair's tables and the models' registered tables. */
CREATE FUNCTION recfair.grant_serving(role regrole, model text DEFAULT NULL, amortized boolean DEFAULT false)
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
								 'recfair.feature_maps TO %s', role)
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
COMMENT ON FUNCTION recfair.grant_serving(regrole, text, boolean) IS
	'grant a role what serving needs (usage on schema recfair, SELECT on its model tables, and on the registered item and user tables of model, or of every model when NULL; with amortized, the amortized state) and return the GRANT statements run; run it as the tables'' owner or a superuser';

/* Retrain a model with the settings it was trained with, any of them overridden. */
CREATE FUNCTION recfair.retrain(model text, source regclass DEFAULT NULL, source_query text DEFAULT NULL,
								algorithm text DEFAULT NULL, factors integer DEFAULT NULL,
								iterations integer DEFAULT NULL, regularization real DEFAULT NULL,
								options jsonb DEFAULT NULL, seed bigint DEFAULT NULL)
RETURNS recfair.models
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
-- no SET search_path: a stored source query runs as train() runs it, with the caller's
AS $$
#variable_conflict use_variable
DECLARE
	m recfair.models;
	h jsonb;
	rel regclass := source;
	query text := source_query;
	algo text;
	opts jsonb;
	result recfair.models;
BEGIN
	IF model IS NULL THEN
		RAISE EXCEPTION 'model must not be NULL' USING ERRCODE = '22004';
	END IF;
	IF source IS NOT NULL AND source_query IS NOT NULL THEN
		RAISE EXCEPTION 'retrain takes a source or a source_query, not both' USING ERRCODE = '22023';
	END IF;
	SELECT * INTO m FROM recfair.models x WHERE x.name OPERATOR(pg_catalog.=) model;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'model "%" does not exist', model USING ERRCODE = '42704',
			HINT = 'SELECT name FROM recfair.models lists the models.';
	END IF;
	h := m.hyperparameters;
	-- the recorded source was chosen by the model's owner: its code (a query's functions, a view's) would
	-- run with the caller's rights, so only a caller whose rights the owner holds may reuse it
	IF rel IS NULL AND query IS NULL AND NOT COALESCE(
			(SELECT pg_catalog.pg_has_role(r.oid, CURRENT_USER, 'USAGE') FROM pg_catalog.pg_roles r
			 WHERE r.rolname OPERATOR(pg_catalog.=) m.owner), false) THEN
		RAISE EXCEPTION 'the source of model "%" was chosen by role %, which does not hold your rights', model, m.owner
			USING ERRCODE = '42501',
			HINT = 'Pass the source yourself: retrain(model, source => ...) or source_query => ....';
	END IF;
	IF rel IS NULL AND query IS NULL THEN
		-- the recorded source: a relation (schema-qualified, quoted) or the text of a query
		BEGIN
			PERFORM pg_catalog.parse_ident(m.source);
		EXCEPTION WHEN invalid_parameter_value THEN
			query := m.source;		-- not a name
		END;
		IF query IS NULL THEN
			rel := pg_catalog.to_regclass(m.source);
			IF rel IS NULL THEN
				RAISE EXCEPTION 'the source % of model "%" no longer exists', m.source, model USING ERRCODE = '42P01',
					HINT = 'Pass source => ... (or source_query => ...).';
			END IF;
		END IF;
	END IF;
	algo := COALESCE(algorithm, m.algorithm);
	-- the recorded settings but those passed as arguments; none of the algorithm's if it changes
	opts := CASE WHEN algo OPERATOR(pg_catalog.=) m.algorithm
			THEN h OPERATOR(pg_catalog.-) ARRAY['factors', 'iterations', 'regularization', 'seed', 'user_col',
												 'item_col', 'weight_col']::pg_catalog.text[]
			ELSE '{}'::pg_catalog.jsonb END
		OPERATOR(pg_catalog.||) COALESCE(options, '{}'::pg_catalog.jsonb);
	SELECT * INTO result FROM recfair.train(model, rel,
		user_col => h OPERATOR(pg_catalog.->>) 'user_col',
		item_col => h OPERATOR(pg_catalog.->>) 'item_col',
		weight_col => h OPERATOR(pg_catalog.->>) 'weight_col',
		algorithm => algo,
		factors => COALESCE(factors, m.factors),
		iterations => COALESCE(iterations, (h OPERATOR(pg_catalog.->>) 'iterations')::pg_catalog.int4),
		regularization => COALESCE(regularization,
			CASE WHEN algo OPERATOR(pg_catalog.=) m.algorithm
				THEN (h OPERATOR(pg_catalog.->>) 'regularization')::pg_catalog.float4 END),
		options => opts,
		seed => COALESCE(seed, (h OPERATOR(pg_catalog.->>) 'seed')::pg_catalog.int8),
		source_query => query);
	RETURN result;
END
$$;
COMMENT ON FUNCTION recfair.retrain(text, regclass, text, text, integer, integer, real, jsonb, bigint) IS
	'retrain a model with the settings it was trained with (its source, columns, algorithm, hyperparameters and registered tables), any of them overridden: a new source, algorithm, factors, iterations, regularization, seed, or options merged over the recorded ones';

/* evaluate_per_user(): evaluate's metrics per user */
CREATE FUNCTION recfair.evaluate_per_user(model text, test regclass DEFAULT NULL, k integer DEFAULT 10, options jsonb DEFAULT '{}',
								 user_col text DEFAULT NULL, item_col text DEFAULT NULL, rating_col text DEFAULT NULL,
								 relevant_min double precision DEFAULT NULL, group_col text DEFAULT NULL,
								 fair boolean DEFAULT false, target text DEFAULT 'equal', strength real DEFAULT 1.0,
								 candidates integer DEFAULT NULL, amortized boolean DEFAULT false,
								 user_group_col text DEFAULT NULL, test_query text DEFAULT NULL)
RETURNS TABLE (user_id bigint, user_group text, metric text, value double precision)
AS 'MODULE_PATHNAME', 'recfair_evaluate_per_user' LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION recfair.evaluate_per_user(text, regclass, integer, jsonb, text, text, text, double precision, text, boolean, text, real, integer, boolean, text, text) IS
	'evaluate''s ranking metrics per evaluated user (precision, recall, ndcg, map and hit_rate at k), one row per user and metric, with the user''s group when user_group_col is given: for distributions, confidence intervals and segments in a BI tool; the arguments are evaluate''s (group_col and fair make the lists fair as there)';

/*
 * Amortized state keyed by model version and target: a retrain (a new
 * version) or another target starts afresh.  Rows from before have
 * version 0 and an empty target, which no call reads.
 */
ALTER TABLE recfair.fair_exposure ADD COLUMN version bigint NOT NULL DEFAULT 0, ADD COLUMN target text NOT NULL DEFAULT '';
ALTER TABLE recfair.fair_exposure ALTER COLUMN version DROP DEFAULT, ALTER COLUMN target DROP DEFAULT;
ALTER TABLE recfair.fair_exposure DROP CONSTRAINT fair_exposure_model_group_col_group_value_shard_key;
ALTER TABLE recfair.fair_exposure ADD CONSTRAINT fair_exposure_key
	UNIQUE NULLS NOT DISTINCT (model, version, group_col, target, group_value, shard);
COMMENT ON TABLE recfair.fair_exposure IS
	'cumulative exposure of amortized recommend_fair calls, one row per (model version, group column, target, group value, backend slot) so that sessions never wait on each other, and a retrain or another target starts afresh; read recfair.fair_exposure_state';
CREATE OR REPLACE VIEW recfair.fair_exposure_state AS
SELECT f.model, f.group_col, f.group_value, sum(f.exposure) AS exposure,
	sum(f.exposure) / nullif(sum(sum(f.exposure)) OVER (PARTITION BY f.model, f.group_col, f.target), 0) AS share,
	sum(f.plain_exposure) / nullif(sum(sum(f.plain_exposure)) OVER (PARTITION BY f.model, f.group_col, f.target), 0) AS plain_share,
	f.target
FROM recfair.fair_exposure f JOIN recfair.models m ON m.name = f.model AND m.version = f.version
GROUP BY f.model, f.group_col, f.target, f.group_value;
COMMENT ON VIEW recfair.fair_exposure_state IS
	'amortized mode''s state of each model''s current version, per group column, target and group: exposure so far, its share, and the share the plain lists would have had';

/* split(): method time_global, options group_col and cut */
COMMENT ON FUNCTION recfair.split(regclass, text, real, text, jsonb, text, text, text, bigint, text) IS
	'create <target_prefix>_train and <target_prefix>_test from a table or view (source) or a query (source => NULL, source_query => ...): method random (per user, round(n * test_fraction) at random, seeded, at most n - 1), time (each user''s latest by time_col) or time_global (one cut in time for everyone: options cut, or the 1 - test_fraction quantile); options group_col keeps a group''s rows (an order''s lines) on one side';

/* recommend_fair_for_items(): fair lists for anonymous baskets */
CREATE FUNCTION recfair.recommend_fair_for_items(item_ids bigint[], k integer, group_col text, model text DEFAULT NULL,
												 target text DEFAULT 'equal', strength real DEFAULT 1.0,
												 candidates integer DEFAULT NULL, options jsonb DEFAULT '{}',
												 amortized boolean DEFAULT false)
RETURNS TABLE (rank integer, item_id bigint, score real, group_value text)
AS 'MODULE_PATHNAME', 'recfair_recommend_fair_for_items' LANGUAGE C VOLATILE PARALLEL UNSAFE
ROWS 10 SUPPORT recfair.recommend_support;
COMMENT ON FUNCTION recfair.recommend_fair_for_items(bigint[], integer, text, text, text, real, integer, jsonb, boolean) IS
	'top-k items for an anonymous basket (folded in as recommend_for_items does), re-ranked as recommend_fair re-ranks a user''s list (per list, or amortized)';

/* drop_split(): the tables split() made */
CREATE FUNCTION recfair.drop_split(target_prefix text) RETURNS SETOF text
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
-- no SET search_path: an unqualified prefix names the tables as split() made them, in the caller's path
AS $$
DECLARE
	names text[] := pg_catalog.parse_ident(target_prefix);
	suffix text;
	t regclass;
	dropped boolean := false;
BEGIN
	IF pg_catalog.cardinality(names) OPERATOR(pg_catalog.>) 2 THEN
		RAISE EXCEPTION 'invalid prefix "%"', target_prefix USING ERRCODE = '42602',
			HINT = 'Use a table name prefix, optionally qualified with a schema.';
	END IF;
	FOREACH suffix IN ARRAY ARRAY['train', 'test']::pg_catalog.text[] LOOP
		t := pg_catalog.to_regclass(CASE WHEN pg_catalog.cardinality(names) OPERATOR(pg_catalog.=) 2
			THEN pg_catalog.format('%I.%I', names[1], pg_catalog.concat(names[2], '_', suffix))
			ELSE pg_catalog.format('%I', pg_catalog.concat(names[1], '_', suffix)) END);
		IF t IS NOT NULL THEN
			RETURN NEXT t::pg_catalog.text;
			EXECUTE pg_catalog.format('DROP TABLE %s', t);
			dropped := true;
		END IF;
	END LOOP;
	IF NOT dropped THEN
		RAISE EXCEPTION 'there are no split tables %_train or %_test', target_prefix, target_prefix USING ERRCODE = '42P01';
	END IF;
END
$$;
COMMENT ON FUNCTION recfair.drop_split(text) IS
	'drop the tables split() made for target_prefix (<target_prefix>_train and <target_prefix>_test), returning their names; as their owner';
