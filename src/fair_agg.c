/*-------------------------------------------------------------------------
 *
 * fair_agg.c
 *	  The aggregate fair_top_k(item_id, score, group_value, k [, target,
 *	  strength]): rerank_fair over the rows of any query's group, returning
 *	  an array of recfair.ranked_item (rank, item_id, score, group_value).
 *
 * The transition state is an internal struct holding the group's candidate
 * rows (id, score, and the offset of the group value in one buffer of
 * NUL-terminated values) and the group's k, target and strength, which
 * must be the same in every row.  The combine function concatenates two
 * states, and the serialized form (the parameters, the rows, the value
 * buffer) is what a parallel worker hands back to the leader, so the
 * aggregate runs as a partial aggregate.  The final function hands the
 * rows to RerankCandidates, the code of rerank_fair, which sorts them by
 * score (then id) itself: neither the order of the rows nor the way they
 * were split between workers changes the list.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "fair.h"
#include "fmgr.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/typcache.h"

/* FairRerank counts candidates in an int */
#define FAIR_TOP_K_MAX_ROWS ((int64) PG_INT32_MAX - 1)

/* One candidate row. */
typedef struct FairTopKRow
{
	int64		id;
	int64		name;			/* offset of the group value in names, or -1: NULL */
	float4		score;
} FairTopKRow;

/* The candidates of one group, with the group's parameters. */
typedef struct FairTopKState
{
	int32		k;
	float4		strength;
	char	   *target;			/* as given */
	int64		nrows;
	int64		maxrows;
	FairTopKRow *rows;
	char	   *names;			/* group values, each NUL-terminated */
	int64		names_len;
	int64		names_max;
} FairTopKState;

/* The element type of the result, looked up once per call site. */
typedef struct RankedItemType
{
	Oid			elemtype;
	int16		typlen;
	bool		typbyval;
	char		typalign;
	TupleDesc	desc;
} RankedItemType;

/* The aggregate's memory context; an error outside an aggregate call. */
static MemoryContext
FairTopKContext(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "fair_top_k support function called in non-aggregate context");
	return aggcontext;
}

/*
 * Make room for `need` elements of `elem` bytes in *array (holding *max),
 * growing it at least twofold; huge allocations allowed.
 */
static void *
GrowArray(MemoryContext cxt, void *array, int64 *max, int64 need, Size elem)
{
	int64		newmax;
	Size		bytes;

	if (need <= *max)
		return array;
	newmax = Max(Max(need, *max * 2), 64);
	bytes = mul_size((Size) newmax, elem);
	if (bytes > MaxAllocHugeSize)
	{
		newmax = (int64) (MaxAllocHugeSize / elem);
		bytes = (Size) newmax * elem;
	}
	if (newmax < need)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("fair_top_k cannot hold the candidates of this group"),
				 errdetail("They need more than %zu bytes.", (Size) MaxAllocHugeSize)));
	*max = newmax;
	if (array == NULL)
		return MemoryContextAllocHuge(cxt, bytes);
	return repalloc_huge(array, bytes);
}

/* A state for a group whose parameters are k, target and strength. */
static FairTopKState *
NewFairTopKState(MemoryContext cxt, int32 k, float4 strength, const char *target)
{
	FairTopKState *state = MemoryContextAllocZero(cxt, sizeof(FairTopKState));

	state->k = k;
	state->strength = strength;
	state->target = MemoryContextStrdup(cxt, target);
	return state;
}

/* The parameters of a row (or of another state) must be the group's. */
static void
CheckSameParameters(const FairTopKState *state, int32 k, float4 strength, const char *target)
{
	if (k != state->k || strength != state->strength || strcmp(target, state->target) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("k, target and strength of fair_top_k must be the same in every row of a group"),
				 errdetail("One row has k %d, target \"%s\" and strength %g; another has k %d, target \"%s\" and strength %g.",
						   state->k, state->target, state->strength, k, target, strength)));
}

/* Add one candidate row to the state. */
static void
AppendRow(MemoryContext cxt, FairTopKState *state, int64 id, float4 score, const char *name)
{
	FairTopKRow *row;

	if (state->nrows >= FAIR_TOP_K_MAX_ROWS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("fair_top_k takes at most " INT64_FORMAT " candidates per group",
						FAIR_TOP_K_MAX_ROWS)));
	state->rows = GrowArray(cxt, state->rows, &state->maxrows, state->nrows + 1, sizeof(FairTopKRow));
	row = &state->rows[state->nrows++];
	row->id = id;
	row->score = score;
	row->name = -1;
	if (name != NULL)
	{
		int64		len = (int64) strlen(name) + 1;

		state->names = GrowArray(cxt, state->names, &state->names_max, state->names_len + len, 1);
		memcpy(state->names + state->names_len, name, len);
		row->name = state->names_len;
		state->names_len += len;
	}
}

/*
 * Transition: fair_top_k_accum(state, item_id, score, group_value, k
 * [, target, strength]).  The first row's k, target and strength are
 * checked, and every later row must repeat them.
 */
PG_FUNCTION_INFO_V1(recfair_fair_top_k_accum);
Datum
recfair_fair_top_k_accum(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = FairTopKContext(fcinfo);
	FairTopKState *state = PG_ARGISNULL(0) ? NULL : (FairTopKState *) PG_GETARG_POINTER(0);
	bool		full = PG_NARGS() >= 7;
	int64		id;
	float4		score;
	int32		k;
	const char *target;
	float4		strength;

	if (PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("item_id of fair_top_k must not be NULL")));
	id = PG_GETARG_INT64(1);
	if (PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("score of fair_top_k must not be NULL (item " INT64_FORMAT ")", id)));
	score = PG_GETARG_FLOAT4(2);
	if (isnan(score))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("score of fair_top_k must not be NaN (item " INT64_FORMAT ")", id)));
	if (PG_ARGISNULL(4) || (full && (PG_ARGISNULL(5) || PG_ARGISNULL(6))))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("k, target and strength of fair_top_k must not be NULL")));
	k = PG_GETARG_INT32(4);
	/* the defaults of rerank_fair */
	target = full ? text_to_cstring(PG_GETARG_TEXT_PP(5)) : "equal";
	strength = full ? PG_GETARG_FLOAT4(6) : 1.0f;

	if (state == NULL)
	{
		FairTarget	parsed;

		CheckK(k);
		CheckStrength(strength);
		ParseFairTarget(target, &parsed);	/* a bad target fails here */
		state = NewFairTopKState(aggcontext, k, strength, target);
	}
	else
		CheckSameParameters(state, k, strength, target);
	AppendRow(aggcontext, state, id, score,
			  PG_ARGISNULL(3) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(3)));
	PG_RETURN_POINTER(state);
}

/* Combine: the rows of the second state after those of the first. */
PG_FUNCTION_INFO_V1(recfair_fair_top_k_combine);
Datum
recfair_fair_top_k_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = FairTopKContext(fcinfo);
	FairTopKState *state1 = PG_ARGISNULL(0) ? NULL : (FairTopKState *) PG_GETARG_POINTER(0);
	FairTopKState *state2 = PG_ARGISNULL(1) ? NULL : (FairTopKState *) PG_GETARG_POINTER(1);
	int64		shift;

	if (state2 == NULL)
	{
		if (state1 == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(state1);
	}
	if (state1 == NULL)
		state1 = NewFairTopKState(aggcontext, state2->k, state2->strength, state2->target);
	else
		CheckSameParameters(state1, state2->k, state2->strength, state2->target);
	if (state2->nrows > FAIR_TOP_K_MAX_ROWS - state1->nrows)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("fair_top_k takes at most " INT64_FORMAT " candidates per group",
						FAIR_TOP_K_MAX_ROWS)));
	state1->rows = GrowArray(aggcontext, state1->rows, &state1->maxrows,
							 state1->nrows + state2->nrows, sizeof(FairTopKRow));
	state1->names = GrowArray(aggcontext, state1->names, &state1->names_max,
							  state1->names_len + state2->names_len, 1);
	shift = state1->names_len;
	for (int64 i = 0; i < state2->nrows; i++)
	{
		FairTopKRow row = state2->rows[i];

		if (row.name >= 0)
			row.name += shift;
		state1->rows[state1->nrows++] = row;
		if ((i & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	if (state2->names_len > 0)
		memcpy(state1->names + shift, state2->names, state2->names_len);
	state1->names_len += state2->names_len;
	PG_RETURN_POINTER(state1);
}

/*
 * Serialize: k, strength, the target, the rows (id, score, value offset)
 * and the value buffer, in network byte order.  A bytea holds under 1 GB.
 */
PG_FUNCTION_INFO_V1(recfair_fair_top_k_serialize);
Datum
recfair_fair_top_k_serialize(PG_FUNCTION_ARGS)
{
	FairTopKState *state = (FairTopKState *) PG_GETARG_POINTER(0);
	int			target_len = (int) strlen(state->target);
	Size		size;
	StringInfoData buf;

	(void) FairTopKContext(fcinfo);
	size = add_size(add_size(VARHDRSZ + 4 + 4 + 4 + 8 + 8, target_len),
					add_size(mul_size((Size) state->nrows, 8 + 4 + 8), (Size) state->names_len));
	if (size > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("the candidates of one group of fair_top_k are too many to pass between parallel workers"),
				 errdetail("Their serialized form would take %zu bytes, more than %zu.", size, (Size) MaxAllocSize),
				 errhint("Run the query without parallel workers (SET max_parallel_workers_per_gather = 0).")));
	pq_begintypsend(&buf);
	enlargeStringInfo(&buf, (int) (size - VARHDRSZ));
	pq_sendint32(&buf, state->k);
	pq_sendfloat4(&buf, state->strength);
	pq_sendint32(&buf, target_len);
	pq_sendbytes(&buf, state->target, target_len);
	pq_sendint64(&buf, state->nrows);
	for (int64 i = 0; i < state->nrows; i++)
	{
		pq_sendint64(&buf, state->rows[i].id);
		pq_sendfloat4(&buf, state->rows[i].score);
		pq_sendint64(&buf, state->rows[i].name);
		if ((i & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	pq_sendint64(&buf, state->names_len);
	if (state->names_len > 0)
		pq_sendbytes(&buf, state->names, (int) state->names_len);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Deserialize what fair_top_k_serialize wrote. */
PG_FUNCTION_INFO_V1(recfair_fair_top_k_deserialize);
Datum
recfair_fair_top_k_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = FairTopKContext(fcinfo);
	bytea	   *sstate = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	FairTopKState *state;
	int32		k;
	float4		strength;
	int			target_len;
	char	   *target;
	int64		nrows;
	int64		names_len;

	buf.data = VARDATA_ANY(sstate);
	buf.len = VARSIZE_ANY_EXHDR(sstate);
	buf.maxlen = 0;
	buf.cursor = 0;
	k = pq_getmsgint(&buf, 4);
	strength = pq_getmsgfloat4(&buf);
	target_len = pq_getmsgint(&buf, 4);
	if (target_len < 0 || target_len > buf.len - buf.cursor)
		elog(ERROR, "corrupt fair_top_k state");
	target = pnstrdup(pq_getmsgbytes(&buf, target_len), target_len);
	state = NewFairTopKState(aggcontext, k, strength, target);
	nrows = pq_getmsgint64(&buf);
	if (nrows < 0 || nrows > (buf.len - buf.cursor) / (8 + 4 + 8))
		elog(ERROR, "corrupt fair_top_k state");
	state->rows = GrowArray(aggcontext, NULL, &state->maxrows, Max(nrows, 1), sizeof(FairTopKRow));
	for (int64 i = 0; i < nrows; i++)
	{
		FairTopKRow *row = &state->rows[i];

		row->id = pq_getmsgint64(&buf);
		row->score = pq_getmsgfloat4(&buf);
		row->name = pq_getmsgint64(&buf);
		if ((i & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	state->nrows = nrows;
	names_len = pq_getmsgint64(&buf);
	if (names_len < 0 || names_len != buf.len - buf.cursor)
		elog(ERROR, "corrupt fair_top_k state");
	if (names_len > 0)
	{
		state->names = GrowArray(aggcontext, NULL, &state->names_max, names_len, 1);
		memcpy(state->names, pq_getmsgbytes(&buf, (int) names_len), names_len);
		state->names_len = names_len;
	}
	pq_getmsgend(&buf);
	for (int64 i = 0; i < nrows; i++)
		if (state->rows[i].name >= names_len)
			elog(ERROR, "corrupt fair_top_k state");
	PG_RETURN_POINTER(state);
}

/* The element type of the final function's result, cached in fn_extra. */
static RankedItemType *
GetRankedItemType(FunctionCallInfo fcinfo)
{
	RankedItemType *t = (RankedItemType *) fcinfo->flinfo->fn_extra;

	if (t == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		Oid			array_type = get_func_rettype(fcinfo->flinfo->fn_oid);

		t = palloc(sizeof(RankedItemType));
		t->elemtype = get_element_type(array_type);
		if (!OidIsValid(t->elemtype))
			elog(ERROR, "fair_top_k_final must return an array");
		get_typlenbyvalalign(t->elemtype, &t->typlen, &t->typbyval, &t->typalign);
		t->desc = lookup_rowtype_tupdesc_copy(t->elemtype, -1);
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = t;
	}
	return t;
}

/*
 * Final: the re-ranked list as recfair.ranked_item[] (an empty array for
 * no rows).  Leaves the state as it is (the aggregate may be a window
 * function, whose final function runs more than once).
 */
PG_FUNCTION_INFO_V1(recfair_fair_top_k_final);
Datum
recfair_fair_top_k_final(PG_FUNCTION_ARGS)
{
	FairTopKState *state;
	RankedItemType *type;
	int64	   *ids;
	float4	   *scores;
	char	  **groups;
	FairTarget	target;
	GroupMap	gm;
	FairItem   *out;
	int			n;
	int			placed;
	Datum	   *elems;

	(void) FairTopKContext(fcinfo);
	type = GetRankedItemType(fcinfo);
	state = PG_ARGISNULL(0) ? NULL : (FairTopKState *) PG_GETARG_POINTER(0);
	if (state == NULL || state->nrows == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(type->elemtype));

	n = (int) state->nrows;
	ids = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(int64), (Size) n));
	scores = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(float4), (Size) n));
	groups = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(char *), (Size) n));
	for (int i = 0; i < n; i++)
	{
		const FairTopKRow *row = &state->rows[i];

		ids[i] = row->id;
		scores[i] = row->score;
		groups[i] = row->name >= 0 ? state->names + row->name : NULL;
		if ((i & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	ParseFairTarget(state->target, &target);
	placed = RerankCandidates(n, ids, scores, groups, state->k, &target, state->strength,
							  "item_id", &gm, &out);

	elems = palloc(sizeof(Datum) * Max(placed, 1));
	for (int i = 0; i < placed; i++)
	{
		Datum		values[4];
		bool		nulls[4];

		FairRowValues(out, i, &gm, values, nulls);
		elems[i] = HeapTupleGetDatum(heap_form_tuple(type->desc, values, nulls));
	}
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, placed, type->elemtype, type->typlen,
										  type->typbyval, type->typalign));
}
