/*-------------------------------------------------------------------------
 *
 * train.c
 *	  recfair.train(): validate the call, read the interactions, train,
 *	  write the model, and return its catalog row.
 *
 * Everything happens in the caller's transaction: a failure, a cancel or a
 * statement_timeout leaves the previous model as it was, and other sessions
 * see the old model until the new one commits.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "als.h"
#include "bpr.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "catalog/pg_namespace.h"
#include "catalog/pg_type.h"
#include "compat.h"
#include "executor/spi.h"
#include "fair_train.h"
#include "feature_maps.h"
#include "funcapi.h"
#include "interactions.h"
#include "item_index.h"
#include "legacy.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "model_store.h"
#include "nodes/makefuncs.h"
#include "options.h"
#include "parallel.h"
#include "parser/parse_func.h"
#include "portability/instr_time.h"
#include "progress.h"
#include "rating_fair.h"
#include "security.h"
#include "storage/lmgr.h"
#include "storage/shmem.h"
#include "train_sql.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"
#include "utils/varlena.h"

#define MAX_FACTORS 1024
#define MAX_ITERATIONS 1000

typedef enum TrainAlgorithm
{
	ALGO_ALS,
	ALGO_ALS_EXPLICIT,
	ALGO_POPULARITY,
	ALGO_BPR
} TrainAlgorithm;

typedef struct TrainOptions
{
	double		alpha;
	double		confidence_offset;
	AlsWeighting weighting;
	double		eps;
	int			weighted_regularization;	/* -1: not given */
	AlsSolver	solver;
	int			cg_steps;
	int64		seed;
	char	   *engine;			/* als: "memory", "aggregates", or NULL (by the source) */
	char	   *work_schema;	/* the aggregate engine's work tables, or NULL */
	char	   *users;			/* registered tables, qualified and quoted */
	char	   *user_key;
	char	   *items;
	char	   *item_key;
	Oid			users_relid;	/* the same tables, or InvalidOid */
	Oid			items_relid;
	char	   *item_features;	/* feature columns of the registered tables, or NULL */
	char	   *user_features;
	double		feature_mu;
	FairTraining fairness;		/* bpr: options->'fairness' */
	RatingFairness rating_fairness; /* als_explicit: options->'fairness' */
} TrainOptions;

/* train()'s arguments, by position in its SQL signature. */
enum
{
	TRAIN_ARG_MODEL,
	TRAIN_ARG_SOURCE,
	TRAIN_ARG_USER_COL,
	TRAIN_ARG_ITEM_COL,
	TRAIN_ARG_WEIGHT_COL,
	TRAIN_ARG_ALGORITHM,
	TRAIN_ARG_FACTORS,
	TRAIN_ARG_ITERATIONS,
	TRAIN_ARG_REGULARIZATION,
	TRAIN_ARG_OPTIONS,
	TRAIN_ARG_SEED,
	TRAIN_ARG_ITEMS,
	TRAIN_ARG_ITEM_KEY,
	TRAIN_ARG_USERS,
	TRAIN_ARG_USER_KEY,
	TRAIN_ARG_SOURCE_QUERY,
	TRAIN_NARGS
};

/*
 * Algorithm-specific extras; the rest are arguments since 0.6.0.  The ALS
 * options are accepted (and unused) by als_explicit and popularity, as
 * before; bpr's apply to bpr only, and ALS's are refused for bpr.
 */
static const char *const als_options[] = {
	"alpha", "confidence", "eps", "weighted_regularization", "solver", "cg_steps"
};
/* what popularity accepts: the ALS options (unused) and the feature maps' */
static const char *const popularity_options[] = {
	"alpha", "confidence", "eps", "weighted_regularization", "solver", "cg_steps",
	"item_features", "user_features", "feature_regularization"
};
static const char *const bpr_options[] = {
	"learning_rate", "sampling", "sampling_exponent", "item_bias", "adversarial", "fairness"	/* fairness last */
};
/* what bpr accepts: its own options and the feature maps' (feature_maps.c) */
static const char *const bpr_known_options[] = {
	"learning_rate", "sampling", "sampling_exponent", "item_bias", "adversarial", "fairness",
	"item_features", "user_features", "feature_regularization"
};
/* als_explicit takes the ALS options and fairness (rating_fair.c) */
static const char *const als_explicit_options[] = {
	"alpha", "confidence", "eps", "weighted_regularization", "solver", "cg_steps",
	"item_features", "user_features", "feature_regularization", "fairness"
};
/* als: those and the choice of engine (train_sql.c) */
static const char *const engine_options[] = {"engine", "work_schema"};
static const char *const als_implicit_options[] = {
	"alpha", "confidence", "eps", "weighted_regularization", "solver", "cg_steps",
	"item_features", "user_features", "feature_regularization", "fairness", "engine", "work_schema"
};
static const char *const adversarial_options[] = {"method", "eps", "weight", "steps", "start_epoch"};
static const MovedOption moved_options[] = {
	{"seed"}, {"items"}, {"item_key"}, {"users"}, {"user_key"}
};

/* train() as 0.5.0 and earlier declared it (legacy.c). */
static const int train_legacy_args[] = {
	TRAIN_ARG_MODEL, -1, TRAIN_ARG_USER_COL, TRAIN_ARG_ITEM_COL, TRAIN_ARG_WEIGHT_COL, TRAIN_ARG_ALGORITHM,
	TRAIN_ARG_FACTORS, TRAIN_ARG_ITERATIONS, TRAIN_ARG_REGULARIZATION, TRAIN_ARG_OPTIONS
};
static const LegacyArg train_legacy_defaults[] = {
	{TRAIN_ARG_SEED, INT8OID, "42"}, {TRAIN_ARG_ITEM_KEY, TEXTOID, "item_id"},
	{TRAIN_ARG_USER_KEY, TEXTOID, "user_id"}, {-1}
};
static const LegacyArg train_legacy_moved[] = {
	{TRAIN_ARG_SEED, INT8OID, "seed"}, {TRAIN_ARG_ITEMS, REGCLASSOID, "items"},
	{TRAIN_ARG_ITEM_KEY, TEXTOID, "item_key"}, {TRAIN_ARG_USERS, REGCLASSOID, "users"},
	{TRAIN_ARG_USER_KEY, TEXTOID, "user_key"}, {-1}
};
static const LegacySignature train_legacy = {
	lengthof(train_legacy_args), TRAIN_NARGS, train_legacy_args, 1, TRAIN_ARG_SOURCE, TRAIN_ARG_SOURCE_QUERY,
	TRAIN_ARG_OPTIONS, TRAIN_ARG_OPTIONS, train_legacy_defaults, train_legacy_moved
};

/* A text argument; NULL is an error (22004, naming it) unless nullable. */
static char *
ArgText(FunctionCallInfo fcinfo, int n, bool nullable)
{
	char	   *text = TextArgOrNull(fcinfo, n);

	if (text == NULL && !nullable)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s must not be NULL", ArgName(fcinfo, n))));
	return text;
}

static void
CheckNotEmpty(const char *value, const char *name)
{
	if (value != NULL && value[0] == '\0')
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must not be empty", name)));
}

/*
 * A registered table (a regclass argument, NULL: none) and its key column,
 * checked and quoted.
 */
static void
RegisterTable(FunctionCallInfo fcinfo, int tablearg, int keyarg, char **table_out, char **column_out,
			  Oid *relid_out)
{
	Oid			relid;
	char	   *column;
	AttrNumber	attnum;

	*table_out = *column_out = NULL;
	*relid_out = InvalidOid;
	if (PG_ARGISNULL(tablearg))
		return;
	if (PG_ARGISNULL(keyarg))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s must not be NULL when %s is given", ArgName(fcinfo, keyarg), ArgName(fcinfo, tablearg))));
	relid = PG_GETARG_OID(tablearg);
	column = text_to_cstring(PG_GETARG_TEXT_PP(keyarg));
	LockRelationOid(relid, AccessShareLock);
	if (!SearchSysCacheExists1(RELOID, ObjectIdGetDatum(relid)))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation with OID %u does not exist", relid)));
	if (get_rel_persistence(relid) == RELPERSISTENCE_TEMP)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("temporary table %s cannot be registered", get_rel_name(relid)),
				 errdetail("A temporary table is visible only to the session that made it, and is gone when it ends.")));
	attnum = get_attnum(relid, column);
	if (attnum == InvalidAttrNumber || attnum < 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of relation \"%s\" does not exist", column, get_rel_name(relid))));
	*table_out = quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)),
											get_rel_name(relid));
	*column_out = column;
	*relid_out = relid;
}

/* Error if one of keys[] is in options: it belongs to another algorithm. */
static void
RefuseOptionsOf(Jsonb *options, const char *const *keys, int nkeys, const char *algorithm)
{
	for (int n = 0; n < nkeys; n++)
		if (OptionPresent(options, keys[n]))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("option \"%s\" does not apply to algorithm \"%s\"", keys[n], algorithm)));
}

/*
 * The ALS options: alpha, confidence (linear | log | bm25 | alpha*w, with
 * eps for log), weighted_regularization, solver, cg_steps.
 */
static void
ParseAlsOptions(Jsonb *options, TrainOptions *opt)
{
	char	   *solver;
	char	   *confidence;

	opt->alpha = OptionNumber(options, "alpha", -1.0, 0.0, 1e6);	/* < 0: AlsResolveDefaults */
	opt->cg_steps = (int) OptionInteger(options, "cg_steps", ALS_DEFAULT_CG_STEPS, 1, 100);
	opt->confidence_offset = 1.0;
	opt->weighting = ALS_WEIGHTING_RAW;
	confidence = OptionText(options, "confidence");
	if (confidence == NULL)
		opt->weighting = ALS_DEFAULT_WEIGHTING;
	else if (strcmp(confidence, "linear") == 0 || strcmp(confidence, "1+alpha*w") == 0)
		 /* raw */ ;
	else if (strcmp(confidence, "alpha*w") == 0)
		opt->confidence_offset = 0.0;
	else if (strcmp(confidence, "log") == 0)
		opt->weighting = ALS_WEIGHTING_LOG;
	else if (strcmp(confidence, "bm25") == 0)
		opt->weighting = ALS_WEIGHTING_BM25;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown confidence \"%s\"", confidence),
				 errhint("Use \"log\" (1 + alpha log(1 + w/eps), the default), \"linear\" (1 + alpha w, Hu, Koren and Volinsky), \"bm25\" (1 + alpha bm25(w)) or \"alpha*w\".")));
	if (OptionPresent(options, "eps") && opt->weighting != ALS_WEIGHTING_LOG)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("option \"eps\" applies to confidence \"log\" only")));
	opt->eps = OptionNumber(options, "eps", 0.0, 1e-30, 1e30);	/* 0: AlsScaleWeights */
	opt->weighted_regularization = OptionPresent(options, "weighted_regularization")
		? (int) OptionBool(options, "weighted_regularization", false) : -1;
	solver = OptionText(options, "solver");
	if (solver == NULL || strcmp(solver, "cg") == 0)
		opt->solver = ALS_SOLVER_CG;
	else if (strcmp(solver, "cholesky") == 0)
		opt->solver = ALS_SOLVER_CHOLESKY;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown solver \"%s\"", solver),
				 errhint("Use \"cg\" (conjugate gradient, the default) or \"cholesky\".")));
}

/*
 * The bpr options: learning_rate, sampling (uniform or popularity, with
 * sampling_exponent), item_bias, and adversarial: {"method": fgsm | pgd |
 * gaussian | sign, "eps", "weight", "steps", "start_epoch"}.
 */
static void
ParseBprOptions(Jsonb *options, BprOptions *bopt)
{
	char	   *sampling = OptionText(options, "sampling");
	Jsonb	   *adv = OptionObject(options, "adversarial");

	bopt->learning_rate = OptionNumber(options, "learning_rate", BPR_DEFAULT_LEARNING_RATE, 1e-9, 10.0);
	bopt->item_bias = OptionBool(options, "item_bias", true);
	bopt->sampling_exponent = OptionNumber(options, "sampling_exponent", BPR_DEFAULT_SAMPLING_EXPONENT, 0.0, 4.0);
	if (sampling == NULL || strcmp(sampling, "uniform") == 0)
		bopt->sampling = BPR_SAMPLING_UNIFORM;
	else if (strcmp(sampling, "popularity") == 0)
		bopt->sampling = BPR_SAMPLING_POPULARITY;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown sampling \"%s\"", sampling),
				 errhint("Use \"uniform\" (the default) or \"popularity\" (negatives in proportion to popularity^sampling_exponent).")));
	bopt->adversarial = PERTURB_NONE;
	if (adv != NULL)
	{
		char	   *method;

		CheckOptionKeys(adv, adversarial_options, lengthof(adversarial_options), NULL, 0);
		method = OptionText(adv, "method");
		if (method == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("option \"adversarial\" needs a method"),
					 errhint("For example options => '{\"adversarial\": {\"method\": \"fgsm\", \"eps\": 0.5}}'.")));
		bopt->adversarial = ParsePerturbation(method, true);
		bopt->adv_eps = OptionNumber(adv, "eps", 0.5, 0.0, 1e6);
		bopt->adv_weight = OptionNumber(adv, "weight", BPR_DEFAULT_ADV_WEIGHT, 0.0, 1e6);
		bopt->adv_steps = (int) OptionInteger(adv, "steps", BPR_DEFAULT_ADV_STEPS, 1, 100);
		bopt->adv_start_epoch = (int) OptionInteger(adv, "start_epoch", 1, 1, MAX_ITERATIONS);
	}
}

/* The options (algorithm-specific extras) and the registered tables. */
static void
ParseOptions(FunctionCallInfo fcinfo, Jsonb *options, TrainAlgorithm kind, TrainOptions *opt, BprOptions *bopt)
{
	if (kind == ALGO_BPR)
	{
		RefuseOptionsOf(options, als_options, lengthof(als_options), "bpr");
		RefuseOptionsOf(options, engine_options, lengthof(engine_options), "bpr");
		CheckOptionKeys(options, bpr_known_options, lengthof(bpr_known_options), moved_options,
						lengthof(moved_options));
		ParseBprOptions(options, bopt);
		ParseFairTraining(options, &opt->fairness);
	}
	else if (kind == ALGO_ALS_EXPLICIT)
	{
		/* bpr's options but fairness, which als_explicit reads its own way */
		RefuseOptionsOf(options, bpr_options, lengthof(bpr_options) - 1, "als_explicit");
		RefuseOptionsOf(options, engine_options, lengthof(engine_options), "als_explicit");
		CheckOptionKeys(options, als_explicit_options, lengthof(als_explicit_options), moved_options,
						lengthof(moved_options));
		ParseRatingFairness(options, &opt->rating_fairness);
	}
	else if (kind == ALGO_ALS)
	{
		/* the item side of bpr's fairness, as confidence weights (ApplyAlsItemWeights) */
		RefuseOptionsOf(options, bpr_options, lengthof(bpr_options) - 1, "als");
		CheckOptionKeys(options, als_implicit_options, lengthof(als_implicit_options), moved_options,
						lengthof(moved_options));
		opt->engine = OptionText(options, "engine");
		opt->work_schema = OptionText(options, "work_schema");
		if (opt->engine != NULL && strcmp(opt->engine, "memory") != 0 && strcmp(opt->engine, "aggregates") != 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown engine \"%s\"", opt->engine),
					 errhint("Use \"memory\" (read the source into this backend) or \"aggregates\" (SQL aggregate queries, on the Citus workers for a distributed source).")));
		ParseFairTraining(options, &opt->fairness);
		if (opt->fairness.active && (opt->fairness.user_group_col != NULL || opt->fairness.within_group > 0))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("algorithm \"als\" takes only the item side of fairness"),
					 errdetail("user_group_col and within_group are for bpr: ALS has no sampled triples to reweight or draw."),
					 errhint("Use item_group_col, target and item_lambda, or algorithm => 'bpr'.")));
	}
	else
	{
		RefuseOptionsOf(options, bpr_options, lengthof(bpr_options), "popularity");
		RefuseOptionsOf(options, engine_options, lengthof(engine_options), "popularity");
		CheckOptionKeys(options, popularity_options, lengthof(popularity_options), moved_options,
						lengthof(moved_options));
	}
	/* the ALS defaults too for bpr: recommend_for_items folds baskets in as ALS would */
	ParseAlsOptions(options, opt);
	opt->item_features = OptionText(options, "item_features");
	opt->user_features = OptionText(options, "user_features");
	CheckNotEmpty(opt->item_features, "item_features");
	CheckNotEmpty(opt->user_features, "user_features");
	opt->feature_mu = OptionNumber(options, "feature_regularization", FEATURE_DEFAULT_REGULARIZATION, 0.0, 1e9);
	if (OptionPresent(options, "feature_regularization") && !opt->item_features && !opt->user_features)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("option \"feature_regularization\" needs item_features or user_features")));
	opt->seed = PG_GETARG_INT64(TRAIN_ARG_SEED);
	RegisterTable(fcinfo, TRAIN_ARG_USERS, TRAIN_ARG_USER_KEY, &opt->users, &opt->user_key, &opt->users_relid);
	RegisterTable(fcinfo, TRAIN_ARG_ITEMS, TRAIN_ARG_ITEM_KEY, &opt->items, &opt->item_key, &opt->items_relid);
}

typedef struct Progress
{
	instr_time	start;
	int			iterations;
	double	   *loss;
	const char *label;			/* "loss" or "training RMSE" */
} Progress;

/*
 * Training that leaves single precision stops here: nothing non-finite is
 * stored, since a NaN embedding cannot be restored from a dump and would
 * quietly serve nothing.
 */
static void
TrainingDiverged(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_FLOATING_POINT_EXCEPTION),
			 errmsg("training diverged: %s", what),
			 errdetail("The weights, or alpha times the weights, are too large for single precision."),
			 errhint("Scale the weights down (for example log(1 + w)), lower alpha, or raise regularization.")));
}

/*
 * After each iteration: keep the loss, show it in recfair.training_progress
 * and, with recfair.progress_notices, tell the client.
 */
static void
ReportIteration(int iteration, double loss, void *arg)
{
	Progress   *p = (Progress *) arg;

	if (!isfinite(loss))
		TrainingDiverged(psprintf("the %s after iteration %d is not finite", p->label, iteration));
	p->loss[iteration - 1] = loss;
	ProgressSetIteration(iteration, loss);
	if (recfair_progress_notices)
		ereport(NOTICE,
				(errmsg("iteration %d/%d: %s %.6g, %.2f s",
						iteration, p->iterations, p->label, loss, SecondsSince(p->start))));
}

static bool
AllFinite(const float4 *x, Size n)
{
	for (Size i = 0; i < n; i++)
		if (!isfinite(x[i]))
			return false;
	return true;
}

static Datum
Float8ArrayDatum(const double *values, int n)
{
	Datum	   *d = palloc(sizeof(Datum) * n);

	for (int i = 0; i < n; i++)
		d[i] = Float8GetDatum(values[i]);
	return PointerGetDatum(construct_array(d, n, FLOAT8OID, sizeof(float8),
										   FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

static Datum
NullableText(const char *s)
{
	return s ? CStringGetTextDatum(s) : (Datum) 0;
}

/* One training run: the call, then what each phase produces. */
typedef struct TrainJob
{
	char	   *model;
	char	   *algorithm;
	TrainAlgorithm kind;
	InteractionSource src;
	TrainOptions topt;
	AlsOptions aopt;
	BprOptions bopt;
	int			factors;
	int			iterations;
	double		regularization;
	bool		regularization_default; /* the argument was NULL */
	Jsonb	   *options;		/* the options argument, recorded-only keys removed */
	bool		seed_given;		/* options held a seed (a model's hyperparameters) */
	int64		seed;
	instr_time	start;
	char	   *checked_owner;	/* the owner CheckModelWritable found, or NULL */
	bool		aggregates;		/* trained by the aggregate engine (train_sql.c) */
	char	   *distributed_by; /* the source's Citus distribution column, or NULL */
	MemoryBudget budget;
	Interactions *data;			/* ReadTrainingData */
	double		read_s;
	float4	   *user_factors;	/* Fit */
	float4	   *item_factors;
	float4	   *user_bias;		/* als_explicit only */
	float4	   *item_bias;
	double		global_mean;
	Progress	progress;
	double		train_s;
	double		write_s;		/* WriteModel */
	FeatureMapResult item_map;	/* cold start from content (feature_maps.c) */
	FeatureMapResult user_map;
} TrainJob;

/*
 * The regularization when the argument is NULL (its default): for als,
 * lambda times each row's interactions (weighted regularization), lambda
 * from the data (AlsResolveRegularization); for als_explicit, whose lambda
 * is always weighted so; for bpr, per update.  Chosen by measurement:
 * docs/design-notes.md, "Defaults".
 */
static double
DefaultRegularization(TrainAlgorithm kind)
{
	switch (kind)
	{
		case ALGO_ALS:
			return ALS_DEFAULT_REGULARIZATION;
		case ALGO_ALS_EXPLICIT:
			return ALS_EXPLICIT_DEFAULT_REGULARIZATION;
		case ALGO_BPR:
			return BPR_DEFAULT_REGULARIZATION;
		case ALGO_POPULARITY:
			break;
	}
	return 0.0;
}

/* Remove key from *options and return its text (NULL if absent or JSON null). */
static char *
TakeSetting(Jsonb **options, const char *key)
{
	char	   *v;

	if (!OptionPresent(*options, key))
		return NULL;
	v = OptionText(*options, key);
	*options = DatumGetJsonbP(DirectFunctionCall2(jsonb_delete, JsonbPGetDatum(*options), CStringGetTextDatum(key)));
	return v;
}

/* A numeric setting from options: taken if the argument has its default, else they must agree. */
static double
AdoptNumber(const char *key, const char *v, double arg, double dflt)
{
	char	   *end;
	double		x = strtod(v, &end);

	if (end == v || *end != '\0' || isnan(x))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("option \"%s\" must be a number, not \"%s\"", key, v)));
	if (arg == dflt || x == arg)
		return x;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("option \"%s\" (%s) disagrees with the argument %s (%g)", key, v, key, arg),
			 errhint("Remove one, or make them agree.")));
	return arg;
}

static char *
AdoptText(const char *key, const char *v, const char *arg, const char *dflt)
{
	if (strcmp(arg, dflt) == 0 || strcmp(v, arg) == 0)
		return pstrdup(v);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("option \"%s\" (%s) disagrees with the argument %s (%s)", key, v, key, arg),
			 errhint("Remove one, or make them agree.")));
	return NULL;
}

/*
 * options may be a model's hyperparameters, passed back (retrain() does,
 * and so may a user): what training recorded but does not take is dropped
 * (timings, counts, the fairness terms' values, tuned), and a setting that
 * is also an argument (factors, iterations, regularization, seed, user_col,
 * item_col, weight_col) is taken from options where the argument has its
 * default, else must agree with it.
 */
static void
AdoptRecordedSettings(FunctionCallInfo fcinfo, TrainJob *job)
{
	static const char *const recorded[] = {
		"read_seconds", "train_seconds", "write_seconds", "rows_read", "rows_null_id", "rows_null_weight",
		"global_mean", "threads", "distributed", "tuned", "cold_items", "cold_users"
	};
	static const char *const fairness_recorded[] = {
		"user_group_loss", "item_group_weight", "training_term_before", "training_term_after"
	};
	Jsonb	   *options = PG_GETARG_JSONB_P(TRAIN_ARG_OPTIONS);
	char	   *v;
	bool		sized = job->kind != ALGO_POPULARITY;	/* popularity records factors 1, iterations 0 */

	if (!JB_ROOT_IS_OBJECT(options))
	{
		job->options = options;
		return;
	}
	for (int i = 0; i < lengthof(recorded); i++)
		if (OptionPresent(options, recorded[i]))
			options = DatumGetJsonbP(DirectFunctionCall2(jsonb_delete, JsonbPGetDatum(options),
														 CStringGetTextDatum(recorded[i])));
	if (OptionObject(options, "fairness") != NULL)
		for (int i = 0; i < lengthof(fairness_recorded); i++)
		{
			Datum		path[2] = {CStringGetTextDatum("fairness"), CStringGetTextDatum(fairness_recorded[i])};

			options = DatumGetJsonbP(DirectFunctionCall2(jsonb_delete_path, JsonbPGetDatum(options),
														 PointerGetDatum(construct_array(path, 2, TEXTOID, -1, false,
																						 TYPALIGN_INT))));
		}

	if ((v = TakeSetting(&options, "factors")) != NULL && sized)
		job->factors = (int) AdoptNumber("factors", v, job->factors, 64);
	if ((v = TakeSetting(&options, "iterations")) != NULL && sized)
		job->iterations = (int) AdoptNumber("iterations", v, job->iterations, 15);
	if ((v = TakeSetting(&options, "regularization")) != NULL && job->kind != ALGO_POPULARITY)
	{
		if (job->regularization_default)
		{
			job->regularization = (float4) AdoptNumber("regularization", v, 0.0, 0.0);
			job->regularization_default = false;
			/* the recorded form: a weighted default lambda stays weighted (the option says so too) */
		}
		else
			(void) AdoptNumber("regularization", v, (float4) job->regularization, (float4) job->regularization);
	}
	if ((v = TakeSetting(&options, "seed")) != NULL)
	{
		job->seed = (int64) AdoptNumber("seed", v, (double) PG_GETARG_INT64(TRAIN_ARG_SEED), 42);
		job->seed_given = true;
	}
	if ((v = TakeSetting(&options, "user_col")) != NULL)
		job->src.user_col = AdoptText("user_col", v, job->src.user_col, "user_id");
	if ((v = TakeSetting(&options, "item_col")) != NULL)
		job->src.item_col = AdoptText("item_col", v, job->src.item_col, "item_id");
	if (OptionPresent(options, "weight_col"))
	{
		v = TakeSetting(&options, "weight_col");
		if (job->src.weight_col == NULL)
			job->src.weight_col = v;
		else if (v == NULL || strcmp(v, job->src.weight_col) != 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("option \"weight_col\" (%s) disagrees with the argument weight_col (%s)",
							v ? v : "null", job->src.weight_col),
					 errhint("Remove one, or make them agree.")));
	}
	job->options = options;
}

/* Read and check the arguments and options: everything that needs no data. */
static void
ParseTrainCall(FunctionCallInfo fcinfo, TrainJob *job)
{
	job->model = ArgText(fcinfo, TRAIN_ARG_MODEL, false);
	job->src.user_col = ArgText(fcinfo, TRAIN_ARG_USER_COL, false);
	job->src.item_col = ArgText(fcinfo, TRAIN_ARG_ITEM_COL, false);
	job->src.weight_col = ArgText(fcinfo, TRAIN_ARG_WEIGHT_COL, true);
	job->src.keep_max = false;
	job->src.allow_empty = false;
	job->algorithm = ArgText(fcinfo, TRAIN_ARG_ALGORITHM, false);
	CheckNotEmpty(job->model, "model");
	CheckNotEmpty(job->src.user_col, "user_col");
	CheckNotEmpty(job->src.item_col, "item_col");
	CheckNotEmpty(job->src.weight_col, "weight_col");
	/* the source, weight_col, the registered tables and their keys may be NULL */
	CheckArgsNotNull(fcinfo, TRAIN_NARGS,
					 (1U << TRAIN_ARG_SOURCE) | (1U << TRAIN_ARG_WEIGHT_COL) |
					 (1U << TRAIN_ARG_ITEMS) | (1U << TRAIN_ARG_ITEM_KEY) |
					 (1U << TRAIN_ARG_USERS) | (1U << TRAIN_ARG_USER_KEY) |
					 (1U << TRAIN_ARG_SOURCE_QUERY) | (1U << TRAIN_ARG_REGULARIZATION));
	SourceFromArgs(fcinfo, TRAIN_ARG_SOURCE, TRAIN_ARG_SOURCE_QUERY, &job->src);
	job->factors = PG_GETARG_INT32(TRAIN_ARG_FACTORS);
	job->iterations = PG_GETARG_INT32(TRAIN_ARG_ITERATIONS);
	job->regularization_default = PG_ARGISNULL(TRAIN_ARG_REGULARIZATION);
	job->regularization = job->regularization_default ? 0.0 : PG_GETARG_FLOAT4(TRAIN_ARG_REGULARIZATION);

	if (strcmp(job->algorithm, "als") == 0)
		job->kind = ALGO_ALS;
	else if (strcmp(job->algorithm, "als_explicit") == 0)
		job->kind = ALGO_ALS_EXPLICIT;
	else if (strcmp(job->algorithm, "popularity") == 0)
		job->kind = ALGO_POPULARITY;
	else if (strcmp(job->algorithm, "bpr") == 0)
		job->kind = ALGO_BPR;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown algorithm \"%s\"", job->algorithm),
				 errhint("Supported: \"als\" (implicit feedback), \"bpr\" (pairwise ranking), \"als_explicit\" (ratings), \"popularity\".")));
	AdoptRecordedSettings(fcinfo, job);
	if (strlen(job->model) >= NAMEDATALEN * 2)
		ereport(ERROR,
				(errcode(ERRCODE_NAME_TOO_LONG),
				 errmsg("model name is too long"),
				 errdetail("A model name has at most %d bytes.", NAMEDATALEN * 2 - 1)));
	if (job->kind == ALGO_ALS_EXPLICIT && job->src.weight_col == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("algorithm \"als_explicit\" needs weight_col, the rating column")));
	if (job->factors < 1 || job->factors > MAX_FACTORS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("factors must be between 1 and %d, not %d", MAX_FACTORS, job->factors)));
	if (job->iterations < 1 || job->iterations > MAX_ITERATIONS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("iterations must be between 1 and %d, not %d", MAX_ITERATIONS, job->iterations)));
	if (job->regularization_default)
		job->regularization = (float4) DefaultRegularization(job->kind);	/* as a given real would be */
	if (isnan(job->regularization) || isinf(job->regularization) || job->regularization < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("regularization must be a finite, non-negative number")));
	if (job->kind == ALGO_ALS_EXPLICIT && job->regularization <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("algorithm \"als_explicit\" needs a positive regularization"),
				 errdetail("Without it, users and items with fewer ratings than factors have no unique solution.")));
	ParseOptions(fcinfo, job->options, job->kind, &job->topt, &job->bopt);
	if (job->seed_given)
		job->topt.seed = job->seed;

	job->aopt.factors = job->factors;
	job->aopt.iterations = job->iterations;
	/* ALS's default depends on the data: AlsResolveRegularization, after the weights are scaled */
	job->aopt.regularization = job->kind == ALGO_ALS && job->regularization_default ? -1.0 : job->regularization;
	/* weighted by default with the default lambda only: a given lambda means what it meant before 0.8.0 */
	job->aopt.weighted_regularization = job->topt.weighted_regularization >= 0
		? job->topt.weighted_regularization == 1 : job->regularization_default;
	job->aopt.weighting = job->topt.weighting;
	job->aopt.eps = job->topt.eps;
	job->aopt.alpha = job->topt.alpha;
	job->aopt.confidence_offset = job->topt.confidence_offset;
	job->aopt.solver = job->topt.solver;
	job->aopt.cg_steps = job->topt.cg_steps;
	job->aopt.seed = (uint64) job->topt.seed;
	job->bopt.factors = job->factors;
	job->bopt.epochs = job->iterations;
	job->bopt.regularization = job->regularization;
	job->bopt.seed = (uint64) job->topt.seed;
}

/* The source, into the sparse matrix (against the memory limit). */
static void
ReadTrainingData(TrainJob *job)
{
	instr_time	phase;

	ProgressSetPhase(PROGRESS_PHASE_READING);
	INSTR_TIME_SET_CURRENT(phase);
	job->data = ReadInteractions(&job->src, &job->budget);
	job->read_s = SecondsSince(phase);
}

/*
 * ALS's item-side fairness: the item groups' weights of bpr's fairness
 * (fair_train.c: (target / data share)^item_lambda, a mean of 1 over the
 * grouped pairs) multiply the interactions' weights, and so their
 * confidence above 1.
 */
static void
ApplyAlsItemWeights(TrainJob *job)
{
	Interactions *data = job->data;
	BprOptions	weights;

	memset(&weights, 0, sizeof(weights));
	PrepareFairTraining(&job->topt.fairness, job->model, data, job->topt.users_relid, job->topt.user_key,
						job->topt.items_relid, job->topt.item_key, &weights);
	for (int32 u = 0; u < data->nusers; u++)
		for (int64 x = data->user_ptr[u]; x < data->user_ptr[u + 1]; x++)
			data->user_weights[x] *= weights.positive_weight[data->user_items[x]];
	for (int32 i = 0; i < data->nitems; i++)
		for (int64 x = data->item_ptr[i]; x < data->item_ptr[i + 1]; x++)
			data->item_weights[x] *= weights.positive_weight[i];
}

/* Train the factors (and biases) with the chosen algorithm; nothing non-finite survives. */
static void
Fit(TrainJob *job)
{
	const Interactions *data = job->data;
	instr_time	phase;

	if (job->kind == ALGO_POPULARITY)
		job->factors = 1;		/* a user vector of 1, an item vector of its count */
	BudgetReserve(&job->budget,
				  mul_size(mul_size(sizeof(float4), job->factors + 1), add_size(data->nusers, data->nitems)),
				  "the factor matrices");
	job->user_factors = MemoryContextAllocHuge(CurrentMemoryContext,
											   mul_size(mul_size(sizeof(float4), job->factors), Max(data->nusers, 1)));
	job->item_factors = MemoryContextAllocHuge(CurrentMemoryContext,
											   mul_size(mul_size(sizeof(float4), job->factors), Max(data->nitems, 1)));

	ProgressSetPhase(PROGRESS_PHASE_TRAINING);
	INSTR_TIME_SET_CURRENT(phase);
	job->progress.start = phase;
	job->progress.iterations = job->iterations;
	job->progress.loss = palloc0(sizeof(double) * job->iterations);
	job->progress.label = "loss";
	if (job->kind == ALGO_ALS)
	{
		AlsScaleWeights(job->data, &job->aopt);
		if (job->topt.fairness.active)
			ApplyAlsItemWeights(job);
		AlsInitFactors(job->user_factors, data->nusers, job->factors, job->aopt.seed);
		AlsInitFactors(job->item_factors, data->nitems, job->factors, job->aopt.seed + 1);
		AlsTrainImplicit(data, &job->aopt, job->user_factors, job->item_factors, ReportIteration,
						 &job->progress);
	}
	else if (job->kind == ALGO_ALS_EXPLICIT)
	{
		job->user_bias = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(float4), Max(data->nusers, 1)));
		job->item_bias = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(float4), Max(data->nitems, 1)));
		AlsInitFactors(job->user_factors, data->nusers, job->factors, job->aopt.seed);
		AlsInitFactors(job->item_factors, data->nitems, job->factors, job->aopt.seed + 1);
		job->progress.label = "training RMSE";
		job->global_mean = AlsTrainExplicit(data, &job->aopt, job->user_factors, job->user_bias,
											job->item_factors, job->item_bias, ReportIteration,
											&job->progress);
		if (job->topt.rating_fairness.active)
		{
			RatingFairness *rf = &job->topt.rating_fairness;
			int32	   *group_of;
			char	  **names;
			int			ngroups = ReadUserGroups(job->model, job->topt.users_relid, job->topt.user_key,
												 rf->user_group_col, data, &group_of, &names);

			RatingFairnessFineTune(data, rf, group_of, ngroups, job->user_factors, job->user_bias,
								   job->item_factors, job->item_bias, job->global_mean, job->factors,
								   job->regularization, &job->budget);
		}
	}
	else if (job->kind == ALGO_BPR)
	{
		if (job->bopt.item_bias)
			job->item_bias = MemoryContextAllocHuge(CurrentMemoryContext,
													mul_size(sizeof(float4), Max(data->nitems, 1)));
		job->bopt.threads = BprThreads(data);
		if (job->topt.fairness.active)
			PrepareFairTraining(&job->topt.fairness, job->model, data, job->topt.users_relid, job->topt.user_key,
								job->topt.items_relid, job->topt.item_key, &job->bopt);
		BprTrain(data, &job->bopt, job->user_factors, job->item_factors, job->item_bias, &job->budget,
				 ReportIteration, &job->progress);
	}
	else
	{
		/* popularity: the number of users who interacted with the item */
		for (int32 u = 0; u < data->nusers; u++)
			job->user_factors[u] = 1.0f;
		for (int32 i = 0; i < data->nitems; i++)
			job->item_factors[i] = (float4) (data->item_ptr[i + 1] - data->item_ptr[i]);
		job->iterations = 0;
	}
	job->train_s = SecondsSince(phase);
	if (!AllFinite(job->user_factors, (Size) job->factors * data->nusers))
		TrainingDiverged("the user factors are not finite");
	if (!AllFinite(job->item_factors, (Size) job->factors * data->nitems))
		TrainingDiverged("the item factors are not finite");
	if ((job->user_bias && !AllFinite(job->user_bias, data->nusers)) ||
		(job->item_bias && !AllFinite(job->item_bias, data->nitems)))
		TrainingDiverged("the biases are not finite");
	if (!isfinite(job->global_mean))
		TrainingDiverged("the global mean is not finite");
}

/* recfair.als_fit(double precision[], recfair.embedding), new in 0.7.0 */
static bool
AlsFitExists(void)
{
	Oid			args[2] = {FLOAT8ARRAYOID, EmbeddingTypeOid()};

	return OidIsValid(LookupFuncName(list_make2(makeString("recfair"), makeString("als_fit")), 2, args, true));
}

/*
 * The aggregate engine cannot train this model: an error (0A000) if it was
 * asked for, else a NOTICE, and the in-memory engine trains.
 */
static bool
AggregateEngineRefused(bool asked, const char *why, const char *hint)
{
	ereport(asked ? ERROR : NOTICE,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 asked ? errmsg("the aggregate engine %s", why)
			 : errmsg("training on this node: the aggregate engine %s", why),
			 errhint("%s", hint)));
	return false;
}

/*
 * Whether the aggregate engine trains this model: asked for with the option
 * engine, or by default for ALS on a Citus distributed source.  Item-side
 * fairness and the confidences alpha*w and bm25 are the in-memory engine's only.
 */
static bool
UseAggregateEngine(TrainJob *job)
{
	const char *engine = job->topt.engine;

	if (job->kind != ALGO_ALS)
		return false;
	job->distributed_by = CitusDistributionColumn(job->src.relid);
	if (engine != NULL ? strcmp(engine, "aggregates") != 0 : job->distributed_by == NULL)
		return false;
	/* the library is newer than the extension's SQL objects until ALTER EXTENSION UPDATE */
	if (!AlsFitExists())
		return AggregateEngineRefused(engine != NULL, "needs recfair 0.7.0", "Run ALTER EXTENSION recfair UPDATE.");
	if (job->topt.fairness.active || job->aopt.confidence_offset != 1.0 ||
		job->aopt.weighting == ALS_WEIGHTING_BM25)
		return AggregateEngineRefused(engine != NULL,
									  job->topt.fairness.active ? "does not support fairness"
									  : psprintf("does not support confidence \"%s\"", AlsConfidenceName(&job->aopt)),
									  "The in-memory engine (engine \"memory\") does.");
	return true;
}

/*
 * The schema for the aggregate engine's work tables: the option work_schema,
 * or the one CREATE TABLE would use.  The caller must be able to create
 * tables there; a temporary schema cannot hold them (parallel workers and
 * Citus cannot read temporary tables).
 */
static char *
WorkSchema(const char *name)
{
	Oid			nsp = name ? LookupExplicitNamespace(name, false)
		: RangeVarGetCreationNamespace(makeRangeVar(NULL, "recfair_work", -1));

	if (isAnyTempNamespace(nsp))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the aggregate engine cannot create its work tables in a temporary schema"),
				 errhint("Name another schema with options => '{\"work_schema\": \"...\"}'.")));
	if (NamespaceAclCheck(nsp, GetUserId(), ACL_CREATE) != ACLCHECK_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("permission denied for schema %s", get_namespace_name(nsp)),
				 errdetail("The aggregate engine creates its work tables there for the length of the training."),
				 errhint("Name a schema you may create tables in with options => '{\"work_schema\": \"...\"}'.")));
	return get_namespace_name(nsp);
}

/* The in-memory engine trains a distributed source, because Citus said no. */
static void
FallBackNotice(const char *reason)
{
	ereport(NOTICE,
			(errmsg("training on this node: the work tables on the Citus workers could not be made in this transaction"),
			 errdetail("%s", reason),
			 errhint("Call train() in a transaction of its own to train on the workers.")));
}

/*
 * Train with the aggregate engine, which also writes the model's rows.
 * False if, by default on a cluster, it could not start in this
 * transaction: then the in-memory engine trains (with a NOTICE).
 */
static bool
FitWithAggregates(TrainJob *job)
{
	SqlAlsRun	run;
	char	   *reason = NULL;
	AlsSolver	solver = job->aopt.solver;

	memset(&run, 0, sizeof(run));
	job->aggregates = true;
	job->aopt.solver = ALS_SOLVER_CHOLESKY; /* its solves are exact */
	run.model = job->model;
	run.src = &job->src;
	run.opt = &job->aopt;
	run.work_schema = WorkSchema(job->topt.work_schema);
	run.distributed_by = job->distributed_by;
	run.budget = &job->budget;
	INSTR_TIME_SET_CURRENT(job->progress.start);
	job->progress.iterations = job->iterations;
	job->progress.loss = palloc0(sizeof(double) * job->iterations);
	job->progress.label = "loss";
	run.progress = ReportIteration;
	run.progress_arg = &job->progress;
	if (!SqlAlsTrain(&run, job->topt.engine == NULL, &reason))
	{
		FallBackNotice(reason);
		job->aggregates = false;
		job->aopt.solver = solver;
		return false;
	}
	job->data = palloc(sizeof(Interactions));
	*job->data = run.counts;
	job->read_s = run.read_s;
	job->train_s = run.train_s;
	job->write_s = run.write_s;
	if (recfair_progress_notices)
		ereport(NOTICE,
				(errmsg("trained \"%s\" with the aggregate engine%s: %d users, %d items, %lld interactions; "
						"read %.2f s, train %.2f s, write %.2f s",
						job->model, job->distributed_by ? " on the Citus workers" : "", job->data->nusers,
						job->data->nitems, (long long) job->data->nnz, job->read_s, job->train_s, job->write_s)));
	return true;
}

/* Replace the model's factor rows (in the caller's transaction). */
static void
WriteModel(TrainJob *job)
{
	instr_time	phase;

	ProgressSetPhase(PROGRESS_PHASE_WRITING);
	INSTR_TIME_SET_CURRENT(phase);
	DeleteModelFactors(job->model);
	/* ALS's weights as its confidence took them, for explain() */
	StoreUserFactors(job->model, job->data, job->user_factors, job->user_bias,
					 job->kind == ALGO_ALS ? job->data->user_weights : NULL, job->factors);
	StoreItemFactors(job->model, job->data, job->item_factors, job->item_bias, job->factors);
	job->write_s = SecondsSince(phase);

	if (recfair_progress_notices)
		ereport(NOTICE,
				(errmsg("trained \"%s\": %d users, %d items, %lld interactions; read %.2f s, train %.2f s, write %.2f s",
						job->model, job->data->nusers, job->data->nitems, (long long) job->data->nnz,
						job->read_s, job->train_s, job->write_s)));
}

/* The hyperparameters column: every setting used, and how the run went. */
static char *
HyperparametersJson(const TrainJob *job)
{
	StringInfoData hyper;

	initStringInfo(&hyper);
	appendStringInfo(&hyper, "{\"factors\": %d, \"iterations\": %d, \"regularization\": %.9g, ",
					 job->factors, job->iterations,
					 job->kind == ALGO_ALS ? job->aopt.regularization : job->regularization);
	if (job->kind == ALGO_BPR)
	{
		const BprOptions *b = &job->bopt;

		appendStringInfo(&hyper, "\"learning_rate\": %.9g, \"sampling\": \"%s\", ", b->learning_rate,
						 b->sampling == BPR_SAMPLING_POPULARITY ? "popularity" : "uniform");
		if (b->sampling == BPR_SAMPLING_POPULARITY)
			appendStringInfo(&hyper, "\"sampling_exponent\": %.9g, ", b->sampling_exponent);
		appendStringInfo(&hyper, "\"item_bias\": %s, \"threads\": %d, ", b->item_bias ? "true" : "false",
						 b->threads);
		if (job->topt.fairness.active)
			AppendFairTrainingJson(&hyper, &job->topt.fairness);
		if (b->adversarial != PERTURB_NONE)
			appendStringInfo(&hyper, "\"adversarial\": {\"method\": \"%s\", \"eps\": %.9g, \"weight\": %.9g, "
							 "%s\"start_epoch\": %d}, ", PerturbationName(b->adversarial), b->adv_eps, b->adv_weight,
							 b->adversarial == PERTURB_PGD ? psprintf("\"steps\": %d, ", b->adv_steps) : "",
							 b->adv_start_epoch);
	}
	else
	{
		const RatingFairness *rf = &job->topt.rating_fairness;

		if (job->topt.fairness.active)
			AppendFairTrainingJson(&hyper, &job->topt.fairness);
		if (rf->active)
		{
			appendStringInfoString(&hyper, "\"fairness\": {\"user_group_col\": ");
			escape_json(&hyper, rf->user_group_col);
			appendStringInfo(&hyper, ", \"term\": \"%s\", \"lambda\": %.9g, \"epochs\": %d, \"learning_rate\": %.9g, ",
							 RatingTermName(rf->term), rf->lambda, rf->epochs, rf->learning_rate);
			if (isfinite(rf->before) && isfinite(rf->after))
				appendStringInfo(&hyper, "\"training_term_before\": %.6g, \"training_term_after\": %.6g}, ",
								 rf->before, rf->after);
			else
				appendStringInfoString(&hyper, "\"training_term_before\": null, \"training_term_after\": null}, ");
		}
		/* only the settings the algorithm uses: als_explicit and popularity take none of these */
		if (job->kind == ALGO_ALS)
		{
			appendStringInfo(&hyper, "\"weighted_regularization\": %s, \"alpha\": %.9g, \"confidence\": \"%s\", ",
							 job->aopt.weighted_regularization ? "true" : "false", job->aopt.alpha,
							 AlsConfidenceName(&job->aopt));
			if (job->aopt.weighting == ALS_WEIGHTING_LOG)
				appendStringInfo(&hyper, "\"eps\": %.9g, ", job->aopt.eps);
			appendStringInfo(&hyper, "\"solver\": \"%s\", \"cg_steps\": %d, ",
							 job->aopt.solver == ALS_SOLVER_CG ? "cg" : "cholesky", job->aopt.cg_steps);
		}
	}
	if (job->aggregates)
		appendStringInfo(&hyper, "\"engine\": \"aggregates\", \"distributed\": %s, ",
						 job->distributed_by ? "true" : "false");
	if (job->topt.item_features || job->topt.user_features)
	{
		if (job->topt.item_features)
		{
			appendStringInfoString(&hyper, "\"item_features\": ");
			escape_json(&hyper, job->topt.item_features);
			appendStringInfo(&hyper, ", \"cold_items\": %lld, ", (long long) job->item_map.cold_rows);
		}
		if (job->topt.user_features)
		{
			appendStringInfoString(&hyper, "\"user_features\": ");
			escape_json(&hyper, job->topt.user_features);
			appendStringInfo(&hyper, ", \"cold_users\": %lld, ", (long long) job->user_map.cold_rows);
		}
		appendStringInfo(&hyper, "\"feature_regularization\": %.9g, ", job->topt.feature_mu);
	}
	appendStringInfo(&hyper, "\"seed\": " INT64_FORMAT ", \"user_col\": ", job->topt.seed);
	escape_json(&hyper, job->src.user_col);
	appendStringInfoString(&hyper, ", \"item_col\": ");
	escape_json(&hyper, job->src.item_col);
	appendStringInfoString(&hyper, ", \"weight_col\": ");
	if (job->src.weight_col)
		escape_json(&hyper, job->src.weight_col);
	else
		appendStringInfoString(&hyper, "null");
	if (job->kind == ALGO_ALS_EXPLICIT)
		appendStringInfo(&hyper, ", \"global_mean\": %.9g", job->global_mean);
	appendStringInfo(&hyper, ", \"read_seconds\": %.3f, \"train_seconds\": %.3f, \"write_seconds\": %.3f, "
					 "\"rows_read\": %lld, \"rows_null_id\": %lld, \"rows_null_weight\": %lld}",
					 job->read_s, job->train_s, job->write_s, (long long) job->data->rows_read,
					 (long long) job->data->rows_null_id, (long long) job->data->rows_null_weight);
	return hyper.data;
}

/*
 * Insert or update the model's catalog row and return it.  A retrain keeps
 * the owner, and replaces only the model of the owner CheckModelWritable
 * found (40001 if it changed).
 */
static Datum
SaveCatalogRow(TrainJob *job)
{
	Oid			types[18] = {TEXTOID, TEXTOID, JSONBOID, INT4OID, INT8OID, INT8OID, INT8OID,
		TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, FLOAT8OID, FLOAT8ARRAYOID, INT8OID, TIMESTAMPTZOID,
	NAMEOID, NAMEOID};
	Datum		values[18];
	char		nulls[18];
	int			rc;
	bool		owners = ModelsHaveOwners();
	bool		isnull;

	/*
	 * The new version and time first, as parameters: the upsert then calls
	 * no volatile function (Citus runs one on a reference table only if its
	 * functions are immutable), and a retrain takes one version, not two.
	 */
	rc = SPI_execute("SELECT pg_catalog.nextval('recfair.model_version_seq'::pg_catalog.regclass), pg_catalog.now()",
					 false, 1);
	if (rc != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "could not take a model version: %s", SPI_result_code_string(rc));
	values[14] = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	values[15] = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull);
	memset(nulls, ' ', sizeof(nulls));
	values[0] = CStringGetTextDatum(job->model);
	values[1] = CStringGetTextDatum(job->algorithm);
	values[2] = DirectFunctionCall1(jsonb_in, CStringGetDatum(HyperparametersJson(job)));
	values[3] = Int32GetDatum(job->factors);
	values[4] = Int64GetDatum(job->data->nusers);
	values[5] = Int64GetDatum(job->data->nitems);
	values[6] = Int64GetDatum(job->data->nnz);
	values[7] = CStringGetTextDatum(SourceDescription(&job->src));
	values[8] = NullableText(job->topt.users);
	values[9] = NullableText(job->topt.user_key);
	values[10] = NullableText(job->topt.items);
	values[11] = NullableText(job->topt.item_key);
	for (int i = 8; i <= 11; i++)
		if (values[i] == (Datum) 0)
			nulls[i] = 'n';
	values[12] = Float8GetDatum(SecondsSince(job->start));
	values[13] = Float8ArrayDatum(job->progress.loss, job->iterations);
	values[16] = DirectFunctionCall1(namein, CStringGetDatum(CurrentRoleName()));
	values[17] = job->checked_owner ? DirectFunctionCall1(namein, CStringGetDatum(job->checked_owner)) : values[16];

	rc = SPI_execute_with_args(psprintf(
							   "INSERT INTO recfair.models AS m (name, algorithm, hyperparameters, factors, users, items, "
							   "interactions, source, user_table, user_key, item_table, item_key, training_seconds, loss, "
							   "version, trained_at%s) "
							   "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16%s) "
							   "ON CONFLICT (name) DO UPDATE SET algorithm = EXCLUDED.algorithm, "
							   "hyperparameters = EXCLUDED.hyperparameters, factors = EXCLUDED.factors, "
							   "users = EXCLUDED.users, items = EXCLUDED.items, interactions = EXCLUDED.interactions, "
							   "source = EXCLUDED.source, "
	/* a retrain without items/users options keeps the registered tables */
							   "user_table = coalesce(EXCLUDED.user_table, m.user_table), "
							   "user_key = CASE WHEN EXCLUDED.user_table IS NULL THEN m.user_key ELSE EXCLUDED.user_key END, "
							   "item_table = coalesce(EXCLUDED.item_table, m.item_table), "
							   "item_key = CASE WHEN EXCLUDED.item_table IS NULL THEN m.item_key ELSE EXCLUDED.item_key END, "
							   "training_seconds = EXCLUDED.training_seconds, "
							   "loss = EXCLUDED.loss, trained_at = EXCLUDED.trained_at, "
							   "version = EXCLUDED.version%s RETURNING m.*",
							   owners ? ", owner" : "", owners ? ", $17" : "",
							   owners ? " WHERE m.owner OPERATOR(pg_catalog.=) $18" : ""),
							   owners ? 18 : 16, types, values, nulls, false, 0);
	if (rc != SPI_OK_INSERT_RETURNING)
		elog(ERROR, "could not save the model row: %s", SPI_result_code_string(rc));
	if (SPI_processed != 1)
		ereport(ERROR,
				(errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
				 errmsg("could not serialize access due to a concurrent change of model \"%s\"", job->model),
				 errdetail("The model's owner changed while it was being trained."),
				 errhint("Retry the transaction.")));
	return PointerGetDatum(SPI_returntuple(SPI_tuptable->vals[0], SPI_tuptable->tupdesc));
}

/*
 * Cold start from content: with item_features or user_features, the map
 * from the registered table's features to the stored factors, and factors
 * for the rows that have features and no interactions (feature_maps.c).
 */
static void
ApplyFeatureMaps(TrainJob *job)
{
	if (job->topt.item_features)
		TrainFeatureMap(job->model, false, job->topt.items_relid, job->topt.item_key, job->topt.item_features,
						job->topt.feature_mu, job->factors, false, &job->item_map);
	if (job->topt.user_features)
		TrainFeatureMap(job->model, true, job->topt.users_relid, job->topt.user_key, job->topt.user_features,
						job->topt.feature_mu, job->factors, job->kind == ALGO_ALS, &job->user_map);
}

/*
 * The amortized state of the model's earlier versions: no call reads it
 * after the retrain (it is keyed by version), so it goes, where the role
 * may delete it (training does not need that right).
 */
static void
ClearAmortizedState(const char *model)
{
	Oid			relid = RecfairTableOid("fair_exposure");
	Oid			types[1] = {TEXTOID};
	Datum		values[1] = {CStringGetTextDatum(model)};

	if (!OidIsValid(relid) || pg_class_aclcheck(relid, GetUserId(), ACL_DELETE) != ACLCHECK_OK)
		return;
	if (SPI_execute_with_args("DELETE FROM recfair.fair_exposure WHERE model OPERATOR(pg_catalog.=) $1",
							  1, types, values, NULL, false, 0) != SPI_OK_DELETE)
		elog(ERROR, "could not clear the amortized state of model \"%s\"", model);
}

/* The work of recfair_train, inside its progress slot: the phases in order. */
static Datum
Train(FunctionCallInfo fcinfo)
{
	TrainJob	job;
	Datum		result;
	bool		engine;
	int32		index_lists;

	memset(&job, 0, sizeof(job));
	INSTR_TIME_SET_CURRENT(job.start);
	ParseTrainCall(fcinfo, &job);
	ProgressSetModel(job.model, job.kind == ALGO_POPULARITY ? 0 : job.iterations);

	SPI_connect();
	engine = UseAggregateEngine(&job);
	/* a read-only transaction, missing privileges or another's model: fail before reading */
	(void) CheckModelWritable(job.model, "train", true, &job.checked_owner);
	/* a model with an item index gets a new one, with as many lists */
	index_lists = ModelIndexLists(job.model);
	if (!engine || !FitWithAggregates(&job))
	{
		ReadTrainingData(&job);
		Fit(&job);
		WriteModel(&job);
	}
	ApplyFeatureMaps(&job);
	ClearAmortizedState(job.model);
	result = SaveCatalogRow(&job);
	if (index_lists > 0)
		RebuildItemIndex(job.model, index_lists);
	SPI_finish();
	return result;
}

/*
 * recfair.train(): Train() with this backend's recfair.training_progress
 * slot claimed, and cleared however it ends (an error or cancel too).
 */
PG_FUNCTION_INFO_V1(recfair_train);
Datum
recfair_train(PG_FUNCTION_ARGS)
{
	if (PG_NARGS() == train_legacy.old_nargs)
		return CallWithLegacyArgs(fcinfo, &train_legacy, recfair_train);
	return ProgressRun(PROGRESS_COMMAND_TRAIN, Train, fcinfo);
}
