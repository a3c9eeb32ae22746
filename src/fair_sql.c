/*-------------------------------------------------------------------------
 *
 * fair_sql.c
 *	  The SQL side of fair exposure: recommend_fair(), rerank_fair(), the
 *	  amortized exposure state (recfair.fair_exposure), and
 *	  register_tables() for models trained without their item/user tables.
 *
 * Amortized mode keeps cumulative exposure per (model, group column, group
 * value) in recfair.fair_exposure, one row per shard: each transaction
 * updates only the rows of a shard it holds an advisory lock on (its
 * backend slot, or the next free one), so concurrent callers never wait on
 * each other's row locks, and readers sum the shards.  The lock, not the
 * slot number alone, is what makes a shard private: a prepared transaction
 * keeps its row locks (and its advisory lock) after its backend has gone
 * and another session has taken the slot.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "compat.h"
#include "executor/spi.h"
#include "explain.h"
#include "quantized.h"
#include "fair.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "legacy.h"
#include "model_store.h"
#include "options.h"
#include "storage/lock.h"
#include "storage/proc.h"
#include "storage/shmem.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/regproc.h"
#include "utils/tuplestore.h"
#include "utils/varlena.h"

/* recommend_fair()'s arguments, by position in its SQL signature. */
enum
{
	RF_ARG_USER_ID,
	RF_ARG_K,
	RF_ARG_GROUP_COL,
	RF_ARG_MODEL,
	RF_ARG_TARGET,
	RF_ARG_STRENGTH,
	RF_ARG_CANDIDATES,
	RF_ARG_OPTIONS,
	RF_ARG_EXCLUDE_SEEN,
	RF_ARG_AMORTIZED,
	RF_NARGS
};

static const FairArgs recommend_fair_args = {
	RF_ARG_TARGET, RF_ARG_STRENGTH, RF_ARG_CANDIDATES, RF_ARG_AMORTIZED, RF_ARG_OPTIONS, NULL
};

/* Options of recommend_fair() in 0.5.0 that are arguments, or renamed, since 0.6.0. */
static const MovedOption recommend_fair_moved[] = {
	{"amortized"}, {"exclude_seen"}, {"price", "deficit_scale"}
};

/* recommend_fair() as 0.5.0 and earlier declared it (legacy.c). */
static const int recommend_fair_legacy_args[] = {
	RF_ARG_USER_ID, RF_ARG_K, RF_ARG_GROUP_COL, RF_ARG_MODEL, RF_ARG_TARGET, RF_ARG_STRENGTH, RF_ARG_CANDIDATES,
	RF_ARG_OPTIONS
};
static const LegacyArg recommend_fair_legacy_defaults[] = {
	{RF_ARG_EXCLUDE_SEEN, BOOLOID, "true"}, {RF_ARG_AMORTIZED, BOOLOID, "false"}, {-1}
};
static const LegacyArg recommend_fair_legacy_moved[] = {
	{RF_ARG_EXCLUDE_SEEN, BOOLOID, "exclude_seen"}, {RF_ARG_AMORTIZED, BOOLOID, "amortized"}, {-1}
};
static const LegacySignature recommend_fair_legacy = {
	lengthof(recommend_fair_legacy_args), RF_NARGS, recommend_fair_legacy_args, -1, -1, -1,
	RF_ARG_OPTIONS, RF_ARG_OPTIONS, recommend_fair_legacy_defaults, recommend_fair_legacy_moved
};

/* The only fair-list option: the rest are arguments. */
static const char *const fair_options[] = {"deficit_scale"};
#define NFAIR_OPTIONS lengthof(fair_options)

/*
 * Read and check the fair-list settings of a call: target, strength,
 * candidates (at least k), amortized, and options' deficit_scale.
 */
void
ParseFairSettings(FunctionCallInfo fcinfo, const FairArgs *args, int k,
				  const MovedOption *moved, int nmoved, FairSettings *out)
{
	Jsonb	   *options = PG_GETARG_JSONB_P(args->options);

	ParseFairTarget(text_to_cstring(PG_GETARG_TEXT_PP(args->target)), &out->target);
	out->strength = PG_GETARG_FLOAT4(args->strength);
	CheckStrength(out->strength);
	out->ncandidates = PG_ARGISNULL(args->candidates) ? FAIR_DEFAULT_CANDIDATES(k)
		: PG_GETARG_INT32(args->candidates);
	if (out->ncandidates < k)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("candidates must be at least k (%d), not %d", k, out->ncandidates)));
	out->amortized = PG_GETARG_BOOL(args->amortized);
	{
		const char *known[NFAIR_OPTIONS + 1];
		int			nknown = NFAIR_OPTIONS;

		memcpy(known, fair_options, sizeof(fair_options));
		if (args->extra_option != NULL)
			known[nknown++] = args->extra_option;
		CheckOptionKeys(options, known, nknown, moved, nmoved);
	}
	out->deficit_scale = OptionNumber(options, "deficit_scale", FAIR_DEFAULT_DEFICIT_SCALE, 1e-6, 1e6);
}

/* The (rank, item_id, score, group_value) columns of the list's i-th item. */
void
FairRowValues(const FairItem *out, int i, const GroupMap *gm, Datum *values, bool *nulls)
{
	const char *name = gm->names[out[i].group];

	values[0] = Int32GetDatum(i + 1);
	values[1] = Int64GetDatum(out[i].id);
	values[2] = Float4GetDatum(out[i].score);
	values[3] = name ? CStringGetTextDatum(name) : (Datum) 0;
	nulls[0] = nulls[1] = nulls[2] = false;
	nulls[3] = name == NULL;
}

static void
EmitFairRows(FunctionCallInfo fcinfo, const FairItem *out, int n, const GroupMap *gm)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	for (int i = 0; i < n; i++)
	{
		Datum		values[4];
		bool		nulls[4];

		FairRowValues(out, i, gm, values, nulls);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
}

/* advisory lock tag space of the shards (field4 values 1 and 2 are SQL's) */
#define SHARD_LOCK_KEY 0x72666169	/* "rfai" */
#define SHARD_LOCK_SPACE 0x7266

/*
 * The shard this transaction writes: its backend slot, or, when a prepared
 * transaction still holds that one, the first free slot above all backend
 * slots.  Held with a transaction-level advisory lock (not waited for).
 */
static int32
AmortizedShard(void)
{
	static LocalTransactionId shard_lxid = InvalidLocalTransactionId;
	static int32 shard = 0;

	if (shard_lxid == MyLocalTransactionId() && shard_lxid != InvalidLocalTransactionId)
		return shard;
	for (int64 candidate = MyBackendSlot();; candidate += MaxBackends)
	{
		LOCKTAG		tag;

		if (candidate > PG_INT32_MAX)
			ereport(ERROR,
					(errcode(ERRCODE_LOCK_NOT_AVAILABLE),
					 errmsg("no shard of recfair.fair_exposure is free")));
		SET_LOCKTAG_ADVISORY(tag, MyDatabaseId, SHARD_LOCK_KEY, (uint32) candidate, SHARD_LOCK_SPACE);
		if (LockAcquire(&tag, ExclusiveLock, false, true) != LOCKACQUIRE_NOT_AVAIL)
		{
			shard = (int32) candidate;
			shard_lxid = MyLocalTransactionId();
			return shard;
		}
		CHECK_FOR_INTERRUPTS();
	}
}

/*
 * Whether recfair.fair_exposure keys the state by model version and target
 * (since 0.8.0; the library serves 0.7.0's table until the update).
 */
static bool
StateKeyedByVersion(void)
{
	Oid			relid = RecfairTableOid("fair_exposure");

	return OidIsValid(relid) && get_attnum(relid, "target") != InvalidAttrNumber;
}

/*
 * Cumulative exposure per group (all shards) of this model version, group
 * column and target, for amortized mode.
 */
static double
ReadAmortized(const char *model, int64 version, const char *target, const GroupMap *gm, double *prior,
			  double *plain)
{
	Oid			types[4] = {TEXTOID, TEXTOID, INT8OID, TEXTOID};
	Datum		values[4] = {CStringGetTextDatum(model), CStringGetTextDatum(gm->column), Int64GetDatum(version),
	CStringGetTextDatum(target)};
	bool		keyed = StateKeyedByVersion();
	double		total = 0.0;
	int			rc;

	for (int g = 0; g < gm->ngroups; g++)
		prior[g] = plain[g] = 0.0;
	rc = SPI_execute_with_args(psprintf("SELECT group_value, pg_catalog.sum(exposure), pg_catalog.sum(plain_exposure) "
										"FROM recfair.fair_exposure "
										"WHERE model OPERATOR(pg_catalog.=) $1 AND group_col OPERATOR(pg_catalog.=) $2%s "
										"GROUP BY group_value",
										keyed ? " AND version OPERATOR(pg_catalog.=) $3 AND target OPERATOR(pg_catalog.=) $4" : ""),
							   keyed ? 4 : 2, types, values, NULL, false, 0);	/* see this transaction's earlier lists */
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute_with_args failed: %s", SPI_result_code_string(rc));
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		char	   *name = SPI_getvalue(SPI_tuptable->vals[r], SPI_tuptable->tupdesc, 1);
		bool		isnull;
		double		e = DatumGetFloat8(SPI_getbinval(SPI_tuptable->vals[r], SPI_tuptable->tupdesc, 2, &isnull));

		int			g = GroupOfName(gm, name);

		if (g >= 0)
		{
			prior[g] = e;
			plain[g] = DatumGetFloat8(SPI_getbinval(SPI_tuptable->vals[r], SPI_tuptable->tupdesc, 3, &isnull));
			total += e;
		}
		if ((r & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	return total;
}

/* Add a fair list's exposure, and what its plain list would have given. */
static void
AddAmortized(const char *model, int64 version, const char *target, const GroupMap *gm, const FairItem *out,
			 const FairItem *plain, int n)
{
	static SPIPlanPtr plan = NULL;
	static SPIPlanPtr keyed_plan = NULL;
	bool		keyed = StateKeyedByVersion();
	Datum	   *names = palloc(sizeof(Datum) * 2 * n);
	bool	   *name_nulls = palloc(sizeof(bool) * 2 * n);
	Datum	   *exposures = palloc(sizeof(Datum) * 2 * n);
	Datum	   *plain_exposures = palloc(sizeof(Datum) * 2 * n);
	int			dims[1];
	int			lbs[1] = {1};
	Oid			types[8] = {TEXTOID, TEXTOID, INT4OID, TEXTARRAYOID, FLOAT8ARRAYOID, FLOAT8ARRAYOID, INT8OID, TEXTOID};
	Datum		values[8];
	int			rc;

	for (int i = 0; i < 2 * n; i++)
	{
		const FairItem *it = i < n ? &out[i] : &plain[i - n];
		const char *name = gm->names[it->group];

		names[i] = name ? CStringGetTextDatum(name) : (Datum) 0;
		name_nulls[i] = name == NULL;
		exposures[i] = Float8GetDatum(i < n ? RankExposure(i + 1) : 0.0);
		plain_exposures[i] = Float8GetDatum(i < n ? 0.0 : RankExposure(i - n + 1));
	}
	dims[0] = 2 * n;
	values[0] = CStringGetTextDatum(model);
	values[1] = CStringGetTextDatum(gm->column);
	values[2] = Int32GetDatum(AmortizedShard());
	values[3] = PointerGetDatum(construct_md_array(names, name_nulls, 1, dims, lbs, TEXTOID, -1, false,
												   TYPALIGN_INT));
	values[4] = PointerGetDatum(construct_array(exposures, 2 * n, FLOAT8OID, sizeof(float8),
												FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
	values[5] = PointerGetDatum(construct_array(plain_exposures, 2 * n, FLOAT8OID, sizeof(float8),
												FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
	values[6] = Int64GetDatum(version);
	values[7] = CStringGetTextDatum(target);
	if (keyed)
	{
		if (keyed_plan == NULL)
		{
			keyed_plan = SPI_prepare("INSERT INTO recfair.fair_exposure AS f (model, group_col, group_value, shard, exposure, "
									 "plain_exposure, version, target) "
									 "SELECT $1, $2, u.g, $3, pg_catalog.sum(u.e), pg_catalog.sum(u.p), $7, $8 "
									 "FROM ROWS FROM (pg_catalog.unnest($4), pg_catalog.unnest($5), pg_catalog.unnest($6)) "
									 "AS u(g, e, p) GROUP BY u.g "
									 "ON CONFLICT (model, version, group_col, target, group_value, shard) "
									 "DO UPDATE SET exposure = f.exposure OPERATOR(pg_catalog.+) EXCLUDED.exposure, "
									 "plain_exposure = f.plain_exposure OPERATOR(pg_catalog.+) EXCLUDED.plain_exposure",
									 8, types);
			if (keyed_plan == NULL)
				elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
			SPI_keepplan(keyed_plan);
		}
		rc = SPI_execute_plan(keyed_plan, values, NULL, false, 0);
		if (rc != SPI_OK_INSERT)
			elog(ERROR, "SPI_execute_plan failed: %s", SPI_result_code_string(rc));
		return;
	}
	if (plan == NULL)
	{
		plan = SPI_prepare("INSERT INTO recfair.fair_exposure AS f (model, group_col, group_value, shard, exposure, "
						   "plain_exposure) "
						   "SELECT $1, $2, u.g, $3, pg_catalog.sum(u.e), pg_catalog.sum(u.p) "
						   "FROM ROWS FROM (pg_catalog.unnest($4), pg_catalog.unnest($5), pg_catalog.unnest($6)) "
						   "AS u(g, e, p) GROUP BY u.g "
						   "ON CONFLICT (model, group_col, group_value, shard) "
						   "DO UPDATE SET exposure = f.exposure OPERATOR(pg_catalog.+) EXCLUDED.exposure, "
						   "plain_exposure = f.plain_exposure OPERATOR(pg_catalog.+) EXCLUDED.plain_exposure", 6, types);
		if (plan == NULL)
			elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
		SPI_keepplan(plan);
	}
	rc = SPI_execute_plan(plan, values, NULL, false, 0);
	if (rc != SPI_OK_INSERT)
		elog(ERROR, "SPI_execute_plan failed: %s", SPI_result_code_string(rc));
}

/* A recommend_fair() call's arguments. */
typedef struct RecommendFairCall
{
	int64		user_id;
	int			k;
	char	   *model;			/* NULL: the default model */
	char	   *group_col;
	bool		exclude_seen;
	FairSettings fair;
} RecommendFairCall;

/* Read and check the arguments: everything that needs no model. */
static void
ParseRecommendFairCall(FunctionCallInfo fcinfo, RecommendFairCall *call)
{
	/* user_id, model and candidates may be NULL */
	CheckArgsNotNull(fcinfo, RF_NARGS,
					 (1U << RF_ARG_USER_ID) | (1U << RF_ARG_MODEL) | (1U << RF_ARG_CANDIDATES));
	call->user_id = PG_ARGISNULL(RF_ARG_USER_ID) ? 0 : PG_GETARG_INT64(RF_ARG_USER_ID);
	call->k = PG_GETARG_INT32(RF_ARG_K);
	CheckK(call->k);
	call->group_col = text_to_cstring(PG_GETARG_TEXT_PP(RF_ARG_GROUP_COL));
	call->model = PG_ARGISNULL(RF_ARG_MODEL) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(RF_ARG_MODEL));
	call->exclude_seen = PG_GETARG_BOOL(RF_ARG_EXCLUDE_SEEN);
	ParseFairSettings(fcinfo, &recommend_fair_args, call->k, recommend_fair_moved,
					  lengthof(recommend_fair_moved), &call->fair);
}

/*
 * The target as amortized state keys it: its name, or an explicit target's
 * shares as jsonb prints them (so that spacing and key order do not matter).
 */
static const char *
TargetKey(const FairTarget *target)
{
	if (target->kind == TARGET_EXPLICIT && target->shares != NULL)
		return JsonbToCString(NULL, &target->shares->root, VARSIZE(target->shares));
	return target->text;
}

/*
 * An amortized list: leaning toward the groups behind in the exposure
 * recorded so far, then recording this list's exposure, and the plain
 * list's beside it.
 */
static int
AmortizedFairList(const FairListInput *in, const float4 *scores, FairItem *out)
{
	const GroupMap *gm = in->gm;
	double	   *prior = palloc(mul_size(sizeof(double), gm->ngroups));
	double	   *plain = palloc(mul_size(sizeof(double), gm->ngroups));
	FairPrior	fp;
	int			n;

	fp.total = ReadAmortized(in->m->name, in->m->version, in->state_target, gm, prior, plain);
	fp.exposure = prior;
	fp.plain = plain;
	n = BuildFairList(in, AllocFairListScratch(in, 1), scores, &fp, out);
	if (n > 0)
	{
		Candidate  *top = palloc(sizeof(Candidate) * in->k);
		FairItem   *plain_list = palloc(sizeof(FairItem) * in->k);
		int			nplain = TopK(in->m, scores, in->k, top);

		for (int i = 0; i < nplain; i++)
			plain_list[i].group = gm->group_of_item[top[i].index];
		AddAmortized(in->m->name, in->m->version, in->state_target, gm, out, plain_list, Min(n, nplain));
	}
	return n;
}

/*
 * A list re-ranked on its own cannot give each of more groups than k
 * positions its share: where the fair list is the plain one, say so (once
 * per model version and column), naming the modes that balance over many
 * lists.
 */
static void
SayIfCannotAct(const ModelCache *m, GroupMap *gm, const float4 *scores, int k, const FairItem *out, int n)
{
	Candidate  *top = palloc(sizeof(Candidate) * k);
	int			nplain = TopK(m, scores, k, top);

	if (nplain != n)
		return;
	for (int i = 0; i < n; i++)
		if (m->item_ids[top[i].index] != out[i].id)
			return;
	gm->said_cannot_act = true;
	ereport(NOTICE,
			(errmsg("recommend_fair left this list as it was: %d groups of %s cannot each get their share of %d positions",
					gm->ngroups, gm->column, k),
			 errdetail("Each list is re-ranked on its own; a list this short holds too few groups to move toward the target."),
			 errhint("Balance exposure over many lists: recommend_fair_batch(user_ids, ...) for a set of users (dashboards), "
					 "or amortized => true for a stream of requests.")));
}

/*
 * The user's fair list, as recommend_fair and recommend_fair_explained
 * build it: its length, the rows in *out, and the model, its groups and the
 * user's scores for the caller; -1 for a user the model does not know (or
 * NULL), who gets no rows, as from recommend().  Inside an SPI connection.
 */
static int
FairListOfScores(const RecommendFairCall *call, ModelCache *m, const GroupMap *gm, const float4 *scores,
				 bool top_only, FairItem **out)
{
	double	   *shares = palloc(mul_size(sizeof(double), gm->ngroups));
	FairListInput in;
	int			n;

	if (call->fair.target.kind != TARGET_MERIT)
		TargetShares(&call->fair.target, gm, NULL, 0, shares);
	in.m = m;
	in.gm = gm;
	in.k = call->k;
	in.ncandidates = Min(call->fair.ncandidates, m->nitems);
	in.merit = call->fair.target.kind == TARGET_MERIT;
	in.fixed_shares = shares;
	in.strength = call->fair.strength;
	in.amortized = call->fair.amortized;
	in.deficit_scale = call->fair.deficit_scale;
	in.scale_state = &ModelFairState(m)->amortized_scale;
	in.interruptible = true;
	in.state_target = TargetKey(&call->fair.target);
	in.top_only = top_only;
	*out = palloc(sizeof(FairItem) * call->k);
	if (call->fair.amortized)
		return AmortizedFairList(&in, scores, *out);
	n = BuildFairList(&in, AllocFairListScratch(&in, 1), scores, NULL, *out);
	if (n >= 0 && gm->ngroups > call->k && call->fair.strength > 0 && !gm->said_cannot_act)
		SayIfCannotAct(m, (GroupMap *) gm, scores, call->k, *out, n);
	return n;
}

/*
 * FairListOfScores over only the items an item index or the int8 copy
 * scored (ranges): their scores, ids and groups gathered into a model view
 * of those items, so that the re-ranker's passes cost the candidates, not
 * the catalog; the rows come back with the model's item positions.  The
 * view shares the model's fair state and group names and counts (targets
 * such as catalog shares stay the catalog's).  With only the int8 copy's
 * top candidates (no group's best), FAIR_LIST_NEEDS_GROUPS when those
 * cannot make the list.
 */
static int
CandidateFairList(const RecommendFairCall *call, ModelCache *m, const GroupMap *gm, const float4 *scores,
				  const ScoredRanges *ranges, FairItem **out)
{
	int32		count = 0;
	int32	   *pos;
	float4	   *sub_scores;
	int64	   *ids;
	int32	   *groups;
	ModelCache	sub;
	GroupMap	subgm;
	int			n;

	for (int32 r = 0; r < ranges->n; r++)
		count += ranges->end[r] - ranges->start[r];
	pos = palloc(sizeof(int32) * Max(count, 1));
	count = 0;
	for (int32 r = 0; r < ranges->n; r++)
		for (int32 i = ranges->start[r]; i < ranges->end[r]; i++)
			pos[count++] = i;
	sub_scores = palloc(sizeof(float4) * Max(count, 1));
	ids = palloc(sizeof(int64) * Max(count, 1));
	groups = palloc(sizeof(int32) * Max(count, 1));
	for (int32 c = 0; c < count; c++)
	{
		sub_scores[c] = scores[pos[c]];
		ids[c] = m->item_ids[pos[c]];
		groups[c] = gm->group_of_item[pos[c]];
	}
	(void) ModelFairState(m);	/* made before the copy, so the view shares it */
	sub = *m;
	sub.nitems = count;
	sub.item_ids = ids;
	sub.factors = NULL;
	sub.norms = NULL;
	sub.item_bias = NULL;
	sub.index = NULL;
	sub.ivf = NULL;
	sub.id_slots = NULL;
	subgm = *gm;
	subgm.group_of_item = groups;
	n = FairListOfScores(call, &sub, &subgm, sub_scores, ranges->candidates && ranges->group_of == NULL, out);
	((GroupMap *) gm)->said_cannot_act = subgm.said_cannot_act;
	for (int i = 0; i < n; i++)
		(*out)[i].index = pos[(*out)[i].index];
	return n;
}

/* Each group's best k of the int8 copy's scores join its candidates (quantized.c). */
static void
AddGroupBest(const ModelCache *m, const GroupMap *gm, int k, float4 *scores, ScoredRanges *ranges)
{
	ranges->group_of = gm->group_of_item;
	ranges->ngroups = gm->ngroups;
	ranges->group_wanted = k;
	QuantizedAddGroupBest(m, scores, ranges);
}

/*
 * The user's fair list (see FairListOfScores); with candidates_only, over
 * the items the model's item index scores when it has one (scores then
 * holds only those: the caller must not read it).
 */
static int
UserFairList(FunctionCallInfo fcinfo, const RecommendFairCall *call, bool candidates_only, ModelCache **m_out,
			 const GroupMap **gm_out, float4 **scores_out, FairItem **out)
{
	ModelCache *m = GetModel(call->model);
	const GroupMap *gm = GetGroupMap(m, call->group_col);
	int32		wanted = Min(call->fair.ncandidates, m->nitems);

	/*
	 * The re-ranker reads beyond the top k.  Through the int8 copy, a list
	 * first takes the best candidates only, re-scored exactly: most lists
	 * are made of them.  When a group outside them must take a position,
	 * each group's best approximate scores join the candidates (or every
	 * scored item gets its exact score, when the groups are many:
	 * quantized.c), and the list is made again.  Amortized lists take the
	 * groups' best at once.
	 */
	ScoredRanges ranges = {.pool = true};
	float4	   *scores;
	int			n;

	scores = PG_ARGISNULL(RF_ARG_USER_ID) ? NULL :
		UserScores(m, call->user_id, call->exclude_seen, wanted, candidates_only ? &ranges : NULL);
	*m_out = m;
	*gm_out = gm;
	*scores_out = scores;
	if (scores == NULL)
		return -1;
	if (call->fair.amortized && ranges.candidates)
		AddGroupBest(m, gm, call->k, scores, &ranges);
	if (!candidates_only || ranges.n < 0)
		return FairListOfScores(call, m, gm, scores, false, out);
	n = CandidateFairList(call, m, gm, scores, &ranges, out);
	if (n != FAIR_LIST_NEEDS_GROUPS)
		return n;
	AddGroupBest(m, gm, call->k, scores, &ranges);
	if (ranges.n < 0)
		return FairListOfScores(call, m, gm, scores, false, out);
	return CandidateFairList(call, m, gm, scores, &ranges, out);
}

/*
 * recommend_fair(user_id, k, group_col, ...): the user's top k re-ranked so
 * that the groups of group_col get their target share of exposure.
 */
PG_FUNCTION_INFO_V1(recfair_recommend_fair);
Datum
recfair_recommend_fair(PG_FUNCTION_ARGS)
{
	RecommendFairCall call;
	ModelCache *m;
	const GroupMap *gm;
	float4	   *scores;
	FairItem   *out;
	int			n;

	if (PG_NARGS() == recommend_fair_legacy.old_nargs)
		return CallWithLegacyArgs(fcinfo, &recommend_fair_legacy, recfair_recommend_fair);
	InitMaterializedSRF(fcinfo, 0);
	ParseRecommendFairCall(fcinfo, &call);

	SPI_connect();
	n = UserFairList(fcinfo, &call, true, &m, &gm, &scores, &out);
	if (n >= 0)
		EmitFairRows(fcinfo, out, n, gm);
	SPI_finish();
	return (Datum) 0;
}

/*
 * The rank an item of score s (index i) has in the plain list: 1 + the
 * items scored above it (ties: the lower id first), seen items (-inf) not
 * counted.
 */
static int64
PlainRank(const ModelCache *m, const float4 *scores, int32 i)
{
	int64		above = 0;
	float4		s = scores[i];

	for (int32 j = 0; j < m->nitems; j++)
		if (scores[j] > s || (scores[j] == s && m->item_ids[j] < m->item_ids[i]))
			above++;
	return above + 1;
}

/*
 * recommend_fair_explained(same arguments as recommend_fair): its rows, each
 * with the item's rank in the plain list (how far fairness moved it) and its
 * top reason (explain.c).
 */
PG_FUNCTION_INFO_V1(recfair_recommend_fair_explained);
Datum
recfair_recommend_fair_explained(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	RecommendFairCall call;
	ModelCache *m;
	const GroupMap *gm;
	float4	   *scores;
	FairItem   *out;
	int32	   *index;
	RowReasons	reasons;
	int			n;

	InitMaterializedSRF(fcinfo, 0);
	ParseRecommendFairCall(fcinfo, &call);

	SPI_connect();
	n = UserFairList(fcinfo, &call, false, &m, &gm, &scores, &out);
	index = palloc(sizeof(int32) * Max(n, 1));
	for (int i = 0; i < n; i++)
		index[i] = out[i].index;
	ExplainRows(m, call.user_id, Max(n, 0), index, &reasons);
	for (int i = 0; i < n; i++)
	{
		Datum		values[7];
		bool		nulls[7];

		FairRowValues(out, i, gm, values, nulls);
		values[4] = Int64GetDatum(PlainRank(m, scores, out[i].index));
		nulls[4] = false;
		values[5] = Int64GetDatum(reasons.item[i]);
		values[6] = Float8GetDatum(reasons.contribution[i]);
		nulls[5] = nulls[6] = !reasons.found[i];
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	SPI_finish();
	return (Datum) 0;
}

/* recommend_fair_for_items()'s arguments, by position in its SQL signature. */
enum
{
	RFI_ARG_ITEM_IDS,
	RFI_ARG_K,
	RFI_ARG_GROUP_COL,
	RFI_ARG_MODEL,
	RFI_ARG_TARGET,
	RFI_ARG_STRENGTH,
	RFI_ARG_CANDIDATES,
	RFI_ARG_OPTIONS,
	RFI_ARG_AMORTIZED,
	RFI_NARGS
};

static const FairArgs recommend_fair_for_items_args = {
	RFI_ARG_TARGET, RFI_ARG_STRENGTH, RFI_ARG_CANDIDATES, RFI_ARG_AMORTIZED, RFI_ARG_OPTIONS, NULL
};

/*
 * recommend_fair_for_items(item_ids, k, group_col, ...): recommend_for_items'
 * list for an anonymous basket (fold-in), re-ranked as recommend_fair
 * re-ranks a user's.
 */
PG_FUNCTION_INFO_V1(recfair_recommend_fair_for_items);
Datum
recfair_recommend_fair_for_items(PG_FUNCTION_ARGS)
{
	RecommendFairCall call;
	ModelCache *m;
	const GroupMap *gm;
	float4	   *scores;
	FairItem   *out;
	int			n;

	InitMaterializedSRF(fcinfo, 0);
	CheckArgsNotNull(fcinfo, RFI_NARGS, (1U << RFI_ARG_ITEM_IDS) | (1U << RFI_ARG_MODEL) | (1U << RFI_ARG_CANDIDATES));
	memset(&call, 0, sizeof(call));
	call.k = PG_GETARG_INT32(RFI_ARG_K);
	CheckK(call.k);
	call.group_col = text_to_cstring(PG_GETARG_TEXT_PP(RFI_ARG_GROUP_COL));
	call.model = PG_ARGISNULL(RFI_ARG_MODEL) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(RFI_ARG_MODEL));
	ParseFairSettings(fcinfo, &recommend_fair_for_items_args, call.k, NULL, 0, &call.fair);
	if (PG_ARGISNULL(RFI_ARG_ITEM_IDS))
		return (Datum) 0;

	SPI_connect();
	m = GetModel(call.model);
	gm = GetGroupMap(m, call.group_col);
	scores = BasketScores(m, PG_GETARG_ARRAYTYPE_P(RFI_ARG_ITEM_IDS));
	if (scores != NULL)
	{
		n = FairListOfScores(&call, m, gm, scores, false, &out);
		EmitFairRows(fcinfo, out, n, gm);
	}
	SPI_finish();
	return (Datum) 0;
}

/* Sort group names (NULL last) to number the groups of rerank_fair. */
typedef struct NamedIndex
{
	const char *name;
	int			index;
} NamedIndex;

static int
CompareNames(const void *a, const void *b)
{
	const NamedIndex *x = (const NamedIndex *) a;
	const NamedIndex *y = (const NamedIndex *) b;

	if (x->name == NULL || y->name == NULL)
		return (x->name == NULL) - (y->name == NULL);
	return strcmp(x->name, y->name);
}

/*
 * Re-rank n candidates into at most k positions, as rerank_fair and
 * fair_top_k do: ids[i], scores[i] (no NaN) and groups[i] (NULL: the NULL
 * group).  The groups are numbered in byte order of their values, the NULL
 * group last, and the candidates sorted best first, so the list does not
 * depend on the order of the candidates.  An id twice is an error naming
 * `what` (the argument that holds the ids).  gm receives the groups (their
 * names only), *out the list; returns its length.
 */
int
RerankCandidates(int n, const int64 *ids, const float4 *scores, char *const *groups,
				 int k, const FairTarget *target, double strength, const char *what,
				 GroupMap *gm, FairItem **out)
{
	NamedIndex *named;
	FairItem   *cands;
	double	   *shares;
	FairParams	params;
	Size		nalloc = (Size) Max(n, 1);

	/* an item twice would be placed twice (and may be in two groups) */
	{
		idmap_hash *seen = idmap_create(CurrentMemoryContext, Max(n, 16), NULL);

		for (int i = 0; i < n; i++)
		{
			bool		found;

			idmap_insert(seen, ids[i], &found);
			if (found)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("%s must not repeat an item: " INT64_FORMAT " appears more than once",
								what, ids[i]),
						 errhint("Keep one row per item, e.g. with SELECT DISTINCT ON (item_id) ... ORDER BY item_id, score DESC.")));
			if ((i & 0xFFFF) == 0)
				CHECK_FOR_INTERRUPTS();
		}
		idmap_destroy(seen);
	}

	/* number the distinct group values */
	named = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(NamedIndex), nalloc));
	for (int i = 0; i < n; i++)
	{
		named[i].name = groups[i];
		named[i].index = i;
	}
	qsort(named, n, sizeof(NamedIndex), CompareNames);
	memset(gm, 0, sizeof(GroupMap));
	strlcpy(gm->column, "groups", sizeof(gm->column));
	gm->null_group = -1;
	gm->names = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(char *), nalloc));
	cands = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(FairItem), nalloc));
	for (int i = 0; i < n; i++)
	{
		int			pos = named[i].index;

		if (i == 0 || CompareNames(&named[i - 1], &named[i]) != 0)
			gm->names[gm->ngroups++] = (char *) named[i].name;
		cands[pos].index = pos;
		cands[pos].group = gm->ngroups - 1;
		cands[pos].id = ids[pos];
		cands[pos].score = scores[pos];
		cands[pos].base = scores[pos];
	}
	if (gm->ngroups > 0 && gm->names[gm->ngroups - 1] == NULL)
		gm->null_group = gm->ngroups - 1;
	qsort(cands, n, sizeof(FairItem), CompareFairItems);

	shares = palloc(mul_size(sizeof(double), Max(gm->ngroups, 1)));
	TargetShares(target, gm, cands, n, shares);
	InitFairParams(&params, gm->ngroups, shares, strength);
	params.interruptible = true;
	*out = palloc(sizeof(FairItem) * k);
	return FairRerank(cands, n, k, &params, *out,
					  MemoryContextAllocHuge(CurrentMemoryContext, nalloc),
					  palloc(mul_size(sizeof(double), Max(gm->ngroups, 1))),
					  palloc(mul_size(sizeof(int32), Max(gm->ngroups, 1))));
}

/* The candidates of rerank_fair's three arrays, checked: same length, no NULL id or score, no NaN. */
static int
ReadCandidateArrays(ArrayType *ids_arr, ArrayType *scores_arr, ArrayType *groups_arr,
					int64 **ids_out, float4 **scores_out, char ***groups_out)
{
	Datum	   *ids;
	bool	   *id_nulls;
	Datum	   *scores;
	bool	   *score_nulls;
	Datum	   *groups;
	bool	   *group_nulls;
	int			n;
	int			nscores;
	int			ngroupvals;

	if (ARR_NDIM(ids_arr) > 1 || ARR_NDIM(scores_arr) > 1 || ARR_NDIM(groups_arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("item_ids, scores and groups must be one-dimensional arrays")));
	deconstruct_array(ids_arr, INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					  &ids, &id_nulls, &n);
	deconstruct_array(scores_arr, FLOAT4OID, sizeof(float4), true, TYPALIGN_INT,
					  &scores, &score_nulls, &nscores);
	deconstruct_array(groups_arr, TEXTOID, -1, false, TYPALIGN_INT, &groups, &group_nulls, &ngroupvals);
	if (n != nscores || n != ngroupvals)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("item_ids, scores and groups must have the same length, not %d, %d and %d",
						n, nscores, ngroupvals)));
	*ids_out = palloc(mul_size(sizeof(int64), Max(n, 1)));
	*scores_out = palloc(mul_size(sizeof(float4), Max(n, 1)));
	*groups_out = palloc(mul_size(sizeof(char *), Max(n, 1)));
	for (int i = 0; i < n; i++)
	{
		if (id_nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("item_ids must not contain NULL (position %d)", i + 1)));
		if (score_nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("scores must not contain NULL (position %d)", i + 1)));
		if (isnan(DatumGetFloat4(scores[i])))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("scores must not contain NaN (position %d)", i + 1)));
		(*ids_out)[i] = DatumGetInt64(ids[i]);
		(*scores_out)[i] = DatumGetFloat4(scores[i]);
		(*groups_out)[i] = group_nulls[i] ? NULL : TextDatumGetCString(groups[i]);
	}
	return n;
}

/*
 * rerank_fair(item_ids, scores, groups, k, target, strength): the per-list
 * fair re-ranking of any candidate arrays, as recommend_fair makes its lists.
 */
PG_FUNCTION_INFO_V1(recfair_rerank_fair);
Datum
recfair_rerank_fair(PG_FUNCTION_ARGS)
{
	int			k;
	FairTarget	target;
	double		strength;
	int			n;
	int64	   *ids;
	float4	   *scores;
	char	  **groups;
	GroupMap	gm;
	FairItem   *out;
	int			placed;

	InitMaterializedSRF(fcinfo, 0);
	CheckArgsNotNull(fcinfo, 6, 0);
	k = PG_GETARG_INT32(3);
	ParseFairTarget(text_to_cstring(PG_GETARG_TEXT_PP(4)), &target);
	strength = PG_GETARG_FLOAT4(5);
	CheckK(k);
	CheckStrength(strength);
	n = ReadCandidateArrays(PG_GETARG_ARRAYTYPE_P(0), PG_GETARG_ARRAYTYPE_P(1), PG_GETARG_ARRAYTYPE_P(2),
							&ids, &scores, &groups);
	placed = RerankCandidates(n, ids, scores, groups, k, &target, strength, "item_ids", &gm, &out);
	EmitFairRows(fcinfo, out, placed, &gm);
	return (Datum) 0;
}

/*
 * reset_fair_exposure(model, group_col): delete the amortized exposure of a
 * model and group column (NULL: every one); returns the rows deleted.
 */
PG_FUNCTION_INFO_V1(recfair_reset_fair_exposure);
Datum
recfair_reset_fair_exposure(PG_FUNCTION_ARGS)
{
	Oid			types[2] = {TEXTOID, TEXTOID};
	Datum		values[2];
	char		nulls[2] = {' ', ' '};
	int64		deleted;
	int			rc;

	for (int i = 0; i < 2; i++)
	{
		if (PG_ARGISNULL(i))
		{
			values[i] = (Datum) 0;
			nulls[i] = 'n';
		}
		else
			values[i] = PG_GETARG_DATUM(i);
	}
	SPI_connect();
	rc = SPI_execute_with_args("DELETE FROM recfair.fair_exposure "
							   "WHERE ($1::pg_catalog.text IS NULL OR model OPERATOR(pg_catalog.=) $1) "
							   "AND ($2::pg_catalog.text IS NULL OR group_col OPERATOR(pg_catalog.=) $2)",
							   2, types, values, nulls, false, 0);
	if (rc != SPI_OK_DELETE)
		elog(ERROR, "SPI_execute_with_args failed: %s", SPI_result_code_string(rc));
	deleted = (int64) SPI_processed;
	SPI_finish();
	PG_RETURN_INT64(deleted);
}
