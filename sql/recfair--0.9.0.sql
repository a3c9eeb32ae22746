/*
 * recfair 0.9.0: the whole API, installed directly.
 *
 * CREATE EXTENSION recfair runs this script alone.  A database on an older
 * version gets the same objects from ALTER EXTENSION recfair UPDATE, which
 * runs the released scripts recfair--0.1.0.sql and recfair--A--B.sql (those
 * are never edited); test/sql/install_vs_upgrade.sql checks that both ways
 * end with identical objects.  A change to the API goes into the next
 * version's update script and into the next version's copy of this one.
 *
 * Sections: the embedding type; its arithmetic, distances and operators;
 * comparison and operator classes; sum and avg; the idset type; build
 * diagnostics; the model store; training; serving; datasets and
 * evaluation; fair exposure.
 */

\echo Use "CREATE EXTENSION recfair" to load this file. \quit

/*
 * Type recfair.embedding: a dense float4 vector
 */
CREATE TYPE recfair.embedding;

CREATE FUNCTION recfair.embedding_in(cstring, oid, integer) RETURNS recfair.embedding
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.embedding_in(cstring, oid, integer) IS 'embedding input: text form [x1,x2,...]';
CREATE FUNCTION recfair.embedding_out(recfair.embedding) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.embedding_out(recfair.embedding) IS 'embedding output: the shortest text that reads back to the same float4 values';
CREATE FUNCTION recfair.embedding_typmod_in(cstring[]) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.embedding_typmod_in(cstring[]) IS 'embedding(n) type modifier: the number of dimensions, 1 to 16000';
CREATE FUNCTION recfair.embedding_recv(internal, oid, integer) RETURNS recfair.embedding
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.embedding_recv(internal, oid, integer) IS 'embedding binary input: int16 dimensions, int16 zero, float4 values';
CREATE FUNCTION recfair.embedding_send(recfair.embedding) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.embedding_send(recfair.embedding) IS 'embedding binary output: int16 dimensions, int16 zero, float4 values';

CREATE TYPE recfair.embedding (
	INPUT = recfair.embedding_in,
	OUTPUT = recfair.embedding_out,
	TYPMOD_IN = recfair.embedding_typmod_in,
	RECEIVE = recfair.embedding_recv,
	SEND = recfair.embedding_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = external
);
COMMENT ON TYPE recfair.embedding IS
	'dense vector of real (float4), written [0.1,-2,3.5]; embedding(n) fixes the dimensions (1 to 16000)';

/* Casts: the typmod coercion, and to and from real[] and double precision[] */
CREATE FUNCTION recfair.embedding(recfair.embedding, integer, boolean) RETURNS recfair.embedding
	AS 'MODULE_PATHNAME', 'embedding_coerce' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.embedding(recfair.embedding, integer, boolean) IS
	'checks that an embedding has the dimensions of the type modifier (the length coercion of embedding(n))';
CREATE FUNCTION recfair.array_to_embedding(real[], integer, boolean) RETURNS recfair.embedding
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.array_to_embedding(real[], integer, boolean) IS
	'cast real[] to embedding: one-dimensional, no NULL, NaN or infinite elements';
CREATE FUNCTION recfair.array_to_embedding(double precision[], integer, boolean) RETURNS recfair.embedding
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.array_to_embedding(double precision[], integer, boolean) IS
	'cast double precision[] to embedding: one-dimensional, no NULL, NaN, infinite or out-of-range elements';
CREATE FUNCTION recfair.embedding_to_float4_array(recfair.embedding) RETURNS real[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.embedding_to_float4_array(recfair.embedding) IS
	'cast embedding to real[] (exact)';
CREATE FUNCTION recfair.embedding_to_float8_array(recfair.embedding) RETURNS double precision[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.embedding_to_float8_array(recfair.embedding) IS
	'cast embedding to double precision[] (exact)';

CREATE CAST (recfair.embedding AS recfair.embedding)
	WITH FUNCTION recfair.embedding(recfair.embedding, integer, boolean) AS IMPLICIT;
CREATE CAST (real[] AS recfair.embedding)
	WITH FUNCTION recfair.array_to_embedding(real[], integer, boolean) AS ASSIGNMENT;
CREATE CAST (double precision[] AS recfair.embedding)
	WITH FUNCTION recfair.array_to_embedding(double precision[], integer, boolean) AS ASSIGNMENT;
CREATE CAST (recfair.embedding AS real[])
	WITH FUNCTION recfair.embedding_to_float4_array(recfair.embedding) AS ASSIGNMENT;
CREATE CAST (recfair.embedding AS double precision[])
	WITH FUNCTION recfair.embedding_to_float8_array(recfair.embedding) AS ASSIGNMENT;

/*
 * Embedding functions, distances and arithmetic, and their operators
 */
CREATE FUNCTION recfair.dims(recfair.embedding) RETURNS integer
	AS 'MODULE_PATHNAME', 'embedding_dims' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.dims(recfair.embedding) IS 'number of dimensions';
CREATE FUNCTION recfair.norm(recfair.embedding) RETURNS double precision
	AS 'MODULE_PATHNAME', 'embedding_norm' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.norm(recfair.embedding) IS 'Euclidean (L2) norm';
CREATE FUNCTION recfair.normalize(recfair.embedding) RETURNS recfair.embedding
	AS 'MODULE_PATHNAME', 'embedding_normalize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.normalize(recfair.embedding) IS
	'the embedding scaled to unit Euclidean norm; the zero embedding is returned unchanged. Call it as recfair.normalize(e): a bare normalize(...) is SQL syntax for Unicode normalization';
CREATE FUNCTION recfair.l2_normalize(recfair.embedding) RETURNS recfair.embedding
	AS 'MODULE_PATHNAME', 'embedding_normalize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.l2_normalize(recfair.embedding) IS
	'the embedding scaled to unit Euclidean norm, as pgvector''s l2_normalize; the same as recfair.normalize';
CREATE FUNCTION recfair.inner_product(recfair.embedding, recfair.embedding) RETURNS double precision
	AS 'MODULE_PATHNAME', 'embedding_inner_product' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.inner_product(recfair.embedding, recfair.embedding) IS
	'inner (dot) product, summed in double precision';
CREATE FUNCTION recfair.negative_inner_product(recfair.embedding, recfair.embedding) RETURNS double precision
	AS 'MODULE_PATHNAME', 'embedding_negative_inner_product' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.negative_inner_product(recfair.embedding, recfair.embedding) IS
	'minus the inner product (operator <#>), so that ascending order puts the best match first';
CREATE FUNCTION recfair.cosine_similarity(recfair.embedding, recfair.embedding) RETURNS double precision
	AS 'MODULE_PATHNAME', 'embedding_cosine_similarity' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.cosine_similarity(recfair.embedding, recfair.embedding) IS
	'cosine similarity in [-1, 1]; NaN when either embedding is zero';
CREATE FUNCTION recfair.cosine_distance(recfair.embedding, recfair.embedding) RETURNS double precision
	AS 'MODULE_PATHNAME', 'embedding_cosine_distance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.cosine_distance(recfair.embedding, recfair.embedding) IS
	'1 - cosine similarity (operator <=>), in [0, 2]; NaN when either embedding is zero';
CREATE FUNCTION recfair.l2_distance(recfair.embedding, recfair.embedding) RETURNS double precision
	AS 'MODULE_PATHNAME', 'embedding_l2_distance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.l2_distance(recfair.embedding, recfair.embedding) IS
	'Euclidean distance (operator <->)';
CREATE FUNCTION recfair.embedding_add(recfair.embedding, recfair.embedding) RETURNS recfair.embedding
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.embedding_add(recfair.embedding, recfair.embedding) IS
	'element-wise sum (operator +)';
CREATE FUNCTION recfair.embedding_sub(recfair.embedding, recfair.embedding) RETURNS recfair.embedding
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.embedding_sub(recfair.embedding, recfair.embedding) IS
	'element-wise difference (operator -)';
CREATE FUNCTION recfair.embedding_mul(recfair.embedding, real) RETURNS recfair.embedding
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.embedding_mul(recfair.embedding, real) IS
	'embedding times a scalar (operator *)';
CREATE FUNCTION recfair.scalar_embedding_mul(real, recfair.embedding) RETURNS recfair.embedding
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.scalar_embedding_mul(real, recfair.embedding) IS
	'scalar times an embedding (operator *)';

CREATE OPERATOR recfair.<#> (
	LEFTARG = recfair.embedding, RIGHTARG = recfair.embedding,
	FUNCTION = recfair.negative_inner_product, COMMUTATOR = OPERATOR(recfair.<#>)
);
COMMENT ON OPERATOR recfair.<#> (recfair.embedding, recfair.embedding) IS
	'negative inner product: ORDER BY a <#> b puts the largest inner product first';
CREATE OPERATOR recfair.<=> (
	LEFTARG = recfair.embedding, RIGHTARG = recfair.embedding,
	FUNCTION = recfair.cosine_distance, COMMUTATOR = OPERATOR(recfair.<=>)
);
COMMENT ON OPERATOR recfair.<=> (recfair.embedding, recfair.embedding) IS 'cosine distance';
CREATE OPERATOR recfair.<-> (
	LEFTARG = recfair.embedding, RIGHTARG = recfair.embedding,
	FUNCTION = recfair.l2_distance, COMMUTATOR = OPERATOR(recfair.<->)
);
COMMENT ON OPERATOR recfair.<-> (recfair.embedding, recfair.embedding) IS 'Euclidean distance';
CREATE OPERATOR recfair.+ (
	LEFTARG = recfair.embedding, RIGHTARG = recfair.embedding,
	FUNCTION = recfair.embedding_add, COMMUTATOR = OPERATOR(recfair.+)
);
COMMENT ON OPERATOR recfair.+ (recfair.embedding, recfair.embedding) IS 'element-wise sum';
CREATE OPERATOR recfair.- (
	LEFTARG = recfair.embedding, RIGHTARG = recfair.embedding,
	FUNCTION = recfair.embedding_sub
);
COMMENT ON OPERATOR recfair.- (recfair.embedding, recfair.embedding) IS 'element-wise difference';
CREATE OPERATOR recfair.* (
	LEFTARG = recfair.embedding, RIGHTARG = real,
	FUNCTION = recfair.embedding_mul, COMMUTATOR = OPERATOR(recfair.*)
);
COMMENT ON OPERATOR recfair.* (recfair.embedding, real) IS 'embedding times a scalar';
CREATE OPERATOR recfair.* (
	LEFTARG = real, RIGHTARG = recfair.embedding,
	FUNCTION = recfair.scalar_embedding_mul, COMMUTATOR = OPERATOR(recfair.*)
);
COMMENT ON OPERATOR recfair.* (real, recfair.embedding) IS 'scalar times an embedding';

/*
 * Embedding comparison: = and <>, and a total order so that DISTINCT,
 * GROUP BY, UNION, ORDER BY and hash joins work on embeddings
 */
CREATE FUNCTION recfair.embedding_eq(recfair.embedding, recfair.embedding) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.embedding_eq(recfair.embedding, recfair.embedding) IS 'support of operator =: same dimensions and values';
CREATE FUNCTION recfair.embedding_ne(recfair.embedding, recfair.embedding) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.embedding_ne(recfair.embedding, recfair.embedding) IS 'support of operator <>';
CREATE FUNCTION recfair.embedding_lt(recfair.embedding, recfair.embedding) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.embedding_lt(recfair.embedding, recfair.embedding) IS 'support of operator < of the btree order (dimensions, then values)';
CREATE FUNCTION recfair.embedding_le(recfair.embedding, recfair.embedding) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.embedding_le(recfair.embedding, recfair.embedding) IS 'support of operator <= of the btree order';
CREATE FUNCTION recfair.embedding_gt(recfair.embedding, recfair.embedding) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.embedding_gt(recfair.embedding, recfair.embedding) IS 'support of operator > of the btree order';
CREATE FUNCTION recfair.embedding_ge(recfair.embedding, recfair.embedding) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.embedding_ge(recfair.embedding, recfair.embedding) IS 'support of operator >= of the btree order';
CREATE FUNCTION recfair.embedding_cmp(recfair.embedding, recfair.embedding) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.embedding_cmp(recfair.embedding, recfair.embedding) IS 'btree comparison: -1, 0 or 1';
CREATE FUNCTION recfair.embedding_hash(recfair.embedding) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.embedding_hash(recfair.embedding) IS 'hash support (hash joins, GROUP BY, DISTINCT)';

CREATE OPERATOR recfair.= (
	LEFTARG = recfair.embedding, RIGHTARG = recfair.embedding, FUNCTION = recfair.embedding_eq,
	COMMUTATOR = OPERATOR(recfair.=), NEGATOR = OPERATOR(recfair.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
COMMENT ON OPERATOR recfair.= (recfair.embedding, recfair.embedding) IS
	'same dimensions and equal elements (-0 equals 0)';
CREATE OPERATOR recfair.<> (
	LEFTARG = recfair.embedding, RIGHTARG = recfair.embedding, FUNCTION = recfair.embedding_ne,
	COMMUTATOR = OPERATOR(recfair.<>), NEGATOR = OPERATOR(recfair.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR recfair.<> (recfair.embedding, recfair.embedding) IS 'not equal';
CREATE OPERATOR recfair.< (
	LEFTARG = recfair.embedding, RIGHTARG = recfair.embedding, FUNCTION = recfair.embedding_lt,
	COMMUTATOR = OPERATOR(recfair.>), NEGATOR = OPERATOR(recfair.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR recfair.< (recfair.embedding, recfair.embedding) IS
	'less than, element by element, then by dimensions';
CREATE OPERATOR recfair.<= (
	LEFTARG = recfair.embedding, RIGHTARG = recfair.embedding, FUNCTION = recfair.embedding_le,
	COMMUTATOR = OPERATOR(recfair.>=), NEGATOR = OPERATOR(recfair.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR recfair.<= (recfair.embedding, recfair.embedding) IS 'less than or equal';
CREATE OPERATOR recfair.> (
	LEFTARG = recfair.embedding, RIGHTARG = recfair.embedding, FUNCTION = recfair.embedding_gt,
	COMMUTATOR = OPERATOR(recfair.<), NEGATOR = OPERATOR(recfair.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR recfair.> (recfair.embedding, recfair.embedding) IS 'greater than';
CREATE OPERATOR recfair.>= (
	LEFTARG = recfair.embedding, RIGHTARG = recfair.embedding, FUNCTION = recfair.embedding_ge,
	COMMUTATOR = OPERATOR(recfair.<=), NEGATOR = OPERATOR(recfair.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR recfair.>= (recfair.embedding, recfair.embedding) IS 'greater than or equal';

CREATE OPERATOR CLASS recfair.embedding_ops DEFAULT FOR TYPE recfair.embedding USING btree AS
	OPERATOR 1 recfair.<,
	OPERATOR 2 recfair.<=,
	OPERATOR 3 recfair.=,
	OPERATOR 4 recfair.>=,
	OPERATOR 5 recfair.>,
	FUNCTION 1 recfair.embedding_cmp(recfair.embedding, recfair.embedding);
COMMENT ON OPERATOR CLASS recfair.embedding_ops USING btree IS 'btree order of embeddings (dimensions, then values): ORDER BY, DISTINCT, merge joins';
CREATE OPERATOR CLASS recfair.embedding_hash_ops DEFAULT FOR TYPE recfair.embedding USING hash AS
	OPERATOR 1 recfair.=,
	FUNCTION 1 recfair.embedding_hash(recfair.embedding);
COMMENT ON OPERATOR CLASS recfair.embedding_hash_ops USING hash IS 'hash equality of embeddings: hash joins and hash aggregation';

/*
 * Aggregates sum and avg of embeddings: a double precision[] state {count,
 * sums}, so that parallel query and Citus workers aggregate partially
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

CREATE AGGREGATE recfair.sum(recfair.embedding) (
	SFUNC = recfair.embedding_agg_accum_array,
	STYPE = double precision[],
	FINALFUNC = recfair.embedding_sum_final_array,
	COMBINEFUNC = recfair.embedding_agg_combine_array,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE recfair.sum(recfair.embedding) IS
	'element-wise sum, accumulated in double precision; NULL inputs are ignored';
CREATE AGGREGATE recfair.avg(recfair.embedding) (
	SFUNC = recfair.embedding_agg_accum_array,
	STYPE = double precision[],
	FINALFUNC = recfair.embedding_avg_final_array,
	COMBINEFUNC = recfair.embedding_agg_combine_array,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE recfair.avg(recfair.embedding) IS
	'element-wise mean, accumulated in double precision; NULL inputs are ignored';

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
CREATE FUNCTION recfair.als_fit(normal double precision[], x recfair.embedding)
	RETURNS double precision
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.als_fit(double precision[], recfair.embedding) IS
	'x''A x - 2 x''b of als_normal''s equations: plus the sum of the confidences, the weighted squared error of solution x over the entity''s observed cells';

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

/*
 * Type recfair.idset: the items a user saw in training, sorted and
 * delta-coded (about two bytes per id instead of eight; src/idset.c).  It
 * reads and prints like a bigint array and casts to and from bigint[].
 * Its storage is external: seen ids compress poorly, and compressing them
 * took an eighth of the time of writing a model.
 */
CREATE TYPE recfair.idset;

CREATE FUNCTION recfair.idset_in(cstring) RETURNS recfair.idset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.idset_in(cstring) IS 'text input of recfair.idset: a bigint array literal, sorted and deduplicated';
CREATE FUNCTION recfair.idset_out(recfair.idset) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.idset_out(recfair.idset) IS 'text output of recfair.idset: {id,id,...} ascending';
CREATE FUNCTION recfair.idset_recv(internal) RETURNS recfair.idset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.idset_recv(internal) IS 'binary input of recfair.idset: int4 count, then int8 ids';
CREATE FUNCTION recfair.idset_send(recfair.idset) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.idset_send(recfair.idset) IS 'binary output of recfair.idset: int4 count, then int8 ids ascending';

CREATE TYPE recfair.idset (
	INPUT = recfair.idset_in,
	OUTPUT = recfair.idset_out,
	RECEIVE = recfair.idset_recv,
	SEND = recfair.idset_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = external
);
COMMENT ON TYPE recfair.idset IS
	'set of bigint ids stored sorted and delta-coded, written like a bigint array {3,17,42}; casts to and from bigint[]';

CREATE FUNCTION recfair.idset(bigint[]) RETURNS recfair.idset
	AS 'MODULE_PATHNAME', 'idset_from_int8_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.idset(bigint[]) IS 'the set of the ids of a bigint array (sorted, duplicates dropped; NULL elements are an error)';
CREATE FUNCTION recfair.ids(recfair.idset) RETURNS bigint[]
	AS 'MODULE_PATHNAME', 'idset_to_int8_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.ids(recfair.idset) IS 'the ids of a set as a bigint array, ascending';
CREATE FUNCTION recfair.cardinality(recfair.idset) RETURNS integer
	AS 'MODULE_PATHNAME', 'idset_cardinality' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.cardinality(recfair.idset) IS 'the number of ids in a set';
CREATE CAST (bigint[] AS recfair.idset) WITH FUNCTION recfair.idset(bigint[]) AS ASSIGNMENT;
CREATE CAST (recfair.idset AS bigint[]) WITH FUNCTION recfair.ids(recfair.idset) AS ASSIGNMENT;

CREATE FUNCTION recfair.idset_eq(recfair.idset, recfair.idset) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.idset_eq(recfair.idset, recfair.idset) IS 'implementation of = for recfair.idset';
CREATE FUNCTION recfair.idset_ne(recfair.idset, recfair.idset) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.idset_ne(recfair.idset, recfair.idset) IS 'implementation of <> for recfair.idset';
CREATE OPERATOR recfair.= (
	LEFTARG = recfair.idset, RIGHTARG = recfair.idset, FUNCTION = recfair.idset_eq,
	COMMUTATOR = OPERATOR(recfair.=), NEGATOR = OPERATOR(recfair.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel
);
COMMENT ON OPERATOR recfair.= (recfair.idset, recfair.idset) IS 'the two sets hold the same ids';
CREATE OPERATOR recfair.<> (
	LEFTARG = recfair.idset, RIGHTARG = recfair.idset, FUNCTION = recfair.idset_ne,
	COMMUTATOR = OPERATOR(recfair.<>), NEGATOR = OPERATOR(recfair.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR recfair.<> (recfair.idset, recfair.idset) IS 'the two sets differ';

/*
 * Diagnostics
 */
CREATE FUNCTION recfair.build_info() RETURNS jsonb
	AS 'MODULE_PATHNAME', 'recfair_build_info' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION recfair.build_info() IS
	'versions of recfair and PostgreSQL, and the OpenBLAS build, CPU kernels and threads this backend uses';

/*
 * Model store: a model is a row of recfair.models plus its factor rows.
 * Retraining replaces the rows inside the training transaction, so other
 * sessions keep reading the old model until it commits.
 *
 * A model belongs to the role that first trained it; only that role (or a
 * member of it, or a superuser) retrains, drops or re-registers it
 * (docs/security.md).  The owner is stored by name, not as an OID or
 * regrole, so that a dump restores into a cluster where the role is
 * missing or has another OID.  It is the last column, as in a database
 * updated from 0.4.0, so that SELECT * gives the same columns either way.
 */
CREATE SEQUENCE recfair.model_version_seq;
COMMENT ON SEQUENCE recfair.model_version_seq IS 'versions of recfair.models; every (re)train takes a new one, which invalidates serving caches';

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
	version bigint NOT NULL DEFAULT nextval('recfair.model_version_seq'),
	owner name NOT NULL DEFAULT CURRENT_USER
);
COMMENT ON TABLE recfair.models IS
	'one row per trained model: algorithm, hyperparameters, sizes, registered user and item tables, loss per iteration; version changes on every retrain';
COMMENT ON COLUMN recfair.models.owner IS
	'the role that first trained the model: it, its members and superusers may retrain, drop or re-register it';

CREATE TABLE recfair.user_factors (
	model text NOT NULL,
	user_id bigint NOT NULL,
	factors recfair.embedding NOT NULL,
	bias real,
	seen recfair.idset NOT NULL,
	seen_weights real[],
	PRIMARY KEY (model, user_id)
);
COMMENT ON TABLE recfair.user_factors IS
	'user factors of each model, with the items the user interacted with in training (seen), which recommend() excludes';
COMMENT ON COLUMN recfair.user_factors.seen IS
	'the items the user interacted with in training, which recommend() excludes (cast to bigint[] to read them as an array)';
COMMENT ON COLUMN recfair.user_factors.seen_weights IS
	'als: the weight of each seen item (in the order of seen) as the confidence took it, 1 + alpha * seen_weights[j] (scaled by the option confidence), which explain() decomposes scores with; NULL for other algorithms and for models trained before 0.8.0';

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

/* The lock train() and drop_model() take, for register_tables(). */
CREATE FUNCTION recfair.lock_model(model text) RETURNS void
AS 'MODULE_PATHNAME', 'recfair_lock_model' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION recfair.lock_model(text) IS
	'take the transaction lock that serializes changes to a model (train, drop_model, register_tables); needs UPDATE on recfair.models';

/*
 * Training
 */
CREATE FUNCTION recfair.train(
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

CREATE FUNCTION recfair.add_cold_rows(model text) RETURNS bigint
AS 'MODULE_PATHNAME', 'recfair_add_cold_rows' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION recfair.add_cold_rows(text) IS
	'give the rows added to the model''s registered item and user tables since training, those with features and no factors, factors from the model''s feature maps; returns how many';

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

CREATE FUNCTION recfair.drop_model(model text) RETURNS boolean
AS 'MODULE_PATHNAME', 'recfair_drop_model' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION recfair.drop_model(text) IS
	'delete a model and its factors; false if there was no such model';

/*
 * Serving
 */
CREATE FUNCTION recfair.recommend_support(internal) RETURNS internal
AS 'MODULE_PATHNAME', 'recfair_recommend_support' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION recfair.recommend_support(internal) IS 'planner support: the set-returning serving functions return k rows';

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

CREATE FUNCTION recfair.explain(user_id bigint, item_id bigint, model text DEFAULT NULL, k integer DEFAULT 5)
RETURNS TABLE (rank integer, part text, history_item_id bigint, contribution double precision)
AS 'MODULE_PATHNAME', 'recfair_explain' LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION recfair.explain(bigint, bigint, text, integer) IS
	'why the model scores item_id for user_id, as parts that sum to recommend''s score: for als the k history items contributing most (Hu, Koren and Volinsky: confidence times y_i'' W_u y_j, W_u the inverse of the user''s regularised Gram matrix, the weights training used, kept in user_factors.seen_weights), the other items'' sum and the solver residual; for als_explicit the global mean, the biases and the factors'' dot product; for bpr the item bias and the dot product';

CREATE FUNCTION recfair.recommend_explained(user_id bigint, k integer DEFAULT 10, model text DEFAULT NULL,
											exclude_seen boolean DEFAULT true)
RETURNS TABLE (rank integer, item_id bigint, score real, reason_item_id bigint, reason_contribution double precision)
AS 'MODULE_PATHNAME', 'recfair_recommend_explained' LANGUAGE C STABLE PARALLEL RESTRICTED
ROWS 10 SUPPORT recfair.recommend_support;
COMMENT ON FUNCTION recfair.recommend_explained(bigint, integer, text, boolean) IS
	'recommend''s rows, each with its top reason as explain gives it: the history item contributing most to the score, and its contribution (NULL for models other than als)';

/*
 * Datasets and evaluation: a synthetic shop, train/test splits, ranking
 * metrics
 */
CREATE FUNCTION recfair.generate_dataset(prefix text, users integer, items integer, interactions bigint,
										 seed integer DEFAULT 42)
RETURNS TABLE (table_name regclass, rows bigint)
AS 'MODULE_PATHNAME', 'recfair_generate_dataset' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION recfair.generate_dataset(text, integer, integer, bigint, integer) IS
	'create <prefix>_users, <prefix>_items and <prefix>_interactions: a synthetic shop with power-law popularity concentrated in a few big brands and user segments with distinct tastes, deterministic by seed';

CREATE FUNCTION recfair.split(source regclass, target_prefix text, test_fraction real DEFAULT 0.2,
							  method text DEFAULT 'random', options jsonb DEFAULT '{}',
							  user_col text DEFAULT 'user_id', item_col text DEFAULT 'item_id',
							  time_col text DEFAULT 'ts', seed bigint DEFAULT 42, source_query text DEFAULT NULL)
RETURNS TABLE (table_name regclass, rows bigint)
AS 'MODULE_PATHNAME', 'recfair_split' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION recfair.split(regclass, text, real, text, jsonb, text, text, text, bigint, text) IS
	'create <target_prefix>_train and <target_prefix>_test from a table or view (source) or a query (source => NULL, source_query => ...): method random (per user, round(n * test_fraction) at random, seeded, at most n - 1), time (each user''s latest by time_col) or time_global (one cut in time for everyone: options cut, or the 1 - test_fraction quantile); options group_col keeps a group''s rows (an order''s lines) on one side';

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

CREATE FUNCTION recfair.drop_split(target_prefix text) RETURNS SETOF text
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
 * Fair exposure: the registered item and user tables whose columns define
 * groups, the amortized exposure state, and fair re-ranking
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
COMMENT ON FUNCTION recfair.register_tables(text, regclass, text, regclass, text) IS
	'register (or replace) the item table and key, and the user table and key, of a model you own, for group_col and user_group_col';

CREATE TABLE recfair.fair_exposure (
	model text NOT NULL,
	group_col text NOT NULL,
	group_value text,
	shard integer NOT NULL,
	exposure double precision NOT NULL,
	plain_exposure double precision NOT NULL,
	version bigint NOT NULL,
	target text NOT NULL,
	CONSTRAINT fair_exposure_key UNIQUE NULLS NOT DISTINCT (model, version, group_col, target, group_value, shard)
);
COMMENT ON TABLE recfair.fair_exposure IS
	'cumulative exposure of amortized recommend_fair calls, one row per (model version, group column, target, group value, backend slot) so that sessions never wait on each other, and a retrain or another target starts afresh; read recfair.fair_exposure_state';
SELECT pg_catalog.pg_extension_config_dump('recfair.fair_exposure', '');

CREATE VIEW recfair.fair_exposure_state AS
SELECT f.model, f.group_col, f.group_value, sum(f.exposure) AS exposure,
	sum(f.exposure) / nullif(sum(sum(f.exposure)) OVER (PARTITION BY f.model, f.group_col, f.target), 0) AS share,
	sum(f.plain_exposure) / nullif(sum(sum(f.plain_exposure)) OVER (PARTITION BY f.model, f.group_col, f.target), 0) AS plain_share,
	f.target
FROM recfair.fair_exposure f JOIN recfair.models m ON m.name = f.model AND m.version = f.version
GROUP BY f.model, f.group_col, f.target, f.group_value;
COMMENT ON VIEW recfair.fair_exposure_state IS
	'amortized mode''s state of each model''s current version, per group column, target and group: exposure so far, its share, and the share the plain lists would have had';

CREATE FUNCTION recfair.reset_fair_exposure(model text DEFAULT NULL, group_col text DEFAULT NULL)
RETURNS bigint
AS 'MODULE_PATHNAME', 'recfair_reset_fair_exposure' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION recfair.reset_fair_exposure(text, text) IS
	'forget the amortized exposure of a model and group column (NULL: all); returns the rows deleted';

CREATE FUNCTION recfair.recommend_fair(user_id bigint, k integer, group_col text, model text DEFAULT NULL,
									   target text DEFAULT 'equal', strength real DEFAULT 1.0,
									   candidates integer DEFAULT NULL, options jsonb DEFAULT '{}',
									   exclude_seen boolean DEFAULT true, amortized boolean DEFAULT false)
RETURNS TABLE (rank integer, item_id bigint, score real, group_value text)
AS 'MODULE_PATHNAME', 'recfair_recommend_fair' LANGUAGE C VOLATILE PARALLEL UNSAFE
ROWS 10 SUPPORT recfair.recommend_support;
COMMENT ON FUNCTION recfair.recommend_fair(bigint, integer, text, text, text, real, integer, jsonb, boolean, boolean) IS
	'top-k items for a user, re-ranked so that the groups of group_col (a column of the registered item table) get their target share of exposure (equal, catalog, merit, or a jsonb of shares); strength 0 = plain, 1 = tightest parity; amortized: parity over many calls; options: deficit_scale';

CREATE FUNCTION recfair.recommend_fair_for_items(item_ids bigint[], k integer, group_col text, model text DEFAULT NULL,
												 target text DEFAULT 'equal', strength real DEFAULT 1.0,
												 candidates integer DEFAULT NULL, options jsonb DEFAULT '{}',
												 amortized boolean DEFAULT false)
RETURNS TABLE (rank integer, item_id bigint, score real, group_value text)
AS 'MODULE_PATHNAME', 'recfair_recommend_fair_for_items' LANGUAGE C VOLATILE PARALLEL UNSAFE
ROWS 10 SUPPORT recfair.recommend_support;
COMMENT ON FUNCTION recfair.recommend_fair_for_items(bigint[], integer, text, text, text, real, integer, jsonb, boolean) IS
	'top-k items for an anonymous basket (folded in as recommend_for_items does), re-ranked as recommend_fair re-ranks a user''s list (per list, or amortized)';

CREATE FUNCTION recfair.recommend_fair_batch(user_ids bigint[], k integer, group_col text, model text DEFAULT NULL,
											 target text DEFAULT 'equal', strength real DEFAULT 1.0,
											 candidates integer DEFAULT NULL, options jsonb DEFAULT '{}',
											 amortized boolean DEFAULT true, fallback text DEFAULT NULL,
											 fallback_segment text DEFAULT NULL)
RETURNS TABLE (user_id bigint, rank integer, item_id bigint, score real, group_value text, fallback boolean)
AS 'MODULE_PATHNAME', 'recfair_recommend_fair_batch' LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION recfair.recommend_fair_batch(bigint[], integer, text, text, text, real, integer, jsonb, boolean, text, text) IS
	'fair top-k lists for a set of users in one call, balanced over the set as amortized mode balances over time but from nothing and storing nothing: deterministic, and runnable read-only (dashboards); users in ascending id order, each once; amortized => false makes each list fair on its own; fallback => ''popularity'' gives users the model does not know the most popular items (within their segment of the registered user table''s column fallback_segment, when given), re-ranked fairly, flagged in the column fallback';

CREATE FUNCTION recfair.build_index(model text DEFAULT NULL, lists integer DEFAULT NULL, seed bigint DEFAULT 42)
RETURNS TABLE (model_name text, list_count integer, items bigint, seconds double precision)
AS 'MODULE_PATHNAME', 'recfair_build_index' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION recfair.build_index(text, integer, bigint) IS
	'partition the model''s items into lists by k-means (lists NULL: the square root of the items; seeded), so that recommend and recommend_fair score only the items of the recfair.index_probes lists nearest the user; replaces any index of the model, and train() rebuilds it with as many lists';

CREATE FUNCTION recfair.drop_index(model text DEFAULT NULL) RETURNS boolean
AS 'MODULE_PATHNAME', 'recfair_drop_index' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION recfair.drop_index(text) IS
	'remove the model''s item index (serving then scores every item again); returns whether it had one';

CREATE FUNCTION recfair.shared_models() RETURNS TABLE (model text, version bigint, bytes bigint, indexed boolean)
AS 'MODULE_PATHNAME', 'recfair_shared_models' LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION recfair.shared_models() IS
	'the models of this database whose serving data is in the server''s shared memory (one copy every backend maps, recfair.shared_cache_size): version, bytes, and whether with an item index';

CREATE FUNCTION recfair.recommend_all(model text, k integer, into_table text, user_ids bigint[] DEFAULT NULL,
									  group_col text DEFAULT NULL, target text DEFAULT 'equal',
									  strength real DEFAULT 1.0, candidates integer DEFAULT NULL,
									  options jsonb DEFAULT '{}', amortized boolean DEFAULT true)
RETURNS TABLE (table_name regclass, users bigint, rows bigint)
AS 'MODULE_PATHNAME', 'recfair_recommend_all' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION recfair.recommend_all(text, integer, text, bigint[], text, text, real, integer, jsonb, boolean) IS
	'every user''s top k (or those of user_ids), items seen in training excluded, written into the new table into_table (user_id, rank, item_id, score), scored in blocks with matrix-matrix products on the compute threads; model NULL: the default model; with group_col, fair lists balanced over each block of 16384 users in id order as recommend_fair_batch balances its set (amortized => false: each list on its own) and a group_value column';

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

CREATE FUNCTION recfair.rerank_fair(item_ids bigint[], scores real[], groups text[], k integer,
									target text DEFAULT 'equal', strength real DEFAULT 1.0)
RETURNS TABLE (rank integer, item_id bigint, score real, group_value text)
AS 'MODULE_PATHNAME', 'recfair_rerank_fair' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION recfair.rerank_fair(bigint[], real[], text[], integer, text, real) IS
	'fair re-ranking of any candidate set (arrays of ids, scores, groups) into k positions, as recommend_fair does';

CREATE FUNCTION recfair.exposure_report(model text, group_col text, k integer DEFAULT 10, fair boolean DEFAULT false,
										users regclass DEFAULT NULL, target text DEFAULT 'equal', strength real DEFAULT 1.0,
										amortized boolean DEFAULT false, candidates integer DEFAULT NULL,
										users_query text DEFAULT NULL, options jsonb DEFAULT '{}')
RETURNS TABLE (group_value text, items bigint, exposure double precision, share double precision,
			   target_share double precision)
AS 'MODULE_PATHNAME', 'recfair_exposure_report' LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION recfair.exposure_report(text, text, integer, boolean, regclass, text, real, boolean, integer, text, jsonb) IS
	'exposure per group of group_col over the top-k lists (plain, or fair with target, strength, candidates and amortized) of the given users (a table or view as users, or a query as users_query, with the model''s user column; all users when both are NULL): items, exposure, share, target_share; options: deficit_scale';


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
