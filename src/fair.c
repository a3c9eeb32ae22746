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
 * target; ties go to the group with the better item) gets position r with
 * its best item when its deficit exceeds the tolerance
 * (1 - strength) * t_g * L, where L is the exposure of the whole list:
 * a fraction (1 - strength) of what the group is due over the list;
 * otherwise the best remaining item overall does.  Strength 1 tolerates no
 * deficit (the tightest parity the candidates allow), strength 0 tolerates
 * more than any deficit can reach (the plain ranking), and values between
 * trade smoothly: a group behind is served later in the list (where it
 * costs less) the lower the strength.  Relative to the group's due, the
 * tolerance means the same with 2 groups or 50.  It is never below half
 * the position's exposure: a group owed less than that would end further
 * from its due with the position than without it.  Without that floor,
 * with many small groups (brands) every list handed its first positions to
 * the groups with the largest targets, the same ones in every list, and
 * the sum over lists was less fair than the plain ranking.  Per-list
 * re-ranking cannot give 50 brands their share in 10 positions; the
 * amortized mode below can, over many lists.
 *
 * Amortized mode (FairRerankAmortized) is a different algorithm, because
 * parity over many lists does not need parity in each list: it can spend a
 * group's exposure on the users for whom it costs least.  That is a
 * Lagrangian relaxation of "maximize the lists' DCG subject to the groups'
 * exposure shares": with a price lambda_g per unit of exposure of group g,
 * each user's best list sorts candidates by scaled score + lambda_g
 * (by the rearrangement inequality), independently of other users.  The
 * prices come from the cumulative state: lambda_g = deficit_g / deficit_scale,
 * where deficit_g is the group's target share of all exposure handed out
 * so far minus what it got.  An unpaid deficit keeps growing, so the
 * prices settle where the shares meet the targets (integral control), and
 * the users with good candidates in a group behind are the ones who get
 * them.  The prices must mean the same for every user, so every list's
 * scores are divided by one scale for the model: the mean of the best score
 * of the amortized lists this backend has made for it (kept in the serving
 * cache).  Scaling each list by its own range instead made a unit of price
 * worth more to a user whose scores span less, not to the user for whom
 * the group's items cost least: on MovieLens-100k (popularity groups,
 * target equal, strength 1) it lost 25.6% of NDCG@10 where one scale for
 * all lists loses 22.2% (docs/design-notes.md).  No candidate pool is needed:
 * one pass ranks all items by boosted score.  Strength s moves the target
 * from the plain ranking's own shares (tracked alongside) toward the
 * requested target, reached at s = 1; s = 0 is the plain ranking itself.
 *
 * Everything here except GetGroupMap and ParseFairTarget is free of
 * PostgreSQL calls, so evaluation can run it on compute threads.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "compat.h"
#include "executor/spi.h"
#include "fair.h"
#include "interactions.h"
#include "miscadmin.h"
#include "security.h"
#include "storage/proc.h"
#include "storage/shmem.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/regproc.h"
#include "utils/rls.h"
#include "utils/varlena.h"

/* Best first: higher score, then lower id. */
static inline int
FairItemOrder(const FairItem *x, const FairItem *y)
{
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

int
CompareFairItems(const void *a, const void *b)
{
	return FairItemOrder((const FairItem *) a, (const FairItem *) b);
}

/* sort_fair_items(): PostgreSQL's sort template with the comparison inlined */
#define ST_SORT sort_fair_items
#define ST_ELEMENT_TYPE FairItem
#define ST_COMPARE(a, b) FairItemOrder(a, b)
#define ST_SCOPE static
#define ST_DECLARE
#define ST_DEFINE
#include "lib/sort_template.h"

/*
 * Re-rank candidates sorted best first into out[0..k-1]; returns how many
 * were placed, or -1 when the pool is partial (p->expandable set) and a
 * group with nothing left in it must take the position.  Scratch:
 * taken[ncands], got[ngroups], next[ngroups].
 */
int
FairRerank(const FairItem *sorted, int ncands, int k, const FairParams *p,
		   FairItem *out, bool *taken, double *got, int32 *next)
{
	int			n = Min(k, ncands);
	int			best = 0;		/* first untaken candidate overall */
	double		handed = p->prior_total;
	double		list_exposure = 0.0;

	for (int r = 1; r <= n; r++)
		list_exposure += RankExposure(r);
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
		float4		worst_score = -INFINITY;

		/* a position costs O(groups): many groups and a long list take a while */
		if (p->interruptible)
			CHECK_FOR_INTERRUPTS();
		while (taken[best])
			best++;
		if (p->strength > 0)
			for (int g = 0; g < p->ngroups; g++)
			{
				double		deficit;
				float4		g_score;

				if (p->target[g] <= 0)
					continue;
				if (next[g] < 0 && !(p->expandable && p->expandable[g]))
					continue;
				deficit = p->target[g] * (handed + v) - got[g];
				/* a group with nothing in a partial pool scores below all of it */
				g_score = next[g] >= 0 ? sorted[next[g]].score : -INFINITY;
				if (deficit > worst_deficit + 1e-12 ||
					(deficit >= worst_deficit - 1e-12 && worst_group >= 0 && g_score > worst_score))
				{
					worst_deficit = deficit;
					worst_group = g;
					worst_score = g_score;
				}
			}

		/*
		 * The group with the largest deficit (ties: the one with the best
		 * item) takes the position when that deficit is beyond tolerance.
		 * If it has no candidate left in a partial pool, the caller must
		 * build the full pool and start again.
		 */
		if (worst_group >= 0 &&
			worst_deficit > Max((1.0 - p->strength) * p->target[worst_group] * list_exposure, v / 2))
		{
			if (next[worst_group] < 0)
				return -1;
			pick = next[worst_group];
		}
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
 * Put `it` at the root of heap[0..n) (the worst item at the root) and sift
 * it down to its place.
 */
static void
SiftDownWorst(FairItem *heap, int n, FairItem it)
{
	int			i = 0;

	for (;;)
	{
		int			child = 2 * i + 1;

		if (child >= n)
			break;
		/* the worse of the two children */
		if (child + 1 < n && FairItemOrder(&heap[child + 1], &heap[child]) > 0)
			child++;
		if (FairItemOrder(&heap[child], &it) <= 0)
			break;
		heap[i] = heap[child];
		i = child;
	}
	heap[i] = it;
}

/*
 * Amortized re-ranking (see the header) of one user's scores over all the
 * model's items (-inf: excluded): out[0..k-1] by boosted score, with the
 * model's scores.  prior_exposure and prior_plain hold the cumulative
 * exposure per group of earlier fair and plain lists, and scale_state the
 * score scale.  Two passes over the scores: their best, then a top k of boosted
 * scores where most items fail one comparison.  Strength 0 leaves the
 * scores unboosted (the plain ranking) but the caller still records it.  Scratch: lambda[ngroups].  Returns the list's length.
 */
static int
FairAmortizedList(const ModelCache *m, const GroupMap *gm, const float4 *scores, int k,
				  const FairParams *p, FairItem *out, double *lambda)
{
	const int32 *group_of_item = gm->group_of_item;
	int32		nitems = m->nitems;
	int			n = 0;
	float4		hi = -INFINITY;
	double		plain_total = 0.0;
	float4		scale = 1.0f;

	for (int32 i = 0; i < nitems; i++)
		if (!(isinf(scores[i]) && scores[i] < 0))
			hi = Max(hi, scores[i]);
	if (isfinite(hi))
	{
		p->scale_state->top_sum += fabs((double) hi);
		p->scale_state->lists++;
	}
	if (p->scale_state->top_sum > 0)
		scale = (float4) (p->scale_state->lists / p->scale_state->top_sum);
	for (int g = 0; g < p->ngroups; g++)
		plain_total += p->prior_plain[g];
	for (int g = 0; g < p->ngroups; g++)
	{
		double		plain_share = plain_total > 0 ? p->prior_plain[g] / plain_total : p->target[g];
		double		target = p->strength * p->target[g] + (1.0 - p->strength) * plain_share;

		/* strength 0 is the plain ranking, whatever earlier lists did */
		lambda[g] = p->strength > 0 ? (target * p->prior_total - p->prior_exposure[g]) / p->deficit_scale : 0.0;
	}

	/*
	 * The k best by boosted score: a heap with the worst kept at the root,
	 * so a long list costs O(items log k); most items fail the first test.
	 */
	for (int32 i = 0; i < nitems; i++)
	{
		FairItem	it;

		if (isinf(scores[i]) && scores[i] < 0)
			continue;
		it.score = scores[i] * scale + (float4) lambda[group_of_item[i]];
		if (n == k && it.score < out[0].score)
			continue;
		it.index = i;
		it.group = group_of_item[i];
		it.id = m->item_ids[i];
		it.base = scores[i];
		if (n < k)
		{
			int			j = n++;

			/* up while worse than the parent */
			while (j > 0 && FairItemOrder(&it, &out[(j - 1) / 2]) > 0)
			{
				out[j] = out[(j - 1) / 2];
				j = (j - 1) / 2;
			}
			out[j] = it;
		}
		else if (FairItemOrder(&it, &out[0]) < 0)
			SiftDownWorst(out, n, it);
	}
	/* heap sort: move the worst to the end, best first as a result */
	for (int end = n - 1; end > 0; end--)
	{
		FairItem	worst = out[0];

		SiftDownWorst(out, end, out[end]);
		out[end] = worst;
	}
	/* report the model's scores, not the boosted ones */
	for (int i = 0; i < n; i++)
		out[i].score = out[i].base;
	return n;
}

void
CheckStrength(double strength)
{
	if (isnan(strength) || strength < 0.0 || strength > 1.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("strength must be between 0 and 1, not %g", strength)));
}

/*
 * An explicit target: a jsonb object of non-negative numbers, at least one
 * of them positive.  Malformed jsonb is reported as a bad parameter, like
 * every other bad target.
 */
static Jsonb *
ParseShareObject(const char *text)
{
	MemoryContext cxt = CurrentMemoryContext;
	Jsonb	   *volatile shares = NULL;

	PG_TRY();
	{
		shares = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(text)));
	}
	PG_CATCH();
	{
		ErrorData  *edata;

		MemoryContextSwitchTo(cxt);
		edata = CopyErrorData();
		FlushErrorState();
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the target is not a valid jsonb object of shares"),
				 errdetail("%s", edata->message)));
	}
	PG_END_TRY();
	return shares;
}

/* A share as a double: infinity when it is beyond double's range, not an error quoting every digit. */
static double
ShareValue(const JsonbValue *v)
{
	return DatumGetFloat8(DirectFunctionCall1(numeric_float8_no_overflow, NumericGetDatum(v->val.numeric)));
}

static Jsonb *
ParseExplicitShares(const char *text)
{
	Jsonb	   *shares = ParseShareObject(text);
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	bool		positive = false;
	char	   *key = NULL;
	double		total = 0.0;

	it = JsonbIteratorInit(&shares->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		double		share;

		if (tok == WJB_KEY)
		{
			key = pnstrdup(v.val.string.val, v.val.string.len);
			continue;
		}
		if (tok != WJB_VALUE)
			continue;
		if (v.type != jbvNumeric)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("the target share of \"%s\" must be a number", key)));
		share = ShareValue(&v);
		if (isnan(share) || share < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("the target share of \"%s\" must not be negative", key)));
		total += share;
		if (!isfinite(total))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("the target share of \"%s\" is too large", key),
					 errdetail("Shares are relative weights; together they must stay below %g.", DBL_MAX),
					 errhint("Give shares as fractions, such as '{\"Acme\": 0.2, \"Brand 001\": 0.1}'.")));
		positive |= share > 0;
	}
	if (!positive)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the target must give some group a positive share"),
				 errhint("Name group values with their shares, such as '{\"Acme\": 0.2, \"Brand 001\": 0.1}'.")));
	return shares;
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
		target->shares = ParseExplicitShares(text);
	}
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown target \"%s\"", text),
				 errhint("Use \"equal\", \"catalog\", \"merit\", or a jsonb object of shares per group value such as '{\"Acme\": 0.2, \"Brand 001\": 0.1}'.")));
}

/*
 * Explicit shares (validated by ParseExplicitShares) per group; groups not
 * named get 0.  When the groups come from a registered table
 * (items_in_group set), a value that names none of them is an error: it is
 * a typo, or a value the table does not have.  Candidates passed to
 * rerank_fair need not hold every group a target names.
 */
static void
ExplicitShares(const FairTarget *target, const GroupMap *groups, double *shares)
{
	JsonbIterator *it = JsonbIteratorInit(&target->shares->root);
	JsonbValue	v;
	JsonbIteratorToken tok;
	int			g = -1;

	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (tok == WJB_KEY)
		{
			char	   *key = pnstrdup(v.val.string.val, v.val.string.len);

			g = GroupOfName(groups, key);
			if (g < 0 && groups->items_in_group != NULL)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("the target names \"%s\", which is not a value of column \"%s\"",
								key, groups->column)));
		}
		else if (tok == WJB_VALUE && g >= 0)
			shares[g] = ShareValue(&v);
	}
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
			/* every group the model can show: not groups whose items it lacks */
			for (int g = 0; g < ngroups; g++)
				shares[g] = (groups->items_in_group == NULL || groups->items_in_group[g] > 0) ? 1.0 : 0.0;
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
			ExplicitShares(target, groups, shares);
			break;
	}
	for (int g = 0; g < ngroups; g++)
		total += shares[g];
	if (total <= 0)
	{
		/*
		 * Explicit shares that name none of these groups (candidates of
		 * rerank_fair): no group is due anything, the plain ranking.
		 * Otherwise nothing to go by (e.g. all scores negative for merit):
		 * equal shares.
		 */
		for (int g = 0; g < ngroups; g++)
			shares[g] = target->kind == TARGET_EXPLICIT ? 0.0 : 1.0 / Max(ngroups, 1);
		return;
	}
	for (int g = 0; g < ngroups; g++)
		shares[g] /= total;
}

static int64
NameHash(const char *name)
{
	return (int64) hash_bytes_extended((const unsigned char *) name, (int) strlen(name), 0);
}

/*
 * The group of a group value (NULL: the NULL group), or -1 if there is
 * none.  Maps built for one call (rerank_fair) have no name index.
 */
int
GroupOfName(const GroupMap *gm, const char *name)
{
	IdMapEntry *e;

	if (name == NULL)
		return gm->null_group;
	e = gm->name_index ? idmap_lookup(gm->name_index, NameHash(name)) : NULL;
	if (e != NULL && strcmp(gm->names[e->index], name) == 0)
		return e->index;
	/* no index, or a hash collision (two names, one hash): look the slow way */
	for (int g = 0; g < gm->ngroups; g++)
		if (gm->names[g] != NULL && strcmp(gm->names[g], name) == 0)
			return g;
	return -1;
}

/*
 * Rows (indexes into the char *values[] that arg points to) by group value
 * in the database's collation, as ORDER BY would sort them, NULL last.  The
 * default collation is deterministic, so only equal strings compare equal.
 */
static int
CompareRowValues(const void *a, const void *b, void *arg)
{
	char	  **values = (char **) arg;
	const char *x = values[*(const int64 *) a];
	const char *y = values[*(const int64 *) b];

	if (x == NULL || y == NULL)
		return (x == NULL) - (y == NULL);
	return varstr_cmp(x, (int) strlen(x), y, (int) strlen(y), DEFAULT_COLLATION_OID);
}

/*
 * Number the groups of `column` in the model's registered item table (or
 * user table) into *rows: one entry per table row, with its key and group
 * (from 0, in the database's text order with NULL last).  Returns the number
 * of groups.  The table is resolved through the catalog and its name rebuilt
 * from the relation, not taken from the models row.  The model's trainer
 * chose the table, not the caller, so it is read with the rights
 * BeginRegisteredRead chooses, by a query that calls nothing: no cast, no
 * operator, no function of anyone's (the key must be an integer column; the
 * values become text through their type's output function, which only a
 * superuser can write), and the groups are numbered here.
 */
int
QueryRegisteredGroups(const char *model, bool users, const char *column, Oid *relid_out,
					  RegisteredGroups *rows)
{
	const char *kind = users ? "user" : "item";
	Oid			types[1] = {TEXTOID};
	Datum		values[1] = {CStringGetTextDatum(model)};
	char	   *table;
	char	   *key;
	Oid			relid;
	int			rc;

	rc = SPI_execute_with_args(users ?
							   "SELECT user_table, user_key FROM recfair.models WHERE name OPERATOR(pg_catalog.=) $1" :
							   "SELECT item_table, item_key FROM recfair.models WHERE name OPERATOR(pg_catalog.=) $1",
							   1, types, values, NULL, true, 1);
	if (rc != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "could not read model \"%s\"", model);
	table = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	key = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2);
	if (table == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("model \"%s\" has no registered %s table", model, kind),
				 errdetail("The column \"%s\" is looked up in that table.", column),
				 users ?
				 errhint("Register one: SELECT recfair.register_tables('%s', users => 'my_users', user_key => 'user_id').",
						 model) :
				 errhint("Register one: SELECT recfair.register_tables('%s', items => 'my_items', item_key => 'item_id'), "
						 "or train with items => 'my_items', item_key => 'item_id'.",
						 model)));
	relid = RangeVarGetRelid(makeRangeVarFromNameList(QualifiedNameList(table)),
							 AccessShareLock, true);
	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("the %s table %s of model \"%s\" does not exist", kind, table, model)));
	if (key == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("model \"%s\" has a %s table but no %s key", model, kind, kind)));
	return QueryTableGroups(relid, key, column, model, kind, relid_out, rows);
}

/*
 * The work of QueryRegisteredGroups on a table and key already resolved:
 * also what train() calls for the tables it is registering.
 */
int
QueryTableGroups(Oid relid, const char *key, const char *column, const char *model, const char *kind,
				 Oid *relid_out, RegisteredGroups *rows)
{
	const char *table = get_rel_name(relid);
	Oid			key_type;
	Oid			out_fn;
	bool		out_varlena;
	FmgrInfo	out;
	AttrNumber	attnum;
	AttrNumber	key_attnum;
	RegisteredRead read;
	int64	   *order;
	int			rc;

	CheckColumnNameLength(column);
	attnum = get_attnum(relid, column);
	if (attnum == InvalidAttrNumber || attnum < 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of relation \"%s\" does not exist", column, get_rel_name(relid))));
	key_attnum = get_attnum(relid, key);
	if (key_attnum == InvalidAttrNumber || key_attnum < 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of relation \"%s\" does not exist", key, get_rel_name(relid)),
				 errdetail("It is the key of the %s table of model \"%s\".", kind, model)));
	key_type = getBaseType(get_atttype(relid, key_attnum));
	if (key_type != INT2OID && key_type != INT4OID && key_type != INT8OID)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("key column \"%s\" of %s is of type %s, not smallint, integer or bigint",
						key, table, format_type_be(get_atttype(relid, key_attnum))),
				 errdetail("It is the %s table of model \"%s\".", kind, model)));
	getTypeOutputInfo(get_atttype(relid, attnum), &out_fn, &out_varlena);
	fmgr_info(out_fn, &out);

	BeginRegisteredRead(relid, key_attnum, attnum, model, kind, &read);
	rc = SPI_execute(psprintf("SELECT t.%s, t.%s FROM %s AS t",
							  quote_identifier(key), quote_identifier(column),
							  quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)),
														 get_rel_name(relid))),
					 true, 0);
	EndRegisteredRead(&read);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute failed: %s", SPI_result_code_string(rc));

	rows->nrows = (int64) SPI_processed;
	rows->keys = palloc_extended(mul_size(sizeof(int64), Max(rows->nrows, 1)), MCXT_ALLOC_HUGE);
	rows->has_key = palloc_extended(mul_size(sizeof(bool), Max(rows->nrows, 1)), MCXT_ALLOC_HUGE);
	rows->group = palloc_extended(mul_size(sizeof(int32), Max(rows->nrows, 1)), MCXT_ALLOC_HUGE);
	rows->values = palloc_extended(mul_size(sizeof(char *), Max(rows->nrows, 1)), MCXT_ALLOC_HUGE);
	order = palloc_extended(mul_size(sizeof(int64), Max(rows->nrows, 1)), MCXT_ALLOC_HUGE);
	for (int64 r = 0; r < rows->nrows; r++)
	{
		HeapTuple	tup = SPI_tuptable->vals[r];
		bool		isnull;
		Datum		k = SPI_getbinval(tup, SPI_tuptable->tupdesc, 1, &isnull);
		Datum		v;

		rows->has_key[r] = !isnull;
		rows->keys[r] = isnull ? 0 :
			key_type == INT8OID ? DatumGetInt64(k) :
			key_type == INT4OID ? (int64) DatumGetInt32(k) : (int64) DatumGetInt16(k);
		v = SPI_getbinval(tup, SPI_tuptable->tupdesc, 2, &isnull);
		rows->values[r] = isnull ? NULL : OutputFunctionCall(&out, v);
		order[r] = r;
		if ((r & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	/* groups numbered in text order, the NULL group last: a new group where the value changes */
	qsort_arg(order, rows->nrows, sizeof(int64), CompareRowValues, rows->values);
	rows->ngroups = 0;
	for (int64 i = 0; i < rows->nrows; i++)
	{
		const char *value = rows->values[order[i]];
		const char *prev = i > 0 ? rows->values[order[i - 1]] : NULL;

		/* NULLs sort last, so a non-NULL value has a non-NULL predecessor */
		if (i == 0 || (value == NULL ? prev != NULL : strcmp(prev, value) != 0))
			rows->ngroups++;
		rows->group[order[i]] = rows->ngroups - 1;
	}
	if (relid_out)
		*relid_out = relid;
	return rows->ngroups;
}

/*
 * Read the rows QueryRegisteredGroups numbered: names[g] gets each group's
 * value (NULL for the NULL group; copied into the current memory context),
 * and group_of[i] = g for the rows whose key is in index (entry i); other
 * entries are left alone.
 */
void
AssignGroups(const RegisteredGroups *rows, idmap_hash *index, int32 *group_of, char **names)
{
	for (int64 r = 0; r < rows->nrows; r++)
	{
		int32		g = rows->group[r];
		IdMapEntry *e;

		if (names[g] == NULL && rows->values[r] != NULL)
			names[g] = pstrdup(rows->values[r]);	/* in the caller's context */
		if (rows->has_key[r] && (e = idmap_lookup(index, rows->keys[r])) != NULL)
			group_of[e->index] = g;
	}
}

/* AssignGroups over a cached model's items (a private or a shared copy). */
static void
AssignItemGroups(const RegisteredGroups *rows, const ModelCache *m, int32 *group_of, char **names)
{
	for (int64 r = 0; r < rows->nrows; r++)
	{
		int32		g = rows->group[r];
		int32		pos;

		if (names[g] == NULL && rows->values[r] != NULL)
			names[g] = pstrdup(rows->values[r]);	/* in the caller's context */
		if (rows->has_key[r] && (pos = ItemPosition(m, rows->keys[r])) >= 0)
			group_of[pos] = g;
	}
}

/*
 * Lifetime of the cached group maps.  A map is read once per model version
 * and session, for the role that read it, and kept across transactions
 * only once the transaction that read it commits: a rolled-back
 * transaction (or savepoint) may have read its own uncommitted changes to
 * the item table.  A table with row security is read again in every
 * transaction.  Changes other sessions commit to the item table are seen
 * after the model is retrained or in a new session (docs/sql-reference.md).
 */
static bool group_callbacks_registered = false;
static int	provisional_maps = 0;

/* The model's fair state, made (empty, in the model's context) on first use. */
FairModelState *
ModelFairState(ModelCache *m)
{
	if (m->fair == NULL)
		m->fair = MemoryContextAllocZero(m->cxt, sizeof(FairModelState));
	return m->fair;
}

static void
DropGroupMap(ModelCache *m, GroupMap *gm)
{
	if (gm->provisional)
		provisional_maps--;
	m->fair->group_maps = list_delete_ptr(m->fair->group_maps, gm);
	MemoryContextDelete(gm->cxt);
}

/* At commit keep the maps read in the transaction; otherwise drop them. */
static void
SettleGroupMaps(bool keep)
{
	if (provisional_maps == 0)
		return;
	for (int slot = 0; slot < CACHE_SLOTS; slot++)
	{
		ModelCache *m = CachedModelSlot(slot);
		List	   *dropped = NIL;
		ListCell   *lc;

		if (m->version == 0 || m->fair == NULL)
			continue;
		foreach(lc, m->fair->group_maps)
		{
			GroupMap   *gm = (GroupMap *) lfirst(lc);

			if (!gm->provisional)
				continue;
			if (keep && !gm->row_security)
				gm->provisional = false;
			else
				dropped = lappend(dropped, gm);
		}
		foreach(lc, dropped)
			DropGroupMap(m, (GroupMap *) lfirst(lc));
		list_free(dropped);
	}
	provisional_maps = 0;
}

static void
GroupMapsXactCallback(XactEvent event, void *arg)
{
	/* a prepared transaction may still be rolled back: like an abort */
	if (event == XACT_EVENT_COMMIT || event == XACT_EVENT_PARALLEL_COMMIT)
		SettleGroupMaps(true);
	else if (event == XACT_EVENT_ABORT || event == XACT_EVENT_PARALLEL_ABORT || event == XACT_EVENT_PREPARE)
		SettleGroupMaps(false);
}

static void
GroupMapsSubXactCallback(SubXactEvent event, SubTransactionId mySubid,
						 SubTransactionId parentSubid, void *arg)
{
	/* conservative: a savepoint rolled back drops every map of the transaction */
	if (event == SUBXACT_EVENT_ABORT_SUB)
		SettleGroupMaps(false);
}

/* Whether a cached map may still be used by this role in this transaction. */
static bool
GroupMapUsable(const GroupMap *gm)
{
	if (gm->loaded_by != GetUserId())
		return false;
	if (gm->row_security && !gm->provisional)
		return false;
	/* a privilege revoked since: read again, which reports it */
	return pg_class_aclcheck(gm->relid, GetUserId(), ACL_SELECT) == ACLCHECK_OK;
}

/*
 * The item groups of a model for a column of its registered item table,
 * cached with the model (the cache is reset when the model changes; see
 * above for the rest of a map's lifetime).
 */
const GroupMap *
GetGroupMap(ModelCache *m, const char *group_col)
{
	ListCell   *lc;
	GroupMap   *gm;
	MemoryContext old;
	MemoryContext cxt;
	int			ngroups;
	bool		has_missing = false;
	char		name[NAMEDATALEN * 2];
	int64		version;
	Oid			relid;
	RegisteredGroups rows;

	if (!group_callbacks_registered)
	{
		RegisterXactCallback(GroupMapsXactCallback, NULL);
		RegisterSubXactCallback(GroupMapsSubXactCallback, NULL);
		group_callbacks_registered = true;
	}
	foreach(lc, ModelFairState(m)->group_maps)
	{
		gm = (GroupMap *) lfirst(lc);
		if (strcmp(gm->column, group_col) == 0)
		{
			if (GroupMapUsable(gm))
				return gm;
			DropGroupMap(m, gm);
			break;
		}
	}

	/*
	 * The item table may be a view that calls serving functions of other
	 * models and so evicts this one from the cache: check afterwards.
	 */
	strlcpy(name, m->name, sizeof(name));
	version = m->version;
	ngroups = QueryRegisteredGroups(name, false, group_col, &relid, &rows);
	if (m->version != version || strcmp(m->name, name) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("reading the item table of model \"%s\" used too many other models", name),
				 errdetail("The serving cache holds %d models per session.", CACHE_SLOTS)));

	cxt = AllocSetContextCreate(m->cxt, "recfair group map", ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(cxt);
	gm = palloc0(sizeof(GroupMap));
	gm->cxt = cxt;
	gm->relid = relid;
	gm->loaded_by = GetUserId();
	gm->row_security = check_enable_rls(relid, InvalidOid, true) != RLS_NONE;
	gm->provisional = true;
	provisional_maps++;
	strlcpy(gm->column, group_col, sizeof(gm->column));
	gm->group_of_item = palloc(mul_size(sizeof(int32), Max(m->nitems, 1)));
	for (int32 i = 0; i < m->nitems; i++)
		gm->group_of_item[i] = -1;
	gm->ngroups = ngroups;
	/* one more slot for a NULL group of items missing from the table */
	gm->names = palloc0(mul_size(sizeof(char *), add_size(gm->ngroups, 1)));
	AssignItemGroups(&rows, m, gm->group_of_item, gm->names);
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
	gm->items_in_group = palloc0(mul_size(sizeof(int32), Max(gm->ngroups, 1)));
	for (int32 i = 0; i < m->nitems; i++)
		gm->items_in_group[gm->group_of_item[i]]++;
	gm->null_group = -1;
	gm->name_index = idmap_create(cxt, Max(gm->ngroups, 16), NULL);
	for (int g = 0; g < gm->ngroups; g++)
	{
		bool		found;

		if (gm->names[g] == NULL)
			gm->null_group = g;
		else
			idmap_insert(gm->name_index, NameHash(gm->names[g]), &found)->index = g;
	}
	MemoryContextSwitchTo(m->cxt);
	m->fair->group_maps = lappend(m->fair->group_maps, gm);
	MemoryContextSwitchTo(old);
	SPI_freetuptable(SPI_tuptable);
	return gm;
}

/*
 * Entries a pool may need: the top candidates, and for each group up to k
 * of its items (never more than it has, so at most ncandidates + nitems).
 */
Size
FairPoolCapacity(const GroupMap *gm, int k, int ncandidates)
{
	Size		total = (Size) Max(ncandidates, 0);

	for (int g = 0; g < gm->ngroups; g++)
		total += (Size) Min(k, gm->items_in_group[g]);
	return Max(total, 1);
}

/*
 * Each group's best caps[g] items, kept sorted best first in its slot
 * (slots + offsets[g], caps[g] entries), for the groups with sizes[g] = 0
 * on entry (-1: skip); sizes[g] receives the count.  One pass over the
 * scores, where most items fail a single comparison with their group's
 * worst kept (thr, ngroups).
 */
static void
ScanGroupSlots(const ModelCache *m, const GroupMap *gm, const float4 *scores,
			   const int32 *caps, const int32 *offsets, int32 *sizes, float4 *thr,
			   FairItem *slots)
{
	const int32 *group_of_item = gm->group_of_item;
	int32		nitems = m->nitems;

	/* thr[g]: the score an item needs to enter its group's slot */
	for (int g = 0; g < gm->ngroups; g++)
		thr[g] = sizes[g] < 0 || caps[g] == 0 ? INFINITY : -INFINITY;
	for (int32 i = 0; i < nitems; i++)
	{
		int32		g = group_of_item[i];
		FairItem   *slot;
		FairItem	it;
		int			j;

		/* groups not scanned have sizes[g] < 0 (an item at +inf passes thr) */
		if (sizes[g] < 0 || !(scores[i] >= thr[g]) || (isinf(scores[i]) && scores[i] < 0))
			continue;
		slot = slots + offsets[g];
		it.index = i;
		it.group = g;
		it.id = m->item_ids[i];
		it.score = scores[i];
		it.base = scores[i];
		if (sizes[g] == caps[g])
		{
			if (FairItemOrder(&it, &slot[sizes[g] - 1]) >= 0)
				continue;
			sizes[g]--;			/* drop the worst */
		}
		/* insertion into the sorted slot */
		for (j = sizes[g]; j > 0 && FairItemOrder(&it, &slot[j - 1]) < 0; j--)
			slot[j] = slot[j - 1];
		slot[j] = it;
		sizes[g]++;
		if (sizes[g] == caps[g])
			thr[g] = slot[sizes[g] - 1].score;
	}
}

/*
 * The candidate pool for one list, sorted best first, deduplicated; returns
 * its size.  pool needs FairPoolCapacity() entries, scratch ncandidates
 * Candidates, per_group 4 x ngroups counters.  shares: the target shares
 * (to bound what each group can need), or NULL (each group may need k).
 * With expandable non-NULL, only the top candidates go in (a partial pool)
 * and expandable[g] says whether group g has items outside it: most lists
 * never need more, and FairRerank() says when they do.  Items scored -inf are excluded.
 */
static int
BuildFairPool(const ModelCache *m, const GroupMap *gm, const float4 *scores,
			  int k, int ncandidates, const double *shares, FairItem *pool,
			  Candidate *scratch, int32 *per_group, bool *expandable)
{
	int			n = TopK(m, scores, ncandidates, scratch);
	int			npool = 0;
	bool		short_groups = false;
	int32	   *caps = per_group + gm->ngroups;
	int32	   *offsets = per_group + 3 * gm->ngroups;
	double		list_exposure = 0.0;

	/*
	 * How many items a group can need: all k without targets; with a
	 * target share t, a list of k gives it at most about t * (the list's
	 * exposure) / v(k) + 1 items (each holds at least v(k)).  With many
	 * small groups (brands) this keeps the pool small.
	 */
	for (int r = 1; r <= k; r++)
		list_exposure += RankExposure(r);
	for (int g = 0; g < gm->ngroups; g++)
	{
		caps[g] = shares ? (int) Min((double) k, ceil(shares[g] * list_exposure / RankExposure(k)) + 1) : k;
		caps[g] = Min(caps[g], gm->items_in_group[g]);
	}

	memset(per_group, 0, sizeof(int32) * gm->ngroups);
	for (int i = 0; i < n; i++)
	{
		FairItem	it;

		it.index = scratch[i].index;
		it.group = gm->group_of_item[it.index];
		it.id = m->item_ids[it.index];
		it.score = scratch[i].score;
		it.base = it.score;
		pool[npool++] = it;
		per_group[it.group]++;
	}
	for (int g = 0; g < gm->ngroups; g++)
		if (per_group[g] < caps[g] && per_group[g] < gm->items_in_group[g])
			short_groups = true;
	if (expandable != NULL)
	{
		/* a partial pool: the top candidates only, and which groups have more */
		for (int g = 0; g < gm->ngroups; g++)
			expandable[g] = n == ncandidates && per_group[g] < gm->items_in_group[g];
		short_groups = false;
	}

	if (short_groups && n == ncandidates)
	{
		FairItem   *slots = pool + npool;
		int32	   *sizes = per_group;

		int32		offset = 0;

		for (int g = 0; g < gm->ngroups; g++)
		{
			sizes[g] = (per_group[g] < caps[g] && per_group[g] < gm->items_in_group[g]) ? 0 : -1;
			offsets[g] = offset;
			if (sizes[g] == 0)
				offset += caps[g];
		}
		ScanGroupSlots(m, gm, scores, caps, offsets, sizes, (float4 *) (per_group + 2 * gm->ngroups), slots);
		/* compaction only moves entries down: slot g starts at or after where it lands */
		for (int g = 0; g < gm->ngroups; g++)
			for (int j = 0; j < sizes[g]; j++)
				pool[npool++] = slots[offsets[g] + j];
	}
	sort_fair_items(pool, npool);
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

/*
 * Buffers for BuildFairList, one set per worker, allocated here on the
 * backend thread.
 */
FairListScratch *
AllocFairListScratch(const FairListInput *in, int nworkers)
{
	FairListScratch *s = palloc0(mul_size(sizeof(FairListScratch), (Size) Max(nworkers, 1)));
	Size		cap = FairPoolCapacity(in->gm, in->k, in->ncandidates);
	Size		g = (Size) Max(in->gm->ngroups, 1);

	for (int w = 0; w < nworkers; w++)
	{
		s[w].pool = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(FairItem), cap));
		s[w].pool_scratch = MemoryContextAllocHuge(CurrentMemoryContext,
												   mul_size(sizeof(Candidate), (Size) Max(in->ncandidates, 1)));
		s[w].per_group = palloc(mul_size(sizeof(int32) * 4, g));
		s[w].expandable = palloc(mul_size(sizeof(bool), g));
		s[w].taken = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(bool), cap));
		s[w].got = palloc(mul_size(sizeof(double), g));
		s[w].next = palloc(mul_size(sizeof(int32), g));
		s[w].shares = palloc(mul_size(sizeof(double), g));
		s[w].merit_mass = NULL;
	}
	return s;
}

/*
 * The first candidate pool of a list into s->pool (its size also in
 * s->npool): the top candidates, partial (s->expandable says which groups
 * have more) but for amortized mode, which needs a pool only for merit
 * shares and then takes it whole.  Adds the pool's positive scores per
 * group to s->merit_mass when set.  No PostgreSQL calls.
 */
int
FairListPool(const FairListInput *in, FairListScratch *s, const float4 *scores)
{
	int			npool;

	if (in->amortized && !in->merit)
		npool = 0;
	else
		npool = BuildFairPool(in->m, in->gm, scores, in->k, in->ncandidates, NULL, s->pool,
							  s->pool_scratch, s->per_group, in->amortized ? NULL : s->expandable);
	if (s->merit_mass != NULL)
		for (int i = 0; i < npool; i++)
			s->merit_mass[s->pool[i].group] += Max(s->pool[i].score, 0.0f);
	s->npool = npool;
	return npool;
}

/*
 * One fair list of a user's scores (-inf: excluded) into out[0..k-1], as
 * recommend_fair, evaluate and exposure_report make them; returns its
 * length.  Per list: the top candidates re-ranked, and when a group
 * outside them must take a position, the full pool (with each group's best
 * items) re-ranked again (with in->top_only, FAIR_LIST_NEEDS_GROUPS
 * instead).  Amortized mode: prior holds the exposure of the
 * earlier lists.  No PostgreSQL calls unless in->interruptible.
 */
int
BuildFairList(const FairListInput *in, FairListScratch *s, const float4 *scores,
			  const FairPrior *prior, FairItem *out)
{
	const GroupMap *gm = in->gm;
	int			npool = FairListPool(in, s, scores);
	FairParams	params;
	int			n;

	if (in->merit)
	{
		/* merit shares of this list's candidates (no PostgreSQL calls for merit) */
		FairTarget	merit = {TARGET_MERIT, NULL, NULL};

		TargetShares(&merit, gm, s->pool, npool, s->shares);
		InitFairParams(&params, gm->ngroups, s->shares, in->strength);
	}
	else
		InitFairParams(&params, gm->ngroups, in->fixed_shares, in->strength);
	params.interruptible = in->interruptible;
	params.scale_state = in->scale_state;
	params.deficit_scale = in->amortized ? in->deficit_scale : 0.0;
	if (in->amortized)
	{
		params.prior_exposure = prior->exposure;
		params.prior_plain = prior->plain;
		params.prior_total = prior->total;
		return FairAmortizedList(in->m, gm, scores, in->k, &params, out, s->got);
	}
	params.expandable = s->expandable;
	n = FairRerank(s->pool, npool, in->k, &params, out, s->taken, s->got, s->next);
	if (n < 0 && in->top_only)
		return FAIR_LIST_NEEDS_GROUPS;
	if (n < 0)
	{
		/* a group outside the top candidates must take a position */
		npool = BuildFairPool(in->m, gm, scores, in->k, in->ncandidates,
							  in->merit ? NULL : in->fixed_shares, s->pool, s->pool_scratch,
							  s->per_group, NULL);
		params.expandable = NULL;
		n = FairRerank(s->pool, npool, in->k, &params, out, s->taken, s->got, s->next);
	}
	return n;
}
