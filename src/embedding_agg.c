/*-------------------------------------------------------------------------
 *
 * embedding_agg.c
 *	  The aggregates sum(embedding) and avg(embedding), with the combine,
 *	  serialize and deserialize functions that make them parallel safe and
 *	  usable as partial aggregates on a Citus cluster.
 *
 * The transition state holds a float8 running sum per dimension and a row
 * count: float8 keeps the sum of millions of float4 rows accurate.  Since
 * 0.6.0 it is a double precision[] {count, sums} (the *_array functions at
 * the end), which Citus aggregates partially on its workers; the first,
 * internal-state functions serve the 0.5.0 definitions until ALTER
 * EXTENSION UPDATE.  NULL inputs are ignored; no non-NULL input gives a NULL
 * result, like the built-in sum and avg.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "embedding.h"
#include "fmgr.h"
#include "catalog/pg_type.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/float.h"

typedef struct EmbeddingAggState
{
	int64		count;			/* non-NULL rows accumulated */
	int			dim;			/* dimensions of every input */
	float8		sums[FLEXIBLE_ARRAY_MEMBER];
} EmbeddingAggState;

#define AGG_STATE_SIZE(_dim) (offsetof(EmbeddingAggState, sums) + sizeof(float8) * (_dim))

/* The aggregate's memory context (an error outside an aggregate); also als_agg.c's. */
MemoryContext
AggregateContext(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "aggregate function called in non-aggregate context");
	return aggcontext;
}

static EmbeddingAggState *
NewAggState(MemoryContext context, int dim)
{
	EmbeddingAggState *state;

	state = MemoryContextAllocZero(context, AGG_STATE_SIZE(dim));
	state->dim = dim;
	return state;
}

static void
CheckStateDims(const EmbeddingAggState *state, int dim)
{
	if (state->dim != dim)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("different embedding dimensions %d and %d",
						state->dim, dim)));
}

/* sum/avg transition: adds a vector to the double-precision state. */
PG_FUNCTION_INFO_V1(embedding_agg_accum);
Datum
embedding_agg_accum(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = AggregateContext(fcinfo);
	EmbeddingAggState *state;
	Embedding  *emb;

	state = PG_ARGISNULL(0) ? NULL : (EmbeddingAggState *) PG_GETARG_POINTER(0);
	if (PG_ARGISNULL(1))
	{
		if (state == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(state);
	}

	emb = PG_GETARG_EMBEDDING_P(1);
	if (state == NULL)
		state = NewAggState(aggcontext, emb->dim);
	else
		CheckStateDims(state, emb->dim);

	for (int i = 0; i < emb->dim; i++)
		state->sums[i] += emb->x[i];
	state->count++;
	PG_FREE_IF_COPY(emb, 1);
	PG_RETURN_POINTER(state);
}

/* sum/avg combine: adds two partial states (parallel aggregation). */
PG_FUNCTION_INFO_V1(embedding_agg_combine);
Datum
embedding_agg_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = AggregateContext(fcinfo);
	EmbeddingAggState *state1;
	EmbeddingAggState *state2;

	state1 = PG_ARGISNULL(0) ? NULL : (EmbeddingAggState *) PG_GETARG_POINTER(0);
	state2 = PG_ARGISNULL(1) ? NULL : (EmbeddingAggState *) PG_GETARG_POINTER(1);

	if (state2 == NULL)
	{
		if (state1 == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(state1);
	}
	if (state1 == NULL)
	{
		/* The result must live in the aggregate context: copy state2. */
		state1 = NewAggState(aggcontext, state2->dim);
		memcpy(state1, state2, AGG_STATE_SIZE(state2->dim));
		PG_RETURN_POINTER(state1);
	}

	CheckStateDims(state1, state2->dim);
	for (int i = 0; i < state1->dim; i++)
		state1->sums[i] += state2->sums[i];
	state1->count += state2->count;
	PG_RETURN_POINTER(state1);
}

/* The state as bytea, for parallel workers. */
PG_FUNCTION_INFO_V1(embedding_agg_serialize);
Datum
embedding_agg_serialize(PG_FUNCTION_ARGS)
{
	EmbeddingAggState *state = (EmbeddingAggState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, state->count);
	pq_sendint32(&buf, state->dim);
	for (int i = 0; i < state->dim; i++)
		pq_sendfloat8(&buf, state->sums[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* The state back from bytea. */
PG_FUNCTION_INFO_V1(embedding_agg_deserialize);
Datum
embedding_agg_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *serialized = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	EmbeddingAggState *state;
	int64		count;
	int			dim;

	/* A read-only StringInfo over the bytea, as numeric's deserializers do. */
	buf.data = VARDATA_ANY(serialized);
	buf.len = VARSIZE_ANY_EXHDR(serialized);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	count = pq_getmsgint64(&buf);
	dim = pq_getmsgint(&buf, sizeof(int32));
	CheckEmbeddingDim(dim);

	state = NewAggState(CurrentMemoryContext, dim);
	state->count = count;
	for (int i = 0; i < dim; i++)
		state->sums[i] = pq_getmsgfloat8(&buf);
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(state);
}

/* Convert the float8 sums, divided by divisor, to an embedding. */
static Embedding *
StateToEmbedding(const EmbeddingAggState *state, float8 divisor)
{
	Embedding  *result = InitEmbedding(state->dim);

	for (int i = 0; i < state->dim; i++)
	{
		result->x[i] = (float4) (state->sums[i] / divisor);
		if (isinf(result->x[i]))
			float_overflow_error();
	}
	return result;
}

/* sum(e): the state as an embedding (NULL for no rows). */
PG_FUNCTION_INFO_V1(embedding_sum_final);
Datum
embedding_sum_final(PG_FUNCTION_ARGS)
{
	EmbeddingAggState *state;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = (EmbeddingAggState *) PG_GETARG_POINTER(0);
	PG_RETURN_EMBEDDING_P(StateToEmbedding(state, 1.0));
}

/* avg(e): the state divided by its count (NULL for no rows). */
PG_FUNCTION_INFO_V1(embedding_avg_final);
Datum
embedding_avg_final(PG_FUNCTION_ARGS)
{
	EmbeddingAggState *state;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = (EmbeddingAggState *) PG_GETARG_POINTER(0);
	PG_RETURN_EMBEDDING_P(StateToEmbedding(state, (float8) state->count));
}

/*
 * The same aggregates with a double precision[] state, {count, sum_1, ...,
 * sum_d}: a real type, not internal, so that Citus (which partially
 * aggregates a custom aggregate only when its state type is not a
 * pseudo-type) runs the transitions on the workers and ships one array per
 * group, and PostgreSQL's parallel query needs no serialize functions.
 * Since 0.6.0 sum and avg use these; the internal-state functions above stay
 * for the 0.5.0 definitions until ALTER EXTENSION UPDATE.
 */
/*
 * A zeroed one-dimensional double precision array of n elements in context:
 * the state of these aggregates and of als_agg.c's.  A new state is made in
 * the current (per-row) context, not the aggregate's: the executor copies a
 * transition's new state into the aggregate context itself, and a first
 * copy there would stay until the end of the query (k x k doubles per group
 * for als_normal).  Later rows update that copy in place.
 */
ArrayType *
ZeroedFloat8Array(MemoryContext context, int n)
{
	Size		bytes = ARR_OVERHEAD_NONULLS(1) + sizeof(float8) * n;
	ArrayType  *a = MemoryContextAllocZero(context, bytes);

	SET_VARSIZE(a, bytes);
	a->ndim = 1;
	a->dataoffset = 0;
	a->elemtype = FLOAT8OID;
	ARR_DIMS(a)[0] = n;
	ARR_LBOUND(a)[0] = 1;
	return a;
}

/* The state's values, checked to be a one-dimensional float8 array without NULLs of at least 2 entries. */
static float8 *
ArrayStateValues(ArrayType *a, int *dim)
{
	if (ARR_NDIM(a) != 1 || ARR_HASNULL(a) || ARR_ELEMTYPE(a) != FLOAT8OID || ARR_DIMS(a)[0] < 2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid embedding aggregate state"),
				 errdetail("The state is a one-dimensional double precision array {count, sums...}.")));
	*dim = ARR_DIMS(a)[0] - 1;
	return (float8 *) ARR_DATA_PTR(a);
}

/* sum/avg transition on the array state: in place, in the aggregate context. */
PG_FUNCTION_INFO_V1(embedding_agg_accum_array);
Datum
embedding_agg_accum_array(PG_FUNCTION_ARGS)
{
	ArrayType  *state = PG_ARGISNULL(0) ? NULL : PG_GETARG_ARRAYTYPE_P(0);
	Embedding  *emb;
	float8	   *v;
	int			dim;

	(void) AggregateContext(fcinfo);	/* aggregates only */

	if (PG_ARGISNULL(1))
	{
		if (state == NULL)
			PG_RETURN_NULL();
		PG_RETURN_ARRAYTYPE_P(state);
	}
	emb = PG_GETARG_EMBEDDING_P(1);
	if (state == NULL)
		state = ZeroedFloat8Array(CurrentMemoryContext, emb->dim + 1);
	v = ArrayStateValues(state, &dim);
	if (dim != emb->dim)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("different embedding dimensions %d and %d", dim, emb->dim)));
	for (int i = 0; i < dim; i++)
		v[i + 1] += emb->x[i];
	v[0] += 1;
	PG_FREE_IF_COPY(emb, 1);
	PG_RETURN_ARRAYTYPE_P(state);
}

/* sum/avg combine on the array state (parallel workers, Citus workers). */
PG_FUNCTION_INFO_V1(embedding_agg_combine_array);
Datum
embedding_agg_combine_array(PG_FUNCTION_ARGS)
{
	ArrayType  *state1 = PG_ARGISNULL(0) ? NULL : PG_GETARG_ARRAYTYPE_P(0);
	ArrayType  *state2 = PG_ARGISNULL(1) ? NULL : PG_GETARG_ARRAYTYPE_P(1);
	float8	   *v1;
	float8	   *v2;
	int			dim1;
	int			dim2;

	(void) AggregateContext(fcinfo);	/* aggregates only */

	if (state2 == NULL)
	{
		if (state1 == NULL)
			PG_RETURN_NULL();
		PG_RETURN_ARRAYTYPE_P(state1);
	}
	v2 = ArrayStateValues(state2, &dim2);
	if (state1 == NULL)
	{
		/* a copy of state2 (the executor copies a new state into the aggregate context) */
		state1 = ZeroedFloat8Array(CurrentMemoryContext, dim2 + 1);
		memcpy(ARR_DATA_PTR(state1), v2, sizeof(float8) * (dim2 + 1));
		PG_RETURN_ARRAYTYPE_P(state1);
	}
	v1 = ArrayStateValues(state1, &dim1);
	if (dim1 != dim2)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("different embedding dimensions %d and %d", dim1, dim2)));
	for (int i = 0; i <= dim1; i++)
		v1[i] += v2[i];
	PG_RETURN_ARRAYTYPE_P(state1);
}

/* The sums of an array state, divided by divisor (the count for avg), as an embedding. */
static Datum
ArrayStateToEmbedding(ArrayType *state, bool average)
{
	int			dim;
	float8	   *v = ArrayStateValues(state, &dim);
	Embedding  *result;

	CheckEmbeddingDim(dim);
	result = InitEmbedding(dim);
	for (int i = 0; i < dim; i++)
	{
		result->x[i] = (float4) (v[i + 1] / (average ? v[0] : 1.0));
		if (isinf(result->x[i]))
			float_overflow_error();
	}
	PG_RETURN_EMBEDDING_P(result);
}

PG_FUNCTION_INFO_V1(embedding_sum_final_array);
Datum
embedding_sum_final_array(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	return ArrayStateToEmbedding(PG_GETARG_ARRAYTYPE_P(0), false);
}

PG_FUNCTION_INFO_V1(embedding_avg_final_array);
Datum
embedding_avg_final_array(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	return ArrayStateToEmbedding(PG_GETARG_ARRAYTYPE_P(0), true);
}
