/*-------------------------------------------------------------------------
 *
 * evaluate.c
 *	  recfair.evaluate(): ranking and rating metrics of a model against a
 *	  test source, as DESIGN section 3 defines them.
 *
 * The test source is read like training data (direct scan of a table, SPI
 * cursor for a view or query).  The test users' factors and training items
 * come from recfair.user_factors in one query.  Users are then scored on
 * compute threads, in groups (up to 32 MB of scores each) with one single-threaded matrix-matrix
 * product each (sgemm of the group's user factors against the cached item
 * matrix): running BLAS inside our threads rather than OpenBLAS's own
 * avoids handing work back and forth between two thread pools, which cost
 * a fifth of the time.  Each user's top k, with the items seen in training
 * excluded, is compared with the user's relevant test items.
 *
 * Ranking metrics, per evaluated user, with hits at positions r <= k and
 * rel the user's relevant test items (items unknown to the model count in
 * rel but can never be hit):
 *	 precision@k = hits / k, recall@k = hits / min(k, |rel|),
 *	 ndcg@k = sum 1/log2(r+1) over hits / sum 1/log2(r+1) for r <= min(k, |rel|),
 *	 map@k = sum of precision@r over hits / min(k, |rel|),
 *	 hit_rate@k = share of users with a hit, coverage@k = share of the
 *	 model's items in any list.
 * Users with no relevant test item, or unknown to the model, are skipped
 * and counted.  For als_explicit models, rmse and mae over the test pairs
 * whose user and item are both known.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <cblas.h>
#include <math.h>

#include "catalog/pg_type.h"
#include "embedding.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "interactions.h"
#include "miscadmin.h"
#include "options.h"
#include "parallel.h"
#include "portability/instr_time.h"
#include "serve.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#define MAX_WORKERS 64
#define GEMM_BYTES (32 * 1024 * 1024)	/* per thread, for one group's scores */

static const char *const known_options[] = {
	"user_col", "item_col", "rating_col", "relevant_min"
};

/* What the evaluation knows about one test user. */
typedef struct TestUser
{
	bool		known;			/* has factors in the model */
	float4		bias;
	int32	   *seen;			/* model item indexes seen in training */
	int32		nseen;
	int32	   *rel;			/* relevant model item indexes, sorted; -1 unknown */
	int32		nrel;
} TestUser;

typedef struct Sums
{
	double		precision;
	double		recall;
	double		ndcg;
	double		map;
	double		hits;
	char		pad[24];		/* keep workers' sums on separate cache lines */
} Sums;

typedef struct RankPass
{
	const ModelCache *m;
	TestUser   *users;
	const int32 *order;			/* test user indexes to rank */
	const float4 *x;			/* test users' factors */
	int			group;			/* users per sgemm */
	float4	   *scores;			/* per worker: group x nitems */
	float4	   *xb;				/* per worker: group x k */
	int			k;
	Candidate  *top;			/* per worker: k */
	bool	   *covered;		/* per worker: nitems */
	Sums		sums[MAX_WORKERS];
} RankPass;

static bool
Relevant(const TestUser *u, int32 item)
{
	int32		lo = 0;
	int32		hi = u->nrel - 1;

	while (lo <= hi)
	{
		int32		mid = (lo + hi) / 2;

		if (u->rel[mid] == item)
			return true;
		if (u->rel[mid] < item)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return false;
}

static void RankUser(RankPass *p, TestUser *u, float4 *scores, Candidate *top, bool *covered,
					 Sums *sums);

static void
RankWork(void *arg, int64 start, int64 end, int worker)
{
	RankPass   *p = (RankPass *) arg;
	const ModelCache *m = p->m;
	Candidate  *top = p->top + (int64) worker * p->k;
	bool	   *covered = p->covered + (int64) worker * m->nitems;
	Sums	   *sums = &p->sums[worker];

	for (int64 g0 = start; g0 < end; g0 += p->group)
	{
		int			ng = (int) Min(p->group, end - g0);
		float4	   *gscores = p->scores + (int64) worker * p->group * m->nitems;
		float4	   *xb = p->xb + (int64) worker * p->group * m->k;

		for (int b = 0; b < ng; b++)
			memcpy(xb + (int64) b * m->k, p->x + (int64) p->order[g0 + b] * m->k, sizeof(float4) * m->k);
		/* scores (ng x nitems) = xb (ng x k) * Y', on this thread */
		cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, ng, m->nitems, m->k,
					1.0f, xb, m->k, m->factors, m->k, 0.0f, gscores, m->nitems);
		for (int b = 0; b < ng; b++)
			RankUser(p, &p->users[p->order[g0 + b]], gscores + (int64) b * m->nitems, top, covered, sums);
	}
}

static void
RankUser(RankPass *p, TestUser *u, float4 *scores, Candidate *top, bool *covered, Sums *sums)
{
	const ModelCache *m = p->m;
	int			n;
	int			ideal = Min(p->k, u->nrel);
	double		dcg = 0.0;
	double		idcg = 0.0;
	double		ap = 0.0;
	int			hits = 0;

	if (m->explicit_model)
	{
		float4		base = (float4) m->global_mean + u->bias;

		for (int32 i = 0; i < m->nitems; i++)
			scores[i] += base + (m->item_bias ? m->item_bias[i] : 0.0f);
	}
	for (int32 j = 0; j < u->nseen; j++)
		scores[u->seen[j]] = -INFINITY;
	n = TopK(m, scores, p->k, top);
	for (int r = 1; r <= n; r++)
	{
		covered[top[r - 1].index] = true;
		if (Relevant(u, top[r - 1].index))
		{
			hits++;
			dcg += 1.0 / log2(r + 1.0);
			ap += (double) hits / r;
		}
	}
	for (int r = 1; r <= ideal; r++)
		idcg += 1.0 / log2(r + 1.0);
	sums->precision += (double) hits / p->k;
	sums->recall += (double) hits / ideal;
	sums->ndcg += dcg / idcg;
	sums->map += ap / ideal;
	sums->hits += hits > 0 ? 1.0 : 0.0;
}

static int
CompareInt32(const void *a, const void *b)
{
	int32		x = *(const int32 *) a;
	int32		y = *(const int32 *) b;

	return (x > y) - (x < y);
}

/* The model's training columns (user_col, item_col, weight_col). */
static void
ModelColumns(const char *model, char **user_col, char **item_col, char **weight_col)
{
	Oid			types[1] = {TEXTOID};
	Datum		values[1] = {CStringGetTextDatum(model)};
	int			rc;

	rc = SPI_execute_with_args("SELECT hyperparameters->>'user_col', hyperparameters->>'item_col', "
							   "hyperparameters->>'weight_col' FROM recfair.models WHERE name = $1",
							   1, types, values, NULL, true, 1);
	if (rc != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "could not read model \"%s\"", model);
	*user_col = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	*item_col = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2);
	*weight_col = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3);
}

/*
 * Look up the test users' factors (into x, zero for unknown users), biases
 * and seen items in the model.
 */
static void
LoadTestUsers(const ModelCache *m, const Interactions *test, TestUser *users, float4 *x)
{
	Oid			types[2] = {TEXTOID, INT8ARRAYOID};
	Datum		values[2];
	Datum	   *ids = palloc(sizeof(Datum) * Max(test->nusers, 1));
	idmap_hash *index = idmap_create(CurrentMemoryContext, Max(test->nusers, 16), NULL);
	int			rc;

	for (int32 u = 0; u < test->nusers; u++)
	{
		bool		found;

		ids[u] = Int64GetDatum(test->user_ids[u]);
		idmap_insert(index, test->user_ids[u], &found)->index = u;
	}
	values[0] = CStringGetTextDatum(m->name);
	values[1] = PointerGetDatum(construct_array(ids, test->nusers, INT8OID, sizeof(int64),
												FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
	rc = SPI_execute_with_args("SELECT user_id, factors, bias, seen FROM recfair.user_factors "
							   "WHERE model = $1 AND user_id = ANY ($2)",
							   2, types, values, NULL, true, 0);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute_with_args failed: %s", SPI_result_code_string(rc));
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		HeapTuple	tup = SPI_tuptable->vals[r];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		bool		isnull;
		int64		id = DatumGetInt64(SPI_getbinval(tup, desc, 1, &isnull));
		IdMapEntry *e = idmap_lookup(index, id);
		Embedding  *f = DatumGetEmbeddingP(SPI_getbinval(tup, desc, 2, &isnull));
		Datum		bias = SPI_getbinval(tup, desc, 3, &isnull);
		TestUser   *u;

		if (e == NULL)
			continue;
		u = &users[e->index];
		if (f->dim != m->k)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("user %lld of model \"%s\" has %d factors, expected %d",
							(long long) id, m->name, f->dim, m->k)));
		memcpy(x + (int64) e->index * m->k, f->x, sizeof(float4) * m->k);
		u->known = true;
		u->bias = isnull ? 0.0f : DatumGetFloat4(bias);
		{
			Datum		seen = SPI_getbinval(tup, desc, 4, &isnull);

			if (!isnull)
			{
				ArrayType  *arr = DatumGetArrayTypeP(seen);
				int			n = ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr));
				int64	   *items = (int64 *) ARR_DATA_PTR(arr);

				u->seen = palloc(sizeof(int32) * Max(n, 1));
				for (int j = 0; j < n; j++)
				{
					IdMapEntry *ie = idmap_lookup(m->index, items[j]);

					if (ie != NULL)
						u->seen[u->nseen++] = ie->index;
				}
			}
		}
		CHECK_FOR_INTERRUPTS();
	}
	SPI_freetuptable(SPI_tuptable);
}

static void
EmitMetric(ReturnSetInfo *rsinfo, const char *name, double value)
{
	Datum		values[2] = {CStringGetTextDatum(name), Float8GetDatum(value)};
	bool		nulls[2] = {false, false};

	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
}

PG_FUNCTION_INFO_V1(recfair_evaluate);
Datum
recfair_evaluate(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	char	   *model_arg;
	int			k;
	Jsonb	   *options;
	InteractionSource src;
	char	   *model_user_col;
	char	   *model_item_col;
	char	   *model_weight_col;
	char	   *relevant_text;
	double		relevant_min = -INFINITY;
	MemoryBudget budget = {0};
	ModelCache *m;
	Interactions *test;
	TestUser   *users;
	float4	   *x;
	int32	   *order;
	int32		nevaluated = 0;
	int32		nskipped = 0;
	int32	   *test2model;
	RankPass	pass;
	int			nthreads = ParallelThreads();
	Sums		total = {0};
	int64		ncovered = 0;
	double		se = 0.0;
	double		ae = 0.0;
	int64		npairs = 0;
	instr_time	start;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("test, k and options must not be NULL")));
	model_arg = PG_ARGISNULL(0) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(0));
	k = PG_GETARG_INT32(2);
	options = PG_GETARG_JSONB_P(3);
	CheckK(k);
	CheckOptionKeys(options, known_options, lengthof(known_options));
	InitMaterializedSRF(fcinfo, 0);
	INSTR_TIME_SET_CURRENT(start);

	SPI_connect();
	m = GetModel(model_arg);
	ModelColumns(m->name, &model_user_col, &model_item_col, &model_weight_col);

	src.source = text_to_cstring(PG_GETARG_TEXT_PP(1));
	if (src.source[0] == '\0')
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("test must not be empty")));
	src.user_col = OptionText(options, "user_col");
	if (src.user_col == NULL)
		src.user_col = model_user_col ? model_user_col : "user_id";
	src.item_col = OptionText(options, "item_col");
	if (src.item_col == NULL)
		src.item_col = model_item_col ? model_item_col : "item_id";
	relevant_text = OptionText(options, "relevant_min");
	if (relevant_text != NULL)
		relevant_min = OptionNumber(options, "relevant_min", 0, -1e300, 1e300);
	/* ratings: for explicit models and relevance thresholds */
	src.weight_col = OptionText(options, "rating_col");
	if (src.weight_col == NULL && (m->explicit_model || relevant_text != NULL))
	{
		src.weight_col = model_weight_col;
		if (src.weight_col == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("relevant_min needs a rating column"),
					 errhint("Pass options => '{\"rating_col\": \"...\"}'.")));
	}

	test = ReadInteractions(&src, &budget);

	/* test items in model indexes */
	test2model = palloc(sizeof(int32) * Max(test->nitems, 1));
	for (int32 i = 0; i < test->nitems; i++)
	{
		IdMapEntry *e = idmap_lookup(m->index, test->item_ids[i]);

		test2model[i] = e ? e->index : -1;
	}

	users = palloc0(sizeof(TestUser) * Max(test->nusers, 1));
	x = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(float4) * m->k * Max((Size) test->nusers, 1));
	memset(x, 0, sizeof(float4) * m->k * Max((Size) test->nusers, 1));
	LoadTestUsers(m, test, users, x);

	/* relevant items, and rating errors for explicit models */
	{
		for (int32 u = 0; u < test->nusers; u++)
		{
			TestUser   *tu = &users[u];
			int64		lo = test->user_ptr[u];
			int64		hi = test->user_ptr[u + 1];

			tu->rel = palloc(sizeof(int32) * Max(hi - lo, 1));
			for (int64 j = lo; j < hi; j++)
			{
				int32		mi = test2model[test->user_items[j]];

				if (src.weight_col && test->user_weights[j] < relevant_min)
					continue;
				tu->rel[tu->nrel++] = mi;
			}
			qsort(tu->rel, tu->nrel, sizeof(int32), CompareInt32);

			if (m->explicit_model && tu->known)
				for (int64 j = lo; j < hi; j++)
				{
					int32		mi = test2model[test->user_items[j]];
					double		pred;
					double		err;

					if (mi < 0)
						continue;
					pred = m->global_mean + tu->bias + (m->item_bias ? m->item_bias[mi] : 0.0f) +
						cblas_sdot(m->k, x + (int64) u * m->k, 1, m->factors + (int64) mi * m->k, 1);
					err = test->user_weights[j] - pred;
					se += err * err;
					ae += fabs(err);
					npairs++;
				}
		}
	}

	/* users to rank: known to the model, with at least one relevant item */
	order = palloc(sizeof(int32) * Max(test->nusers, 1));
	for (int32 u = 0; u < test->nusers; u++)
	{
		if (users[u].known && users[u].nrel > 0 && m->nitems > 0)
			order[nevaluated++] = u;
		else
			nskipped++;
	}

	memset(&pass, 0, sizeof(pass));
	pass.m = m;
	pass.users = users;
	pass.k = k;
	pass.order = order;
	pass.x = x;
	/* big groups amortize the packing of the item matrix inside sgemm */
	pass.group = (int) Max(8, Min(1024, GEMM_BYTES / ((int64) Max(m->nitems, 1) * sizeof(float4))));
	pass.scores = MemoryContextAllocHuge(CurrentMemoryContext,
										 sizeof(float4) * pass.group * (Size) Max(m->nitems, 1) * nthreads);
	pass.xb = palloc(sizeof(float4) * pass.group * m->k * nthreads);
	pass.top = palloc(sizeof(Candidate) * k * nthreads);
	pass.covered = MemoryContextAllocHuge(CurrentMemoryContext,
										  sizeof(bool) * (Size) Max(m->nitems, 1) * nthreads);
	memset(pass.covered, 0, sizeof(bool) * (Size) Max(m->nitems, 1) * nthreads);
	ParallelForRange(nevaluated, pass.group, RankWork, &pass);
	for (int t = 0; t < nthreads; t++)
	{
		total.precision += pass.sums[t].precision;
		total.recall += pass.sums[t].recall;
		total.ndcg += pass.sums[t].ndcg;
		total.map += pass.sums[t].map;
		total.hits += pass.sums[t].hits;
	}
	for (int32 i = 0; i < m->nitems; i++)
		for (int t = 0; t < nthreads; t++)
			if (pass.covered[(int64) t * m->nitems + i])
			{
				ncovered++;
				break;
			}

	{
		double		n = nevaluated > 0 ? nevaluated : NAN;

		EmitMetric(rsinfo, psprintf("precision@%d", k), total.precision / n);
		EmitMetric(rsinfo, psprintf("recall@%d", k), total.recall / n);
		EmitMetric(rsinfo, psprintf("ndcg@%d", k), total.ndcg / n);
		EmitMetric(rsinfo, psprintf("map@%d", k), total.map / n);
		EmitMetric(rsinfo, psprintf("hit_rate@%d", k), total.hits / n);
		EmitMetric(rsinfo, psprintf("coverage@%d", k),
				   m->nitems > 0 ? (double) ncovered / m->nitems : NAN);
		EmitMetric(rsinfo, "users_evaluated", nevaluated);
		EmitMetric(rsinfo, "users_skipped", nskipped);
		if (m->explicit_model)
		{
			EmitMetric(rsinfo, "rmse", npairs > 0 ? sqrt(se / npairs) : NAN);
			EmitMetric(rsinfo, "mae", npairs > 0 ? ae / npairs : NAN);
		}
	}
	{
		instr_time	now;

		INSTR_TIME_SET_CURRENT(now);
		INSTR_TIME_SUBTRACT(now, start);
		ereport(NOTICE,
				(errmsg("evaluated %d users (%d skipped) over %d items in %.2f s",
						nevaluated, nskipped, m->nitems, INSTR_TIME_GET_DOUBLE(now))));
	}
	SPI_finish();
	return (Datum) 0;
}
