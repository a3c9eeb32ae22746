/*-------------------------------------------------------------------------
 *
 * fair_train.c
 *	  Fairness in the training objective of bpr: options->'fairness' read
 *	  into the weights bpr.c applies.
 *
 *	  {"user_group_col": column of the user table, "user_lambda": 1,
 *	   "item_group_col": column of the item table, "target": "equal" |
 *	   "catalog" | {"group": share, ...}, "item_lambda": 1}
 *
 * User side: the objective gains lambda times the spread of the user
 * groups' mean losses (bpr.c, UpdateGroupWeights).
 *
 * Item side, two means.  Exposure follows the training data, so a group
 * with a small share of the interactions gets a small share of the lists:
 * each positive pair of an item of group g is weighted (target_g /
 * data_g)^lambda, data_g being the group's share of the training pairs, and
 * the weights are scaled to a mean of 1 over the pairs; at lambda = 1 every
 * group carries its target share of the objective (inverse propensity
 * weighting at the level of groups).  And fair re-ranking fills a group's
 * due positions with that group's best items, so what it needs from the
 * model is the order within each group: within_group draws that share of
 * the negatives from the positive item's own group (bpr.c).
 * docs/design-notes.md has what each gave.
 *
 * The groups come from the tables train() registers (its items/users
 * arguments) or, without them, from the model's registered tables, read as
 * QueryTableGroups reads them for serving.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "executor/spi.h"
#include "fair.h"
#include "fair_train.h"
#include "idmap.h"
#include "options.h"
#include "storage/shmem.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

static const char *const fairness_keys[] = {
	"user_group_col", "user_lambda", "item_group_col", "target", "item_lambda", "within_group"
};

/* options->'fairness' of train(); FairTraining.active is false without it. */
void
ParseFairTraining(Jsonb *options, FairTraining *ft)
{
	Jsonb	   *fairness = OptionObject(options, "fairness");

	memset(ft, 0, sizeof(*ft));
	if (fairness == NULL)
		return;
	CheckOptionKeys(fairness, fairness_keys, lengthof(fairness_keys), NULL, 0);
	ft->user_group_col = OptionText(fairness, "user_group_col");
	ft->user_lambda = OptionNumber(fairness, "user_lambda", 1.0, 0.0, 1e6);
	ft->item_group_col = OptionText(fairness, "item_group_col");
	ft->item_lambda = OptionNumber(fairness, "item_lambda", 1.0, 0.0, 100.0);
	ft->within_group = OptionNumber(fairness, "within_group", 0.0, 0.0, 1.0);
	if (OptionPresent(fairness, "target"))
	{
		JsonbValue	v;
		char	   *text;

		/* a string (equal, catalog) or an object of shares, as for recommend_fair */
		(void) getKeyJsonValueFromContainer(&fairness->root, "target", strlen("target"), &v);
		if (v.type == jbvBinary)
		{
			Jsonb	   *shares = OptionObject(fairness, "target");

			text = JsonbToCString(NULL, &shares->root, VARSIZE(shares));
		}
		else
			text = OptionText(fairness, "target");
		if (text == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("target must not be null")));
		ParseFairTarget(text, &ft->target);
		if (ft->target.kind == TARGET_MERIT)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("target \"merit\" is for re-ranking, not for training"),
					 errhint("Use \"equal\", \"catalog\" or a jsonb object of shares.")));
	}
	else
		ParseFairTarget("equal", &ft->target);
	if (ft->user_group_col == NULL && ft->item_group_col == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("option \"fairness\" needs user_group_col or item_group_col")));
	if (ft->user_group_col == NULL && OptionPresent(fairness, "user_lambda"))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("user_lambda needs user_group_col")));
	if (ft->item_group_col == NULL && (OptionPresent(fairness, "item_lambda") || OptionPresent(fairness, "target") ||
									   OptionPresent(fairness, "within_group")))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("item_lambda, target and within_group need item_group_col")));
	ft->active = true;
}

/*
 * The groups of column in the table being registered (relid, key) or, with
 * relid invalid, in the model's registered table; group_of[index] for the
 * ids in ids[0..n) (-1: none).  Returns the number of groups; names[g] are
 * their values (NULL for the NULL group).
 */
static int
ReadGroups(const char *model, bool users, Oid relid, const char *key, const char *column,
		   const int64 *ids, int32 n, int32 *group_of, char ***names)
{
	RegisteredGroups rows;
	idmap_hash *index = idmap_create(CurrentMemoryContext, Max(n, 16), NULL);
	int			ngroups;

	if (OidIsValid(relid))
		ngroups = QueryTableGroups(relid, key, column, model, users ? "user" : "item", NULL, &rows);
	else
	{
		int			rc = SPI_execute_with_args("SELECT 1 FROM recfair.models WHERE name OPERATOR(pg_catalog.=) $1",
											   1, (Oid[]) {TEXTOID},
											   (Datum[]) {CStringGetTextDatum(model)}, NULL, true, 1);

		if (rc != SPI_OK_SELECT || SPI_processed != 1)
			ereport(ERROR,
					(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
					 errmsg("fairness by %s needs a registered %s table", column, users ? "user" : "item"),
					 users ? errhint("Pass users => 'my_users', user_key => 'user_id' to train().")
					 : errhint("Pass items => 'my_items', item_key => 'item_id' to train().")));
		ngroups = QueryRegisteredGroups(model, users, column, NULL, &rows);
	}
	for (int32 i = 0; i < n; i++)
	{
		bool		found;

		idmap_insert(index, ids[i], &found)->index = i;
		group_of[i] = -1;
	}
	*names = palloc0(sizeof(char *) * Max(ngroups, 1));
	AssignGroups(&rows, index, group_of, *names);
	return ngroups;
}

/* The user groups of column for the training data's users (-1: none); returns their number. */
int
ReadUserGroups(const char *model, Oid users_relid, const char *user_key, const char *column,
			   const Interactions *data, int32 **group_of, char ***names)
{
	*group_of = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(int32), Max(data->nusers, 1)));
	return ReadGroups(model, true, users_relid, user_key, column, data->user_ids, data->nusers, *group_of, names);
}

/* Each group's target share (of the groups that have training pairs). */
static void
TrainingTargets(const FairTraining *ft, int ngroups, char **names, const int64 *items_in, const int64 *pairs_in,
				double *target)
{
	double		sum = 0.0;

	/* every group an explicit target names must be a value of the column: else it is a typo */
	if (ft->target.kind == TARGET_EXPLICIT)
	{
		JsonbIterator *it = JsonbIteratorInit(&ft->target.shares->root);
		JsonbValue	v;
		JsonbIteratorToken tok;

		while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
		{
			bool		found = false;

			if (tok != WJB_KEY)
				continue;
			for (int g = 0; g < ngroups && !found; g++)
				found = names[g] != NULL && strlen(names[g]) == v.val.string.len &&
					memcmp(names[g], v.val.string.val, v.val.string.len) == 0;
			if (!found)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("the target names \"%.*s\", which is not a value of column \"%s\"",
								v.val.string.len, v.val.string.val, ft->item_group_col)));
		}
	}

	for (int g = 0; g < ngroups; g++)
	{
		if (pairs_in[g] == 0)
			target[g] = 0.0;
		else if (ft->target.kind == TARGET_CATALOG)
			target[g] = (double) items_in[g];
		else if (ft->target.kind == TARGET_EXPLICIT)
			target[g] = names[g] ? OptionNumber(ft->target.shares, names[g], 0.0, 0.0, 1e300) : 0.0;
		else
			target[g] = 1.0;
		sum += target[g];
	}
	if (sum <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the target gives no share to any group of %s with training interactions",
						ft->item_group_col)));
	for (int g = 0; g < ngroups; g++)
		target[g] /= sum;
}

/*
 * Read the groups and fill bopt's fairness fields: user groups for the
 * user side, and the positive pairs' weights for the item side.
 */
void
PrepareFairTraining(FairTraining *ft, const char *model, const Interactions *data, Oid users_relid,
					const char *user_key, Oid items_relid, const char *item_key, BprOptions *bopt)
{
	if (ft->user_group_col != NULL)
	{
		int32	   *group_of = MemoryContextAllocHuge(CurrentMemoryContext,
													  mul_size(sizeof(int32), Max(data->nusers, 1)));

		ft->nuser_groups = ReadGroups(model, true, users_relid, user_key, ft->user_group_col, data->user_ids,
									  data->nusers, group_of, &ft->user_group_names);
		bopt->user_group = group_of;
		bopt->nuser_groups = ft->nuser_groups;
		bopt->user_lambda = ft->user_lambda;
		ft->user_group_loss = palloc0(sizeof(double) * Max(ft->nuser_groups, 1));
		bopt->user_group_loss = ft->user_group_loss;
	}
	if (ft->item_group_col != NULL)
	{
		int32	   *group_of = MemoryContextAllocHuge(CurrentMemoryContext,
													  mul_size(sizeof(int32), Max(data->nitems, 1)));
		float4	   *weight = MemoryContextAllocHuge(CurrentMemoryContext,
													mul_size(sizeof(float4), Max(data->nitems, 1)));
		char	  **names;
		int			ngroups = ReadGroups(model, false, items_relid, item_key, ft->item_group_col, data->item_ids,
										 data->nitems, group_of, &names);
		int64	   *items_in = palloc0(sizeof(int64) * Max(ngroups, 1));
		int64	   *pairs_in = palloc0(sizeof(int64) * Max(ngroups, 1));
		double	   *target = palloc0(sizeof(double) * Max(ngroups, 1));
		double	   *gw = palloc0(sizeof(double) * Max(ngroups, 1));
		int64		grouped = 0;	/* the pairs of items with a group */
		double		mass = 0.0;

		for (int32 i = 0; i < data->nitems; i++)
			if (group_of[i] >= 0)
			{
				items_in[group_of[i]]++;
				pairs_in[group_of[i]] += data->item_ptr[i + 1] - data->item_ptr[i];
				grouped += data->item_ptr[i + 1] - data->item_ptr[i];
			}
		TrainingTargets(ft, ngroups, names, items_in, pairs_in, target);
		/*
		 * (target / data share)^lambda, in logs so that no power overflows
		 * before the scaling; then scaled so that the grouped pairs keep
		 * their total weight (items without a group weigh 1, untouched).
		 */
		for (int g = 0; g < ngroups; g++)
			gw[g] = pairs_in[g] > 0 && target[g] > 0 ?
				ft->item_lambda * log(target[g] / ((double) pairs_in[g] / grouped)) : -INFINITY;
		{
			double		top = -INFINITY;

			for (int g = 0; g < ngroups; g++)
				top = Max(top, gw[g]);
			for (int g = 0; g < ngroups; g++)
			{
				gw[g] = isfinite(top) && gw[g] > -INFINITY ? exp(gw[g] - top) : 0.0;
				mass += gw[g] * pairs_in[g];
			}
			for (int g = 0; g < ngroups; g++)
				gw[g] = mass > 0 ? gw[g] * grouped / mass : 0.0;
		}
		for (int32 i = 0; i < data->nitems; i++)
			weight[i] = group_of[i] >= 0 ? (float4) gw[group_of[i]] : 1.0f;
		bopt->positive_weight = weight;
		bopt->item_group = group_of;
		bopt->nitem_groups = ngroups;
		bopt->within_group = ft->within_group;
		ft->nitem_groups = ngroups;
		ft->item_group_names = names;
		ft->item_group_weight = palloc(sizeof(double) * Max(ngroups, 1));
		for (int g = 0; g < ngroups; g++)
			ft->item_group_weight[g] = gw[g];
	}
}

/* The "fairness" entry of the hyperparameters column (with a trailing ", "). */
void
AppendFairTrainingJson(StringInfo buf, const FairTraining *ft)
{
	appendStringInfoString(buf, "\"fairness\": {");
	if (ft->user_group_col)
	{
		appendStringInfoString(buf, "\"user_group_col\": ");
		escape_json(buf, ft->user_group_col);
		appendStringInfo(buf, ", \"user_lambda\": %.9g, \"user_group_loss\": {", ft->user_lambda);
		for (int g = 0; g < ft->nuser_groups; g++)
		{
			appendStringInfoString(buf, g > 0 ? ", " : "");
			escape_json(buf, ft->user_group_names[g] ? ft->user_group_names[g] : "NULL");
			if (isfinite(ft->user_group_loss[g]))
				appendStringInfo(buf, ": %.6g", ft->user_group_loss[g]);
			else
				appendStringInfoString(buf, ": null");
		}
		appendStringInfoString(buf, "}");
	}
	if (ft->item_group_col)
	{
		appendStringInfoString(buf, ft->user_group_col ? ", \"item_group_col\": " : "\"item_group_col\": ");
		escape_json(buf, ft->item_group_col);
		appendStringInfoString(buf, ", \"target\": ");
		if (ft->target.kind == TARGET_EXPLICIT)
			appendStringInfoString(buf, ft->target.text);
		else
			escape_json(buf, ft->target.text);
		appendStringInfo(buf, ", \"item_lambda\": %.9g, \"within_group\": %.9g, \"item_group_weight\": {",
						 ft->item_lambda, ft->within_group);
		for (int g = 0; g < ft->nitem_groups; g++)
		{
			appendStringInfoString(buf, g > 0 ? ", " : "");
			escape_json(buf, ft->item_group_names[g] ? ft->item_group_names[g] : "NULL");
			appendStringInfo(buf, ": %.6g", ft->item_group_weight[g]);
		}
		appendStringInfoString(buf, "}");
	}
	appendStringInfoString(buf, "}, ");
}
