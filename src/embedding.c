/*-------------------------------------------------------------------------
 *
 * embedding.c
 *	  The recfair.embedding type: text and binary I/O, typmod, casts to and
 *	  from float arrays, arithmetic, distances and the btree/hash support.
 *
 * Invariants every function here may rely on, and every constructor keeps:
 * 1 <= dim <= EMBEDDING_MAX_DIM, and every element is finite (no NaN, no
 * infinity).  Text output prints each float4 in the shortest form that reads
 * back to the identical bits, so text round trips are exact.
 *
 * The aggregates live in embedding_agg.c; kernels on float arrays in
 * vecmath.h.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "common/shortest_dec.h"
#include "embedding.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/lsyscache.h"
#include "vecmath.h"

/*
 * Allocate a zero-filled embedding.  The caller has validated dim.
 */
Embedding *
InitEmbedding(int dim)
{
	Size		size = EMBEDDING_SIZE(dim);
	Embedding  *result = (Embedding *) palloc0(size);

	SET_VARSIZE(result, size);
	result->dim = dim;
	return result;
}

void
CheckEmbeddingDim(int dim)
{
	if (dim < 1)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("embedding must have at least 1 dimension")));
	if (dim > EMBEDDING_MAX_DIM)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("embedding cannot have more than %d dimensions",
						EMBEDDING_MAX_DIM)));
}

static void
CheckEmbeddingExpectedDim(int32 typmod, int dim)
{
	if (typmod != -1 && typmod != dim)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("expected %d dimensions, not %d", typmod, dim)));
}

static void
CheckEmbeddingElement(float4 value)
{
	if (isnan(value))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("NaN not allowed in embedding")));
	if (isinf(value))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("infinite value not allowed in embedding")));
}

static void
CheckSameEmbeddingDims(const Embedding *a, const Embedding *b)
{
	if (a->dim != b->dim)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("different embedding dimensions %d and %d",
						a->dim, b->dim)));
}

/*
 * An arithmetic result that left the float4 range is an overflow error, as
 * for the built-in real type.  (A sum or difference of finite floats cannot
 * underflow to zero unless it is exactly zero; products can, see
 * ScaleEmbedding.)
 */
static inline void
CheckArithmeticResult(float4 value)
{
	if (unlikely(isinf(value)))
		float_overflow_error();
}

static inline bool
IsSpace(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
		ch == '\v' || ch == '\f';
}

static void
ReportMalformed(const char *input, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("malformed embedding literal: \"%s\"", input),
			 errdetail("%s", detail),
			 errhint("An embedding is written as a bracketed, comma-separated list of numbers, such as [0.5,-1,2e3].")));
}

/*
 * Parse one element with strtof, with the range rules of float4in: a value
 * whose magnitude is too large, or so small that it rounds to zero, is out of
 * range; subnormal values are kept.
 */
static float4
ParseElement(const char *input, char *start, char **end)
{
	float4		value;

	errno = 0;
	value = strtof(start, end);
	if (*end == start)
		ReportMalformed(input, "Expected a number.");
	if (errno == ERANGE && (value == 0.0f || isinf(value)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("\"%.*s\" is out of range for type real",
						(int) (*end - start), start)));
	CheckEmbeddingElement(value);
	return value;
}

/* Text input: [x1,x2,...], checked against the typmod. */
PG_FUNCTION_INFO_V1(embedding_in);
Datum
embedding_in(PG_FUNCTION_ARGS)
{
	char	   *input = PG_GETARG_CSTRING(0);
	int32		typmod = PG_GETARG_INT32(2);
	char	   *p = input;
	int			capacity = 1;
	int			dim = 0;
	float4	   *values;
	Embedding  *result;

	/* The number of commas bounds the dimensions: refuse long input early. */
	for (char *c = input; *c != '\0'; c++)
		if (*c == ',')
			capacity++;
	if (capacity > EMBEDDING_MAX_DIM)
		CheckEmbeddingDim(capacity);
	values = palloc(sizeof(float4) * capacity);

	while (IsSpace(*p))
		p++;
	if (*p != '[')
		ReportMalformed(input, "Embedding contents must start with \"[\".");
	p++;
	while (IsSpace(*p))
		p++;
	if (*p == ']')
		CheckEmbeddingDim(0);

	for (;;)
	{
		char	   *end;

		values[dim++] = ParseElement(input, p, &end);
		p = end;
		while (IsSpace(*p))
			p++;
		if (*p == ',')
		{
			p++;
			continue;
		}
		if (*p == ']')
			break;
		ReportMalformed(input, *p == '\0' ? "Unexpected end of input." :
						"Expected \",\" or \"]\" after a number.");
	}
	p++;
	while (IsSpace(*p))
		p++;
	if (*p != '\0')
		ReportMalformed(input, "Junk after closing right bracket.");

	CheckEmbeddingExpectedDim(typmod, dim);
	result = InitEmbedding(dim);
	memcpy(result->x, values, sizeof(float4) * dim);
	pfree(values);
	PG_RETURN_EMBEDDING_P(result);
}

/* Text output: the shortest text that reads back to the same float4 values. */
PG_FUNCTION_INFO_V1(embedding_out);
Datum
embedding_out(PG_FUNCTION_ARGS)
{
	Embedding  *emb = PG_GETARG_EMBEDDING_P(0);
	char	   *result = palloc((Size) emb->dim * (FLOAT_SHORTEST_DECIMAL_LEN + 1) + 2);
	char	   *p = result;

	*p++ = '[';
	for (int i = 0; i < emb->dim; i++)
	{
		if (i > 0)
			*p++ = ',';
		p += float_to_shortest_decimal_bufn(emb->x[i], p);
	}
	*p++ = ']';
	*p = '\0';
	PG_FREE_IF_COPY(emb, 0);
	PG_RETURN_CSTRING(result);
}

/* The typmod of embedding(n): the number of dimensions. */
PG_FUNCTION_INFO_V1(embedding_typmod_in);
Datum
embedding_typmod_in(PG_FUNCTION_ARGS)
{
	ArrayType  *ta = PG_GETARG_ARRAYTYPE_P(0);
	int32	   *mods;
	int			n;

	mods = ArrayGetIntegerTypmods(ta, &n);
	if (n != 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid type modifier"),
				 errdetail("Type embedding takes exactly one modifier, the number of dimensions.")));
	if (mods[0] < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("dimensions for type embedding must be at least 1")));
	if (mods[0] > EMBEDDING_MAX_DIM)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("dimensions for type embedding cannot exceed %d",
						EMBEDDING_MAX_DIM)));
	PG_RETURN_INT32(mods[0]);
}

/* Binary input: int16 dimensions, int16 zero, the float4 values. */
PG_FUNCTION_INFO_V1(embedding_recv);
Datum
embedding_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int32		typmod = PG_GETARG_INT32(2);
	int			dim;
	int			unused;
	Embedding  *result;

	/*
	 * pq_getmsg* would call a short message a protocol violation (08P01);
	 * a bad value is 22P03, as for the built-in types' recv functions.
	 */
	if (buf->len - buf->cursor < 2 * (int) sizeof(int16))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("external embedding value is too short: %d bytes",
						buf->len - buf->cursor)));
	dim = (int16) pq_getmsgint(buf, sizeof(int16));
	unused = (int16) pq_getmsgint(buf, sizeof(int16));
	CheckEmbeddingDim(dim);
	CheckEmbeddingExpectedDim(typmod, dim);
	if (unused != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid reserved field in external embedding value: %d",
						unused)));
	if (buf->len - buf->cursor < dim * (int) sizeof(float4))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("external embedding value of %d dimensions has %d bytes of values, not %d",
						dim, buf->len - buf->cursor, dim * (int) sizeof(float4))));

	result = InitEmbedding(dim);
	for (int i = 0; i < dim; i++)
	{
		result->x[i] = pq_getmsgfloat4(buf);
		CheckEmbeddingElement(result->x[i]);
	}
	PG_RETURN_EMBEDDING_P(result);
}

/* Binary output, the layout embedding_recv reads. */
PG_FUNCTION_INFO_V1(embedding_send);
Datum
embedding_send(PG_FUNCTION_ARGS)
{
	Embedding  *emb = PG_GETARG_EMBEDDING_P(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint16(&buf, emb->dim);
	pq_sendint16(&buf, emb->unused);
	for (int i = 0; i < emb->dim; i++)
		pq_sendfloat4(&buf, emb->x[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/*
 * Length coercion: embedding(n) applied to a value, for casts and
 * assignments to a column with a typmod.
 */
PG_FUNCTION_INFO_V1(embedding_coerce);
Datum
embedding_coerce(PG_FUNCTION_ARGS)
{
	Embedding  *emb = PG_GETARG_EMBEDDING_P(0);
	int32		typmod = PG_GETARG_INT32(1);

	CheckEmbeddingExpectedDim(typmod, emb->dim);
	PG_RETURN_EMBEDDING_P(emb);
}

/*
 * Cast real[] or double precision[] to embedding.  One C function serves
 * both SQL signatures; the element type comes from the array itself.
 */
PG_FUNCTION_INFO_V1(array_to_embedding);
Datum
array_to_embedding(PG_FUNCTION_ARGS)
{
	ArrayType  *array = PG_GETARG_ARRAYTYPE_P(0);
	int32		typmod = PG_GETARG_INT32(1);
	Oid			elemtype = ARR_ELEMTYPE(array);
	int16		typlen;
	bool		typbyval;
	char		typalign;
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	Embedding  *result;

	if (ARR_NDIM(array) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("array must be one-dimensional")));
	if (array_contains_nulls(array))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("array must not contain nulls")));
	if (elemtype != FLOAT4OID && elemtype != FLOAT8OID)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("cannot cast an array of %s to embedding",
						format_type_be(elemtype))));

	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	deconstruct_array(array, elemtype, typlen, typbyval, typalign,
					  &elems, &nulls, &n);
	CheckEmbeddingDim(n);
	CheckEmbeddingExpectedDim(typmod, n);

	result = InitEmbedding(n);
	for (int i = 0; i < n; i++)
	{
		if (elemtype == FLOAT4OID)
			result->x[i] = DatumGetFloat4(elems[i]);
		else
		{
			float8		v = DatumGetFloat8(elems[i]);

			result->x[i] = (float4) v;
			if (!isinf(v) && isinf(result->x[i]))
				float_overflow_error();
			if (v != 0.0 && result->x[i] == 0.0f)
				float_underflow_error();
		}
		CheckEmbeddingElement(result->x[i]);
	}
	pfree(elems);
	pfree(nulls);
	PG_RETURN_EMBEDDING_P(result);
}

/* Cast to real[]. */
PG_FUNCTION_INFO_V1(embedding_to_float4_array);
Datum
embedding_to_float4_array(PG_FUNCTION_ARGS)
{
	Embedding  *emb = PG_GETARG_EMBEDDING_P(0);
	Datum	   *elems = palloc(sizeof(Datum) * emb->dim);

	for (int i = 0; i < emb->dim; i++)
		elems[i] = Float4GetDatum(emb->x[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, emb->dim, FLOAT4OID,
										  sizeof(float4), true, TYPALIGN_INT));
}

/* Cast to double precision[]. */
PG_FUNCTION_INFO_V1(embedding_to_float8_array);
Datum
embedding_to_float8_array(PG_FUNCTION_ARGS)
{
	Embedding  *emb = PG_GETARG_EMBEDDING_P(0);
	Datum	   *elems = palloc(sizeof(Datum) * emb->dim);

	for (int i = 0; i < emb->dim; i++)
		elems[i] = Float8GetDatum((float8) emb->x[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, emb->dim, FLOAT8OID,
										  sizeof(float8), FLOAT8PASSBYVAL,
										  TYPALIGN_DOUBLE));
}

/* dims(e): the number of dimensions. */
PG_FUNCTION_INFO_V1(embedding_dims);
Datum
embedding_dims(PG_FUNCTION_ARGS)
{
	Embedding  *emb = PG_GETARG_EMBEDDING_P(0);

	PG_RETURN_INT32(emb->dim);
}

/* norm(e): the Euclidean norm, in double precision. */
PG_FUNCTION_INFO_V1(embedding_norm);
Datum
embedding_norm(PG_FUNCTION_ARGS)
{
	Embedding  *emb = PG_GETARG_EMBEDDING_P(0);

	PG_RETURN_FLOAT8(sqrt(vec_norm_squared(emb->x, emb->dim)));
}

/*
 * Scale to unit Euclidean norm.  The zero embedding has no direction and is
 * returned unchanged, so that normalize() is total on valid input.
 */
PG_FUNCTION_INFO_V1(embedding_normalize);
Datum
embedding_normalize(PG_FUNCTION_ARGS)
{
	Embedding  *emb = PG_GETARG_EMBEDDING_P(0);
	double		norm = sqrt(vec_norm_squared(emb->x, emb->dim));
	Embedding  *result = InitEmbedding(emb->dim);

	for (int i = 0; i < emb->dim; i++)
		result->x[i] = norm > 0.0 ? (float4) (emb->x[i] / norm) : emb->x[i];
	PG_RETURN_EMBEDDING_P(result);
}

/* inner_product(a, b), in double precision. */
PG_FUNCTION_INFO_V1(embedding_inner_product);
Datum
embedding_inner_product(PG_FUNCTION_ARGS)
{
	Embedding  *a = PG_GETARG_EMBEDDING_P(0);
	Embedding  *b = PG_GETARG_EMBEDDING_P(1);

	CheckSameEmbeddingDims(a, b);
	PG_RETURN_FLOAT8(vec_dot(a->x, b->x, a->dim));
}

/* The operator <#>: ascending order puts the largest inner product first. */
PG_FUNCTION_INFO_V1(embedding_negative_inner_product);
Datum
embedding_negative_inner_product(PG_FUNCTION_ARGS)
{
	Embedding  *a = PG_GETARG_EMBEDDING_P(0);
	Embedding  *b = PG_GETARG_EMBEDDING_P(1);

	CheckSameEmbeddingDims(a, b);
	PG_RETURN_FLOAT8(-vec_dot(a->x, b->x, a->dim));
}

/*
 * Cosine similarity, clamped to [-1, 1] against rounding.  It is undefined
 * when either side is the zero embedding: the result is then NaN, which
 * sorts after every number, so zero embeddings come last in a nearest-first
 * ORDER BY.
 */
static double
CosineSimilarity(const Embedding *a, const Embedding *b)
{
	double		dot = vec_dot(a->x, b->x, a->dim);
	double		denom = sqrt(vec_norm_squared(a->x, a->dim) *
							 vec_norm_squared(b->x, b->dim));
	double		sim;

	if (denom == 0.0)
		return get_float8_nan();
	sim = dot / denom;
	if (sim > 1.0)
		sim = 1.0;
	else if (sim < -1.0)
		sim = -1.0;
	return sim;
}

/* cosine_similarity(a, b); NaN when a vector is zero. */
PG_FUNCTION_INFO_V1(embedding_cosine_similarity);
Datum
embedding_cosine_similarity(PG_FUNCTION_ARGS)
{
	Embedding  *a = PG_GETARG_EMBEDDING_P(0);
	Embedding  *b = PG_GETARG_EMBEDDING_P(1);

	CheckSameEmbeddingDims(a, b);
	PG_RETURN_FLOAT8(CosineSimilarity(a, b));
}

/* cosine_distance(a, b) = 1 - cosine_similarity, the function of <=>. */
PG_FUNCTION_INFO_V1(embedding_cosine_distance);
Datum
embedding_cosine_distance(PG_FUNCTION_ARGS)
{
	Embedding  *a = PG_GETARG_EMBEDDING_P(0);
	Embedding  *b = PG_GETARG_EMBEDDING_P(1);

	CheckSameEmbeddingDims(a, b);
	PG_RETURN_FLOAT8(1.0 - CosineSimilarity(a, b));
}

/* l2_distance(a, b), the function of <->. */
PG_FUNCTION_INFO_V1(embedding_l2_distance);
Datum
embedding_l2_distance(PG_FUNCTION_ARGS)
{
	Embedding  *a = PG_GETARG_EMBEDDING_P(0);
	Embedding  *b = PG_GETARG_EMBEDDING_P(1);

	CheckSameEmbeddingDims(a, b);
	PG_RETURN_FLOAT8(sqrt(vec_l2_squared(a->x, b->x, a->dim)));
}

/* a + b, element-wise; overflow is an error. */
PG_FUNCTION_INFO_V1(embedding_add);
Datum
embedding_add(PG_FUNCTION_ARGS)
{
	Embedding  *a = PG_GETARG_EMBEDDING_P(0);
	Embedding  *b = PG_GETARG_EMBEDDING_P(1);
	Embedding  *result;

	CheckSameEmbeddingDims(a, b);
	result = InitEmbedding(a->dim);
	for (int i = 0; i < a->dim; i++)
	{
		result->x[i] = a->x[i] + b->x[i];
		CheckArithmeticResult(result->x[i]);
	}
	PG_RETURN_EMBEDDING_P(result);
}

/* a - b, element-wise; overflow is an error. */
PG_FUNCTION_INFO_V1(embedding_sub);
Datum
embedding_sub(PG_FUNCTION_ARGS)
{
	Embedding  *a = PG_GETARG_EMBEDDING_P(0);
	Embedding  *b = PG_GETARG_EMBEDDING_P(1);
	Embedding  *result;

	CheckSameEmbeddingDims(a, b);
	result = InitEmbedding(a->dim);
	for (int i = 0; i < a->dim; i++)
	{
		result->x[i] = a->x[i] - b->x[i];
		CheckArithmeticResult(result->x[i]);
	}
	PG_RETURN_EMBEDDING_P(result);
}

static Embedding *
ScaleEmbedding(const Embedding *emb, float4 scalar)
{
	Embedding  *result;

	if (isnan(scalar) || isinf(scalar))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("cannot multiply an embedding by %s",
						isnan(scalar) ? "NaN" : "infinity")));
	result = InitEmbedding(emb->dim);
	for (int i = 0; i < emb->dim; i++)
	{
		result->x[i] = emb->x[i] * scalar;
		CheckArithmeticResult(result->x[i]);
		/* as float4mul: a non-zero product that rounds to zero */
		if (unlikely(result->x[i] == 0.0f) && emb->x[i] != 0.0f && scalar != 0.0f)
			float_underflow_error();
	}
	return result;
}

/* e * r: every element times a real; overflow and underflow are errors. */
PG_FUNCTION_INFO_V1(embedding_mul);
Datum
embedding_mul(PG_FUNCTION_ARGS)
{
	PG_RETURN_EMBEDDING_P(ScaleEmbedding(PG_GETARG_EMBEDDING_P(0),
										 PG_GETARG_FLOAT4(1)));
}

/* r * e, the commutator of e * r. */
PG_FUNCTION_INFO_V1(scalar_embedding_mul);
Datum
scalar_embedding_mul(PG_FUNCTION_ARGS)
{
	PG_RETURN_EMBEDDING_P(ScaleEmbedding(PG_GETARG_EMBEDDING_P(1),
										 PG_GETARG_FLOAT4(0)));
}

/*
 * Total order for btree (ORDER BY, DISTINCT, GROUP BY, merge joins):
 * element by element, then the shorter embedding first.  Elements compare
 * as floats, so -0 equals 0; there is no NaN to order.
 */
static int
EmbeddingCompare(const Embedding *a, const Embedding *b)
{
	int			n = Min(a->dim, b->dim);

	for (int i = 0; i < n; i++)
	{
		if (a->x[i] < b->x[i])
			return -1;
		if (a->x[i] > b->x[i])
			return 1;
	}
	if (a->dim != b->dim)
		return a->dim < b->dim ? -1 : 1;
	return 0;
}

#define EMBEDDING_COMPARISON(name, test) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	Embedding  *a = PG_GETARG_EMBEDDING_P(0); \
	Embedding  *b = PG_GETARG_EMBEDDING_P(1); \
	int			cmp = EmbeddingCompare(a, b); \
 \
	PG_FREE_IF_COPY(a, 0); \
	PG_FREE_IF_COPY(b, 1); \
	PG_RETURN_BOOL(test); \
}

EMBEDDING_COMPARISON(embedding_eq, cmp == 0)
EMBEDDING_COMPARISON(embedding_ne, cmp != 0)
EMBEDDING_COMPARISON(embedding_lt, cmp < 0)
EMBEDDING_COMPARISON(embedding_le, cmp <= 0)
EMBEDDING_COMPARISON(embedding_gt, cmp > 0)
EMBEDDING_COMPARISON(embedding_ge, cmp >= 0)

/* The btree order: dimensions first, then the values. */
PG_FUNCTION_INFO_V1(embedding_cmp);
Datum
embedding_cmp(PG_FUNCTION_ARGS)
{
	Embedding  *a = PG_GETARG_EMBEDDING_P(0);
	Embedding  *b = PG_GETARG_EMBEDDING_P(1);
	int			cmp = EmbeddingCompare(a, b);

	PG_FREE_IF_COPY(a, 0);
	PG_FREE_IF_COPY(b, 1);
	PG_RETURN_INT32(cmp);
}

/* Hash consistent with embedding_eq: -0 hashes as 0. */
PG_FUNCTION_INFO_V1(embedding_hash);
Datum
embedding_hash(PG_FUNCTION_ARGS)
{
	Embedding  *emb = PG_GETARG_EMBEDDING_P(0);
	uint32		hash = hash_uint32((uint32) emb->dim);

	for (int i = 0; i < emb->dim; i++)
	{
		float4		v = emb->x[i] == 0.0f ? 0.0f : emb->x[i];
		uint32		bits;

		memcpy(&bits, &v, sizeof(bits));
		hash = hash_combine(hash, hash_uint32(bits));
	}
	PG_FREE_IF_COPY(emb, 0);
	PG_RETURN_INT32((int32) hash);
}
