/*-------------------------------------------------------------------------
 *
 * evaluate.c
 *	  recfair.evaluate(): ranking and rating metrics of a model against a
 *	  test source, as docs/design.md ("Definitions") defines them.
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
 * rel the user's relevant test items: a test pair counts once (duplicate
 * rows keep the largest rating, rows with a NULL rating are skipped), and
 * items of the user's training interactions leave rel, as they are never
 * ranked (items unknown to the model stay in rel but can never be hit):
 *	 precision@k = hits / k, recall@k = hits / min(k, |rel|),
 *	 ndcg@k = sum 1/log2(r+1) over hits / sum 1/log2(r+1) for r <= min(k, |rel|),
 *	 map@k = sum of precision@r over hits / min(k, |rel|),
 *	 hit_rate@k = share of users with a hit, coverage@k = share of the
 *	 model's items in any list.
 * Users with no relevant test item, or unknown to the model, are skipped
 * and counted.  For als_explicit models, rmse and mae over the test pairs
 * whose user and item are both known.
 *
 * Fairness (options group_col, a column of the model's registered item
 * table): each list position r gives its item's group exposure
 * v(r) = 1/log2(r+1); exposure_share@k[g] is a group's share of all
 * exposure over the evaluated users' lists, exposure_disparity@k half the
 * sum of |share - target| over groups, exposure_gini@k the Gini coefficient
 * of exposure over the model's items.  With fair = true the lists come from
 * the fair re-ranker (fair.c) as recommend_fair() makes them; amortized =
 * true re-ranks users one after another, each list leaning toward the
 * groups behind so far (single-threaded, as the order matters).  With
 * user_group_col (a column of the registered user table): ndcg@k per user
 * group and the gap between the best and the worst.
 *
 * recfair.exposure_report() reuses the same machinery over a set of users
 * without test items, to report exposure per group for dashboards, and so
 * do recommend_fair_batch() (fair lists for a set of users) and
 * recommend_all() (every user's list into a table).  Batch lists always
 * score every item exactly (no item index, no int8 copy).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <cblas.h>
#include <math.h>

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "compare.h"
#include "embedding.h"
#include "executor/spi.h"
#include "fair.h"
#include "funcapi.h"
#include "idset.h"
#include "attack.h"
#include "interactions.h"
#include "legacy.h"
#include "miscadmin.h"
#include "model_store.h"
#include "options.h"
#include "parallel.h"
#include "portability/instr_time.h"
#include "progress.h"
#include "rating_fair.h"
#include "relnames.h"
#include "serve.h"
#include "storage/shmem.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/regproc.h"
#include "utils/tuplestore.h"
#include "utils/varlena.h"

#define MAX_WORKERS RECFAIR_MAX_THREADS	/* the pool never runs more (parallel.h) */
#define GEMM_BYTES (32 * 1024 * 1024)	/* per thread, for one group's scores */

/* evaluate()'s arguments, by position in its SQL signature. */
enum
{
	EV_ARG_MODEL,
	EV_ARG_TEST,
	EV_ARG_K,
	EV_ARG_OPTIONS,
	EV_ARG_USER_COL,
	EV_ARG_ITEM_COL,
	EV_ARG_RATING_COL,
	EV_ARG_RELEVANT_MIN,
	EV_ARG_GROUP_COL,
	EV_ARG_FAIR,
	EV_ARG_TARGET,
	EV_ARG_STRENGTH,
	EV_ARG_CANDIDATES,
	EV_ARG_AMORTIZED,
	EV_ARG_USER_GROUP_COL,
	EV_ARG_TEST_QUERY,
	EV_NARGS
};

static const FairArgs evaluate_fair_args = {
	EV_ARG_TARGET, EV_ARG_STRENGTH, EV_ARG_CANDIDATES, EV_ARG_AMORTIZED, EV_ARG_OPTIONS, "attack"
};

/* Options of evaluate() in 0.5.0 that are arguments, or renamed, since 0.6.0. */
static const MovedOption evaluate_moved[] = {
	{"user_col"}, {"item_col"}, {"rating_col"}, {"relevant_min"}, {"group_col"}, {"target"}, {"fair"},
	{"strength"}, {"candidates"}, {"amortized"}, {"user_group_col"}, {"price", "deficit_scale"}
};

/* exposure_report()'s arguments, by position in its SQL signature. */
enum
{
	ER_ARG_MODEL,
	ER_ARG_GROUP_COL,
	ER_ARG_K,
	ER_ARG_FAIR,
	ER_ARG_USERS,
	ER_ARG_TARGET,
	ER_ARG_STRENGTH,
	ER_ARG_AMORTIZED,
	ER_ARG_CANDIDATES,
	ER_ARG_USERS_QUERY,
	ER_ARG_OPTIONS,
	ER_NARGS
};

static const FairArgs exposure_report_fair_args = {
	ER_ARG_TARGET, ER_ARG_STRENGTH, ER_ARG_CANDIDATES, ER_ARG_AMORTIZED, ER_ARG_OPTIONS, NULL
};

/* evaluate() and exposure_report() as 0.5.0 and earlier declared them (legacy.c). */
static const int evaluate_legacy_args[] = {EV_ARG_MODEL, -1, EV_ARG_K, EV_ARG_OPTIONS};
static const LegacyArg evaluate_legacy_defaults[] = {
	{EV_ARG_FAIR, BOOLOID, "false"}, {EV_ARG_TARGET, TEXTOID, "equal"}, {EV_ARG_STRENGTH, FLOAT4OID, "1"},
	{EV_ARG_AMORTIZED, BOOLOID, "false"}, {-1}
};
static const LegacyArg evaluate_legacy_moved[] = {
	{EV_ARG_USER_COL, TEXTOID, "user_col"}, {EV_ARG_ITEM_COL, TEXTOID, "item_col"},
	{EV_ARG_RATING_COL, TEXTOID, "rating_col"}, {EV_ARG_RELEVANT_MIN, FLOAT8OID, "relevant_min"},
	{EV_ARG_GROUP_COL, TEXTOID, "group_col"}, {EV_ARG_TARGET, TEXTOID, "target"}, {EV_ARG_FAIR, BOOLOID, "fair"},
	{EV_ARG_STRENGTH, FLOAT4OID, "strength"}, {EV_ARG_CANDIDATES, INT4OID, "candidates"},
	{EV_ARG_AMORTIZED, BOOLOID, "amortized"}, {EV_ARG_USER_GROUP_COL, TEXTOID, "user_group_col"}, {-1}
};
static const LegacySignature evaluate_legacy = {
	lengthof(evaluate_legacy_args), EV_NARGS, evaluate_legacy_args, 1, EV_ARG_TEST, EV_ARG_TEST_QUERY,
	EV_ARG_OPTIONS, EV_ARG_OPTIONS, evaluate_legacy_defaults, evaluate_legacy_moved
};
static const int exposure_report_legacy_args[] = {
	ER_ARG_MODEL, ER_ARG_GROUP_COL, ER_ARG_K, ER_ARG_FAIR, -1, ER_ARG_TARGET, ER_ARG_STRENGTH, ER_ARG_AMORTIZED
};
static const LegacyArg exposure_report_legacy_defaults[] = {{ER_ARG_OPTIONS, JSONBOID, "{}"}, {-1}};
static const LegacyArg no_legacy_moves[] = {{-1}};
static const LegacySignature exposure_report_legacy = {
	lengthof(exposure_report_legacy_args), ER_NARGS, exposure_report_legacy_args, 4, ER_ARG_USERS,
	ER_ARG_USERS_QUERY, -1, -1, exposure_report_legacy_defaults, no_legacy_moves
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
	float		ndcg;			/* this user's ndcg@k, for user groups */
	float		precision;		/* and the others, for evaluate_per_user */
	float		recall;
	float		ap;
	bool		hit;
	int32		user_group;		/* -1: none */
} TestUser;

typedef struct Sums
{
	double		precision;
	double		recall;
	double		ndcg;
	double		map;
	double		hits;
	double		diversity;		/* intra-list diversity */
	double		groups;			/* distinct groups per list */
	char		pad[8];			/* keep workers' sums on separate cache lines */
} Sums;

/* Diversity and distinct groups are measured on the first positions of a list. */
#define DIVERSITY_POSITIONS 100

/* One worker's slices of the pass's buffers. */
typedef struct RankWorker
{
	float4	   *scores;			/* group x nitems */
	float4	   *xb;				/* group x k */
	Candidate  *top;			/* k */
	bool	   *covered;		/* nitems */
	double	   *group_exposure; /* ngroups */
	double	   *plain_exposure; /* ngroups, amortized mode */
	double	   *item_exposure;	/* nitems */
	double	   *merit_mass;		/* ngroups */
	FairItem   *out;			/* k */
} RankWorker;

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
	RankWorker	workers[MAX_WORKERS];	/* each worker's slices of the buffers below */
	int			nthreads;		/* the buffers' workers: read once (the test SQL may change the setting) */
	/* fairness: NULL gm for none */
	const GroupMap *gm;
	bool		fair;
	bool		merit;
	FairListInput fair_input;	/* what the fair lists are made of */
	FairListScratch *fair_scratch;	/* per worker */
	AmortizedScale amortized_scale; /* amortized mode: this run's score scale */
	int			ncandidates;
	double	   *group_exposure; /* per worker: ngroups */
	double	   *plain_exposure; /* per worker: ngroups, amortized mode */
	double	   *item_exposure;	/* per worker: nitems */
	double	   *merit_mass;		/* per worker: ngroups */
	FairItem   *out;			/* per worker: k */
	bool		amortized;
	/* recommend_fair_batch: each user's list (by user index, k each), or NULL */
	Candidate  *lists;
	int32	   *list_len;
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

static void RankUser(RankPass *p, TestUser *u, float4 *scores, int worker);

static void
RankWork(void *arg, int64 start, int64 end, int worker)
{
	RankPass   *p = (RankPass *) arg;
	const ModelCache *m = p->m;

	for (int64 g0 = start; g0 < end; g0 += p->group)
	{
		int			ng = (int) Min(p->group, end - g0);
		float4	   *gscores = p->workers[worker].scores;
		float4	   *xb = p->workers[worker].xb;

		for (int b = 0; b < ng; b++)
			memcpy(xb + (int64) b * m->k, p->x + (int64) p->order[g0 + b] * m->k, sizeof(float4) * m->k);
		/* scores (ng x nitems) = xb (ng x k) * Y', on this thread */
		cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, ng, m->nitems, m->k,
					1.0f, xb, m->k, m->factors, m->k, 0.0f, gscores, m->nitems);
		for (int b = 0; b < ng; b++)
			RankUser(p, &p->users[p->order[g0 + b]], gscores + (int64) b * m->nitems, worker);
	}
}

/*
 * Intra-list diversity of a list's first n items, the mean cosine distance
 * 1 - cos(q_a, q_b) over its pairs (0 for a list of fewer than two), and
 * with groups the number of distinct groups in it, into sums.  Compute
 * thread.
 */
static void
ListDiversity(const ModelCache *m, const GroupMap *gm, const Candidate *top, int n, Sums *sums)
{
	double		distance = 0.0;
	int			distinct = 0;

	for (int a = 0; a < n; a++)
	{
		const float4 *qa = m->factors + (int64) top[a].index * m->k;
		bool		seen = false;

		for (int b = a + 1; b < n; b++)
		{
			const float4 *qb = m->factors + (int64) top[b].index * m->k;
			double		dot = 0.0;
			double		norms = (double) m->norms[top[a].index] * m->norms[top[b].index];

			for (int f = 0; f < m->k; f++)
				dot += (double) qa[f] * qb[f];
			distance += norms > 0 ? 1.0 - dot / norms : 1.0;
		}
		if (gm != NULL)
		{
			for (int b = 0; b < a && !seen; b++)
				seen = gm->group_of_item[top[b].index] == gm->group_of_item[top[a].index];
			distinct += seen ? 0 : 1;
		}
	}
	sums->diversity += n >= 2 ? distance / ((double) n * (n - 1) / 2) : 0.0;
	sums->groups += distinct;
}

/*
 * The list of one user (plain top k, or fair), its accuracy (users with
 * relevant items) and its exposure (when groups are asked for).  Runs on a
 * compute thread: no PostgreSQL calls.
 */
static void
RankUser(RankPass *p, TestUser *u, float4 *scores, int worker)
{
	const ModelCache *m = p->m;
	const GroupMap *gm = p->gm;
	int			k = p->k;
	Candidate  *top = p->workers[worker].top;
	bool	   *covered = p->workers[worker].covered;
	Sums	   *sums = &p->sums[worker];
	int			n;
	int			ideal = Min(k, u->nrel);
	double		dcg = 0.0;
	double		idcg = 0.0;
	double		ap = 0.0;
	int			hits = 0;

	if (m->explicit_model || m->item_bias != NULL)
		AddBiases(m, scores, u->bias);
	for (int32 j = 0; j < u->nseen; j++)
		scores[u->seen[j]] = -INFINITY;

	if (gm != NULL && (p->fair || p->merit))
	{
		FairListScratch *scratch = &p->fair_scratch[worker];
		double	   *gexp = p->workers[worker].group_exposure;
		FairItem   *out = p->workers[worker].out;

		if (p->fair)
		{
			FairPrior	prior = {NULL, NULL, 0.0};

			if (p->amortized)
			{
				prior.exposure = gexp;
				prior.plain = p->workers[worker].plain_exposure;
				for (int g = 0; g < gm->ngroups; g++)
					prior.total += gexp[g];
			}
			n = BuildFairList(&p->fair_input, scratch, scores, &prior, out);
			if (p->amortized)
			{
				/* what the plain list would have given */
				double	   *plain = p->workers[worker].plain_exposure;
				int			nplain = TopK(m, scores, k, top);

				for (int i = 0; i < nplain; i++)
					plain[gm->group_of_item[top[i].index]] += RankExposure(i + 1);
			}
			for (int i = 0; i < n; i++)
			{
				top[i].index = out[i].index;
				top[i].score = out[i].score;
			}
		}
		else
		{
			/* plain lists; the candidates only for the merit shares */
			FairListPool(&p->fair_input, scratch, scores);
			n = TopK(m, scores, k, top);
		}
	}
	else
		n = TopK(m, scores, k, top);

	if (p->lists != NULL)
	{
		int64		at = u - p->users;

		memcpy(p->lists + at * k, top, sizeof(Candidate) * n);
		p->list_len[at] = n;
	}
	for (int r = 1; r <= n; r++)
	{
		covered[top[r - 1].index] = true;
		if (gm != NULL)
		{
			double		v = RankExposure(r);

			p->workers[worker].group_exposure[gm->group_of_item[top[r - 1].index]] += v;
			p->workers[worker].item_exposure[top[r - 1].index] += v;
		}
		if (u->nrel > 0 && Relevant(u, top[r - 1].index))
		{
			hits++;
			dcg += 1.0 / log2(r + 1.0);
			ap += (double) hits / r;
		}
	}
	if (u->nrel == 0)
		return;					/* exposure only (exposure_report) */
	for (int r = 1; r <= ideal; r++)
		idcg += 1.0 / log2(r + 1.0);
	u->ndcg = (float) (dcg / idcg);
	u->precision = (float) ((double) hits / k);
	u->recall = (float) ((double) hits / ideal);
	u->ap = (float) (ap / ideal);
	u->hit = hits > 0;
	sums->precision += (double) hits / k;
	sums->recall += (double) hits / ideal;
	sums->ndcg += dcg / idcg;
	sums->map += ap / ideal;
	sums->hits += hits > 0 ? 1.0 : 0.0;
	ListDiversity(m, gm, top, Min(n, DIVERSITY_POSITIONS), sums);
}

/* The model's training columns (user_col, item_col, weight_col). */
static void
ModelColumns(const char *model, char **user_col, char **item_col, char **weight_col,
			 bool *explicit_model)
{
	Oid			types[1] = {TEXTOID};
	Datum		values[1] = {CStringGetTextDatum(model)};
	int			rc;

	rc = SPI_execute_with_args("SELECT hyperparameters OPERATOR(pg_catalog.->>) 'user_col'::pg_catalog.text, "
							   "hyperparameters OPERATOR(pg_catalog.->>) 'item_col'::pg_catalog.text, "
							   "hyperparameters OPERATOR(pg_catalog.->>) 'weight_col'::pg_catalog.text, "
							   "algorithm OPERATOR(pg_catalog.=) 'als_explicit'::pg_catalog.text "
							   "FROM recfair.models WHERE name OPERATOR(pg_catalog.=) $1",
							   1, types, values, NULL, true, 1);
	if (rc != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "could not read model \"%s\"", model);
	*user_col = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	*item_col = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2);
	*weight_col = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3);
	if (explicit_model)
	{
		bool		isnull;

		*explicit_model = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 4, &isnull));
	}
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
	Datum	   *ids = palloc(mul_size(sizeof(Datum), Max(test->nusers, 1)));
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
							   "WHERE model OPERATOR(pg_catalog.=) $1 AND user_id OPERATOR(pg_catalog.=) ANY ($2)",
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
				int32		n;
				const int64 *items = SeenItemIds(seen, SPI_gettypeid(desc, 4), &n);

				u->seen = palloc(sizeof(int32) * Max(n, 1));
				for (int j = 0; j < n; j++)
				{
					int32		pos = ItemPosition(m, items[j]);

					if (pos >= 0)
						u->seen[u->nseen++] = pos;
				}
				/* sorted, for the relevant items' lookups */
				qsort(u->seen, u->nseen, sizeof(int32), CompareInt32);
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

/* What the lists are made of: shared by evaluate() and exposure_report(). */
typedef struct ListConfig
{
	int			k;
	const GroupMap *gm;			/* NULL: no groups */
	bool		fair;
	FairSettings fs;
	int32		keep_lists;		/* > 0: keep each of this many users' lists (RankPass.lists) */
} ListConfig;

/*
 * Make the lists of the users in order[0..n) and accumulate accuracy and
 * exposure into pass (allocated here).  Target shares other than merit are
 * computed once here, on the backend thread.
 */
static void
RunLists(RankPass *pass, ModelCache *m, TestUser *users, const float4 *x,
		 const int32 *order, int32 n, const ListConfig *cfg, double *fixed_shares,
		 MemoryBudget *budget)
{
	int			nthreads = ParallelThreads();
	int			k = cfg->k;
	const GroupMap *gm = cfg->gm;
	Size		nitems = Max(m->nitems, 1);
	Size		per_thread;

	/* users per sgemm: big groups amortize the packing of the item matrix inside it */
	int			group = (int) Max(8, Min(1024, GEMM_BYTES / ((int64) nitems * sizeof(float4))));

	/* what the threads' buffers take, against recfair.training_memory_limit */
	per_thread = add_size(mul_size(mul_size(sizeof(float4), group), nitems), mul_size(sizeof(bool), nitems));
	if (gm != NULL)
		per_thread = add_size(per_thread,
							  add_size(mul_size(sizeof(double), nitems),
									   mul_size(sizeof(FairItem) + sizeof(bool),
												FairPoolCapacity(gm, k, Min(cfg->fs.ncandidates, (int) nitems)))));
	BudgetReserve(budget, mul_size(per_thread, nthreads), "the evaluation's score buffers");

	memset(pass, 0, sizeof(*pass));
	pass->nthreads = nthreads;
	pass->m = m;
	pass->users = users;
	pass->k = k;
	pass->order = order;
	pass->x = x;
	pass->group = group;
	if (cfg->keep_lists > 0)
	{
		BudgetReserve(budget, mul_size(mul_size(sizeof(Candidate) + sizeof(int32), k), cfg->keep_lists), "the lists");
		pass->lists = MemoryContextAllocHuge(CurrentMemoryContext,
											 mul_size(mul_size(sizeof(Candidate), k), cfg->keep_lists));
		pass->list_len = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(int32), cfg->keep_lists));
		memset(pass->list_len, 0, mul_size(sizeof(int32), cfg->keep_lists));
	}
	pass->scores = MemoryContextAllocHuge(CurrentMemoryContext,
										  mul_size(mul_size(mul_size(sizeof(float4), group), nitems), nthreads));
	pass->xb = palloc(mul_size(mul_size(mul_size(sizeof(float4), group), m->k), nthreads));
	pass->top = palloc(sizeof(Candidate) * k * nthreads);
	pass->covered = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(mul_size(sizeof(bool), nitems), nthreads));
	memset(pass->covered, 0, mul_size(mul_size(sizeof(bool), nitems), nthreads));

	if (gm != NULL)
	{
		int			g = Max(gm->ngroups, 1);
		int			ncand = Min(cfg->fs.ncandidates, Max(m->nitems, 1));

		pass->gm = gm;
		pass->fair = cfg->fair;
		pass->merit = cfg->fs.target.kind == TARGET_MERIT;
		pass->amortized = cfg->fs.amortized && cfg->fair;
		pass->ncandidates = ncand;
		pass->amortized_scale.top_sum = 0.0;
		pass->amortized_scale.lists = 0;
		if (!pass->merit)
			TargetShares(&cfg->fs.target, gm, NULL, 0, fixed_shares);
		pass->fair_input.m = m;
		pass->fair_input.gm = gm;
		pass->fair_input.k = k;
		pass->fair_input.ncandidates = ncand;
		pass->fair_input.merit = pass->merit;
		pass->fair_input.fixed_shares = fixed_shares;
		pass->fair_input.strength = cfg->fs.strength;
		pass->fair_input.amortized = pass->amortized;
		pass->fair_input.deficit_scale = cfg->fs.deficit_scale;
		pass->fair_input.scale_state = &pass->amortized_scale;
		pass->fair_input.interruptible = false; /* compute threads */
		pass->group_exposure = palloc0(mul_size(mul_size(sizeof(double), g), nthreads));
		pass->item_exposure = MemoryContextAllocHuge(CurrentMemoryContext,
													 mul_size(mul_size(sizeof(double), nitems), nthreads));
		memset(pass->item_exposure, 0, mul_size(mul_size(sizeof(double), nitems), nthreads));
		pass->merit_mass = palloc0(mul_size(mul_size(sizeof(double), g), nthreads));
		pass->fair_scratch = AllocFairListScratch(&pass->fair_input, nthreads);
		if (pass->merit)
			for (int w = 0; w < nthreads; w++)
				pass->fair_scratch[w].merit_mass = pass->merit_mass + (int64) w * gm->ngroups;	/* = workers[w].merit_mass */
		pass->plain_exposure = palloc0(mul_size(mul_size(sizeof(double), g), nthreads));
		pass->out = palloc(sizeof(FairItem) * k * nthreads);
	}
	for (int w = 0; w < nthreads; w++)
	{
		RankWorker *rw = &pass->workers[w];

		rw->scores = pass->scores + (int64) w * pass->group * m->nitems;
		rw->xb = pass->xb + (int64) w * pass->group * m->k;
		rw->top = pass->top + (int64) w * k;
		rw->covered = pass->covered + (int64) w * m->nitems;
		if (gm != NULL)
		{
			rw->group_exposure = pass->group_exposure + (int64) w * gm->ngroups;
			rw->plain_exposure = pass->plain_exposure + (int64) w * gm->ngroups;
			rw->item_exposure = pass->item_exposure + (int64) w * m->nitems;
			rw->merit_mass = pass->merit_mass + (int64) w * gm->ngroups;
			rw->out = pass->out + (int64) w * k;
		}
	}

	if (pass->amortized)
	{
		/* one list after another on this thread: each leans on the ones before */
		for (int32 g0 = 0; g0 < n; g0 += pass->group)
		{
			RankWork(pass, g0, Min(n, g0 + pass->group), 0);
			CHECK_FOR_INTERRUPTS();
		}
	}
	else
		ParallelForRange(n, pass->group, RankWork, pass);
}

/* Exposure per group summed over workers, and the target shares to compare with. */
static void
GroupTotals(const RankPass *pass, const double *fixed_shares, double *exposure, double *target)
{
	const GroupMap *gm = pass->gm;
	int			nthreads = pass->nthreads;
	double		mass = 0.0;

	for (int g = 0; g < gm->ngroups; g++)
	{
		exposure[g] = 0.0;
		target[g] = 0.0;
		for (int t = 0; t < nthreads; t++)
		{
			exposure[g] += pass->workers[t].group_exposure[g];
			target[g] += pass->workers[t].merit_mass[g];
		}
		mass += target[g];
	}
	for (int g = 0; g < gm->ngroups; g++)
	{
		if (!pass->merit)
			target[g] = fixed_shares[g];
		else
			target[g] = mass > 0 ? target[g] / mass : 1.0 / gm->ngroups;
	}
}

/* Gini coefficient of per-item exposure over the model's items. */
static double
ExposureGini(const RankPass *pass)
{
	int32		nitems = pass->m->nitems;
	int			nthreads = pass->nthreads;
	double	   *e = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(double), Max(nitems, 1)));
	double		sum = 0.0;
	double		weighted = 0.0;

	for (int32 i = 0; i < nitems; i++)
	{
		e[i] = 0.0;
		for (int t = 0; t < nthreads; t++)
			e[i] += pass->workers[t].item_exposure[i];
	}
	qsort(e, nitems, sizeof(double), CompareDoubles);
	for (int32 i = 0; i < nitems; i++)
	{
		sum += e[i];
		weighted += (i + 1.0) * e[i];
	}
	pfree(e);
	if (sum <= 0 || nitems == 0)
		return NAN;
	return 2.0 * weighted / (nitems * sum) - (nitems + 1.0) / nitems;
}

/* Map users to groups of a column of the model's registered user table. */
static int
LoadUserGroups(const ModelCache *m, const Interactions *test, TestUser *users,
			   const char *column, char ***names_out)
{
	idmap_hash *index = idmap_create(CurrentMemoryContext, Max(test->nusers, 16), NULL);
	char	  **names;
	int32	   *group_of = palloc(mul_size(sizeof(int32), Max(test->nusers, 1)));
	RegisteredGroups rows;
	int			ngroups = QueryRegisteredGroups(m->name, true, column, NULL, &rows);

	for (int32 u = 0; u < test->nusers; u++)
	{
		bool		found;

		idmap_insert(index, test->user_ids[u], &found)->index = u;
		group_of[u] = -1;
	}
	names = palloc0(mul_size(sizeof(char *), Max(ngroups, 1)));
	AssignGroups(&rows, index, group_of, names);
	for (int32 u = 0; u < test->nusers; u++)
		users[u].user_group = group_of[u];
	*names_out = names;
	return ngroups;
}

/*
 * The users of `given` with their factors (x, k per user, zero for users the
 * model does not know) and an array for their order, counted against the
 * memory limit.
 */
static void
LoadUsersWithFactors(MemoryBudget *budget, const ModelCache *m, const Interactions *given,
					 const char *what, TestUser **users, float4 **x, int32 **order)
{
	Size		nusers = Max((Size) given->nusers, 1);

	BudgetReserve(budget,
				  mul_size(add_size(add_size(sizeof(TestUser), mul_size(sizeof(float4), m->k)), sizeof(int32)), nusers),
				  what);
	*users = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(TestUser), nusers));
	memset(*users, 0, mul_size(sizeof(TestUser), nusers));
	*x = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(mul_size(sizeof(float4), m->k), nusers));
	memset(*x, 0, mul_size(mul_size(sizeof(float4), m->k), nusers));
	*order = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(int32), nusers));
	LoadTestUsers(m, given, *users, *x);
}

/* One evaluate() call: its arguments, the test data, and what the phases share. */
typedef struct EvalJob
{
	char	   *model_arg;		/* NULL: the default model */
	int			k;
	char	   *group_col;		/* NULL: no exposure metrics */
	AttackSpec	attack;			/* options->'attack' */
	char	   *model_name;
	bool		explicit_model;
	InteractionSource src;
	double		relevant_min;
	char	   *user_group_col;
	MemoryBudget budget;
	Interactions *test;			/* ReadTestSource */
	ModelCache *m;				/* PrepareTestUsers */
	ListConfig	cfg;
	double	   *fixed_shares;
	TestUser   *users;
	float4	   *x;
	int32	   *order;			/* the users to rank */
	int32		nevaluated;
	int32		nskipped;
	double		se;				/* rating errors, explicit models */
	double		ae;
	int64		npairs;
	int			nuser_groups;
	char	  **user_group_names;
	RankPass	pass;			/* RunLists */
	RankPass	attacked;		/* the same users' lists from the perturbed model */
	int32	   *test2model;		/* test item index -> model item index, or -1 */
	bool		per_user;		/* evaluate_per_user: a row per user and metric */
} EvalJob;

/* Read and check the arguments that need no data. */
static void
ParseEvaluateCall(FunctionCallInfo fcinfo, EvalJob *job)
{
	/* model, the test relation or query, columns, relevant_min and candidates may be NULL */
	CheckArgsNotNull(fcinfo, EV_NARGS,
					 (1U << EV_ARG_MODEL) | (1U << EV_ARG_TEST) | (1U << EV_ARG_USER_COL) |
					 (1U << EV_ARG_ITEM_COL) | (1U << EV_ARG_RATING_COL) | (1U << EV_ARG_RELEVANT_MIN) |
					 (1U << EV_ARG_GROUP_COL) | (1U << EV_ARG_CANDIDATES) | (1U << EV_ARG_USER_GROUP_COL) |
					 (1U << EV_ARG_TEST_QUERY));
	job->model_arg = TextArgOrNull(fcinfo, EV_ARG_MODEL);
	job->k = PG_GETARG_INT32(EV_ARG_K);
	CheckK(job->k);
	SourceFromArgs(fcinfo, EV_ARG_TEST, EV_ARG_TEST_QUERY, &job->src);
	job->src.user_col = TextArgOrNull(fcinfo, EV_ARG_USER_COL);
	job->src.item_col = TextArgOrNull(fcinfo, EV_ARG_ITEM_COL);
	job->src.weight_col = TextArgOrNull(fcinfo, EV_ARG_RATING_COL);
	job->src.weight_arg = "rating_col";
	job->relevant_min = PG_ARGISNULL(EV_ARG_RELEVANT_MIN) ? -INFINITY : PG_GETARG_FLOAT8(EV_ARG_RELEVANT_MIN);
	if (isnan(job->relevant_min))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("relevant_min must not be NaN")));
	job->group_col = TextArgOrNull(fcinfo, EV_ARG_GROUP_COL);
	job->user_group_col = TextArgOrNull(fcinfo, EV_ARG_USER_GROUP_COL);
	job->cfg.k = job->k;
	job->cfg.fair = PG_GETARG_BOOL(EV_ARG_FAIR);
	ParseFairSettings(fcinfo, &evaluate_fair_args, job->k, evaluate_moved, lengthof(evaluate_moved),
					  &job->cfg.fs);
	ParseAttack(PG_GETARG_JSONB_P(EV_ARG_OPTIONS), &job->attack);
	if (job->group_col == NULL &&
		(job->cfg.fair || job->cfg.fs.amortized || job->cfg.fs.target.kind != TARGET_EQUAL))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("fair, amortized and target need group_col"),
				 errhint("Name a column of the model's registered item table, for example group_col => 'brand'.")));
}

/*
 * Read the test source, before taking the model from the serving cache:
 * the source is the caller's SQL, which may itself call serving functions
 * of other models and so evict cache entries.
 */
static void
ReadTestSource(EvalJob *job)
{
	char	   *model_user_col;
	char	   *model_item_col;
	char	   *model_weight_col;
	bool		has_threshold = job->relevant_min != -INFINITY;

	job->model_name = ResolveModelName(job->model_arg);
	ModelColumns(job->model_name, &model_user_col, &model_item_col, &model_weight_col, &job->explicit_model);
	ProgressSetModel(job->model_name, 0);
	ProgressSetPhase(PROGRESS_PHASE_READING);

	if (job->src.user_col == NULL)
		job->src.user_col = model_user_col ? model_user_col : "user_id";
	if (job->src.item_col == NULL)
		job->src.item_col = model_item_col ? model_item_col : "item_id";
	/* ratings: for explicit models and relevance thresholds */
	if (job->src.weight_col == NULL && (job->explicit_model || has_threshold))
	{
		job->src.weight_col = model_weight_col;
		if (job->src.weight_col == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("relevant_min needs a rating column"),
					 errhint("Pass rating_col => '...'.")));
	}
	/* one rating per test pair, the largest; an empty test has no users */
	job->src.keep_max = true;
	job->src.allow_empty = true;

	job->test = ReadInteractions(&job->src, &job->budget);
	if (job->test->rows_read == 0)
		ereport(NOTICE,
				(errmsg("the test source has no rows to evaluate"),
				 errdetail("Every metric but the counts is NaN.")));
}

/*
 * A test user's relevant items (in model indexes, sorted), and for explicit
 * models the errors of the predicted ratings.  Items of the user's training
 * are never ranked, so they are not relevant.
 */
static void
MarkRelevant(EvalJob *job, const int32 *test2model, int32 u)
{
	const Interactions *test = job->test;
	const ModelCache *m = job->m;
	TestUser   *tu = &job->users[u];
	int64		lo = test->user_ptr[u];
	int64		hi = test->user_ptr[u + 1];

	tu->rel = palloc(sizeof(int32) * Max(hi - lo, 1));
	for (int64 j = lo; j < hi; j++)
	{
		int32		mi = test2model[test->user_items[j]];

		if (job->src.weight_col && test->user_weights[j] < job->relevant_min)
			continue;
		if (mi >= 0 && tu->nseen > 0 &&
			bsearch(&mi, tu->seen, tu->nseen, sizeof(int32), CompareInt32) != NULL)
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
				cblas_sdot(m->k, job->x + (int64) u * m->k, 1, m->factors + (int64) mi * m->k, 1);
			err = test->user_weights[j] - pred;
			job->se += err * err;
			job->ae += fabs(err);
			job->npairs++;
		}
}

/*
 * The model, the list settings, the test users with their factors and
 * relevant items, and the users to rank (known, with a relevant item);
 * user groups too, so that a bad column fails before the scoring.
 */
static void
PrepareTestUsers(EvalJob *job)
{
	const Interactions *test = job->test;
	int32	   *test2model;

	job->m = GetModel(job->model_name);
	if (job->group_col != NULL)
		job->cfg.gm = GetGroupMap(job->m, job->group_col);
	if (job->cfg.gm)
		job->fixed_shares = palloc(mul_size(sizeof(double), Max(job->cfg.gm->ngroups, 1)));

	/* test items in model indexes */
	test2model = palloc(mul_size(sizeof(int32), Max(test->nitems, 1)));
	for (int32 i = 0; i < test->nitems; i++)
	{
		test2model[i] = ItemPosition(job->m, test->item_ids[i]);
	}
	job->test2model = test2model;

	LoadUsersWithFactors(&job->budget, job->m, test, "the test users' factors", &job->users, &job->x,
						 &job->order);
	for (int32 u = 0; u < test->nusers; u++)
		MarkRelevant(job, test2model, u);

	for (int32 u = 0; u < test->nusers; u++)
	{
		if (job->users[u].known && job->users[u].nrel > 0 && job->m->nitems > 0)
			job->order[job->nevaluated++] = u;
		else
			job->nskipped++;
	}
	if (job->user_group_col != NULL)
		job->nuser_groups = LoadUserGroups(job->m, test, job->users, job->user_group_col,
										   &job->user_group_names);
}

/* The workers' sums of a pass. */
static void
SumPass(const RankPass *pass, Sums *total)
{
	memset(total, 0, sizeof(*total));
	for (int t = 0; t < pass->nthreads; t++)
	{
		total->precision += pass->sums[t].precision;
		total->recall += pass->sums[t].recall;
		total->ndcg += pass->sums[t].ndcg;
		total->map += pass->sums[t].map;
		total->hits += pass->sums[t].hits;
		total->diversity += pass->sums[t].diversity;
		total->groups += pass->sums[t].groups;
	}
}

/* precision, recall, ndcg, map, hit rate, coverage, the counts, and rmse/mae. */
static void
EmitRankingMetrics(ReturnSetInfo *rsinfo, const EvalJob *job)
{
	const RankPass *pass = &job->pass;
	const ModelCache *m = job->m;
	Sums		total;
	int64		ncovered = 0;
	double		n = job->nevaluated > 0 ? job->nevaluated : NAN;
	int			k = job->k;

	SumPass(pass, &total);
	for (int32 i = 0; i < m->nitems; i++)
		for (int t = 0; t < pass->nthreads; t++)
			if (pass->workers[t].covered[i])
			{
				ncovered++;
				break;
			}

	EmitMetric(rsinfo, psprintf("precision@%d", k), total.precision / n);
	EmitMetric(rsinfo, psprintf("recall@%d", k), total.recall / n);
	EmitMetric(rsinfo, psprintf("ndcg@%d", k), total.ndcg / n);
	EmitMetric(rsinfo, psprintf("map@%d", k), total.map / n);
	EmitMetric(rsinfo, psprintf("hit_rate@%d", k), total.hits / n);
	EmitMetric(rsinfo, psprintf("coverage@%d", k), m->nitems > 0 ? (double) ncovered / m->nitems : NAN);
	EmitMetric(rsinfo, psprintf("intra_list_diversity@%d", k), total.diversity / n);
	if (job->cfg.gm != NULL)
		EmitMetric(rsinfo, psprintf("distinct_groups@%d", k), total.groups / n);
	EmitMetric(rsinfo, "users_evaluated", job->nevaluated);
	EmitMetric(rsinfo, "users_skipped", job->nskipped);
	if (m->explicit_model)
	{
		EmitMetric(rsinfo, "rmse", job->npairs > 0 ? sqrt(job->se / job->npairs) : NAN);
		EmitMetric(rsinfo, "mae", job->npairs > 0 ? job->ae / job->npairs : NAN);
	}
}

/* With group_col: disparity, Gini and each group's share of exposure. */
static void
EmitExposureMetrics(ReturnSetInfo *rsinfo, const EvalJob *job)
{
	const GroupMap *gm = job->cfg.gm;
	double	   *exposure = palloc(mul_size(sizeof(double), Max(gm->ngroups, 1)));
	double	   *target = palloc(mul_size(sizeof(double), Max(gm->ngroups, 1)));
	double		sum = 0.0;
	double		disparity = 0.0;
	int			k = job->k;

	GroupTotals(&job->pass, job->fixed_shares, exposure, target);
	for (int g = 0; g < gm->ngroups; g++)
		sum += exposure[g];
	for (int g = 0; g < gm->ngroups; g++)
		disparity += fabs((sum > 0 ? exposure[g] / sum : 0.0) - target[g]);
	EmitMetric(rsinfo, psprintf("exposure_disparity@%d", k), sum > 0 ? disparity / 2 : NAN);
	EmitMetric(rsinfo, psprintf("exposure_gini@%d", k), ExposureGini(&job->pass));
	for (int g = 0; g < gm->ngroups; g++)
		EmitMetric(rsinfo, psprintf("exposure_share@%d[%s]", k, gm->names[g] ? gm->names[g] : "NULL"),
				   sum > 0 ? exposure[g] / sum : NAN);
}

/*
 * With user_group_col, for explicit models: the rating unfairness terms of
 * Yao and Huang (NeurIPS 2017), between each pair of user groups and
 * averaged over the pairs (for two groups, their definitions).  For each
 * item j that both groups rated in the test, d_g(j) = E_g[prediction]_j -
 * E_g[rating]_j, the group's mean error on j; then, over those items,
 * value = mean |d_a - d_b|, absolute = mean ||d_a| - |d_b||,
 * underestimation = mean |max(0, -d_a) - max(0, -d_b)|, overestimation =
 * mean |max(0, d_a) - max(0, d_b)|; non-parity = |mean prediction of a -
 * mean prediction of b| over all their test pairs.
 */
static void
EmitRatingUnfairness(ReturnSetInfo *rsinfo, EvalJob *job)
{
	const ModelCache *m = job->m;
	const Interactions *test = job->test;
	int			G = job->nuser_groups;
	int64		cells = (int64) G * Max(m->nitems, 1);
	double	   *pred_sum;
	double	   *rating_sum;
	int64	   *count;
	double	   *group_pred = palloc0(sizeof(double) * Max(G, 1));
	int64	   *group_count = palloc0(sizeof(int64) * Max(G, 1));
	double		terms[5] = {0, 0, 0, 0, 0};
	int			pairs = 0;
	static const char *const names[5] = {
		"value_unfairness", "absolute_unfairness", "underestimation_unfairness", "overestimation_unfairness",
		"non_parity_unfairness"
	};

	BudgetReserve(&job->budget, mul_size(mul_size(2 * sizeof(double) + sizeof(int64), G), Max(m->nitems, 1)),
				  "the rating unfairness sums");
	pred_sum = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(double), cells));
	rating_sum = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(double), cells));
	count = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(int64), cells));
	memset(pred_sum, 0, sizeof(double) * cells);
	memset(rating_sum, 0, sizeof(double) * cells);
	memset(count, 0, sizeof(int64) * cells);
	for (int32 u = 0; u < test->nusers; u++)
	{
		const TestUser *tu = &job->users[u];

		if (!tu->known || tu->user_group < 0)
			continue;
		for (int64 j = test->user_ptr[u]; j < test->user_ptr[u + 1]; j++)
		{
			int32		mi = job->test2model[test->user_items[j]];
			int64		cell;
			double		pred;

			if (mi < 0)
				continue;
			pred = m->global_mean + tu->bias + (m->item_bias ? m->item_bias[mi] : 0.0f) +
				cblas_sdot(m->k, job->x + (int64) u * m->k, 1, m->factors + (int64) mi * m->k, 1);
			cell = (int64) tu->user_group * m->nitems + mi;
			pred_sum[cell] += pred;
			rating_sum[cell] += test->user_weights[j];
			count[cell]++;
			group_pred[tu->user_group] += pred;
			group_count[tu->user_group]++;
		}
		if ((u & 0x3FF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	for (int a = 0; a < G; a++)
		for (int b = a + 1; b < G; b++)
		{
			double		sums[4] = {0, 0, 0, 0};
			int64		items = 0;

			CHECK_FOR_INTERRUPTS();
			if (group_count[a] == 0 || group_count[b] == 0)
				continue;
			for (int32 j = 0; j < m->nitems; j++)
			{
				int64		ca = (int64) a * m->nitems + j;
				int64		cb = (int64) b * m->nitems + j;
				double		da,
							db;

				if (count[ca] == 0 || count[cb] == 0)
					continue;
				da = (pred_sum[ca] - rating_sum[ca]) / count[ca];
				db = (pred_sum[cb] - rating_sum[cb]) / count[cb];
				for (int t = 0; t < 4; t++)
				{
					double		ua,
								ub,
								wa,
								wb;

					RatingTermParts((RatingTerm) t, da, db, &ua, &ub, &wa, &wb);
					sums[t] += fabs(ua - ub);
				}
				items++;
			}
			if (items == 0)
				continue;
			for (int t = 0; t < 4; t++)
				terms[t] += sums[t] / items;
			terms[4] += fabs(group_pred[a] / group_count[a] - group_pred[b] / group_count[b]);
			pairs++;
		}
	for (int t = 0; t < 5; t++)
		EmitMetric(rsinfo, names[t], pairs > 0 ? terms[t] / pairs : NAN);
}

/* With user_group_col: NDCG per user group, and the gap between the best and worst. */
static void
EmitUserGroupMetrics(ReturnSetInfo *rsinfo, const EvalJob *job)
{
	int			ngroups = job->nuser_groups;
	double	   *sum = palloc0(mul_size(sizeof(double), Max(ngroups, 1)));
	int32	   *count = palloc0(mul_size(sizeof(int32), Max(ngroups, 1)));
	double		best = -INFINITY;
	double		worst = INFINITY;

	for (int32 i = 0; i < job->nevaluated; i++)
	{
		const TestUser *u = &job->users[job->order[i]];

		if (u->user_group < 0)
			continue;
		sum[u->user_group] += u->ndcg;
		count[u->user_group]++;
	}
	for (int g = 0; g < ngroups; g++)
	{
		double		v;

		if (count[g] == 0)
			continue;
		v = sum[g] / count[g];
		EmitMetric(rsinfo, psprintf("ndcg@%d[%s]", job->k,
									job->user_group_names[g] ? job->user_group_names[g] : "NULL"), v);
		best = Max(best, v);
		worst = Min(worst, v);
	}
	EmitMetric(rsinfo, psprintf("ndcg_gap@%d", job->k), best >= worst ? best - worst : NAN);
}

/*
 * With options->'attack': the same users' lists from the model with its
 * embeddings perturbed as the attack says (attack.c), as attacked_<metric>.
 * It runs last: its pass overwrites each TestUser's ndcg, which the user
 * group metrics read.
 */
static void
EvaluateUnderAttack(ReturnSetInfo *rsinfo, EvalJob *job)
{
	const ModelCache *m = job->m;
	ModelCache	attacked = *m;
	float4	   *items;
	float4	   *x;
	Sums		total;
	double		n = job->nevaluated > 0 ? job->nevaluated : NAN;
	int			k = job->k;

	BudgetReserve(&job->budget, mul_size(mul_size(sizeof(float4), m->k), add_size(m->nitems, job->test->nusers)),
				  "the attacked factors");
	items = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(mul_size(sizeof(float4), m->k), Max(m->nitems, 1)));
	x = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(mul_size(sizeof(float4), m->k), Max(job->test->nusers, 1)));
	if (m->nitems > 0)
		PerturbModel(m, &job->attack, job->test->user_ids, job->test->nusers, job->x, items, x, &job->budget);
	attacked.factors = items;
	RunLists(&job->attacked, &attacked, job->users, x, job->order, job->nevaluated, &job->cfg, job->fixed_shares,
			 &job->budget);
	SumPass(&job->attacked, &total);
	EmitMetric(rsinfo, psprintf("attacked_precision@%d", k), total.precision / n);
	EmitMetric(rsinfo, psprintf("attacked_recall@%d", k), total.recall / n);
	EmitMetric(rsinfo, psprintf("attacked_ndcg@%d", k), total.ndcg / n);
	EmitMetric(rsinfo, psprintf("attacked_map@%d", k), total.map / n);
	EmitMetric(rsinfo, psprintf("attacked_hit_rate@%d", k), total.hits / n);
}

/* The work of recfair_evaluate, inside its progress slot: the phases in order. */
static void EmitPerUserMetrics(ReturnSetInfo *rsinfo, const EvalJob *job);

/* evaluate() and evaluate_per_user(): the same lists, summed or per user. */
static Datum
RunEvaluate(FunctionCallInfo fcinfo, bool per_user)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	EvalJob		job;
	instr_time	start;

	memset(&job, 0, sizeof(job));
	job.per_user = per_user;
	ParseEvaluateCall(fcinfo, &job);
	if (per_user && job.attack.method != PERTURB_NONE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("evaluate_per_user does not take an attack"),
				 errhint("Use evaluate() for the metrics under attack.")));
	InitMaterializedSRF(fcinfo, 0);
	INSTR_TIME_SET_CURRENT(start);

	SPI_connect();
	ReadTestSource(&job);
	ProgressSetPhase(PROGRESS_PHASE_EVALUATING);
	PrepareTestUsers(&job);
	RunLists(&job.pass, job.m, job.users, job.x, job.order, job.nevaluated, &job.cfg, job.fixed_shares,
			 &job.budget);
	if (job.per_user)
	{
		EmitPerUserMetrics(rsinfo, &job);
		SPI_finish();
		return (Datum) 0;
	}
	EmitRankingMetrics(rsinfo, &job);
	if (job.cfg.gm)
		EmitExposureMetrics(rsinfo, &job);
	if (job.user_group_col != NULL)
		EmitUserGroupMetrics(rsinfo, &job);
	if (job.user_group_col != NULL && job.m->explicit_model)
		EmitRatingUnfairness(rsinfo, &job);
	if (job.attack.method != PERTURB_NONE)
		EvaluateUnderAttack(rsinfo, &job);
	if (recfair_progress_notices)
		ereport(NOTICE,
				(errmsg("evaluated %d users (%d skipped) over %d items in %.2f s",
						job.nevaluated, job.nskipped, job.m->nitems, SecondsSince(start))));
	SPI_finish();
	return (Datum) 0;
}

/*
 * recfair.evaluate(): Evaluate() with this backend's
 * recfair.training_progress slot claimed, and cleared however it ends.
 */
static Datum
Evaluate(FunctionCallInfo fcinfo)
{
	return RunEvaluate(fcinfo, false);
}

static Datum
EvaluatePerUser(FunctionCallInfo fcinfo)
{
	return RunEvaluate(fcinfo, true);
}

/*
 * evaluate_per_user's rows: for each evaluated user (ascending id), its
 * user group (with user_group_col) and its ranking metrics at k.
 */
static void
EmitPerUserMetrics(ReturnSetInfo *rsinfo, const EvalJob *job)
{
	int32	   *order = palloc(sizeof(int32) * Max(job->nevaluated, 1));
	const char *names[5];

	names[0] = psprintf("precision@%d", job->k);
	names[1] = psprintf("recall@%d", job->k);
	names[2] = psprintf("ndcg@%d", job->k);
	names[3] = psprintf("map@%d", job->k);
	names[4] = psprintf("hit_rate@%d", job->k);
	memcpy(order, job->order, sizeof(int32) * job->nevaluated);
	/* users are numbered by id when read: index order is id order */
	qsort(order, job->nevaluated, sizeof(int32), CompareInt32);
	for (int32 i = 0; i < job->nevaluated; i++)
	{
		const TestUser *u = &job->users[order[i]];
		double		v[5] = {u->precision, u->recall, u->ndcg, u->ap, u->hit ? 1.0 : 0.0};
		const char *group = job->user_group_col != NULL && u->user_group >= 0
			? job->user_group_names[u->user_group] : NULL;

		for (int j = 0; j < 5; j++)
		{
			Datum		values[4];
			bool		nulls[4] = {false, group == NULL, false, false};

			values[0] = Int64GetDatum(job->test->user_ids[order[i]]);
			values[1] = group ? CStringGetTextDatum(group) : (Datum) 0;
			values[2] = CStringGetTextDatum(names[j]);
			values[3] = Float8GetDatum(v[j]);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
}

/*
 * evaluate_per_user(the arguments of evaluate): one row per evaluated user
 * and ranking metric, with the user's group, for distributions, confidence
 * intervals and segments.
 */
PG_FUNCTION_INFO_V1(recfair_evaluate_per_user);
Datum
recfair_evaluate_per_user(PG_FUNCTION_ARGS)
{
	return ProgressRun(PROGRESS_COMMAND_EVALUATE, EvaluatePerUser, fcinfo);
}

PG_FUNCTION_INFO_V1(recfair_evaluate);
Datum
recfair_evaluate(PG_FUNCTION_ARGS)
{
	if (PG_NARGS() == evaluate_legacy.old_nargs)
		return CallWithLegacyArgs(fcinfo, &evaluate_legacy, recfair_evaluate);
	return ProgressRun(PROGRESS_COMMAND_EVALUATE, Evaluate, fcinfo);
}

/*
 * exposure_report's users, as (user, user) pairs so that they read like
 * interactions: the model's users, or the caller's source (read before the
 * model is taken from the serving cache, as in evaluate()).
 */
static Interactions *
ReadReportUsers(FunctionCallInfo fcinfo, const char *model_name, MemoryBudget *budget)
{
	InteractionSource src;
	char	   *model_user_col;
	char	   *model_item_col;
	char	   *model_weight_col;
	Interactions *given;

	ModelColumns(model_name, &model_user_col, &model_item_col, &model_weight_col, NULL);
	memset(&src, 0, sizeof(src));
	if (PG_ARGISNULL(ER_ARG_USERS) && PG_ARGISNULL(ER_ARG_USERS_QUERY))
	{
		src.query = psprintf("SELECT user_id, user_id AS recfair_item FROM recfair.user_factors "
							 "WHERE model OPERATOR(pg_catalog.=) %s::pg_catalog.text",
							 quote_literal_cstr(model_name));
		src.user_col = "user_id";
	}
	else
	{
		InteractionSource users;
		const char *user_col = model_user_col ? model_user_col : "user_id";

		SourceFromArgs(fcinfo, ER_ARG_USERS, ER_ARG_USERS_QUERY, &users);
		src.query = psprintf("SELECT src.%s, src.%s AS recfair_item FROM %s",
							 quote_identifier(user_col), quote_identifier(user_col),
							 SourceFromClause(&users));
		src.user_col = user_col;
	}
	src.item_col = "recfair_item";
	src.weight_col = NULL;
	src.keep_max = false;
	src.allow_empty = true;
	given = ReadInteractions(&src, budget);
	if (given->rows_read == 0)
		ereport(NOTICE,
				(errmsg("the users source has no rows"),
				 errdetail("Every group has no exposure.")));
	return given;
}

/* One (group_value, items, exposure, share, target_share) row per group. */
static void
EmitExposureRows(ReturnSetInfo *rsinfo, const ListConfig *cfg, const RankPass *pass, const double *fixed_shares)
{
	const GroupMap *gm = cfg->gm;
	double	   *exposure = palloc(mul_size(sizeof(double), Max(gm->ngroups, 1)));
	double	   *target = palloc(mul_size(sizeof(double), Max(gm->ngroups, 1)));
	double		sum = 0.0;

	GroupTotals(pass, fixed_shares, exposure, target);
	for (int g = 0; g < gm->ngroups; g++)
		sum += exposure[g];
	for (int g = 0; g < gm->ngroups; g++)
	{
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};

		if (gm->names[g])
			values[0] = CStringGetTextDatum(gm->names[g]);
		else
			nulls[0] = true;
		values[1] = Int64GetDatum(gm->items_in_group[g]);
		values[2] = Float8GetDatum(exposure[g]);
		values[3] = Float8GetDatum(sum > 0 ? exposure[g] / sum : 0.0);
		values[4] = Float8GetDatum(target[g]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
}

/*
 * exposure_report(model, group_col, k, fair, users, target, strength,
 * amortized, candidates, users_query, options): one row per group over the
 * lists of the given users (a table, view or query with the model's user
 * column; all the model's users when both are NULL).
 */
PG_FUNCTION_INFO_V1(recfair_exposure_report);
Datum
recfair_exposure_report(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	ModelCache *m;
	ListConfig	cfg;
	char	   *model_name;
	MemoryBudget budget = {0};
	Interactions *given;
	TestUser   *users;
	float4	   *x;
	int32	   *order;
	int32		n = 0;
	RankPass	pass;
	double	   *fixed_shares;

	if (PG_NARGS() == exposure_report_legacy.old_nargs)
		return CallWithLegacyArgs(fcinfo, &exposure_report_legacy, recfair_exposure_report);
	/* model, users, candidates and users_query may be NULL */
	CheckArgsNotNull(fcinfo, ER_NARGS,
					 (1U << ER_ARG_MODEL) | (1U << ER_ARG_USERS) | (1U << ER_ARG_CANDIDATES) |
					 (1U << ER_ARG_USERS_QUERY));
	memset(&cfg, 0, sizeof(cfg));
	cfg.k = PG_GETARG_INT32(ER_ARG_K);
	CheckK(cfg.k);
	cfg.fair = PG_GETARG_BOOL(ER_ARG_FAIR);
	ParseFairSettings(fcinfo, &exposure_report_fair_args, cfg.k, NULL, 0, &cfg.fs);
	InitMaterializedSRF(fcinfo, 0);

	SPI_connect();
	model_name = ResolveModelName(PG_ARGISNULL(ER_ARG_MODEL) ? NULL
								  : text_to_cstring(PG_GETARG_TEXT_PP(ER_ARG_MODEL)));
	given = ReadReportUsers(fcinfo, model_name, &budget);
	m = GetModel(model_name);
	cfg.gm = GetGroupMap(m, text_to_cstring(PG_GETARG_TEXT_PP(ER_ARG_GROUP_COL)));
	LoadUsersWithFactors(&budget, m, given, "the users' factors", &users, &x, &order);
	for (int32 u = 0; u < given->nusers; u++)
		if (users[u].known && m->nitems > 0)
			order[n++] = u;
	fixed_shares = palloc(mul_size(sizeof(double), Max(cfg.gm->ngroups, 1)));
	RunLists(&pass, m, users, x, order, n, &cfg, fixed_shares, &budget);
	EmitExposureRows(rsinfo, &cfg, &pass, fixed_shares);
	SPI_finish();
	return (Datum) 0;
}

/*
 * recommend_fair_batch's fallback scores: per item, the share of the
 * model's users who had it in training, overall and, with a segment column
 * of the registered user table, within each segment.  One pass over the
 * model's users.
 */
typedef struct Popularity
{
	float4	   *overall;		/* nitems */
	idmap_hash *segment_of;		/* user id -> segment (-1: none), or NULL */
	double	   *users;			/* the model's users per segment */
	float4	   *by_segment;		/* nsegments x nitems */
} Popularity;

static void
LoadPopularity(ModelCache *m, const char *segment_col, Popularity *pop)
{
	Oid			types[1] = {TEXTOID};
	Datum		values[1] = {CStringGetTextDatum(m->name)};
	Size		row = mul_size(sizeof(float4), Max(m->nitems, 1));
	int			nsegments = 0;
	double		users = 0.0;

	memset(pop, 0, sizeof(*pop));
	pop->overall = MemoryContextAllocHuge(CurrentMemoryContext, row);
	memset(pop->overall, 0, row);
	if (segment_col != NULL)
	{
		RegisteredGroups rows;

		nsegments = QueryRegisteredGroups(m->name, true, segment_col, NULL, &rows);
		pop->segment_of = idmap_create(CurrentMemoryContext, Max(rows.nrows, 16), NULL);
		for (int64 r = 0; r < rows.nrows; r++)
		{
			bool		found;
			IdMapEntry *e;

			if (!rows.has_key[r])
				continue;
			e = idmap_insert(pop->segment_of, rows.keys[r], &found);
			if (!found)
				e->index = rows.values[r] ? rows.group[r] : -1;
		}
		pop->users = palloc0(sizeof(double) * Max(nsegments, 1));
		pop->by_segment = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(row, Max(nsegments, 1)));
		memset(pop->by_segment, 0, mul_size(row, Max(nsegments, 1)));
	}
	if (SPI_execute_with_args("SELECT user_id, seen FROM recfair.user_factors WHERE model OPERATOR(pg_catalog.=) $1",
							  1, types, values, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read the model's users");
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		bool		isnull;
		Datum		seen = SPI_getbinval(SPI_tuptable->vals[r], SPI_tuptable->tupdesc, 2, &isnull);
		IdMapEntry *se = NULL;
		int32		n = 0;
		const int64 *items = isnull ? NULL : SeenItemIds(seen, SPI_gettypeid(SPI_tuptable->tupdesc, 2), &n);

		users += 1;
		if (pop->segment_of != NULL)
		{
			se = idmap_lookup(pop->segment_of,
							  DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[r], SPI_tuptable->tupdesc, 1, &isnull)));
			if (se != NULL && se->index < 0)
				se = NULL;
			if (se != NULL)
				pop->users[se->index] += 1;
		}
		for (int32 j = 0; j < n; j++)
		{
			int32		pos = ItemPosition(m, items[j]);

			if (pos < 0)
				continue;
			pop->overall[pos] += 1.0f;
			if (se != NULL)
				pop->by_segment[(int64) se->index * m->nitems + pos] += 1.0f;
		}
		if ((r & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	for (int32 i = 0; i < m->nitems; i++)
		pop->overall[i] /= (float4) Max(users, 1.0);
	for (int g = 0; g < nsegments; g++)
		if (pop->users[g] > 0)
			for (int32 i = 0; i < m->nitems; i++)
				pop->by_segment[(int64) g * m->nitems + i] /= (float4) pop->users[g];
}

/* The fallback scores of a user: its segment's if it has one with users, else the overall ones. */
static const float4 *
FallbackScores(const ModelCache *m, const Popularity *pop, int64 user_id)
{
	if (pop->segment_of != NULL)
	{
		IdMapEntry *e = idmap_lookup(pop->segment_of, user_id);

		if (e != NULL && e->index >= 0 && pop->users[e->index] > 0)
			return pop->by_segment + (int64) e->index * m->nitems;
	}
	return pop->overall;
}

/*
 * A fallback list, continuing the pass: amortized, it leans on the exposure
 * of every list before it (the known users' and the earlier fallbacks') and
 * adds its own, as RankUser does; else fair on its own.  Into out; returns
 * its length.
 */
static int
FallbackList(RankPass *pass, const float4 *popularity, FairItem *out)
{
	const GroupMap *gm = pass->gm;
	double	   *gexp = pass->workers[0].group_exposure;
	double	   *plain = pass->workers[0].plain_exposure;
	FairPrior	prior = {NULL, NULL, 0.0};
	int			n;

	if (pass->amortized)
	{
		prior.exposure = gexp;
		prior.plain = plain;
		for (int g = 0; g < gm->ngroups; g++)
			prior.total += gexp[g];
	}
	n = BuildFairList(&pass->fair_input, &pass->fair_scratch[0], popularity, &prior, out);
	if (pass->amortized)
	{
		Candidate  *top = palloc(sizeof(Candidate) * pass->k);
		int			nplain = TopK(pass->m, popularity, pass->k, top);

		for (int i = 0; i < nplain; i++)
			plain[gm->group_of_item[top[i].index]] += RankExposure(i + 1);
		for (int r = 0; r < n; r++)
			gexp[gm->group_of_item[out[r].index]] += RankExposure(r + 1);
	}
	return n;
}

/* The distinct ids of an int8 array (NULLs dropped), ascending; their count. */
static int32
DistinctSortedIds(ArrayType *array, int64 **out)
{
	Datum	   *elems;
	bool	   *nulls;
	int			nelems;
	int64	   *ids;
	int32		n = 0;
	int32		w = 0;

	if (ARR_NDIM(array) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("user_ids must be a one-dimensional array")));
	deconstruct_array(array, INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE, &elems, &nulls, &nelems);
	ids = palloc(sizeof(int64) * Max(nelems, 1));
	for (int i = 0; i < nelems; i++)
		if (!nulls[i])
			ids[n++] = DatumGetInt64(elems[i]);
	qsort(ids, n, sizeof(int64), CompareInt64);
	for (int32 i = 0; i < n; i++)
		if (w == 0 || ids[w - 1] != ids[i])
			ids[w++] = ids[i];
	*out = ids;
	return w;
}

/* recommend_fair_batch()'s arguments, by position in its SQL signature. */
enum
{
	RB_ARG_USER_IDS,
	RB_ARG_K,
	RB_ARG_GROUP_COL,
	RB_ARG_MODEL,
	RB_ARG_TARGET,
	RB_ARG_STRENGTH,
	RB_ARG_CANDIDATES,
	RB_ARG_OPTIONS,
	RB_ARG_AMORTIZED,
	RB_ARG_FALLBACK,
	RB_ARG_FALLBACK_SEGMENT,
	RB_NARGS
};

static const FairArgs recommend_fair_batch_args = {
	RB_ARG_TARGET, RB_ARG_STRENGTH, RB_ARG_CANDIDATES, RB_ARG_AMORTIZED, RB_ARG_OPTIONS, NULL
};

/*
 * recommend_fair_batch(user_ids, k, group_col, model, target, strength,
 * candidates, options, amortized): fair lists for a set of users in one
 * call, balanced over the set as amortized mode balances over time (each
 * list leaning toward the groups behind in the lists before it), but
 * starting from nothing and storing nothing: the same users and model give
 * the same lists, in a read-only transaction too.  Users are taken in
 * ascending id order whatever the array's order; duplicates count once; a
 * user the model does not know gets no rows.  The deficit_scale defaults to
 * one list's exposure rather than amortized mode's 300.  amortized => false
 * makes each list fair on its own, as recommend_fair does.
 */
PG_FUNCTION_INFO_V1(recfair_recommend_fair_batch);
Datum
recfair_recommend_fair_batch(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	ModelCache *m;
	ListConfig	cfg;
	MemoryBudget budget = {0};
	Interactions given;
	TestUser   *users;
	float4	   *x;
	int32	   *order;
	int32		n = 0;
	RankPass	pass;
	double	   *fixed_shares;
	int64	   *ids;
	int32		nids = 0;
	bool		fallback = false;
	char	   *segment_col = NULL;	/* fallback popularity within this column's segments */
	FairItem   *popular = NULL;	/* the fallback lists, k per user */
	int		   *npopular = NULL;

	CheckArgsNotNull(fcinfo, RB_NARGS, (1U << RB_ARG_MODEL) | (1U << RB_ARG_CANDIDATES) | (1U << RB_ARG_FALLBACK) |
					 (1U << RB_ARG_FALLBACK_SEGMENT));
	if (!PG_ARGISNULL(RB_ARG_FALLBACK))
	{
		char	   *f = text_to_cstring(PG_GETARG_TEXT_PP(RB_ARG_FALLBACK));

		if (strcmp(f, "popularity") == 0)
			fallback = true;
		else if (strcmp(f, "none") != 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown fallback \"%s\"", f),
					 errhint("Use \"popularity\" (the items most users had in training) or \"none\".")));
	}
	if (!PG_ARGISNULL(RB_ARG_FALLBACK_SEGMENT))
	{
		segment_col = text_to_cstring(PG_GETARG_TEXT_PP(RB_ARG_FALLBACK_SEGMENT));
		if (!fallback)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("fallback_segment needs fallback => 'popularity'")));
	}
	memset(&cfg, 0, sizeof(cfg));
	cfg.k = PG_GETARG_INT32(RB_ARG_K);
	CheckK(cfg.k);
	cfg.fair = true;
	ParseFairSettings(fcinfo, &recommend_fair_batch_args, cfg.k, NULL, 0, &cfg.fs);
	/*
	 * The deficit worth a unit of score: by default one list's exposure, so
	 * that the set reaches its target by its end (amortized mode's default
	 * is calibrated for a stream of calls: over a hundred users it leaves
	 * most of the disparity; docs/design-notes.md)
	 */
	if (!OptionPresent(PG_GETARG_JSONB_P(RB_ARG_OPTIONS), "deficit_scale"))
	{
		cfg.fs.deficit_scale = 0.0;
		for (int r = 1; r <= cfg.k; r++)
			cfg.fs.deficit_scale += RankExposure(r);
	}
	InitMaterializedSRF(fcinfo, 0);
	nids = DistinctSortedIds(PG_GETARG_ARRAYTYPE_P(RB_ARG_USER_IDS), &ids);

	SPI_connect();
	m = GetModel(PG_ARGISNULL(RB_ARG_MODEL) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(RB_ARG_MODEL)));
	cfg.gm = GetGroupMap(m, text_to_cstring(PG_GETARG_TEXT_PP(RB_ARG_GROUP_COL)));
	memset(&given, 0, sizeof(given));
	given.nusers = nids;
	given.user_ids = ids;
	LoadUsersWithFactors(&budget, m, &given, "the users' factors", &users, &x, &order);
	for (int32 u = 0; u < nids; u++)
		if (users[u].known && m->nitems > 0)
			order[n++] = u;
	cfg.keep_lists = Max(nids, 1);
	fixed_shares = palloc(mul_size(sizeof(double), Max(cfg.gm->ngroups, 1)));
	RunLists(&pass, m, users, x, order, n, &cfg, fixed_shares, &budget);
	if (fallback && n < nids && m->nitems > 0)
	{
		/* the users the model does not know, after the others, in id order */
		Popularity	pop;

		LoadPopularity(m, segment_col, &pop);
		popular = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(mul_size(sizeof(FairItem), cfg.k), nids));
		npopular = palloc0(sizeof(int) * nids);
		for (int32 u = 0; u < nids; u++)
			if (!users[u].known)
			{
				npopular[u] = FallbackList(&pass, FallbackScores(m, &pop, ids[u]), popular + (int64) u * cfg.k);
				CHECK_FOR_INTERRUPTS();
			}
	}
	/* ascending id: each known user's list, and the fallback lists */
	for (int32 u = 0; u < nids; u++)
	{
		bool		known = users[u].known && m->nitems > 0;
		int			len = known ? pass.list_len[u] : npopular ? npopular[u] : 0;

		for (int r = 0; r < len; r++)
		{
			int32		index = known ? pass.lists[(int64) u * cfg.k + r].index : popular[(int64) u * cfg.k + r].index;
			float4		score = known ? pass.lists[(int64) u * cfg.k + r].score : popular[(int64) u * cfg.k + r].score;
			const char *name = cfg.gm->names[cfg.gm->group_of_item[index]];
			Datum		values[6];
			bool		vnulls[6] = {false, false, false, false, name == NULL, false};

			values[0] = Int64GetDatum(ids[u]);
			values[1] = Int32GetDatum(r + 1);
			values[2] = Int64GetDatum(m->item_ids[index]);
			values[3] = Float4GetDatum(score);
			values[4] = name ? CStringGetTextDatum(name) : (Datum) 0;
			values[5] = BoolGetDatum(!known);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, vnulls);
		}
	}
	SPI_finish();
	return (Datum) 0;
}

/* recommend_all()'s arguments, by position in its SQL signature. */
enum
{
	RA_ARG_MODEL,
	RA_ARG_K,
	RA_ARG_INTO_TABLE,
	RA_ARG_USER_IDS,
	RA_ARG_GROUP_COL,
	RA_ARG_TARGET,
	RA_ARG_STRENGTH,
	RA_ARG_CANDIDATES,
	RA_ARG_OPTIONS,
	RA_ARG_AMORTIZED,
	RA_NARGS
};

static const FairArgs recommend_all_fair_args = {
	RA_ARG_TARGET, RA_ARG_STRENGTH, RA_ARG_CANDIDATES, RA_ARG_AMORTIZED, RA_ARG_OPTIONS, NULL
};

/*
 * Users per block: their factors, seen items and lists are held at once
 * (a few MB), their rows written by one INSERT; fair lists are balanced
 * within a block.
 */
#define RECOMMEND_ALL_BLOCK 16384

/* Every user id of a model, ascending. */
static int32
ModelUserIds(const ModelCache *m, int64 **out)
{
	Oid			types[1] = {TEXTOID};
	Datum		values[1] = {CStringGetTextDatum(m->name)};
	int64	   *ids;
	int			rc;

	rc = SPI_execute_with_args("SELECT user_id FROM recfair.user_factors WHERE model OPERATOR(pg_catalog.=) $1 "
							   "ORDER BY user_id", 1, types, values, NULL, true, 0);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute_with_args failed: %s", SPI_result_code_string(rc));
	ids = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(int64), Max(SPI_processed, 1)));
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		bool		isnull;

		ids[r] = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[r], SPI_tuptable->tupdesc, 1, &isnull));
	}
	SPI_freetuptable(SPI_tuptable);
	*out = ids;
	return (int32) SPI_processed;
}

/*
 * One block's lists into the table, one INSERT ... SELECT over unnest() of
 * arrays; the number of rows.
 */
static int64
WriteBlockLists(SPIPlanPtr plan, const ModelCache *m, const GroupMap *gm, const int64 *ids,
				const TestUser *users, const RankPass *pass, int32 nblock, int k)
{
	int64		nrows = 0;
	Datum	   *user_d;
	Datum	   *rank_d;
	Datum	   *item_d;
	Datum	   *score_d;
	Datum	   *group_d = NULL;
	bool	   *group_null = NULL;
	Datum		values[5];
	int			rc;
	int			dims[1];
	int			lbs[1] = {1};

	for (int32 u = 0; u < nblock; u++)
		if (users[u].known)
			nrows += pass->list_len[u];
	if (nrows == 0)
		return 0;
	user_d = palloc(sizeof(Datum) * nrows);
	rank_d = palloc(sizeof(Datum) * nrows);
	item_d = palloc(sizeof(Datum) * nrows);
	score_d = palloc(sizeof(Datum) * nrows);
	if (gm != NULL)
	{
		group_d = palloc(sizeof(Datum) * nrows);
		group_null = palloc(sizeof(bool) * nrows);
	}
	nrows = 0;
	for (int32 u = 0; u < nblock; u++)
	{
		if (!users[u].known)
			continue;
		for (int r = 0; r < pass->list_len[u]; r++)
		{
			const Candidate *c = &pass->lists[(int64) u * k + r];

			user_d[nrows] = Int64GetDatum(ids[u]);
			rank_d[nrows] = Int32GetDatum(r + 1);
			item_d[nrows] = Int64GetDatum(m->item_ids[c->index]);
			score_d[nrows] = Float4GetDatum(c->score);
			if (gm != NULL)
			{
				const char *name = gm->names[gm->group_of_item[c->index]];

				group_null[nrows] = name == NULL;
				group_d[nrows] = name ? CStringGetTextDatum(name) : (Datum) 0;
			}
			nrows++;
		}
	}
	dims[0] = (int) nrows;
	values[0] = PointerGetDatum(construct_array(user_d, nrows, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
	values[1] = PointerGetDatum(construct_array(rank_d, nrows, INT4OID, 4, true, TYPALIGN_INT));
	values[2] = PointerGetDatum(construct_array(item_d, nrows, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
	values[3] = PointerGetDatum(construct_array(score_d, nrows, FLOAT4OID, 4, true, TYPALIGN_INT));
	if (gm != NULL)
		values[4] = PointerGetDatum(construct_md_array(group_d, group_null, 1, dims, lbs, TEXTOID, -1, false,
													   TYPALIGN_INT));
	rc = SPI_execute_plan(plan, values, NULL, false, 0);
	if (rc != SPI_OK_INSERT)
		elog(ERROR, "recommend_all: writing the lists failed: %s", SPI_result_code_string(rc));
	return nrows;
}

/*
 * recommend_all(model, k, into_table, user_ids, group_col, target,
 * strength, candidates, options, amortized): every user's top k (or the
 * given users'), the items seen in training excluded, into a new table
 * (user_id, rank, item_id, score), with group_value and fair lists when
 * group_col is given.  Users are scored in blocks with matrix-matrix
 * products on the compute threads, as evaluate() scores them; fair lists
 * are balanced over each block of users in id order as
 * recommend_fair_batch balances its set (amortized => false: each list on
 * its own).  Returns the table, the users with a list and the rows.
 */
static Datum
RecommendAll(FunctionCallInfo fcinfo)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	ModelCache *m;
	ListConfig	cfg;
	char	   *table;
	int64	   *ids = NULL;
	int32		nids;
	int64		nusers = 0;
	int64		nrows = 0;
	SPIPlanPtr	insert;
	Oid			types[5] = {INT8ARRAYOID, INT4ARRAYOID, INT8ARRAYOID, FLOAT4ARRAYOID, TEXTARRAYOID};
	MemoryContext block_cxt;
	MemoryContext old;
	double	   *fixed_shares = NULL;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};
	int32		nblocks;

	CheckArgsNotNull(fcinfo, RA_NARGS, (1U << RA_ARG_MODEL) | (1U << RA_ARG_USER_IDS) | (1U << RA_ARG_GROUP_COL) |
					 (1U << RA_ARG_CANDIDATES));
	memset(&cfg, 0, sizeof(cfg));
	cfg.k = PG_GETARG_INT32(RA_ARG_K);
	CheckK(cfg.k);
	table = NewTableName(text_to_cstring(PG_GETARG_TEXT_PP(RA_ARG_INTO_TABLE)));
	cfg.fair = !PG_ARGISNULL(RA_ARG_GROUP_COL);
	ParseFairSettings(fcinfo, &recommend_all_fair_args, cfg.k, NULL, 0, &cfg.fs);
	if (cfg.fair && !OptionPresent(PG_GETARG_JSONB_P(RA_ARG_OPTIONS), "deficit_scale"))
	{
		/* as recommend_fair_batch: one list's exposure */
		cfg.fs.deficit_scale = 0.0;
		for (int r = 1; r <= cfg.k; r++)
			cfg.fs.deficit_scale += RankExposure(r);
	}
	InitMaterializedSRF(fcinfo, 0);

	SPI_connect();
	m = GetModel(PG_ARGISNULL(RA_ARG_MODEL) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(RA_ARG_MODEL)));
	ProgressSetModel(m->name, 0);	/* the blocks are counted once the users are */
	ProgressSetPhase(PROGRESS_PHASE_READING);
	if (cfg.fair)
	{
		cfg.gm = GetGroupMap(m, text_to_cstring(PG_GETARG_TEXT_PP(RA_ARG_GROUP_COL)));
		fixed_shares = palloc(mul_size(sizeof(double), Max(cfg.gm->ngroups, 1)));
	}
	nids = PG_ARGISNULL(RA_ARG_USER_IDS) ? ModelUserIds(m, &ids)
		: DistinctSortedIds(PG_GETARG_ARRAYTYPE_P(RA_ARG_USER_IDS), &ids);

	RunTableSql(psprintf("CREATE TABLE %s (user_id bigint NOT NULL, rank integer NOT NULL, item_id bigint NOT NULL, "
						 "score real NOT NULL%s)", table, cfg.fair ? ", group_value text" : ""),
				SPI_OK_UTILITY);
	insert = SPI_prepare(psprintf("INSERT INTO %s SELECT * FROM ROWS FROM (pg_catalog.unnest($1), pg_catalog.unnest($2), "
								  "pg_catalog.unnest($3), pg_catalog.unnest($4)%s)", table,
								  cfg.fair ? ", pg_catalog.unnest($5)" : ""),
						 cfg.fair ? 5 : 4, types);
	if (insert == NULL)
		elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));

	nblocks = (nids + RECOMMEND_ALL_BLOCK - 1) / RECOMMEND_ALL_BLOCK;
	ProgressSetModel(m->name, nblocks);
	ProgressSetPhase(PROGRESS_PHASE_EVALUATING);
	block_cxt = AllocSetContextCreate(CurrentMemoryContext, "recfair recommend_all block", ALLOCSET_DEFAULT_SIZES);
	for (int32 b0 = 0; b0 < nids && m->nitems > 0; b0 += RECOMMEND_ALL_BLOCK)
	{
		int32		nblock = Min(RECOMMEND_ALL_BLOCK, nids - b0);
		MemoryBudget budget = {0};
		Interactions given;
		TestUser   *users;
		float4	   *x;
		int32	   *order;
		int32		n = 0;
		RankPass	pass;

		old = MemoryContextSwitchTo(block_cxt);
		memset(&given, 0, sizeof(given));
		given.nusers = nblock;
		given.user_ids = ids + b0;
		LoadUsersWithFactors(&budget, m, &given, "the users' factors", &users, &x, &order);
		for (int32 u = 0; u < nblock; u++)
			if (users[u].known)
				order[n++] = u;
		cfg.keep_lists = nblock;
		RunLists(&pass, m, users, x, order, n, &cfg, fixed_shares, &budget);
		nrows += WriteBlockLists(insert, m, cfg.gm, ids + b0, users, &pass, nblock, cfg.k);
		nusers += n;
		MemoryContextSwitchTo(old);
		MemoryContextReset(block_cxt);
		ProgressSetIteration(b0 / RECOMMEND_ALL_BLOCK + 1, NAN);	/* blocks done; no loss */
		CHECK_FOR_INTERRUPTS();
	}
	RunTableSql(psprintf("ANALYZE %s", table), SPI_OK_UTILITY);
	values[0] = ObjectIdGetDatum(TableOid(table));
	values[1] = Int64GetDatum(nusers);
	values[2] = Int64GetDatum(nrows);
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	SPI_finish();
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(recfair_recommend_all);
Datum
recfair_recommend_all(PG_FUNCTION_ARGS)
{
	return ProgressRun(PROGRESS_COMMAND_EVALUATE, RecommendAll, fcinfo);
}

/*
 * The model's overall popularity (the share of its users who had each item
 * in training), computed once per model version and backend.
 */
static const float4 *
CachedPopularity(ModelCache *m)
{
	if (m->popularity == NULL)
	{
		Popularity	pop;

		LoadPopularity(m, NULL, &pop);
		m->popularity = MemoryContextAllocHuge(m->cxt, mul_size(sizeof(float4), Max(m->nitems, 1)));
		memcpy(m->popularity, pop.overall, sizeof(float4) * m->nitems);
	}
	return m->popularity;
}

/*
 * recommend_or_popular(user_id, k, model, fallback_segment, exclude_seen):
 * recommend()'s list for a user the model knows (fallback false); for one
 * it does not know, or a NULL user (an anonymous visitor), the items the
 * most of the model's users had in training, within the user's segment of
 * the registered user table's column fallback_segment when given (fallback
 * true).  The overall popularity is kept per model version; a segment's is
 * computed per call (the rare path).
 */
PG_FUNCTION_INFO_V1(recfair_recommend_or_popular);
Datum
recfair_recommend_or_popular(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			k;
	ModelCache *m;
	float4	   *scores = NULL;
	const float4 *popular = NULL;
	ScoredRanges ranges = {.plain = true};
	Candidate  *top;
	int			n = 0;

	CheckArgsNotNull(fcinfo, 5, (1U << 0) | (1U << 2) | (1U << 3));
	k = PG_GETARG_INT32(1);
	CheckK(k);
	InitMaterializedSRF(fcinfo, 0);
	SPI_connect();
	m = GetModel(PG_ARGISNULL(2) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(2)));
	top = palloc(sizeof(Candidate) * k);
	if (!PG_ARGISNULL(0))
		scores = UserScores(m, PG_GETARG_INT64(0), PG_GETARG_BOOL(4), k, &ranges);
	if (scores != NULL)
		n = TopKOf(m, scores, &ranges, k, top);
	else if (m->nitems > 0)
	{
		if (PG_ARGISNULL(3) || PG_ARGISNULL(0))
			popular = CachedPopularity(m);
		else
		{
			Popularity	pop;

			LoadPopularity(m, text_to_cstring(PG_GETARG_TEXT_PP(3)), &pop);
			popular = FallbackScores(m, &pop, PG_GETARG_INT64(0));
		}
		n = TopK(m, popular, k, top);
	}
	for (int i = 0; i < n; i++)
	{
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};

		values[0] = Int32GetDatum(i + 1);
		values[1] = Int64GetDatum(m->item_ids[top[i].index]);
		values[2] = Float4GetDatum(top[i].score);
		values[3] = BoolGetDatum(scores == NULL);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	SPI_finish();
	return (Datum) 0;
}
