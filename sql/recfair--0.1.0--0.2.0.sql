/* recfair 0.1.0 -> 0.2.0: model store, implicit ALS training, serving */

\echo Use "ALTER EXTENSION recfair UPDATE TO '0.2.0'" to load this file. \quit

/*
 * Model store: a model is a row of recfair.models plus its factor rows.
 * Retraining replaces the rows inside the training transaction, so other
 * sessions keep reading the old model until it commits.
 */
CREATE SEQUENCE recfair.model_version_seq;

CREATE TABLE recfair.models (
	name text PRIMARY KEY CHECK (name <> ''),
	algorithm text NOT NULL,
	hyperparameters jsonb NOT NULL,
	factors integer NOT NULL,
	users bigint NOT NULL,
	items bigint NOT NULL,
	interactions bigint NOT NULL,
	source text NOT NULL,
	user_table text,
	user_key text,
	item_table text,
	item_key text,
	training_seconds double precision NOT NULL,
	loss double precision[] NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	trained_at timestamptz NOT NULL DEFAULT now(),
	version bigint NOT NULL DEFAULT nextval('recfair.model_version_seq')
);
COMMENT ON TABLE recfair.models IS
	'one row per trained model: algorithm, hyperparameters, sizes, registered user and item tables, loss per iteration; version changes on every retrain';

CREATE TABLE recfair.user_factors (
	model text NOT NULL,
	user_id bigint NOT NULL,
	factors recfair.embedding NOT NULL,
	bias real,
	seen bigint[] NOT NULL,
	PRIMARY KEY (model, user_id)
);
COMMENT ON TABLE recfair.user_factors IS
	'user factors of each model, with the items the user interacted with in training (seen), which recommend() excludes';

CREATE TABLE recfair.item_factors (
	model text NOT NULL,
	item_id bigint NOT NULL,
	factors recfair.embedding NOT NULL,
	bias real,
	PRIMARY KEY (model, item_id)
);
COMMENT ON TABLE recfair.item_factors IS 'item factors of each model';

-- Models are user data: pg_dump dumps their rows with the extension.
SELECT pg_catalog.pg_extension_config_dump('recfair.models', '');
SELECT pg_catalog.pg_extension_config_dump('recfair.user_factors', '');
SELECT pg_catalog.pg_extension_config_dump('recfair.item_factors', '');
SELECT pg_catalog.pg_extension_config_dump('recfair.model_version_seq', '');

/*
 * Training
 */
CREATE FUNCTION recfair.train(
	model text,
	source text,
	user_col text DEFAULT 'user_id',
	item_col text DEFAULT 'item_id',
	weight_col text DEFAULT NULL,
	algorithm text DEFAULT 'als',
	factors integer DEFAULT 64,
	iterations integer DEFAULT 15,
	regularization real DEFAULT 0.01,
	options jsonb DEFAULT '{}')
RETURNS recfair.models
AS 'MODULE_PATHNAME', 'recfair_train' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION recfair.train(text, text, text, text, text, text, integer, integer, real, jsonb) IS
	'train (or retrain, atomically) a model from a table, view or query of interactions; options: alpha, solver (cg|cholesky), cg_steps, seed, items, item_key, users, user_key';

CREATE FUNCTION recfair.drop_model(model text) RETURNS boolean
AS 'MODULE_PATHNAME', 'recfair_drop_model' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION recfair.drop_model(text) IS
	'delete a model and its factors; false if there was no such model';

/*
 * Serving
 */
CREATE FUNCTION recfair.recommend_support(internal) RETURNS internal
AS 'MODULE_PATHNAME', 'recfair_recommend_support' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION recfair.recommend(user_id bigint, k integer DEFAULT 10, model text DEFAULT NULL,
								  exclude_seen boolean DEFAULT true)
RETURNS TABLE (rank integer, item_id bigint, score real)
AS 'MODULE_PATHNAME', 'recfair_recommend' LANGUAGE C STABLE PARALLEL RESTRICTED
ROWS 10 SUPPORT recfair.recommend_support;
COMMENT ON FUNCTION recfair.recommend(bigint, integer, text, boolean) IS
	'top-k items for a user, best first; items seen in training excluded unless exclude_seen is false; an unknown user gets no rows';

CREATE FUNCTION recfair.similar_items(item_id bigint, k integer DEFAULT 10, model text DEFAULT NULL)
RETURNS TABLE (rank integer, item_id bigint, score real)
AS 'MODULE_PATHNAME', 'recfair_similar_items' LANGUAGE C STABLE PARALLEL RESTRICTED
ROWS 10 SUPPORT recfair.recommend_support;
COMMENT ON FUNCTION recfair.similar_items(bigint, integer, text) IS
	'the k items most similar to an item by cosine similarity of their factors';

CREATE FUNCTION recfair.recommend_for_items(item_ids bigint[], k integer DEFAULT 10, model text DEFAULT NULL)
RETURNS TABLE (rank integer, item_id bigint, score real)
AS 'MODULE_PATHNAME', 'recfair_recommend_for_items' LANGUAGE C STABLE PARALLEL RESTRICTED
ROWS 10 SUPPORT recfair.recommend_support;
COMMENT ON FUNCTION recfair.recommend_for_items(bigint[], integer, text) IS
	'top-k items for an anonymous basket: a user vector is folded in from the basket as ALS would, and the basket is excluded';
