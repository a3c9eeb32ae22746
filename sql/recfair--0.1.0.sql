/* recfair 0.1.0: the embedding type and the build diagnostics */

\echo Use "CREATE EXTENSION recfair" to load this file. \quit

/*
 * Type recfair.embedding
 */
CREATE TYPE recfair.embedding;

CREATE FUNCTION recfair.embedding_in(cstring, oid, integer) RETURNS recfair.embedding
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recfair.embedding_out(recfair.embedding) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recfair.embedding_typmod_in(cstring[]) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recfair.embedding_recv(internal, oid, integer) RETURNS recfair.embedding
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recfair.embedding_send(recfair.embedding) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

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

/*
 * Casts: typmod coercion, and to and from real[] and double precision[]
 */
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
 * Functions
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

/*
 * Operators
 */
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
 * Comparison: = and <>, and a total order so that DISTINCT, GROUP BY,
 * UNION, ORDER BY and hash joins work on embeddings.
 */
CREATE FUNCTION recfair.embedding_eq(recfair.embedding, recfair.embedding) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recfair.embedding_ne(recfair.embedding, recfair.embedding) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recfair.embedding_lt(recfair.embedding, recfair.embedding) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recfair.embedding_le(recfair.embedding, recfair.embedding) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recfair.embedding_gt(recfair.embedding, recfair.embedding) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recfair.embedding_ge(recfair.embedding, recfair.embedding) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recfair.embedding_cmp(recfair.embedding, recfair.embedding) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recfair.embedding_hash(recfair.embedding) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

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
CREATE OPERATOR CLASS recfair.embedding_hash_ops DEFAULT FOR TYPE recfair.embedding USING hash AS
	OPERATOR 1 recfair.=,
	FUNCTION 1 recfair.embedding_hash(recfair.embedding);

/*
 * Aggregates sum and avg: internal float8 state, parallel and Citus safe
 */
CREATE FUNCTION recfair.embedding_agg_accum(internal, recfair.embedding) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION recfair.embedding_agg_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION recfair.embedding_agg_serialize(internal) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recfair.embedding_agg_deserialize(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION recfair.embedding_sum_final(internal) RETURNS recfair.embedding
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION recfair.embedding_avg_final(internal) RETURNS recfair.embedding
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE AGGREGATE recfair.sum(recfair.embedding) (
	SFUNC = recfair.embedding_agg_accum,
	STYPE = internal,
	FINALFUNC = recfair.embedding_sum_final,
	COMBINEFUNC = recfair.embedding_agg_combine,
	SERIALFUNC = recfair.embedding_agg_serialize,
	DESERIALFUNC = recfair.embedding_agg_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE recfair.sum(recfair.embedding) IS
	'element-wise sum, accumulated in double precision; NULL inputs are ignored';
CREATE AGGREGATE recfair.avg(recfair.embedding) (
	SFUNC = recfair.embedding_agg_accum,
	STYPE = internal,
	FINALFUNC = recfair.embedding_avg_final,
	COMBINEFUNC = recfair.embedding_agg_combine,
	SERIALFUNC = recfair.embedding_agg_serialize,
	DESERIALFUNC = recfair.embedding_agg_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE recfair.avg(recfair.embedding) IS
	'element-wise mean, accumulated in double precision; NULL inputs are ignored';

/*
 * Diagnostics
 */
CREATE FUNCTION recfair.build_info() RETURNS jsonb
	AS 'MODULE_PATHNAME', 'recfair_build_info' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION recfair.build_info() IS
	'versions of recfair and PostgreSQL, and the OpenBLAS build, CPU kernels and threads this backend uses';
