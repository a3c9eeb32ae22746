/*-------------------------------------------------------------------------
 *
 * item_index.c
 *	  The candidate index for large catalogs: build_index() partitions a
 *	  model's item factors into lists by k-means (an inverted file, IVF),
 *	  stored as one row of recfair.item_index; serving then scores only the
 *	  items of the recfair.index_probes lists whose centroids score highest
 *	  for the user, exactly, in float32.
 *
 * Building: Lloyd's k-means on a seeded sample of at most 64 items per
 * list (10 iterations, an emptied list re-seeded from the sample), then
 * every item assigned to its nearest centroid.  Nearest in Euclidean
 * distance, argmax y.c - |c|^2/2, so assignments are one sgemm per block of
 * items against the centroids, on the compute threads.  The row holds the
 * centroids, the item ids in list order and where each list ends; it
 * belongs to one version of the model (a retrain removes it, and train()
 * rebuilds it with the same number of lists when the model had one).
 *
 * Serving: the cache (serve.c) holds the items in list order, so a list is
 * a contiguous block of the item matrix; a request scores the centroids
 * (one sgemv), takes the best `probes` lists and scores their blocks (one
 * sgemv each), every other item scoring -inf.  Seen-item exclusion, biases,
 * top-k and fair re-ranking then run on those scores unchanged, so an
 * index changes which items are candidates, never how they are ranked.
 * Candidates are the items of the probed lists: an item outside them is
 * missed, which recall@k against exact scoring measures
 * (bench/serving.sh).  The default probes, 1/64 of the lists (at least 16),
 * was chosen by that measurement (docs/design-notes.md).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <cblas.h>
#include <math.h>

#include "access/xact.h"
#include "catalog/pg_type.h"
#include "common/pg_prng.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "interactions.h"
#include "item_index.h"
#include "miscadmin.h"
#include "model_store.h"
#include "options.h"
#include "parallel.h"
#include "portability/instr_time.h"
#include "progress.h"
#include "quantized.h"
#include "security.h"
#include "compare.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

#define KMEANS_ITERATIONS 10
#define SAMPLE_PER_LIST 64
#define MAX_LISTS 65536
#define ASSIGN_BLOCK 1024		/* items per sgemm when assigning */

int			recfair_index_probes = 0;
bool		recfair_exact_search = false;

/* The lists a request searches: the setting, or 1/64 of the lists (at least 16). */
int32
IndexProbes(const ItemIndex *index)
{
	int32		probes = recfair_index_probes > 0 ? recfair_index_probes : Max(16, index->nlists / 64);

	return Min(probes, index->nlists);
}

/*
 * Read the index of the cached model's version (built: its id) and
 * reorder the cache's items into list order.  Inside an SPI connection.
 */
void
LoadItemIndex(ModelCache *m, int64 built)
{
	Oid			types[2] = {TEXTOID, INT8OID};
	Datum		values[2] = {CStringGetTextDatum(m->name), Int64GetDatum(built)};
	bool		isnull;
	ArrayType  *centroids;
	ArrayType  *ids;
	ArrayType  *ends;
	int32		nlists;
	int			rc;
	MemoryContext old;
	ItemIndex  *index;
	int32	   *order;
	int64	   *item_ids;
	float4	   *factors;
	float4	   *norms;
	float4	   *bias = NULL;

	rc = SPI_execute_with_args("SELECT lists, centroids, item_ids, list_ends FROM recfair.item_index "
							   "WHERE model OPERATOR(pg_catalog.=) $1 AND built OPERATOR(pg_catalog.=) $2",
							   2, types, values, NULL, true, 1);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute_with_args failed: %s", SPI_result_code_string(rc));
	if (SPI_processed != 1)
		return;
	nlists = DatumGetInt32(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	centroids = DatumGetArrayTypeP(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
	ids = DatumGetArrayTypeP(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3, &isnull));
	ends = DatumGetArrayTypeP(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 4, &isnull));
	if (nlists < 1 || ARR_HASNULL(centroids) || ARR_HASNULL(ids) || ARR_HASNULL(ends) ||
		ArrayGetNItems(ARR_NDIM(centroids), ARR_DIMS(centroids)) != (int64) nlists * m->k ||
		ArrayGetNItems(ARR_NDIM(ids), ARR_DIMS(ids)) != m->nitems ||
		ArrayGetNItems(ARR_NDIM(ends), ARR_DIMS(ends)) != nlists)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("the item index of model \"%s\" does not match its items", m->name),
				 errhint("Rebuild it: SELECT recfair.build_index(%s).", quote_literal_cstr(m->name))));

	/* the permutation: cache position p takes the item now at order[p] */
	order = palloc(mul_size(sizeof(int32), Max(m->nitems, 1)));
	{
		const int64 *list_ids = (const int64 *) ARR_DATA_PTR(ids);

		for (int32 p = 0; p < m->nitems; p++)
		{
			IdMapEntry *e = idmap_lookup(m->index, list_ids[p]);

			if (e == NULL)
				ereport(ERROR,
						(errcode(ERRCODE_DATA_CORRUPTED),
						 errmsg("the item index of model \"%s\" names item %lld, which the model lacks",
								m->name, (long long) list_ids[p]),
						 errhint("Rebuild it: SELECT recfair.build_index(%s).", quote_literal_cstr(m->name))));
			order[p] = e->index;
		}
	}

	old = MemoryContextSwitchTo(m->cxt);
	item_ids = palloc(mul_size(sizeof(int64), Max(m->nitems, 1)));
	factors = MemoryContextAllocHuge(m->cxt, mul_size(mul_size(sizeof(float4), m->k), Max(m->nitems, 1)));
	norms = palloc(mul_size(sizeof(float4), Max(m->nitems, 1)));
	if (m->item_bias)
		bias = palloc(mul_size(sizeof(float4), Max(m->nitems, 1)));
	for (int32 p = 0; p < m->nitems; p++)
	{
		int32		from = order[p];
		bool		found;

		item_ids[p] = m->item_ids[from];
		memcpy(factors + (int64) p * m->k, m->factors + (int64) from * m->k, sizeof(float4) * m->k);
		norms[p] = m->norms[from];
		if (bias)
			bias[p] = m->item_bias[from];
		idmap_insert(m->index, item_ids[p], &found)->index = p;
	}
	pfree(m->item_ids);
	pfree(m->factors);
	pfree(m->norms);
	if (m->item_bias)
		pfree(m->item_bias);
	m->item_ids = item_ids;
	m->factors = factors;
	m->norms = norms;
	m->item_bias = bias;

	index = palloc(sizeof(ItemIndex));
	index->built = built;
	index->nlists = nlists;
	index->centroids = palloc(mul_size(mul_size(sizeof(float4), nlists), m->k));
	memcpy(index->centroids, ARR_DATA_PTR(centroids), sizeof(float4) * nlists * m->k);
	index->list_start = palloc(sizeof(int32) * (nlists + 1));
	index->list_start[0] = 0;
	memcpy(index->list_start + 1, ARR_DATA_PTR(ends), sizeof(int32) * nlists);
	MemoryContextSwitchTo(old);
	for (int32 l = 0; l < nlists; l++)
		if (index->list_start[l + 1] < index->list_start[l] || index->list_start[l + 1] > m->nitems)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("the item index of model \"%s\" has lists out of order", m->name)));
	m->ivf = index;
	SPI_freetuptable(SPI_tuptable);
}

/* Candidate for the best lists: a centroid's score. */
typedef struct ListScore
{
	float4		score;
	int32		list;
} ListScore;

static int
CompareListScoreDesc(const void *a, const void *b)
{
	const ListScore *x = a;
	const ListScore *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->list - y->list;
}

/*
 * The `want` best of n list scores into best[0..want), best first: a
 * min-heap of the best so far, then sorted (O(n log want), not a sort of
 * all n).  Returns how many.
 */
static int32
SelectBestLists(const float4 *cscores, int32 n, int32 want, ListScore *best)
{
	int32		h = 0;

	want = Min(want, n);
	for (int32 l = 0; l < n && want > 0; l++)
	{
		ListScore	c = {cscores[l], l};
		int32		i;

		if (h < want)
		{
			/* sift up: the worst (lowest score, then highest list) at the root */
			i = h++;
			while (i > 0 && CompareListScoreDesc(&best[(i - 1) / 2], &c) < 0)
			{
				best[i] = best[(i - 1) / 2];
				i = (i - 1) / 2;
			}
			best[i] = c;
		}
		else if (CompareListScoreDesc(&c, &best[0]) < 0)
		{
			/* better than the worst kept: replace the root and sift down */
			i = 0;
			for (;;)
			{
				int32		child = 2 * i + 1;

				if (child >= h)
					break;
				if (child + 1 < h && CompareListScoreDesc(&best[child + 1], &best[child]) > 0)
					child++;
				if (CompareListScoreDesc(&best[child], &c) <= 0)
					break;
				best[i] = best[child];
				i = child;
			}
			best[i] = c;
		}
	}
	qsort(best, h, sizeof(ListScore), CompareListScoreDesc);
	return h;
}

/* The list holding cache position pos: the last list starting at or before it. */
static int32
ListOf(const ItemIndex *index, int32 pos)
{
	int32		lo = 0;
	int32		hi = index->nlists - 1;

	while (lo < hi)
	{
		int32		mid = lo + (hi - lo + 1) / 2;

		if (index->list_start[mid] <= pos)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

/*
 * Scores of the items in the query's best lists (exact inner products),
 * -inf for every other item and for the excluded positions (the user's
 * seen items): the best `probes` lists, and more while they hold fewer
 * than wanted + nexcluded items.  With ranges, the other items are left
 * unset (an excluded position outside the probed lists is not even
 * written: a sparse array's untouched pages stay unmapped) and ranges
 * says which positions were scored.
 */
float4 *
IndexScores(const ModelCache *m, const float4 *query, int32 wanted, const int32 *excluded, int32 nexcluded,
			ScoredRanges *ranges)
{
	const ItemIndex *index = m->ivf;
	int32		probes = IndexProbes(index);
	int64		min_items = (int64) wanted + nexcluded;
	float4	   *scores = palloc(mul_size(sizeof(float4), Max(m->nitems, 1)));
	float4	   *cscores = palloc(sizeof(float4) * index->nlists);
	ListScore  *best = palloc(sizeof(ListScore) * index->nlists);
	bool	   *probed = palloc0(sizeof(bool) * index->nlists);
	int32	   *inside = palloc(sizeof(int32) * Max(nexcluded, 1));
	int32		ninside = 0;
	int32		nbest;
	int32		scanned = 0;
	ScoredRanges lists = {.n = 0};

	openblas_set_num_threads(1);
	cblas_sgemv(CblasRowMajor, CblasNoTrans, index->nlists, m->k, 1.0f, index->centroids, m->k,
				query, 1, 0.0f, cscores, 1);
	nbest = SelectBestLists(cscores, index->nlists, probes, best);
	lists.start = palloc(sizeof(int32) * index->nlists);
	lists.end = palloc(sizeof(int32) * index->nlists);
	if (ranges == NULL)
		for (int32 i = 0; i < m->nitems; i++)
			scores[i] = -INFINITY;
	for (int32 p = 0; p < index->nlists && (p < probes || scanned < min_items); p++)
	{
		int32		l;
		int32		start;
		int32		n;

		if (p == nbest)
		{
			/* the probed lists hold too few items: the others, best first (rare) */
			bool	   *taken = palloc0(sizeof(bool) * index->nlists);
			int32		w = nbest;

			for (int32 i = 0; i < nbest; i++)
				taken[best[i].list] = true;
			for (int32 i = 0; i < index->nlists; i++)
				if (!taken[i])
				{
					best[w].score = cscores[i];
					best[w].list = i;
					w++;
				}
			qsort(best + nbest, w - nbest, sizeof(ListScore), CompareListScoreDesc);
			nbest = w;
		}
		l = best[p].list;
		probed[l] = true;
		start = index->list_start[l];
		n = index->list_start[l + 1] - start;
		scanned += n;
		if (n > 0)
		{
			lists.start[lists.n] = start;
			lists.end[lists.n] = start + n;
			lists.n++;
		}
	}
	if (ranges != NULL)
	{
		ranges->n = lists.n;
		ranges->start = lists.start;
		ranges->end = lists.end;
	}
	for (int32 i = 0; i < nexcluded; i++)
		if (probed[ListOf(index, excluded[i])])
			inside[ninside++] = excluded[i];
	/* over the int8 copy: approximate scores, the best re-scored exactly */
	if (QuantizedUsable(m, ranges, scanned))
		QuantizedRangeScores(m, query, wanted, inside, ninside, scores, ranges);
	else
	{
		for (int32 r = 0; r < lists.n; r++)
			cblas_sgemv(CblasRowMajor, CblasNoTrans, lists.end[r] - lists.start[r], m->k, 1.0f,
						m->factors + (int64) lists.start[r] * m->k, m->k, query, 1, 0.0f,
						scores + lists.start[r], 1);
		for (int32 i = 0; i < ninside; i++)
			scores[inside[i]] = -INFINITY;
	}
	pfree(cscores);
	pfree(best);
	pfree(probed);
	pfree(inside);
	return scores;
}

/* k-means state shared with the compute threads (no PostgreSQL calls there). */
typedef struct KMeans
{
	const float4 *points;		/* n x k, row-major */
	const int32 *rows;			/* which rows of points (NULL: all, in order) */
	int64		n;
	int			k;
	int32		nlists;
	const float4 *centroids;	/* nlists x k */
	const float4 *half_norms;	/* |c|^2 / 2 */
	int32	   *assign;			/* n */
	float4	   *scratch;		/* per worker: ASSIGN_BLOCK x nlists scores, ASSIGN_BLOCK x k points */
} KMeans;

static void
AssignWork(void *arg, int64 start, int64 end, int worker)
{
	KMeans	   *km = arg;
	float4	   *scores = km->scratch + (int64) worker * ASSIGN_BLOCK * (km->nlists + km->k);
	float4	   *block = scores + (int64) ASSIGN_BLOCK * km->nlists;

	for (int64 b0 = start; b0 < end; b0 += ASSIGN_BLOCK)
	{
		int			nb = (int) Min(ASSIGN_BLOCK, end - b0);

		for (int b = 0; b < nb; b++)
		{
			int64		row = km->rows ? km->rows[b0 + b] : b0 + b;

			memcpy(block + (int64) b * km->k, km->points + row * km->k, sizeof(float4) * km->k);
		}
		cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, nb, km->nlists, km->k,
					1.0f, block, km->k, km->centroids, km->k, 0.0f, scores, km->nlists);
		for (int b = 0; b < nb; b++)
		{
			const float4 *s = scores + (int64) b * km->nlists;
			int32		arg_best = 0;
			float4		value = s[0] - km->half_norms[0];

			for (int32 l = 1; l < km->nlists; l++)
				if (s[l] - km->half_norms[l] > value)
				{
					value = s[l] - km->half_norms[l];
					arg_best = l;
				}
			km->assign[b0 + b] = arg_best;
		}
	}
}

static void
Assign(KMeans *km)
{
	for (int32 l = 0; l < km->nlists; l++)
		((float4 *) km->half_norms)[l] = 0.5f * cblas_sdot(km->k, km->centroids + (int64) l * km->k, 1,
														 km->centroids + (int64) l * km->k, 1);
	openblas_set_num_threads(1);
	ParallelForRange(km->n, ASSIGN_BLOCK, AssignWork, km);
}

/* The cache's item positions in ascending id order (the cache may hold them in an index's order). */
static int
CompareItemId(const void *a, const void *b, void *arg)
{
	const ModelCache *m = arg;
	int64		x = m->item_ids[*(const int32 *) a];
	int64		y = m->item_ids[*(const int32 *) b];

	return x < y ? -1 : x > y ? 1 : 0;
}

static int32 *
ItemsById(const ModelCache *m)
{
	int32	   *order = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(int32), Max(m->nitems, 1)));

	for (int32 i = 0; i < m->nitems; i++)
		order[i] = i;
	qsort_arg(order, m->nitems, sizeof(int32), CompareItemId, (void *) m);
	return order;
}

/*
 * The lists of the model's index, when it has one and the caller may
 * rebuild it; else 0.  Inside an SPI connection.
 */
int32
ModelIndexLists(const char *model)
{
	Oid			relid = RecfairTableOid("item_index");
	Oid			types[1] = {TEXTOID};
	Datum		values[1] = {CStringGetTextDatum(model)};
	bool		isnull;

	if (!OidIsValid(relid) ||
		pg_class_aclcheck(relid, GetUserId(), ACL_SELECT | ACL_INSERT | ACL_DELETE) != ACLCHECK_OK)
		return 0;
	if (SPI_execute_with_args("SELECT lists FROM recfair.item_index WHERE model OPERATOR(pg_catalog.=) $1",
							  1, types, values, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "could not read the item index of model \"%s\"", model);
	if (SPI_processed != 1)
		return 0;
	return DatumGetInt32(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
}

/* build_index()'s arguments, by position in its SQL signature. */
enum
{
	BI_ARG_MODEL,
	BI_ARG_LISTS,
	BI_ARG_SEED,
	BI_NARGS
};

/* build_index()'s default seed, with which train() and add_cold_rows() rebuild an index. */
#define ITEM_INDEX_DEFAULT_SEED 42

/*
 * Build the index of a model's current version with `lists` lists (0: the
 * square root of the items), replacing any; returns the lists, and the
 * items in *nitems.  Inside an SPI connection.
 */
static int32
BuildItemIndex(const char *model, int32 lists, int64 seed, int32 *nitems)
{
	ModelCache *m = GetModel(model);
	int32		n = m->nitems;
	int32		nsample;
	int32	   *sample;
	float4	   *centroids;
	float4	   *sums;
	int64	   *counts;
	float4	   *half_norms;
	int32	   *assign;
	int32	   *list_ends;
	int64	   *ids;
	int32	   *fill;
	pg_prng_state rng;
	KMeans		km;
	MemoryBudget budget = {0};
	int			nthreads = ParallelThreads();
	Oid			types[6] = {TEXTOID, INT8OID, INT4OID, FLOAT4ARRAYOID, INT8ARRAYOID, INT4ARRAYOID};
	Datum		values[6];
	Datum	   *d;
	int			rc;

	if (n == 0)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("model \"%s\" has no items to index", m->name)));
	if (lists == 0)
		lists = (int32) Max(1, Min(MAX_LISTS, rint(sqrt((double) n))));
	lists = Min(lists, n);
	nsample = (int32) Min((int64) n, (int64) lists * SAMPLE_PER_LIST);

	BudgetReserve(&budget,
				  add_size(mul_size(mul_size(sizeof(float4) * 2 + sizeof(int64), lists), m->k),
						   add_size(mul_size(sizeof(int32) * 3 + sizeof(int64), n),
									mul_size(mul_size(mul_size(sizeof(float4), ASSIGN_BLOCK), lists + m->k), nthreads))),
				  "the item index");

	/* a seeded sample: the first nsample of a shuffle of the items */
	sample = ItemsById(m);
	pg_prng_seed(&rng, (uint64) seed);
	for (int32 i = 0; i < nsample; i++)
	{
		int32		j = i + (int32) pg_prng_uint64_range(&rng, 0, (uint64) (n - 1 - i));
		int32		t = sample[i];

		sample[i] = sample[j];
		sample[j] = t;
	}
	centroids = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(mul_size(sizeof(float4), lists), m->k));
	sums = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(mul_size(sizeof(float4), lists), m->k));
	counts = palloc(sizeof(int64) * lists);
	half_norms = palloc(sizeof(float4) * lists);
	for (int32 l = 0; l < lists; l++)
		memcpy(centroids + (int64) l * m->k, m->factors + (int64) sample[l] * m->k, sizeof(float4) * m->k);

	km.points = m->factors;
	km.k = m->k;
	km.nlists = lists;
	km.centroids = centroids;
	km.half_norms = half_norms;
	km.scratch = MemoryContextAllocHuge(CurrentMemoryContext,
										mul_size(mul_size(mul_size(sizeof(float4), ASSIGN_BLOCK), lists + m->k), nthreads));
	assign = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(int32), n));

	for (int it = 0; it < KMEANS_ITERATIONS; it++)
	{
		km.rows = sample;
		km.n = nsample;
		km.assign = assign;
		Assign(&km);
		memset(sums, 0, sizeof(float4) * lists * m->k);
		memset(counts, 0, sizeof(int64) * lists);
		for (int32 i = 0; i < nsample; i++)
		{
			cblas_saxpy(m->k, 1.0f, m->factors + (int64) sample[i] * m->k, 1, sums + (int64) assign[i] * m->k, 1);
			counts[assign[i]]++;
		}
		for (int32 l = 0; l < lists; l++)
		{
			if (counts[l] > 0)
			{
				for (int f = 0; f < m->k; f++)
					centroids[(int64) l * m->k + f] = sums[(int64) l * m->k + f] / counts[l];
			}
			else
			{
				/* an emptied list restarts at a random sample item */
				int32		i = (int32) pg_prng_uint64_range(&rng, 0, (uint64) (nsample - 1));

				memcpy(centroids + (int64) l * m->k, m->factors + (int64) sample[i] * m->k, sizeof(float4) * m->k);
			}
		}
		CHECK_FOR_INTERRUPTS();
	}

	/* every item to its nearest centroid, then the ids in list order */
	km.rows = NULL;
	km.n = n;
	Assign(&km);
	list_ends = palloc0(sizeof(int32) * lists);
	for (int32 i = 0; i < n; i++)
		list_ends[assign[i]]++;
	for (int32 l = 1; l < lists; l++)
		list_ends[l] += list_ends[l - 1];
	fill = palloc(sizeof(int32) * lists);
	for (int32 l = 0; l < lists; l++)
		fill[l] = l == 0 ? 0 : list_ends[l - 1];
	ids = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(int64), n));
	for (int32 i = 0; i < n; i++)
		ids[fill[assign[i]]++] = m->item_ids[i];
	/* within a list, ascending id: the row does not depend on the cache's order */
	for (int32 l = 0; l < lists; l++)
	{
		int32		start = l == 0 ? 0 : list_ends[l - 1];

		qsort(ids + start, list_ends[l] - start, sizeof(int64), CompareInt64);
	}

	values[0] = CStringGetTextDatum(m->name);
	values[1] = Int64GetDatum(m->version);
	values[2] = Int32GetDatum(lists);
	d = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(Datum), Max((int64) lists * m->k, n)));
	for (int64 i = 0; i < (int64) lists * m->k; i++)
		d[i] = Float4GetDatum(centroids[i]);
	values[3] = PointerGetDatum(construct_array(d, lists * m->k, FLOAT4OID, 4, true, TYPALIGN_INT));
	for (int32 i = 0; i < n; i++)
		d[i] = Int64GetDatum(ids[i]);
	values[4] = PointerGetDatum(construct_array(d, n, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
	for (int32 l = 0; l < lists; l++)
		d[l] = Int32GetDatum(list_ends[l]);
	values[5] = PointerGetDatum(construct_array(d, lists, INT4OID, 4, true, TYPALIGN_INT));
	rc = SPI_execute_with_args("DELETE FROM recfair.item_index WHERE model OPERATOR(pg_catalog.=) $1",
							   1, types, values, NULL, false, 0);
	if (rc != SPI_OK_DELETE)
		elog(ERROR, "build_index: replacing the index failed: %s", SPI_result_code_string(rc));
	rc = SPI_execute_with_args("INSERT INTO recfair.item_index (model, version, lists, centroids, item_ids, list_ends, built) "
							   "VALUES ($1, $2, $3, $4, $5, $6, "
							   "pg_catalog.nextval('recfair.model_version_seq'::pg_catalog.regclass))",
							   6, types, values, NULL, false, 0);
	if (rc != SPI_OK_INSERT)
		elog(ERROR, "build_index: storing the index failed: %s", SPI_result_code_string(rc));
	*nitems = n;
	return lists;
}

/*
 * Rebuild the model's index in the same transaction as the change that
 * made its items new (train, add_cold_rows), with `lists` lists: reading
 * the rows just written.  Inside an SPI connection.
 */
void
RebuildItemIndex(const char *model, int32 lists)
{
	int32		nitems;

	CommandCounterIncrement();
	PushCopiedSnapshot(GetActiveSnapshot());
	UpdateActiveSnapshotCommandId();
	(void) BuildItemIndex(model, lists, ITEM_INDEX_DEFAULT_SEED, &nitems);
	PopActiveSnapshot();
}

/*
 * build_index(model, lists, seed): (model, lists, items, seconds).
 */
PG_FUNCTION_INFO_V1(recfair_build_index);
Datum
recfair_build_index(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	char	   *model;
	int32		lists = 0;
	int64		seed;
	instr_time	start;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};
	int32		nitems;

	CheckArgsNotNull(fcinfo, BI_NARGS, (1U << BI_ARG_MODEL) | (1U << BI_ARG_LISTS));
	if (!PG_ARGISNULL(BI_ARG_LISTS))
	{
		lists = PG_GETARG_INT32(BI_ARG_LISTS);
		if (lists < 1 || lists > MAX_LISTS)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("lists must be between 1 and %d, not %d", MAX_LISTS, lists),
					 errhint("NULL takes the square root of the model's items.")));
	}
	seed = PG_GETARG_INT64(BI_ARG_SEED);
	InitMaterializedSRF(fcinfo, 0);
	INSTR_TIME_SET_CURRENT(start);
	SPI_connect();
	model = ResolveModelName(PG_ARGISNULL(BI_ARG_MODEL) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(BI_ARG_MODEL)));
	if (!CheckModelWritable(model, "build_index", false, NULL))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("model \"%s\" does not exist", model),
				 errhint("SELECT name FROM recfair.models lists the models.")));
	CheckTablePrivilege("item_index", ACL_SELECT | ACL_INSERT | ACL_DELETE, "SELECT, INSERT and DELETE", "build_index");
	lists = BuildItemIndex(model, lists, seed, &nitems);
	values[0] = CStringGetTextDatum(model);
	values[1] = Int32GetDatum(lists);
	values[2] = Int64GetDatum(nitems);
	values[3] = Float8GetDatum(SecondsSince(start));
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	SPI_finish();
	return (Datum) 0;
}

/* drop_index(model): whether the model had an index. */
PG_FUNCTION_INFO_V1(recfair_drop_index);
Datum
recfair_drop_index(PG_FUNCTION_ARGS)
{
	char	   *model;
	Oid			types[1] = {TEXTOID};
	Datum		values[1];
	int			rc;
	bool		existed;

	SPI_connect();
	model = ResolveModelName(PG_ARGISNULL(0) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(0)));
	if (!CheckModelWritable(model, "drop_index", false, NULL))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("model \"%s\" does not exist", model),
				 errhint("SELECT name FROM recfair.models lists the models.")));
	CheckTablePrivilege("item_index", ACL_SELECT | ACL_DELETE, "SELECT and DELETE", "drop_index");
	values[0] = CStringGetTextDatum(model);
	rc = SPI_execute_with_args("DELETE FROM recfair.item_index WHERE model OPERATOR(pg_catalog.=) $1",
							   1, types, values, NULL, false, 0);
	if (rc != SPI_OK_DELETE)
		elog(ERROR, "drop_index failed: %s", SPI_result_code_string(rc));
	existed = SPI_processed > 0;
	SPI_finish();
	PG_RETURN_BOOL(existed);
}
