/*-------------------------------------------------------------------------
 *
 * fair.c
 *	  Fair-exposure re-ranking: the candidate pool, the target shares, the
 *	  greedy re-ranker, and the item groups of a model.
 *
 * The pool: the top `candidates` items by score, plus the best k items of
 * every group that has fewer than k items among them, so that any target
 * can be met whatever the scores.
 *
 * The re-ranker fills positions 1..k.  Position r hands out exposure
 * v(r) = 1/log2(r+1).  Before filling it, every group g has a deficit
 *
 *		d_g = t_g * (E + v(r)) - got_g
 *
 * where E is the exposure handed out so far (plus, in amortized mode, all
 * earlier lists' exposure) and got_g what g received of it.  The group with
 * the largest deficit (among groups with candidates left and a positive
 * target) gets position r with its best item when its deficit exceeds the
 * tolerance (1/strength - 1) * v(r); otherwise the best remaining item
 * overall does.  Strength 1 tolerates no deficit (the tightest parity the
 * candidates allow), strength 0 an infinite one (the plain ranking), and
 * values between trade smoothly, since the tolerance is a continuous
 * multiple of the position's exposure.
 *
 * Amortized mode (FairRerankAmortized) is a different algorithm, because
 * parity over many lists does not need parity in each list: it can spend a
 * group's exposure on the users for whom it costs least.  That is a
 * Lagrangian relaxation of "maximize the lists' DCG subject to the groups'
 * exposure shares": with a price lambda_g per unit of exposure of group g,
 * each user's best list sorts candidates by normalized score + lambda_g
 * (by the rearrangement inequality), independently of other users.  The
 * prices come from the cumulative state: lambda_g = deficit_g / price,
 * where deficit_g is the group's target share of all exposure handed out
 * so far minus what it got.  An unpaid deficit keeps growing, so the
 * prices settle where the shares meet the targets (integral control), and
 * the users with good candidates in a group behind are the ones who get
 * them.  Scores are normalized per list to [0, 1] over the candidates, so
 * the prices mean the same for every user.  Strength s moves the target
 * from the plain ranking's own shares (tracked alongside) at s = 0 to the
 * requested target at s = 1.
 *
 * Everything here except GetGroupMap and ParseFairTarget is free of
 * PostgreSQL calls, so evaluation can run it on compute threads.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fair.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/regproc.h"
#include "utils/varlena.h"

/* Best first: higher score, then lower id. */
int
CompareFairItems(const void *a, const void *b)
{
	const FairItem *x = (const FairItem *) a;
	const FairItem *y = (const FairItem *) b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

/*
 * Re-rank candidates sorted best first into out[0..k-1]; returns how many
 * were placed.  Scratch: taken[ncands], got[ngroups], next[ngroups].
 */
int
FairRerank(const FairItem *sorted, int ncands, int k, const FairParams *p,
		   FairItem *out, bool *taken, double *got, int32 *next)
{
	int			n = Min(k, ncands);
	int			best = 0;		/* first untaken candidate overall */
	double		handed = p->prior_total;
	double		tolerance_factor = p->strength > 0 ? 1.0 / p->strength - 1.0 : INFINITY;

	memset(taken, 0, sizeof(bool) * ncands);
	for (int g = 0; g < p->ngroups; g++)
	{
		got[g] = p->prior_exposure ? p->prior_exposure[g] : 0.0;
		next[g] = -1;
	}
	/* each group's best candidate (sorted is best first) */
	for (int i = ncands - 1; i >= 0; i--)
		next[sorted[i].group] = i;

	for (int r = 1; r <= n; r++)
	{
		double		v = RankExposure(r);
		int			pick;
		int			worst_group = -1;
		double		worst_deficit = -INFINITY;

		while (taken[best])
			best++;
		if (p->strength > 0)
			for (int g = 0; g < p->ngroups; g++)
			{
				double		net;

				if (next[g] < 0 || p->target[g] <= 0)
					continue;
				net = p->target[g] * (handed + v) - got[g];
				if (net > worst_deficit)
				{
					worst_deficit = net;
					worst_group = g;
				}
			}

		/*
		 * The group with the largest deficit takes the position when
		 * that is beyond tolerance, unless the best item overall belongs to
		 * a group just as deficient (ties at the start of a list).
		 */
		if (worst_group >= 0 && worst_deficit > tolerance_factor * v &&
			p->target[sorted[best].group] * (handed + v) - got[sorted[best].group] < worst_deficit - 1e-12)
			pick = next[worst_group];
		else
			pick = best;

		taken[pick] = true;
		out[r - 1] = sorted[pick];
		got[sorted[pick].group] += v;
		handed += v;
		/* advance the group's pointer to its next untaken candidate */
		{
			int			g = sorted[pick].group;
			int			j = next[g];

			while (j < ncands && (taken[j] || sorted[j].group != g))
				j++;
			next[g] = j < ncands ? j : -1;
		}
	}
	return n;
}

/*
 * Amortized re-ranking (see the header): candidates sorted best first;
 * out[0..k-1] by boosted score.  prior_exposure and prior_plain hold the
 * cumulative exposure per group of earlier fair and plain lists.  Scratch:
 * boosted[ncands].
 */
int
FairRerankAmortized(const FairItem *sorted, int ncands, int k, const FairParams *p,
					FairItem *out, FairItem *boosted, double *lambda)
{
	int			n = Min(k, ncands);
	double		hi = ncands > 0 ? sorted[0].score : 0.0;
	double		lo = ncands > 0 ? sorted[ncands - 1].score : 0.0;
	double		spread = hi - lo;
	double		plain_total = 0.0;

	if (!(spread > 0) || isinf(spread))
		spread = 1.0;
	for (int g = 0; g < p->ngroups; g++)
		plain_total += p->prior_plain[g];
	for (int g = 0; g < p->ngroups; g++)
	{
		double		plain_share = plain_total > 0 ? p->prior_plain[g] / plain_total : p->target[g];
		double		target = p->strength * p->target[g] + (1.0 - p->strength) * plain_share;

		lambda[g] = (target * p->prior_total - p->prior_exposure[g]) / p->price;
	}
	for (int i = 0; i < ncands; i++)
	{
		boosted[i] = sorted[i];
		boosted[i].score = (float4) ((sorted[i].score - lo) / spread + lambda[sorted[i].group]);
	}
	qsort(boosted, ncands, sizeof(FairItem), CompareFairItems);
	/* the chosen items, with the model's scores rather than the boosted ones */
	for (int i = 0; i < n; i++)
	{
		out[i] = boosted[i];
		for (int j = 0; j < ncands; j++)
			if (sorted[j].index == out[i].index)
			{
				out[i].score = sorted[j].score;
				break;
			}
	}
	return n;
}

void
ParseFairTarget(const char *text, FairTarget *target)
{
	target->text = pstrdup(text);
	target->shares = NULL;
	if (strcmp(text, "equal") == 0)
		target->kind = TARGET_EQUAL;
	else if (strcmp(text, "catalog") == 0)
		target->kind = TARGET_CATALOG;
	else if (strcmp(text, "merit") == 0)
		target->kind = TARGET_MERIT;
	else if (text[0] == '{')
	{
		target->kind = TARGET_EXPLICIT;
		target->shares = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(text)));
	}
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown target \"%s\"", text),
				 errhint("Use \"equal\", \"catalog\", \"merit\", or a jsonb object of shares per group value such as '{\"Acme\": 0.2, \"Brand 001\": 0.1}'.")));
}

/*
 * Target share per group, summing to 1 over groups.  Catalog shares need
 * groups->items_in_group (or, without a catalog, the candidates' counts);
 * merit uses the positive part of the candidates' scores.  Explicit shares
 * name group values; groups not named get 0; the NULL group cannot be
 * named.  Must run on the backend thread only for TARGET_EXPLICIT.
 */
void
TargetShares(const FairTarget *target, const GroupMap *groups,
			 const FairItem *cands, int ncands, double *shares)
{
	int			ngroups = groups->ngroups;
	double		total = 0.0;

	for (int g = 0; g < ngroups; g++)
		shares[g] = 0.0;
	switch (target->kind)
	{
		case TARGET_EQUAL:
			for (int g = 0; g < ngroups; g++)
				shares[g] = 1.0;
			break;
		case TARGET_CATALOG:
			if (groups->items_in_group)
				for (int g = 0; g < ngroups; g++)
					shares[g] = groups->items_in_group[g];
			else
				for (int i = 0; i < ncands; i++)
					shares[cands[i].group] += 1.0;
			break;
		case TARGET_MERIT:
			for (int i = 0; i < ncands; i++)
				shares[cands[i].group] += Max(cands[i].score, 0.0f);
			break;
		case TARGET_EXPLICIT:
			for (int g = 0; g < ngroups; g++)
			{
				JsonbValue	v;

				if (groups->names[g] == NULL ||
					!getKeyJsonValueFromContainer(&target->shares->root, groups->names[g],
												  strlen(groups->names[g]), &v))
					continue;
				if (v.type != jbvNumeric)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("the target share of \"%s\" must be a number", groups->names[g])));
				shares[g] = DatumGetFloat8(DirectFunctionCall1(numeric_float8,
															   NumericGetDatum(v.val.numeric)));
				if (isnan(shares[g]) || shares[g] < 0)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("the target share of \"%s\" must not be negative", groups->names[g])));
			}
			break;
	}
	for (int g = 0; g < ngroups; g++)
		total += shares[g];
	if (total <= 0)
	{
		/* nothing to go by (e.g. all scores negative for merit): equal shares */
		for (int g = 0; g < ngroups; g++)
			shares[g] = 1.0 / Max(ngroups, 1);
		return;
	}
	for (int g = 0; g < ngroups; g++)
		shares[g] /= total;
}

/*
 * The item groups of a model for a column of its registered item table,
 * cached with the model (the cache is reset when the model changes).
 */
const GroupMap *
GetGroupMap(ModelCache *m, const char *group_col)
{
	Oid			types[1] = {TEXTOID};
	Datum		values[1] = {CStringGetTextDatum(m->name)};
	char	   *item_table;
	char	   *item_key;
	Oid			relid;
	AttrNumber	attnum;
	ListCell   *lc;
	GroupMap   *gm;
	MemoryContext old;
	int			rc;
	bool		has_missing = false;

	foreach(lc, m->group_maps)
	{
		gm = (GroupMap *) lfirst(lc);
		if (strcmp(gm->column, group_col) == 0)
			return gm;
	}

	rc = SPI_execute_with_args("SELECT item_table, item_key FROM recfair.models WHERE name = $1",
							   1, types, values, NULL, true, 1);
	if (rc != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "could not read model \"%s\"", m->name);
	item_table = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	item_key = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2);
	if (item_table == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("model \"%s\" has no registered item table, so it has no column \"%s\"",
						m->name, group_col),
				 errhint("Register one: SELECT recfair.register_tables('%s', items => 'my_items', item_key => 'item_id'), "
						 "or train with options => '{\"items\": \"my_items\", \"item_key\": \"item_id\"}'.",
						 m->name)));
	relid = RangeVarGetRelid(makeRangeVarFromNameList(stringToQualifiedNameList(item_table)),
							 AccessShareLock, true);
	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("the item table %s of model \"%s\" does not exist", item_table, m->name)));
	attnum = get_attnum(relid, group_col);
	if (attnum == InvalidAttrNumber || attnum < 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" does not exist in %s", group_col, item_table)));

	/* SQL numbers the groups (NULL last); names come with the numbers */
	rc = SPI_execute(psprintf("SELECT (dense_rank() OVER (ORDER BY t.%s::text NULLS LAST) - 1)::int4, "
							  "t.%s::int8, t.%s::text FROM %s AS t",
							  quote_identifier(group_col), quote_identifier(item_key),
							  quote_identifier(group_col), item_table),
					 true, 0);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute failed: %s", SPI_result_code_string(rc));

	old = MemoryContextSwitchTo(m->cxt);
	gm = palloc0(sizeof(GroupMap));
	strlcpy(gm->column, group_col, sizeof(gm->column));
	gm->group_of_item = palloc(sizeof(int32) * Max(m->nitems, 1));
	for (int32 i = 0; i < m->nitems; i++)
		gm->group_of_item[i] = -1;
	gm->ngroups = 0;
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		bool		isnull;
		int32		g = DatumGetInt32(SPI_getbinval(SPI_tuptable->vals[r], SPI_tuptable->tupdesc, 1, &isnull));

		gm->ngroups = Max(gm->ngroups, g + 1);
	}
	/* one more slot for a NULL group of items missing from the table */
	gm->names = palloc0(sizeof(char *) * (gm->ngroups + 1));
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		HeapTuple	tup = SPI_tuptable->vals[r];
		bool		isnull;
		int32		g = DatumGetInt32(SPI_getbinval(tup, SPI_tuptable->tupdesc, 1, &isnull));
		Datum		key = SPI_getbinval(tup, SPI_tuptable->tupdesc, 2, &isnull);
		IdMapEntry *e;

		if (gm->names[g] == NULL)
			gm->names[g] = SPI_getvalue(tup, SPI_tuptable->tupdesc, 3);
		if (isnull || (e = idmap_lookup(m->index, DatumGetInt64(key))) == NULL)
			continue;
		gm->group_of_item[e->index] = g;
	}
	/* the NULL group, if any, is the last one (NULLS LAST); missing items join it */
	for (int32 i = 0; i < m->nitems; i++)
		if (gm->group_of_item[i] < 0)
			has_missing = true;
	if (has_missing)
	{
		int			null_group = (gm->ngroups > 0 && gm->names[gm->ngroups - 1] == NULL) ?
			gm->ngroups - 1 : gm->ngroups++;

		for (int32 i = 0; i < m->nitems; i++)
			if (gm->group_of_item[i] < 0)
				gm->group_of_item[i] = null_group;
	}
	gm->items_in_group = palloc0(sizeof(int32) * Max(gm->ngroups, 1));
	for (int32 i = 0; i < m->nitems; i++)
		gm->items_in_group[gm->group_of_item[i]]++;
	m->group_maps = lappend(m->group_maps, gm);
	MemoryContextSwitchTo(old);
	SPI_freetuptable(SPI_tuptable);
	return gm;
}

int
FairPoolCapacity(const GroupMap *gm, int k, int ncandidates)
{
	return ncandidates + gm->ngroups * k;
}

/* Is a worse than b (lower score, or equal score and higher id)? */
static inline bool
Worse(const FairItem *a, const FairItem *b)
{
	if (a->score != b->score)
		return a->score < b->score;
	return a->id > b->id;
}

/* Offer an item to a bounded min-heap (worst at the root) of size cap. */
static void
HeapOffer(FairItem *heap, int32 *size, int cap, FairItem item)
{
	int			i;

	if (*size < cap)
	{
		i = (*size)++;
		heap[i] = item;
		while (i > 0 && Worse(&heap[i], &heap[(i - 1) / 2]))
		{
			FairItem	t = heap[i];

			heap[i] = heap[(i - 1) / 2];
			heap[(i - 1) / 2] = t;
			i = (i - 1) / 2;
		}
		return;
	}
	if (!Worse(&heap[0], &item))
		return;
	heap[0] = item;
	i = 0;
	for (;;)
	{
		int			w = i;
		int			l = 2 * i + 1;
		int			r = l + 1;

		if (l < cap && Worse(&heap[l], &heap[w]))
			w = l;
		if (r < cap && Worse(&heap[r], &heap[w]))
			w = r;
		if (w == i)
			break;
		{
			FairItem	t = heap[i];

			heap[i] = heap[w];
			heap[w] = t;
		}
		i = w;
	}
}

/*
 * The candidate pool for one list, sorted best first, deduplicated; returns
 * its size.  pool needs FairPoolCapacity() entries, scratch ncandidates
 * Candidates, per_group ngroups counters.  Items scored -inf are excluded.
 */
int
BuildFairPool(const ModelCache *m, const GroupMap *gm, const float4 *scores,
			  int k, int ncandidates, FairItem *pool, Candidate *scratch, int32 *per_group)
{
	int			n = TopK(m, scores, ncandidates, scratch);
	int			npool = 0;
	bool		short_groups = false;

	memset(per_group, 0, sizeof(int32) * gm->ngroups);
	for (int i = 0; i < n; i++)
	{
		FairItem	it;

		it.index = scratch[i].index;
		it.group = gm->group_of_item[it.index];
		it.id = m->item_ids[it.index];
		it.score = scratch[i].score;
		pool[npool++] = it;
		per_group[it.group]++;
	}
	for (int g = 0; g < gm->ngroups; g++)
		if (per_group[g] < k && per_group[g] < gm->items_in_group[g])
			short_groups = true;

	if (short_groups && n == ncandidates)
	{
		/* each short group's best k, in heaps after the pool */
		FairItem   *heaps = pool + npool;
		int32	   *sizes = per_group;

		/* per_group becomes: -1 for satisfied groups, else heap size */
		for (int g = 0; g < gm->ngroups; g++)
			sizes[g] = (per_group[g] < k && per_group[g] < gm->items_in_group[g]) ? 0 : -1;
		for (int32 i = 0; i < m->nitems; i++)
		{
			int32		g = gm->group_of_item[i];
			FairItem	it;

			if (sizes[g] < 0 || (isinf(scores[i]) && scores[i] < 0))
				continue;
			it.index = i;
			it.group = g;
			it.id = m->item_ids[i];
			it.score = scores[i];
			HeapOffer(heaps + (int64) g * k, &sizes[g], k, it);
		}
		for (int g = 0; g < gm->ngroups; g++)
			for (int j = 0; j < sizes[g]; j++)
				pool[npool++] = heaps[(int64) g * k + j];
	}
	qsort(pool, npool, sizeof(FairItem), CompareFairItems);
	/* duplicates (an item in the top and in its group's best) are adjacent */
	{
		int			w = 0;

		for (int i = 0; i < npool; i++)
			if (w == 0 || pool[w - 1].index != pool[i].index)
				pool[w++] = pool[i];
		npool = w;
	}
	return npool;
}
