/*-------------------------------------------------------------------------
 *
 * serve.c
 *	  Serving: recommend() (and recommend_explained()), similar_items(),
 *	  recommend_for_items(), the
 *	  per-backend cache of item factors, and the planner support function
 *	  that tells the planner these functions return k rows.
 *
 * The cache holds, per model, the item ids, the item factor matrix, the
 * item norms (for cosine similarity) and Y'Y (for fold-in), keyed by the
 * model's version: a call costs one lookup of the model row and one of the
 * user row, then one sgemv over the item matrix and a heap-based top-k.
 * A retrain changes the version, and the next call reloads.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <cblas.h>
#include <math.h>

#include "als.h"
#include "catalog/pg_type.h"
#include "embedding.h"
#include "executor/spi.h"
#include "explain.h"
#include "funcapi.h"
#include "idmap.h"
#include "idset.h"
#include "item_index.h"
#include "miscadmin.h"
#include "model_store.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/supportnodes.h"
#include "options.h"
#include "quantized.h"
#include "serve.h"
#include "shared_cache.h"
#include "storage/shmem.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"


static ModelCache cache[CACHE_SLOTS];
static uint64 cache_clock = 0;

/* Slot i of the cache (may be empty: version 0), for fair.c's group maps. */
ModelCache *
CachedModelSlot(int slot)
{
	return &cache[slot];
}

void
CheckK(int k)
{
	if (k < 1 || k > MAX_K)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("k must be between 1 and %d, not %d", MAX_K, k)));
}

static SPIPlanPtr
KeptPlan(SPIPlanPtr *slot, const char *sql, int nargs, Oid *types)
{
	if (*slot == NULL)
	{
		SPIPlanPtr	plan = SPI_prepare(sql, nargs, types);

		if (plan == NULL)
			elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
		SPI_keepplan(plan);
		*slot = plan;
	}
	return *slot;
}

static void
LoadItems(ModelCache *entry, const char *name)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[1] = {TEXTOID};
	Datum		values[1] = {CStringGetTextDatum(name)};
	MemoryContext old;
	int			rc;

	rc = SPI_execute_plan(KeptPlan(&plan, "SELECT item_id, factors, bias FROM recfair.item_factors WHERE model OPERATOR(pg_catalog.=) $1",
								   1, types), values, NULL, true, 0);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute_plan failed: %s", SPI_result_code_string(rc));

	old = MemoryContextSwitchTo(entry->cxt);
	entry->nitems = (int32) SPI_processed;
	entry->item_ids = palloc(mul_size(sizeof(int64), Max(entry->nitems, 1)));
	entry->factors = MemoryContextAllocHuge(entry->cxt,
											mul_size(mul_size(sizeof(float4), entry->k), Max(entry->nitems, 1)));
	entry->norms = palloc(mul_size(sizeof(float4), Max(entry->nitems, 1)));
	entry->item_bias = NULL;
	entry->gram = palloc(mul_size(mul_size(sizeof(float4), entry->k), entry->k));
	entry->index = idmap_create(entry->cxt, Max(entry->nitems, 16), NULL);
	for (int32 i = 0; i < entry->nitems; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		bool		isnull;
		Embedding  *e;
		bool		found;
		IdMapEntry *slot;

		entry->item_ids[i] = DatumGetInt64(SPI_getbinval(tup, SPI_tuptable->tupdesc, 1, &isnull));
		e = DatumGetEmbeddingP(SPI_getbinval(tup, SPI_tuptable->tupdesc, 2, &isnull));
		if (e->dim != entry->k)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("item %lld of model \"%s\" has %d factors, expected %d",
							(long long) entry->item_ids[i], name, e->dim, entry->k)));
		memcpy(entry->factors + (int64) i * entry->k, e->x, sizeof(float4) * entry->k);
		entry->norms[i] = sqrtf(cblas_sdot(entry->k, e->x, 1, e->x, 1));
		{
			/* item biases: als_explicit's and bpr's (NULL for the other models) */
			Datum		b = SPI_getbinval(tup, SPI_tuptable->tupdesc, 3, &isnull);

			if (!isnull && entry->item_bias == NULL)
				entry->item_bias = palloc0(mul_size(sizeof(float4), Max(entry->nitems, 1)));
			if (!isnull)
				entry->item_bias[i] = DatumGetFloat4(b);
		}
		slot = idmap_insert(entry->index, entry->item_ids[i], &found);
		slot->index = i;
	}
	GramMatrix(entry->factors, entry->nitems, entry->k, entry->gram);
	MemoryContextSwitchTo(old);
	SPI_freetuptable(SPI_tuptable);
}

/*
 * SELECT on the model tables, checked before recfair's own queries read
 * them, so that the error names the way to grant it.
 */
static void
CheckServingRights(void)
{
	static const char *const tables[] = {"models", "user_factors", "item_factors"};

	for (int i = 0; i < lengthof(tables); i++)
	{
		Oid			relid = RecfairTableOid(tables[i]);

		if (OidIsValid(relid) && pg_class_aclcheck(relid, GetUserId(), ACL_SELECT) != ACLCHECK_OK)
			ereport(ERROR,
					(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					 errmsg("permission denied for table recfair.%s", tables[i]),
					 errdetail("Serving reads recfair.models, recfair.user_factors and recfair.item_factors with your privileges."),
					 errhint("As their owner or a superuser: SELECT recfair.grant_serving(%s) grants what serving needs.",
							 quote_literal_cstr(GetUserNameFromId(GetUserId(), false)))));
	}
}

/* What GetModel reads of a model's row (columns 1 to 10). */
#define MODEL_ROW_COLUMNS \
	"SELECT version, factors, " \
	"coalesce((hyperparameters OPERATOR(pg_catalog.->>) 'alpha'::pg_catalog.text)::pg_catalog.float8, 1), " \
	"coalesce((hyperparameters OPERATOR(pg_catalog.->>) 'regularization'::pg_catalog.text)::pg_catalog.float8, 0.01), " \
	"algorithm OPERATOR(pg_catalog.=) 'als_explicit'::pg_catalog.text, " \
	"coalesce((hyperparameters OPERATOR(pg_catalog.->>) 'global_mean'::pg_catalog.text)::pg_catalog.float8, 0), " \
	"CASE WHEN hyperparameters OPERATOR(pg_catalog.->>) 'confidence'::pg_catalog.text " \
	"OPERATOR(pg_catalog.=) 'alpha*w'::pg_catalog.text THEN 0.0 ELSE 1.0 END::pg_catalog.float8, " \
	"coalesce((hyperparameters OPERATOR(pg_catalog.->>) 'weighted_regularization'::pg_catalog.text)::pg_catalog.bool, false), " \
	"CASE WHEN hyperparameters OPERATOR(pg_catalog.->>) 'confidence'::pg_catalog.text " \
	"OPERATOR(pg_catalog.=) 'log'::pg_catalog.text THEN " \
	"coalesce((hyperparameters OPERATOR(pg_catalog.->>) 'eps'::pg_catalog.text)::pg_catalog.float8, 1) END, " \
	"algorithm"

/* The cached items of the model a call names (resolving NULL), current version. */
ModelCache *
GetModel(const char *model)
{
	static SPIPlanPtr plan = NULL;
	static SPIPlanPtr plan_with_index = NULL;
	Oid			index_relid;
	bool		with_index;
	int64		built = 0;
	/* a named model is checked by the query below; only NULL needs resolving */
	char	   *name = model != NULL ? pstrdup(model) : ResolveModelName(NULL);
	Oid			types[1] = {TEXTOID};
	Datum		values[1] = {CStringGetTextDatum(name)};
	int64		version;
	int			k;
	double		alpha;
	double		reg;
	bool		explicit_model;
	double		global_mean;
	double		offset;
	bool		weighted;
	Datum		eps;
	double		unit_weight;
	char	   *algorithm;
	bool		isnull;
	ModelCache *entry = NULL;
	int			rc;

	CheckServingRights();
	if (strlen(name) >= sizeof(cache[0].name))
		ereport(ERROR,
				(errcode(ERRCODE_NAME_TOO_LONG),
				 errmsg("model name \"%.40s...\" is too long", name),
				 errdetail("A model name has at most %d bytes.", (int) sizeof(cache[0].name) - 1)));
	/*
	 * The model's candidate index, when it has one for this version and
	 * the caller may read it (a role granted serving before 0.9.0 may not:
	 * it then scores every item, as before).
	 */
	index_relid = RecfairTableOid("item_index");
	with_index = OidIsValid(index_relid) &&
		pg_class_aclcheck(index_relid, GetUserId(), ACL_SELECT) == ACLCHECK_OK;
	rc = with_index ?
		SPI_execute_plan(KeptPlan(&plan_with_index,
								  MODEL_ROW_COLUMNS ", (SELECT i.built FROM recfair.item_index i "
								  "WHERE i.model OPERATOR(pg_catalog.=) $1 AND i.version OPERATOR(pg_catalog.=) models.version) "
								  "FROM recfair.models WHERE name OPERATOR(pg_catalog.=) $1", 1, types),
						 values, NULL, true, 1) :
		SPI_execute_plan(KeptPlan(&plan, MODEL_ROW_COLUMNS " FROM recfair.models WHERE name OPERATOR(pg_catalog.=) $1",
								  1, types),
						 values, NULL, true, 1);
	if (rc != SPI_OK_SELECT || SPI_processed != 1)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("model \"%s\" does not exist", name),
				 errhint("SELECT name FROM recfair.models lists the models.")));
	version = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	k = DatumGetInt32(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
	alpha = DatumGetFloat8(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3, &isnull));
	reg = DatumGetFloat8(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 4, &isnull));
	explicit_model = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 5, &isnull));
	global_mean = DatumGetFloat8(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 6, &isnull));
	offset = DatumGetFloat8(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 7, &isnull));
	weighted = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 8, &isnull));
	eps = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 9, &isnull);
	/* confidence log: log(1 + 1/eps); bm25's weights need the training data's counts, so 1 */
	unit_weight = isnull ? 1.0 : log1p(1.0 / DatumGetFloat8(eps));
	algorithm = TextDatumGetCString(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 10, &isnull));
	if (with_index)
	{
		Datum		b = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 11, &isnull);

		built = isnull ? 0 : DatumGetInt64(b);
	}

	for (int i = 0; i < CACHE_SLOTS; i++)
		if (cache[i].version != 0 && strcmp(cache[i].name, name) == 0)
			entry = &cache[i];
	if (entry != NULL && entry->version == version && entry->index_built == built)
	{
		entry->last_used = ++cache_clock;
		return entry;
	}
	if (entry == NULL)
	{
		/* the least recently used slot */
		entry = &cache[0];
		for (int i = 1; i < CACHE_SLOTS; i++)
			if (cache[i].last_used < entry->last_used)
				entry = &cache[i];
	}
	if (entry->cxt == NULL)
		entry->cxt = AllocSetContextCreate(TopMemoryContext, "recfair serving cache",
										   ALLOCSET_DEFAULT_SIZES);
	SharedCacheDetach(entry);
	MemoryContextReset(entry->cxt);
	entry->fair = NULL;
	entry->version = 0;			/* invalid until loaded */
	strlcpy(entry->name, name, sizeof(entry->name));
	entry->k = k;
	entry->alpha = alpha;
	entry->regularization = reg;
	entry->explicit_model = explicit_model;
	entry->global_mean = global_mean;
	entry->confidence_offset = offset;
	entry->weighted_regularization = weighted;
	entry->unit_weight = unit_weight;
	strlcpy(entry->algorithm, algorithm, sizeof(entry->algorithm));
	entry->ivf = NULL;
	entry->index = NULL;
	entry->qfactors = NULL;
	entry->qscale = NULL;
	entry->popularity = NULL;
	entry->index_built = built;
	entry->version_loading = version;
	/* the server's shared copy of this version, else a load here (shared for the next backends) */
	if (!SharedCacheAttach(entry))
	{
		LoadItems(entry, name);
		if (built != 0)
			LoadItemIndex(entry, built);
		/* the int8 copy: large catalogs without item biases (quantized.c) */
		if (entry->nitems >= QUANTIZE_MIN_ITEMS && entry->item_bias == NULL && !entry->explicit_model)
			QuantizeItems(entry);
		SharedCachePublish(entry);
	}
	entry->version = version;
	entry->last_used = ++cache_clock;
	return entry;
}

static inline bool
Better(const ModelCache *m, Candidate a, Candidate b)
{
	if (a.score != b.score)
		return a.score > b.score;
	return m->item_ids[a.index] < m->item_ids[b.index];
}

static void
SiftDown(const ModelCache *m, Candidate *heap, int n, int i)
{
	for (;;)
	{
		int			worst = i;
		int			l = 2 * i + 1;
		int			r = l + 1;
		Candidate	tmp;

		if (l < n && Better(m, heap[worst], heap[l]))
			worst = l;
		if (r < n && Better(m, heap[worst], heap[r]))
			worst = r;
		if (worst == i)
			return;
		tmp = heap[i];
		heap[i] = heap[worst];
		heap[worst] = tmp;
		i = worst;
	}
}

/* Offer item i to the min-heap of the best k so far (n of them); returns the new n. */
static inline int
HeapOffer(const ModelCache *m, const float4 *scores, int32 i, int k, Candidate *out, int n)
{
	Candidate	c = {scores[i], i};

	/* the common case once the heap is full: worse than the worst kept */
	if (n == k && scores[i] < out[0].score)
		return n;
	if (isinf(scores[i]) && scores[i] < 0)
		return n;
	if (n < k)
	{
		int			j = n++;

		out[j] = c;
		while (j > 0 && Better(m, out[(j - 1) / 2], out[j]))
		{
			Candidate	tmp = out[j];

			out[j] = out[(j - 1) / 2];
			out[(j - 1) / 2] = tmp;
			j = (j - 1) / 2;
		}
	}
	else if (Better(m, c, out[0]))
	{
		out[0] = c;
		SiftDown(m, out, n, 0);
	}
	return n;
}

int
TopK(const ModelCache *m, const float4 *scores, int k, Candidate *out)
{
	return TopKOf(m, scores, NULL, k, out);
}

/*
 * The top k of the scored items: every item (ranges NULL, or n < 0), or
 * only those in ranges (an item index's lists; the rest of scores unset).
 */
int
TopKOf(const ModelCache *m, const float4 *scores, const ScoredRanges *ranges, int k, Candidate *out)
{
	int			n = 0;

	/* a min-heap (worst at the root) of the best k so far */
	if (ranges == NULL || ranges->n < 0)
		for (int32 i = 0; i < m->nitems; i++)
			n = HeapOffer(m, scores, i, k, out, n);
	else
		for (int32 r = 0; r < ranges->n; r++)
			for (int32 i = ranges->start[r]; i < ranges->end[r]; i++)
				n = HeapOffer(m, scores, i, k, out, n);
	/* heap sort: repeatedly move the worst to the end */
	for (int end = n - 1; end > 0; end--)
	{
		Candidate	tmp = out[0];

		out[0] = out[end];
		out[end] = tmp;
		SiftDown(m, out, end, 0);
	}
	return n;
}

/* Inner product of a query vector with every cached item: one sgemv. */
static float4 *
ScoreItems(const ModelCache *m, const float4 *query)
{
	float4	   *scores = palloc(mul_size(sizeof(float4), m->nitems));

	/* one call per backend: BLAS threads would only compete with other sessions */
	openblas_set_num_threads(1);
	cblas_sgemv(CblasRowMajor, CblasNoTrans, m->nitems, m->k, 1.0f, m->factors, m->k,
				query, 1, 0.0f, scores, 1);
	return scores;
}

/* Add the biases: mu + b_u + b_i (als_explicit), b_i (bpr; mu and b_u are 0). */
void
AddBiases(const ModelCache *m, float4 *scores, float4 user_bias)
{
	float4		base = (float4) m->global_mean + user_bias;

	for (int32 i = 0; i < m->nitems; i++)
		scores[i] += base + (m->item_bias ? m->item_bias[i] : 0.0f);
}

static void
Exclude(const ModelCache *m, float4 *scores, int64 id)
{
	int32		pos = ItemPosition(m, id);

	if (pos >= 0)
		scores[pos] = -INFINITY;
}

static void
EmitTopK(FunctionCallInfo fcinfo, const ModelCache *m, const float4 *scores, const ScoredRanges *ranges, int k)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Candidate  *top = palloc(sizeof(Candidate) * k);
	int			n = TopKOf(m, scores, ranges, k, top);

	for (int i = 0; i < n; i++)
	{
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		values[0] = Int32GetDatum(i + 1);
		values[1] = Int64GetDatum(m->item_ids[top[i].index]);
		values[2] = Float4GetDatum(top[i].score);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
}

/* A popularity model's items are counts, with no similarity between them. */
static void
CheckHasSimilarities(const char *model)
{
	Oid			types[1] = {TEXTOID};
	Datum		values[1] = {CStringGetTextDatum(model)};
	int			rc = SPI_execute_with_args("SELECT algorithm FROM recfair.models WHERE name OPERATOR(pg_catalog.=) $1",
										   1, types, values, NULL, true, 1);
	char	   *algorithm;

	if (rc != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute_with_args failed: %s", SPI_result_code_string(rc));
	if (SPI_processed != 1)
		return;
	algorithm = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	if (algorithm != NULL && strcmp(algorithm, "popularity") == 0)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("model \"%s\" has no item similarities", model),
				 errdetail("It is a popularity model."),
				 errhint("Use a model trained with algorithm \"als\" or \"als_explicit\".")));
}

static char *
OptionalText(FunctionCallInfo fcinfo, int n)
{
	return PG_ARGISNULL(n) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(n));
}

/*
 * Scores of every item of the model for a user: x . y (plus the biases of
 * an explicit model), the items the user saw in training at -inf when
 * exclude_seen.  NULL for a user unknown to the model.
 */
float4 *
UserScores(const ModelCache *m, int64 user_id, bool exclude_seen, int32 wanted, ScoredRanges *ranges)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {TEXTOID, INT8OID};
	Datum		values[2];
	bool		isnull;
	Embedding  *x;
	float4	   *scores;
	const int64 *seen = NULL;
	int32		nseen = 0;
	int32	   *seen_pos;
	int32		nseen_pos = 0;
	int			rc;

	if (ranges != NULL)
	{
		ranges->n = -1;			/* every item, unless an index or the int8 copy picks fewer */
		ranges->candidates = false;
	}
	values[0] = CStringGetTextDatum(m->name);
	values[1] = Int64GetDatum(user_id);
	rc = SPI_execute_plan(KeptPlan(&plan, "SELECT factors, seen, bias FROM recfair.user_factors "
								   "WHERE model OPERATOR(pg_catalog.=) $1 AND user_id OPERATOR(pg_catalog.=) $2", 2, types),
						  values, NULL, true, 1);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute_plan failed: %s", SPI_result_code_string(rc));
	if (SPI_processed == 0 || m->nitems == 0)
		return NULL;
	x = DatumGetEmbeddingP(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	if (x->dim != m->k)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("user %lld of model \"%s\" has %d factors, expected %d",
						(long long) user_id, m->name, x->dim, m->k)));

	if (exclude_seen)
	{
		Datum		d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull);

		if (!isnull)
			seen = SeenItemIds(d, SPI_gettypeid(SPI_tuptable->tupdesc, 2), &nseen);
	}
	/* the seen items' positions (those still in the model) */
	seen_pos = palloc(sizeof(int32) * Max(nseen, 1));
	for (int32 i = 0; i < nseen; i++)
	{
		int32		pos = ItemPosition(m, seen[i]);

		if (pos >= 0)
			seen_pos[nseen_pos++] = pos;
	}
	if (!recfair_exact_search && (m->ivf != NULL || QuantizedUsable(m, ranges, m->nitems)))
	{
		/*
		 * the seen items are left out before candidates are chosen; only
		 * the candidates are set when the caller reads them through ranges
		 * and nothing adds biases
		 */
		if (m->ivf != NULL)
			scores = IndexScores(m, x->x, wanted, seen_pos, nseen_pos,
								 m->explicit_model || m->item_bias != NULL ? NULL : ranges);
		else
			scores = QuantizedScores(m, x->x, wanted, seen_pos, nseen_pos, ranges);
	}
	else
	{
		scores = ScoreItems(m, x->x);
		for (int32 i = 0; i < nseen_pos; i++)
			scores[seen_pos[i]] = -INFINITY;
	}
	/* biases keep -inf */
	if (m->explicit_model || m->item_bias != NULL)
	{
		Datum		b = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3, &isnull);

		AddBiases(m, scores, isnull ? 0.0f : DatumGetFloat4(b));
	}
	pfree(seen_pos);
	return scores;
}

/*
 * recommend()'s and recommend_explained()'s arguments (user_id, k, model,
 * exclude_seen), checked, and the user's scores: NULL, no rows, for a NULL
 * user (the model is then not even looked up) or one the model does not
 * know.  Inside an SPI connection.
 */
static float4 *
RecommendScores(FunctionCallInfo fcinfo, ModelCache **m, int64 *user_id, int *k, ScoredRanges *ranges)
{
	/* a NULL user (or model) is allowed: an unknown user, no rows */
	CheckArgsNotNull(fcinfo, 4, (1U << 0) | (1U << 2));
	if (PG_ARGISNULL(0))
		return NULL;
	*user_id = PG_GETARG_INT64(0);
	*k = PG_GETARG_INT32(1);
	CheckK(*k);
	*m = GetModel(OptionalText(fcinfo, 2));
	return UserScores(*m, *user_id, PG_GETARG_BOOL(3), *k, ranges);
}

/* recommend(user_id, k, model, exclude_seen): the user's top k items. */
PG_FUNCTION_INFO_V1(recfair_recommend);
Datum
recfair_recommend(PG_FUNCTION_ARGS)
{
	int64		user_id;
	int			k;
	ModelCache *m;
	float4	   *scores;
	ScoredRanges ranges = {.plain = true};

	InitMaterializedSRF(fcinfo, 0);
	SPI_connect();
	scores = RecommendScores(fcinfo, &m, &user_id, &k, &ranges);
	if (scores != NULL)
		EmitTopK(fcinfo, m, scores, &ranges, k);
	SPI_finish();
	return (Datum) 0;
}

/*
 * recommend_explained(user_id, k, model, exclude_seen): recommend()'s rows,
 * each with its top reason (explain.c): the history item that contributes
 * most to its score, and how much.
 */
PG_FUNCTION_INFO_V1(recfair_recommend_explained);
Datum
recfair_recommend_explained(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int64		user_id;
	int			k;
	ModelCache *m;
	float4	   *scores;
	Candidate  *top;
	int32	   *index;
	RowReasons	reasons;
	int			n;
	ScoredRanges ranges = {.plain = true};

	InitMaterializedSRF(fcinfo, 0);
	SPI_connect();
	scores = RecommendScores(fcinfo, &m, &user_id, &k, &ranges);
	if (scores == NULL)
	{
		SPI_finish();
		return (Datum) 0;
	}
	top = palloc(sizeof(Candidate) * k);
	n = TopKOf(m, scores, &ranges, k, top);
	index = palloc(sizeof(int32) * Max(n, 1));
	for (int i = 0; i < n; i++)
		index[i] = top[i].index;
	ExplainRows(m, user_id, n, index, &reasons);
	for (int i = 0; i < n; i++)
	{
		Datum		values[5];
		bool		nulls[5] = {false, false, false, !reasons.found[i], !reasons.found[i]};

		values[0] = Int32GetDatum(i + 1);
		values[1] = Int64GetDatum(m->item_ids[top[i].index]);
		values[2] = Float4GetDatum(top[i].score);
		values[3] = Int64GetDatum(reasons.item[i]);
		values[4] = Float8GetDatum(reasons.contribution[i]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	SPI_finish();
	return (Datum) 0;
}

/* similar_items(item_id, k, model): the k items nearest by cosine of factors. */
PG_FUNCTION_INFO_V1(recfair_similar_items);
Datum
recfair_similar_items(PG_FUNCTION_ARGS)
{
	int64		item_id;
	int			k;
	ModelCache *m;
	int32		pos;
	float4	   *scores;
	const float4 *y;
	float4		ynorm;

	InitMaterializedSRF(fcinfo, 0);
	CheckArgsNotNull(fcinfo, 3, (1U << 0) | (1U << 2));	/* the item(s) and model may be NULL */
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	item_id = PG_GETARG_INT64(0);
	k = PG_GETARG_INT32(1);
	CheckK(k);

	SPI_connect();
	m = GetModel(OptionalText(fcinfo, 2));
	CheckHasSimilarities(m->name);
	pos = ItemPosition(m, item_id);
	if (pos < 0)
	{
		SPI_finish();
		return (Datum) 0;
	}
	y = m->factors + (int64) pos * m->k;
	ynorm = m->norms[pos];
	scores = ScoreItems(m, y);
	for (int32 i = 0; i < m->nitems; i++)
	{
		float4		denom = m->norms[i] * ynorm;

		scores[i] = denom > 0 ? scores[i] / denom : -INFINITY;
	}
	scores[pos] = -INFINITY;
	EmitTopK(fcinfo, m, scores, NULL, k);
	SPI_finish();
	return (Datum) 0;
}

/*
 * Scores of every item for an anonymous basket (bigint[]): the user vector
 * ALS would compute for a user whose only interactions are the basket
 * (fold-in), the basket's items at -inf; NULL when no item of the basket is
 * the model's.  Inside an SPI connection.
 */
float4 *
BasketScores(const ModelCache *m, ArrayType *basket)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	float4	   *a;
	float4	   *x;
	float4	   *scores;
	int			known = 0;
	float		c;

	if (ARR_NDIM(basket) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("item_ids must be a one-dimensional array")));
	deconstruct_array(basket, INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					  &elems, &nulls, &n);
	c = (float) (m->confidence_offset + m->alpha * m->unit_weight);
	a = palloc(sizeof(float4) * m->k * m->k);
	x = palloc0(sizeof(float4) * m->k);
	memcpy(a, m->gram, sizeof(float4) * m->k * m->k);
	for (int j = 0; j < n; j++)
	{
		int32		pos;
		const float4 *y;

		if (nulls[j] || (pos = ItemPosition(m, DatumGetInt64(elems[j]))) < 0)
			continue;
		y = m->factors + (int64) pos * m->k;
		cblas_ssyr(CblasRowMajor, CblasUpper, m->k, c - 1.0f, y, 1, a, m->k);
		cblas_saxpy(m->k, c, y, 1, x, 1);
		known++;
	}
	if (known == 0 || m->nitems == 0)
		return NULL;
	for (int i = 0; i < m->k; i++)
		a[i * m->k + i] += (float4) (m->weighted_regularization ? m->regularization * known : m->regularization);
	/* ssyr updated the upper triangle only: mirror it for the solver */
	for (int r = 0; r < m->k; r++)
		for (int col = 0; col < r; col++)
			a[r * m->k + col] = a[col * m->k + r];
	/* not positive definite only without regularization: x stays sum c y, a fair direction */
	(void) CholeskySolve(a, x, m->k);

	scores = ScoreItems(m, x);
	for (int j = 0; j < n; j++)
		if (!nulls[j])
			Exclude(m, scores, DatumGetInt64(elems[j]));
	return scores;
}

/*
 * Fold-in: the user vector ALS would compute for a user whose only
 * interactions are the basket (weight 1 each), against the fixed item
 * factors: (Y'Y + lambda I + sum (c - 1) y y') x = sum c y, with the
 * model's confidence of weight 1 (1 + alpha, alpha, or 1 + alpha
 * log(1 + 1/eps)) and lambda times the basket's known items if the model's
 * regularization is weighted.
 */
PG_FUNCTION_INFO_V1(recfair_recommend_for_items);
Datum
recfair_recommend_for_items(PG_FUNCTION_ARGS)
{
	int			k;
	ModelCache *m;
	float4	   *scores;

	InitMaterializedSRF(fcinfo, 0);
	CheckArgsNotNull(fcinfo, 3, (1U << 0) | (1U << 2));	/* the item(s) and model may be NULL */
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	k = PG_GETARG_INT32(1);
	CheckK(k);

	SPI_connect();
	m = GetModel(OptionalText(fcinfo, 2));
	scores = BasketScores(m, PG_GETARG_ARRAYTYPE_P(0));
	if (scores != NULL)
		EmitTopK(fcinfo, m, scores, NULL, k);
	SPI_finish();
	return (Datum) 0;
}

/* Planner support: the functions return k rows (their second argument). */
PG_FUNCTION_INFO_V1(recfair_recommend_support);
Datum
recfair_recommend_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);

	if (IsA(rawreq, SupportRequestRows))
	{
		SupportRequestRows *req = (SupportRequestRows *) rawreq;

		if (is_funcclause(req->node))
		{
			List	   *args = ((FuncExpr *) req->node)->args;
			Node	   *karg = list_length(args) >= 2 ? lsecond(args) : NULL;

			if (karg != NULL && IsA(karg, Const) && !((Const *) karg)->constisnull)
			{
				int			k = DatumGetInt32(((Const *) karg)->constvalue);

				req->rows = Max(1, Min(k, MAX_K));
				PG_RETURN_POINTER(req);
			}
		}
	}
	PG_RETURN_POINTER(NULL);
}
