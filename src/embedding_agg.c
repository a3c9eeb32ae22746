/*-------------------------------------------------------------------------
 *
 * embedding_agg.c
 *	  The aggregates sum(embedding) and avg(embedding), with the combine,
 *	  serialize and deserialize functions that make them parallel safe and
 *	  usable as partial aggregates on a Citus cluster.
 *
 * The transition state is an internal struct holding a float8 running sum per
 * dimension and a row count: float8 keeps the sum of millions of float4 rows
 * accurate, and the serialized form (count, dim, sums) is what a parallel
 * worker or a remote node hands back to the leader.  NULL inputs are ignored;
 * no non-NULL input gives a NULL result, like the built-in sum and avg.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "embedding.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/float.h"

typedef struct EmbeddingAggState
{
	int64		count;			/* non-NULL rows accumulated */
	int			dim;			/* dimensions of every input */
	float8		sums[FLEXIBLE_ARRAY_MEMBER];
} EmbeddingAggState;

#define AGG_STATE_SIZE(_dim) (offsetof(EmbeddingAggState, sums) + sizeof(float8) * (_dim))

static MemoryContext
AggregateContext(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "embedding aggregate function called in non-aggregate context");
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
