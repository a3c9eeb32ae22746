/*-------------------------------------------------------------------------
 *
 * tune.c
 *	  tune(): choose a model's settings on a validation split of its
 *	  source, then train the best on the whole source.
 *
 * The source is split per user (recfair.split, random, seeded) into two
 * temporary tables; each trial trains a model of its own on the first part
 * and evaluates it on the second (recfair.train and recfair.evaluate, called
 * through SPI with every argument a parameter); the best trial's settings
 * then train the named model on the whole source, and its catalog row
 * records the choice (hyperparameters->'tuned').  Everything happens in the
 * caller's transaction: a cancel or an error leaves no trial model, no
 * split table and the old model; on success the trial model and the tables
 * are dropped before returning.
 *
 * The default grid for als is relative to the data, as the defaults are
 * (docs/design-notes.md, "Defaults"): a first trial with the defaults gives
 * lambda_0 and eps; the coarse stage crosses the confidence (log, linear),
 * the regularization's form (weighted by each row's interactions, or
 * constant: lambda_0 times the mean interactions per user and item, the
 * constant that weighs as much on an average row), lambda x {1/2, 1, 2}
 * and alpha x {1/2, 1, 2} (alpha relative to the confidence's default);
 * the fine stage tries lambda and alpha x {0.7, 1, 1.4} around the best.
 * A grid given as jsonb ({"regularization": [...], "alpha": [...],
 * "factors": [...], "confidence": [...], "weighted_regularization":
 * [...]}) is crossed as given, then refined the same way.  For
 * als_explicit the grid is the regularization (and factors), and the
 * metric defaults to RMSE, lower being better.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "options.h"
#include "progress.h"
#include "relnames.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/tuplestore.h"

/* tune()'s arguments, by position in its SQL signature. */
enum
{
	TUNE_ARG_MODEL,
	TUNE_ARG_SOURCE,
	TUNE_ARG_USER_COL,
	TUNE_ARG_ITEM_COL,
	TUNE_ARG_WEIGHT_COL,
	TUNE_ARG_ALGORITHM,
	TUNE_ARG_FACTORS,
	TUNE_ARG_ITERATIONS,
	TUNE_ARG_GRID,
	TUNE_ARG_BUDGET,
	TUNE_ARG_METRIC,
	TUNE_ARG_K,
	TUNE_ARG_VALIDATION_FRACTION,
	TUNE_ARG_OPTIONS,
	TUNE_ARG_SEED,
	TUNE_ARG_RATING_COL,
	TUNE_ARG_RELEVANT_MIN,
	TUNE_ARG_ITEMS,
	TUNE_ARG_ITEM_KEY,
	TUNE_ARG_USERS,
	TUNE_ARG_USER_KEY,
	TUNE_ARG_SOURCE_QUERY,
	TUNE_NARGS
};

#define MAX_TRIALS 1000

/* One trial's settings; a negative number or NULL is the default. */
typedef struct TuneSettings
{
	double		regularization;
	int			weighted;		/* -1, 0, 1 */
	const char *confidence;
	double		alpha;
	int			factors;
} TuneSettings;

typedef struct Trial
{
	TuneSettings s;
	const char *stage;
	Jsonb	   *recorded;		/* the trial model's hyperparameters */
	double		value;
	bool		evaluated;
} Trial;

typedef struct TuneJob
{
	char	   *model;
	char	   *trial_model;
	Datum		source;			/* regclass, or NULL with source_query */
	bool		source_null;
	char	   *source_query;
	char	   *user_col;
	char	   *item_col;
	char	   *weight_col;
	char	   *algorithm;
	bool		explicit_model;
	int			factors;
	int			iterations;
	Jsonb	   *grid;
	int			budget;
	char	   *metric;			/* as evaluate() names it, e.g. ndcg@10 */
	bool		lower_better;
	int			k;
	double		fraction;
	Jsonb	   *options;
	int64		seed;
	char	   *rating_col;
	bool		relevant_min_null;
	double		relevant_min;
	FunctionCallInfo fcinfo;	/* for items, users and their keys */
	char	   *train_table;	/* the split's parts, temporary */
	Oid			train_oid;
	char	   *test_table;
	Trial	   *trials;
	int			ntrials;
} TuneJob;

static double
ParseNumber(const char *v)
{
	return DatumGetFloat8(DirectFunctionCall1(float8in, CStringGetDatum(v)));
}

static Datum
TextOrNull(const char *s, char *null)
{
	*null = s ? ' ' : 'n';
	return s ? CStringGetTextDatum(s) : (Datum) 0;
}

static Datum
JsonbFromText(const char *text)
{
	return DirectFunctionCall1(jsonb_in, CStringGetDatum(text));
}

/* The trial's settings as train()'s options would take them (a jsonb object's text). */
static char *
SettingsOptions(const TuneJob *job, const TuneSettings *s)
{
	StringInfoData o;
	bool		first = true;

	initStringInfo(&o);
	appendStringInfoChar(&o, '{');
	if (!job->explicit_model)
	{
		if (s->confidence)
		{
			appendStringInfoString(&o, "\"confidence\": ");
			escape_json(&o, s->confidence);
			first = false;
		}
		if (s->alpha >= 0)
		{
			appendStringInfo(&o, "%s\"alpha\": %.9g", first ? "" : ", ", s->alpha);
			first = false;
		}
		if (s->weighted >= 0)
		{
			appendStringInfo(&o, "%s\"weighted_regularization\": %s", first ? "" : ", ",
							 s->weighted ? "true" : "false");
			first = false;
		}
	}
	appendStringInfoChar(&o, '}');
	return o.data;
}

/*
 * Train `model` from `source` (a regclass datum, or source_query when it is
 * NULL) with settings s; returns the model's hyperparameters.
 */
static Jsonb *
TrainWith(const TuneJob *job, const char *model, Datum source, bool source_null, const char *source_query,
		  const TuneSettings *s)
{
	FunctionCallInfo fcinfo = job->fcinfo;
	Oid			types[16] = {TEXTOID, REGCLASSOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, INT4OID, INT4OID,
	FLOAT4OID, JSONBOID, INT8OID, REGCLASSOID, TEXTOID, REGCLASSOID, TEXTOID, TEXTOID};
	Datum		values[16];
	char		nulls[16];
	bool		isnull;
	Jsonb	   *h;

	memset(nulls, ' ', sizeof(nulls));
	values[0] = CStringGetTextDatum(model);
	values[1] = source;
	nulls[1] = source_null ? 'n' : ' ';
	values[2] = CStringGetTextDatum(job->user_col);
	values[3] = CStringGetTextDatum(job->item_col);
	values[4] = TextOrNull(job->weight_col, &nulls[4]);
	values[5] = CStringGetTextDatum(job->algorithm);
	values[6] = Int32GetDatum(s->factors);
	values[7] = Int32GetDatum(job->iterations);
	values[8] = Float4GetDatum((float4) s->regularization);
	nulls[8] = s->regularization < 0 ? 'n' : ' ';
	/* the caller's options, then the trial's settings over them */
	values[9] = DirectFunctionCall2(jsonb_concat, JsonbPGetDatum(job->options),
									JsonbFromText(SettingsOptions(job, s)));
	values[10] = Int64GetDatum(job->seed);
	values[11] = PG_ARGISNULL(TUNE_ARG_ITEMS) ? (Datum) 0 : PG_GETARG_DATUM(TUNE_ARG_ITEMS);
	nulls[11] = PG_ARGISNULL(TUNE_ARG_ITEMS) ? 'n' : ' ';
	values[12] = PG_GETARG_DATUM(TUNE_ARG_ITEM_KEY);
	values[13] = PG_ARGISNULL(TUNE_ARG_USERS) ? (Datum) 0 : PG_GETARG_DATUM(TUNE_ARG_USERS);
	nulls[13] = PG_ARGISNULL(TUNE_ARG_USERS) ? 'n' : ' ';
	values[14] = PG_GETARG_DATUM(TUNE_ARG_USER_KEY);
	values[15] = TextOrNull(source_query, &nulls[15]);
	if (SPI_execute_with_args("SELECT hyperparameters FROM recfair.train($1, $2, user_col => $3, item_col => $4, "
							  "weight_col => $5, algorithm => $6, factors => $7, iterations => $8, "
							  "regularization => $9, options => $10, seed => $11, items => $12, item_key => $13, "
							  "users => $14, user_key => $15, source_query => $16)",
							  16, types, values, nulls, false, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "tune: training failed");
	h = DatumGetJsonbPCopy(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	SPI_freetuptable(SPI_tuptable);
	return h;
}

/* The trial model's metric on the validation part. */
static double
Evaluate(const TuneJob *job)
{
	Oid			types[5] = {TEXTOID, TEXTOID, INT4OID, TEXTOID, FLOAT8OID};
	Datum		values[5];
	char		nulls[5] = {' ', ' ', ' ', ' ', ' '};
	bool		isnull;
	Datum		d;
	double		value;

	values[0] = CStringGetTextDatum(job->trial_model);
	values[1] = CStringGetTextDatum(job->test_table);
	values[2] = Int32GetDatum(job->k);
	values[3] = TextOrNull(job->rating_col, &nulls[3]);
	values[4] = Float8GetDatum(job->relevant_min);
	nulls[4] = job->relevant_min_null ? 'n' : ' ';
	if (SPI_execute_with_args("SELECT pg_catalog.jsonb_object_agg(metric, value) FROM "
							  "recfair.evaluate($1, $2::pg_catalog.regclass, $3, rating_col => $4, relevant_min => $5)",
							  5, types, values, nulls, false, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "tune: evaluation failed");
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	{
		char	   *v = isnull ? NULL : OptionText(DatumGetJsonbP(d), job->metric);

		if (v == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("evaluate() reports no metric \"%s\" for this model", job->metric),
					 errhint("Use a metric evaluate() returns, such as ndcg, precision, recall, map or hit_rate (at k), or rmse for ratings.")));
		value = ParseNumber(v);
	}
	SPI_freetuptable(SPI_tuptable);
	return value;
}

static double
RecordedNumber(Jsonb *h, const char *key, double dflt)
{
	char	   *v = OptionText(h, key);

	return v ? ParseNumber(v) : dflt;
}

static bool
Better(const TuneJob *job, double a, double b)
{
	if (isnan(b))
		return !isnan(a);
	return job->lower_better ? a < b : a > b;
}

/* Run one trial (unless the budget is spent); false when it is. */
static bool
RunTrial(TuneJob *job, const TuneSettings *s, const char *stage)
{
	Trial	   *t;

	if (job->ntrials >= job->budget)
		return false;
	CHECK_FOR_INTERRUPTS();
	t = &job->trials[job->ntrials];
	t->s = *s;
	t->stage = stage;
	t->recorded = TrainWith(job, job->trial_model, ObjectIdGetDatum(job->train_oid), false, NULL, s);
	t->value = Evaluate(job);
	t->evaluated = true;
	job->ntrials++;
	if (recfair_progress_notices)
		ereport(NOTICE,
				(errmsg("tune \"%s\": trial %d (%s): %s %.4f", job->model, job->ntrials, stage, job->metric,
						t->value)));
	return true;
}

static int
BestTrial(const TuneJob *job)
{
	int			best = 0;

	for (int i = 1; i < job->ntrials; i++)
		if (Better(job, job->trials[i].value, job->trials[best].value))
			best = i;
	return best;
}

/* The settings a trial ran with, all explicit (as its model recorded them). */
static TuneSettings
ExplicitSettings(const TuneJob *job, const Trial *t)
{
	TuneSettings s = t->s;
	char	   *w;

	s.regularization = RecordedNumber(t->recorded, "regularization", 0.0);
	if (!job->explicit_model)
	{
		s.alpha = RecordedNumber(t->recorded, "alpha", 1.0);
		s.confidence = OptionText(t->recorded, "confidence");
		w = OptionText(t->recorded, "weighted_regularization");
		s.weighted = w != NULL && strcmp(w, "true") == 0;
	}
	return s;
}

/* The values of grid->key, as text (NIL when absent). */
static List *
GridValues(const TuneJob *job, const char *key)
{
	Oid			types[2] = {JSONBOID, TEXTOID};
	Datum		values[2];
	List	   *out = NIL;

	if (job->grid == NULL || !OptionPresent(job->grid, key))
		return NIL;
	values[0] = JsonbPGetDatum(job->grid);
	values[1] = CStringGetTextDatum(key);
	if (SPI_execute_with_args("SELECT pg_catalog.jsonb_typeof($1 OPERATOR(pg_catalog.->) $2)", 2, types, values, NULL,
							  true, 1) != SPI_OK_SELECT)
		elog(ERROR, "tune: reading the grid failed");
	if (strcmp(SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1), "array") != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("grid key \"%s\" must be an array of values", key)));
	if (SPI_execute_with_args("SELECT pg_catalog.jsonb_array_elements_text($1 OPERATOR(pg_catalog.->) $2)", 2, types,
							  values, NULL, false, 0) != SPI_OK_SELECT)
		elog(ERROR, "tune: reading the grid failed");
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		char	   *v = SPI_getvalue(SPI_tuptable->vals[r], SPI_tuptable->tupdesc, 1);

		if (v == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("grid key \"%s\" holds a null", key)));
		out = lappend(out, v);
	}
	if (out == NIL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("grid key \"%s\" is an empty array", key)));
	return out;
}

static double
GridNumber(const char *key, const char *v, double min, double max)
{
	double		x = ParseNumber(v);

	if (isnan(x) || x < min || x > max)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("grid key \"%s\": %s is not between %g and %g", key, v, min, max)));
	return x;
}

/* Every key of the grid is one the algorithm's grid takes. */
static void
CheckGridKeys(Jsonb *grid, const char *const *known, int nknown, const char *algorithm)
{
	JsonbIterator *it = JsonbIteratorInit(&grid->root);
	JsonbValue	v;
	JsonbIteratorToken tok;

	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		char	   *key;
		bool		found = false;
		StringInfoData list;

		if (tok != WJB_KEY)
			continue;
		key = pnstrdup(v.val.string.val, v.val.string.len);
		for (int i = 0; i < nknown; i++)
			found |= strcmp(key, known[i]) == 0;
		if (found)
			continue;
		initStringInfo(&list);
		for (int i = 0; i < nknown; i++)
			appendStringInfo(&list, "%s%s", i > 0 ? ", " : "", known[i]);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown grid key \"%s\" for algorithm \"%s\"", key, algorithm),
				 errhint("The grid takes: %s.", list.data)));
	}
}

/* The coarse stage from a grid given as jsonb: its cross product. */
static void
GivenGrid(TuneJob *job)
{
	static const char *const keys[] = {"regularization", "alpha", "factors", "confidence", "weighted_regularization"};
	static const char *const explicit_keys[] = {"regularization", "factors"};
	List	   *regs = GridValues(job, "regularization");
	List	   *alphas = job->explicit_model ? NIL : GridValues(job, "alpha");
	List	   *factors = GridValues(job, "factors");
	List	   *confs = job->explicit_model ? NIL : GridValues(job, "confidence");
	List	   *weighted = job->explicit_model ? NIL : GridValues(job, "weighted_regularization");
	ListCell   *a,
			   *b,
			   *c,
			   *d,
			   *e;
	List	   *one = list_make1(NULL);

	if (job->explicit_model)
		CheckGridKeys(job->grid, explicit_keys, lengthof(explicit_keys), job->algorithm);
	else
		CheckGridKeys(job->grid, keys, lengthof(keys), job->algorithm);
	foreach(a, regs ? regs : one)
		foreach(b, alphas ? alphas : one)
		foreach(c, factors ? factors : one)
		foreach(d, confs ? confs : one)
		foreach(e, weighted ? weighted : one)
	{
		TuneSettings s;
		bool		w;

		s.regularization = lfirst(a) ? GridNumber("regularization", lfirst(a), 0, 1e6) : -1.0;
		s.alpha = lfirst(b) ? GridNumber("alpha", lfirst(b), 0, 1e6) : -1.0;
		s.factors = lfirst(c) ? (int) GridNumber("factors", lfirst(c), 1, 1024) : job->factors;
		s.confidence = lfirst(d);
		if (lfirst(e) && !parse_bool(lfirst(e), &w))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("grid key \"weighted_regularization\": %s is not true or false", (char *) lfirst(e))));
		s.weighted = lfirst(e) ? (int) w : -1;
		if (!RunTrial(job, &s, "grid"))
			return;
	}
}

/* The default coarse stage for als (the file's header comment). */
static void
DefaultAlsGrid(TuneJob *job)
{
	static const char *const confs[] = {"log", "linear"};
	static const double steps[] = {0.5, 1.0, 2.0};
	TuneSettings s;
	Jsonb	   *h;
	double		lambda0;
	double		eps;
	double		per_row;

	/* the defaults first: their lambda and eps scale the rest */
	memset(&s, 0, sizeof(s));
	s.regularization = -1.0;
	s.alpha = -1.0;
	s.weighted = -1;
	s.factors = job->factors;
	if (!RunTrial(job, &s, "coarse"))
		return;
	h = job->trials[0].recorded;
	lambda0 = RecordedNumber(h, "regularization", 0.4);
	eps = RecordedNumber(h, "eps", 1.0);
	/* the mean interactions per user and item: a constant lambda that weighs like the weighted one */
	{
		Oid			types[1] = {TEXTOID};
		Datum		values[1] = {CStringGetTextDatum(job->trial_model)};
		bool		isnull;

		if (SPI_execute_with_args("SELECT (2 OPERATOR(pg_catalog.*) interactions)::pg_catalog.float8 OPERATOR(pg_catalog./) "
								  "GREATEST(users OPERATOR(pg_catalog.+) items, 1)::pg_catalog.float8 "
								  "FROM recfair.models WHERE name OPERATOR(pg_catalog.=) $1",
								  1, types, values, NULL, false, 1) != SPI_OK_SELECT || SPI_processed != 1)
			elog(ERROR, "tune: reading the trial model failed");
		per_row = DatumGetFloat8(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	}
	for (int c = 0; c < lengthof(confs); c++)
	{
		bool		log_conf = c == 0;
		double		base_lambda = log_conf ? lambda0 : 0.4;
		double		base_alpha = log_conf ? eps : 1.0;

		for (int weighted = 1; weighted >= 0; weighted--)
			for (int i = 0; i < lengthof(steps); i++)
				for (int j = 0; j < lengthof(steps); j++)
				{
					if (log_conf && weighted && steps[i] == 1.0 && steps[j] == 1.0)
						continue;	/* the defaults, tried first */
					s.confidence = confs[c];
					s.weighted = weighted;
					s.regularization = (float4) (base_lambda * steps[i] * (weighted ? 1.0 : per_row));
					s.alpha = (float4) (base_alpha * steps[j]);
					s.factors = job->factors;
					if (!RunTrial(job, &s, "coarse"))
						return;
				}
	}
}

/* The fine stage: lambda and alpha x {0.7, 1, 1.4} around the best so far. */
static void
FineStage(TuneJob *job)
{
	static const double steps[] = {0.7, 1.0, 1.4};
	TuneSettings best;

	if (job->ntrials == 0)
		return;
	best = ExplicitSettings(job, &job->trials[BestTrial(job)]);
	for (int i = 0; i < lengthof(steps); i++)
		for (int j = 0; j < (job->explicit_model ? 1 : lengthof(steps)); j++)
		{
			TuneSettings s = best;

			if (steps[i] == 1.0 && (job->explicit_model || steps[j] == 1.0))
				continue;
			s.regularization = (float4) (best.regularization * steps[i]);
			if (!job->explicit_model)
				s.alpha = (float4) (best.alpha * steps[j]);
			if (!RunTrial(job, &s, "fine"))
				return;
		}
}

static void
ParseTuneCall(FunctionCallInfo fcinfo, TuneJob *job)
{
	char	   *metric;

	CheckArgsNotNull(fcinfo, TUNE_NARGS,
					 (1U << TUNE_ARG_SOURCE) | (1U << TUNE_ARG_WEIGHT_COL) | (1U << TUNE_ARG_GRID) |
					 (1U << TUNE_ARG_BUDGET) | (1U << TUNE_ARG_METRIC) | (1U << TUNE_ARG_RATING_COL) |
					 (1U << TUNE_ARG_RELEVANT_MIN) | (1U << TUNE_ARG_ITEMS) | (1U << TUNE_ARG_USERS) |
					 (1U << TUNE_ARG_SOURCE_QUERY));
	job->fcinfo = fcinfo;
	job->model = text_to_cstring(PG_GETARG_TEXT_PP(TUNE_ARG_MODEL));
	job->source_null = PG_ARGISNULL(TUNE_ARG_SOURCE);
	job->source = job->source_null ? (Datum) 0 : PG_GETARG_DATUM(TUNE_ARG_SOURCE);
	job->source_query = TextArgOrNull(fcinfo, TUNE_ARG_SOURCE_QUERY);
	if (job->source_null == (job->source_query == NULL))
		ereport(ERROR,
				(errcode(job->source_null ? ERRCODE_NULL_VALUE_NOT_ALLOWED : ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg(job->source_null ? "tune needs a source or a source_query" : "tune takes a source or a source_query, not both")));
	job->user_col = text_to_cstring(PG_GETARG_TEXT_PP(TUNE_ARG_USER_COL));
	job->item_col = text_to_cstring(PG_GETARG_TEXT_PP(TUNE_ARG_ITEM_COL));
	job->weight_col = TextArgOrNull(fcinfo, TUNE_ARG_WEIGHT_COL);
	job->algorithm = text_to_cstring(PG_GETARG_TEXT_PP(TUNE_ARG_ALGORITHM));
	if (strcmp(job->algorithm, "als") == 0)
		job->explicit_model = false;
	else if (strcmp(job->algorithm, "als_explicit") == 0)
		job->explicit_model = true;
	else
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("tune supports algorithms \"als\" and \"als_explicit\", not \"%s\"", job->algorithm),
				 errhint("Train other algorithms over a grid with train() and evaluate() on a split().")));
	job->factors = PG_GETARG_INT32(TUNE_ARG_FACTORS);
	job->iterations = PG_GETARG_INT32(TUNE_ARG_ITERATIONS);
	job->grid = PG_ARGISNULL(TUNE_ARG_GRID) ? NULL : PG_GETARG_JSONB_P(TUNE_ARG_GRID);
	if (job->grid != NULL && !JB_ROOT_IS_OBJECT(job->grid))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("grid must be a jsonb object of arrays"),
				 errhint("For example '{\"regularization\": [0.1, 0.3, 1], \"alpha\": [1, 4]}'.")));
	job->budget = PG_ARGISNULL(TUNE_ARG_BUDGET) ? MAX_TRIALS : PG_GETARG_INT32(TUNE_ARG_BUDGET);
	if (job->budget < 1 || job->budget > MAX_TRIALS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("budget must be between 1 and %d trainings, not %d", MAX_TRIALS, job->budget)));
	job->k = PG_GETARG_INT32(TUNE_ARG_K);
	if (job->k < 1 || job->k > 10000)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("k must be between 1 and 10000, not %d", job->k)));
	metric = PG_ARGISNULL(TUNE_ARG_METRIC) ? pstrdup(job->explicit_model ? "rmse" : "ndcg")
		: text_to_cstring(PG_GETARG_TEXT_PP(TUNE_ARG_METRIC));
	job->lower_better = strcmp(metric, "rmse") == 0 || strcmp(metric, "mae") == 0;
	job->metric = job->lower_better || strchr(metric, '@') ? metric : psprintf("%s@%d", metric, job->k);
	job->fraction = PG_GETARG_FLOAT4(TUNE_ARG_VALIDATION_FRACTION);
	if (!(job->fraction > 0 && job->fraction < 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("validation_fraction must be between 0 and 1 (exclusive)")));
	job->options = PG_GETARG_JSONB_P(TUNE_ARG_OPTIONS);
	job->seed = PG_GETARG_INT64(TUNE_ARG_SEED);
	job->rating_col = TextArgOrNull(fcinfo, TUNE_ARG_RATING_COL);
	job->relevant_min_null = PG_ARGISNULL(TUNE_ARG_RELEVANT_MIN);
	job->relevant_min = job->relevant_min_null ? 0.0 : PG_GETARG_FLOAT8(TUNE_ARG_RELEVANT_MIN);
	if (job->model[0] == '\0')
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("model must not be empty")));
	job->trial_model = psprintf("recfair_tune_%d", MyProcPid);
}

/* The validation split, as two temporary tables. */
static void
Split(TuneJob *job)
{
	char	   *prefix = psprintf("pg_temp.recfair_tune_%d", MyProcPid);
	Oid			types[7] = {REGCLASSOID, TEXTOID, FLOAT4OID, INT8OID, TEXTOID, TEXTOID, TEXTOID};
	Datum		values[7];
	char		nulls[7] = {' ', ' ', ' ', ' ', ' ', ' ', ' '};

	values[0] = job->source;
	nulls[0] = job->source_null ? 'n' : ' ';
	values[1] = CStringGetTextDatum(prefix);
	values[2] = Float4GetDatum((float4) job->fraction);
	values[3] = Int64GetDatum(job->seed);
	values[4] = CStringGetTextDatum(job->user_col);
	values[5] = CStringGetTextDatum(job->item_col);
	values[6] = TextOrNull(job->source_query, &nulls[6]);
	if (SPI_execute_with_args("SELECT pg_catalog.count(*) FROM recfair.split($1, $2, $3, 'random', seed => $4, "
							  "user_col => $5, item_col => $6, source_query => $7)",
							  7, types, values, nulls, false, 1) != SPI_OK_SELECT)
		elog(ERROR, "tune: the validation split failed");
	job->train_table = psprintf("pg_temp.recfair_tune_%d_train", MyProcPid);
	job->test_table = psprintf("pg_temp.recfair_tune_%d_test", MyProcPid);
	SPI_freetuptable(SPI_tuptable);
	job->train_oid = TableOid(job->train_table);
}

static void
EmitTrial(FunctionCallInfo fcinfo, int n, const char *stage, Jsonb *settings, bool has_value, double value,
		  bool chosen)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Datum		values[5];
	bool		nulls[5] = {false, false, false, !has_value, false};

	values[0] = Int32GetDatum(n);
	values[1] = CStringGetTextDatum(stage);
	values[2] = JsonbPGetDatum(settings);
	values[3] = Float8GetDatum(value);
	values[4] = BoolGetDatum(chosen);
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
}

/* The settings worth showing of a model's hyperparameters. */
static Jsonb *
ShownSettings(Jsonb *h)
{
	Oid			types[1] = {JSONBOID};
	Datum		values[1] = {JsonbPGetDatum(h)};
	bool		isnull;
	Jsonb	   *out;

	if (SPI_execute_with_args("SELECT pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object("
							  "'factors', $1 OPERATOR(pg_catalog.->) 'factors', "
							  "'regularization', $1 OPERATOR(pg_catalog.->) 'regularization', "
							  "'weighted_regularization', $1 OPERATOR(pg_catalog.->) 'weighted_regularization', "
							  "'confidence', $1 OPERATOR(pg_catalog.->) 'confidence', "
							  "'alpha', $1 OPERATOR(pg_catalog.->) 'alpha', 'eps', $1 OPERATOR(pg_catalog.->) 'eps'))",
							  1, types, values, NULL, false, 1) != SPI_OK_SELECT)
		elog(ERROR, "tune: formatting settings failed");
	out = DatumGetJsonbPCopy(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	SPI_freetuptable(SPI_tuptable);
	return out;
}

/*
 * tune(model, source, ...): each trial's settings and validation metric,
 * then the final model's settings (trained on the whole source).
 */
PG_FUNCTION_INFO_V1(recfair_tune);
Datum
recfair_tune(PG_FUNCTION_ARGS)
{
	TuneJob		job;
	int			best;
	TuneSettings final;
	Jsonb	   *final_h;

	memset(&job, 0, sizeof(job));
	InitMaterializedSRF(fcinfo, 0);
	ParseTuneCall(fcinfo, &job);
	job.trials = palloc0(sizeof(Trial) * job.budget);

	SPI_connect();
	Split(&job);
	if (job.grid != NULL)
		GivenGrid(&job);
	else if (!job.explicit_model)
		DefaultAlsGrid(&job);
	else
	{
		static const double regs[] = {0.03, 0.06, 0.12, 0.25, 0.5};

		for (int i = 0; i < lengthof(regs); i++)
		{
			TuneSettings s = {regs[i], -1, NULL, -1.0, job.factors};

			if (!RunTrial(&job, &s, "coarse"))
				break;
		}
	}
	FineStage(&job);
	best = BestTrial(&job);

	/* the best on the whole source, recorded */
	final = ExplicitSettings(&job, &job.trials[best]);
	{
		Oid			types[1] = {TEXTOID};
		Datum		values[1] = {CStringGetTextDatum(job.trial_model)};

		if (SPI_execute_with_args("SELECT recfair.drop_model($1)", 1, types, values, NULL, false, 0) != SPI_OK_SELECT)
			elog(ERROR, "tune: dropping the trial model failed");
	}
	final_h = TrainWith(&job, job.model, job.source, job.source_null, job.source_query, &final);
	{
		Oid			types[2] = {TEXTOID, JSONBOID};
		Datum		values[2];
		StringInfoData tuned;

		initStringInfo(&tuned);
		appendStringInfoString(&tuned, "{\"tuned\": {\"metric\": ");
		escape_json(&tuned, job.metric);
		appendStringInfo(&tuned, ", \"validation_value\": %.17g, \"trials\": %d, \"validation_fraction\": %.9g, "
						 "\"seed\": " INT64_FORMAT "}}", job.trials[best].value, job.ntrials, job.fraction, job.seed);
		values[0] = CStringGetTextDatum(job.model);
		values[1] = JsonbFromText(tuned.data);
		if (SPI_execute_with_args("UPDATE recfair.models SET hyperparameters = hyperparameters OPERATOR(pg_catalog.||) $2 "
								  "WHERE name OPERATOR(pg_catalog.=) $1", 2, types, values, NULL, false, 0) != SPI_OK_UPDATE)
			elog(ERROR, "tune: recording the choice failed");
	}
	if (SPI_execute(psprintf("DROP TABLE %s, %s", job.train_table, job.test_table), false, 0) != SPI_OK_UTILITY)
		elog(ERROR, "tune: dropping the validation split failed");

	for (int i = 0; i < job.ntrials; i++)
		EmitTrial(fcinfo, i + 1, job.trials[i].stage, ShownSettings(job.trials[i].recorded), true,
				  job.trials[i].value, i == best);
	EmitTrial(fcinfo, job.ntrials + 1, "final", ShownSettings(final_h), false, 0.0, true);
	SPI_finish();
	return (Datum) 0;
}
