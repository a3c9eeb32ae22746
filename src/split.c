/*-------------------------------------------------------------------------
 *
 * split.c
 *	  recfair.split(): a train/test split of an interaction source into
 *	  <prefix>_train and <prefix>_test, with the source's columns.
 *
 * Per user with n interactions, round(n * test_fraction) of them (halves
 * rounded up, computed in numeric on the shortest decimal form of the
 * fraction, so 0.25 of 10 is 3), at most n - 1, go to test, so a user with
 * a single interaction stays in train:
 * - random: the rows are ordered per user by a seeded hash of the user,
 *   item and (when the source has it) time columns, so that any other
 *   column may be of a type without a hash function (json); deterministic
 *   for a seed, whatever order the source returns rows in; the first ones
 *   go to test;
 * - time: each user's latest rows by the time column go to test (ties
 *   broken by the same hash).
 * The columns the statement adds are named so as not to collide with the
 * source's.
 * One pass: a window query over the source feeds both tables through a
 * writable CTE.  Both tables depend on the extension "automatically"
 * (pg_depend's 'x', as ALTER ... DEPENDS ON EXTENSION records it): that is
 * the registry of split tables (the view recfair.split_tables) that
 * drop_split() trusts, and DROP EXTENSION drops them.  They stay ordinary
 * tables, not members: pg_dump dumps them (and a restore loses the mark).  All names are resolved and quoted; the source is read
 * as train() reads it (a table or view name, or a query).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "catalog/dependency.h"
#include "catalog/pg_class.h"
#include "catalog/pg_extension.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "common/shortest_dec.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "interactions.h"
#include "legacy.h"
#include "lib/stringinfo.h"
#include "options.h"
#include "relnames.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/varlena.h"

/* split()'s arguments, by position in its SQL signature. */
enum
{
	SPLIT_ARG_SOURCE,
	SPLIT_ARG_TARGET_PREFIX,
	SPLIT_ARG_TEST_FRACTION,
	SPLIT_ARG_METHOD,
	SPLIT_ARG_OPTIONS,
	SPLIT_ARG_USER_COL,
	SPLIT_ARG_ITEM_COL,
	SPLIT_ARG_TIME_COL,
	SPLIT_ARG_SEED,
	SPLIT_ARG_SOURCE_QUERY,
	SPLIT_NARGS
};

/* split()'s options; user_col, item_col, time_col and seed were options before 0.6.0. */
static const char *const split_options[] = {"group_col", "cut"};
static const MovedOption moved_options[] = {{"user_col"}, {"item_col"}, {"time_col"}, {"seed"}};

/* split() as 0.5.0 and earlier declared it (legacy.c). */
static const int split_legacy_args[] = {
	-1, SPLIT_ARG_TARGET_PREFIX, SPLIT_ARG_TEST_FRACTION, SPLIT_ARG_METHOD, SPLIT_ARG_OPTIONS
};
static const LegacyArg split_legacy_defaults[] = {
	{SPLIT_ARG_USER_COL, TEXTOID, "user_id"}, {SPLIT_ARG_ITEM_COL, TEXTOID, "item_id"},
	{SPLIT_ARG_TIME_COL, TEXTOID, "ts"}, {SPLIT_ARG_SEED, INT8OID, "42"}, {-1}
};
static const LegacyArg split_legacy_moved[] = {
	{SPLIT_ARG_USER_COL, TEXTOID, "user_col"}, {SPLIT_ARG_ITEM_COL, TEXTOID, "item_col"},
	{SPLIT_ARG_TIME_COL, TEXTOID, "time_col"}, {SPLIT_ARG_SEED, INT8OID, "seed"}, {-1}
};
static const LegacySignature split_legacy = {
	lengthof(split_legacy_args), SPLIT_NARGS, split_legacy_args, 0, SPLIT_ARG_SOURCE, SPLIT_ARG_SOURCE_QUERY,
	SPLIT_ARG_OPTIONS, SPLIT_ARG_OPTIONS, split_legacy_defaults, split_legacy_moved
};

/* The index in desc of a column, or -1. */
static int
FindColumn(TupleDesc desc, const char *name)
{
	for (int i = 0; i < desc->natts; i++)
		if (!TupleDescAttr(desc, i)->attisdropped &&
			strcmp(NameStr(TupleDescAttr(desc, i)->attname), name) == 0)
			return i;
	return -1;
}

static bool
HasColumn(TupleDesc desc, const char *name)
{
	return FindColumn(desc, name) >= 0;
}

/* base, or base_1, base_2 ...: the first that is not a column of desc */
static char *
UnusedColumnName(TupleDesc desc, const char *base)
{
	char	   *name = pstrdup(base);

	for (int i = 1; HasColumn(desc, name); i++)
		name = psprintf("%s_%d", base, i);
	return name;
}

/* One split() call: its arguments, the source's columns and the tables made. */
typedef struct SplitJob
{
	InteractionSource src;		/* only the relation or query are used */
	char	   *from;			/* the source as a FROM item aliased src */
	double		fraction;
	bool		by_time;		/* each user's latest rows (method time) */
	bool		global_time;	/* one cut in time for all users (method time_global) */
	char	   *cut;			/* time_global: options->>'cut', or NULL for the quantile */
	char	   *group_col;		/* options->>'group_col': rows of a group stay together */
	char	   *user_col;
	char	   *item_col;
	char	   *time_col;
	int64		seed;
	char	   *train_table;
	char	   *test_table;
	TupleDesc	desc;			/* the source's columns (DescribeSource) */
} SplitJob;

/* A column name argument, checked for length. */
static char *
ColumnArg(FunctionCallInfo fcinfo, int n)
{
	char	   *col = text_to_cstring(PG_GETARG_TEXT_PP(n));

	CheckColumnNameLength(col);
	return col;
}

/* Read and check the arguments and options: everything that needs no data. */
static void
ParseSplitCall(FunctionCallInfo fcinfo, SplitJob *job)
{
	char	   *prefix;
	char	   *method;

	CheckArgsNotNull(fcinfo, SPLIT_NARGS, (1U << SPLIT_ARG_SOURCE) | (1U << SPLIT_ARG_SOURCE_QUERY));
	SourceFromArgs(fcinfo, SPLIT_ARG_SOURCE, SPLIT_ARG_SOURCE_QUERY, &job->src);
	prefix = text_to_cstring(PG_GETARG_TEXT_PP(SPLIT_ARG_TARGET_PREFIX));
	job->fraction = PG_GETARG_FLOAT4(SPLIT_ARG_TEST_FRACTION);
	method = text_to_cstring(PG_GETARG_TEXT_PP(SPLIT_ARG_METHOD));

	if (isnan(job->fraction) || job->fraction < 0.0 || job->fraction >= 1.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("test_fraction must be at least 0 and below 1, not %g", job->fraction)));
	if (strcmp(method, "random") == 0)
		job->by_time = false;
	else if (strcmp(method, "time") == 0)
		job->by_time = true;
	else if (strcmp(method, "time_global") == 0)
		job->global_time = true;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown split method \"%s\"", method),
				 errhint("Use \"random\" (per user, seeded), \"time\" (each user's latest interactions) or \"time_global\" (one cut in time for everyone).")));
	{
		Jsonb	   *options = PG_GETARG_JSONB_P(SPLIT_ARG_OPTIONS);

		CheckOptionKeys(options, split_options, lengthof(split_options), moved_options, lengthof(moved_options));
		job->group_col = OptionText(options, "group_col");
		job->cut = OptionText(options, "cut");
		if (job->group_col != NULL)
			CheckColumnNameLength(job->group_col);
		if (job->cut != NULL && !job->global_time)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("option \"cut\" applies to method \"time_global\" only")));
	}
	job->user_col = ColumnArg(fcinfo, SPLIT_ARG_USER_COL);
	job->item_col = ColumnArg(fcinfo, SPLIT_ARG_ITEM_COL);
	job->time_col = ColumnArg(fcinfo, SPLIT_ARG_TIME_COL);
	job->seed = PG_GETARG_INT64(SPLIT_ARG_SEED);
	job->train_table = PrefixedTableName(prefix, "train");
	job->test_table = PrefixedTableName(prefix, "test");
}

/* Error unless the source has the column that an option (or its default) names. */
static void
RequireColumn(const SplitJob *job, const char *col, const char *arg, const char *what)
{
	if (HasColumn(job->desc, col))
		return;
	if (OidIsValid(job->src.relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of relation \"%s\" does not exist", col, get_rel_name(job->src.relid)),
				 errhint("Name the %s column with %s => '...'.", what, arg)));
	ereport(ERROR,
			(errcode(ERRCODE_UNDEFINED_COLUMN),
			 errmsg("column \"%s\" does not exist in the source query", col),
			 errhint("Name the %s column with %s => '...'.", what, arg)));
}

/*
 * The source's columns.  The probe is prepared first: a source that is
 * more than one statement (text that closes the parenthesis around it) is
 * refused before any of it runs; the statements below embed the same text.
 */
static void
DescribeSource(SplitJob *job)
{
	SPIPlanPtr	probe;
	int			rc;

	job->from = SourceFromClause(&job->src);
	probe = SPI_prepare(psprintf("SELECT src.* FROM %s LIMIT 0", job->from), 0, NULL);
	if (probe == NULL)
		elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
	if (list_length(SPI_plan_get_plan_sources(probe)) != 1)
		ereport(ERROR,
				(errcode(ERRCODE_SYNTAX_ERROR),
				 errmsg("a source query must be a single query")));
	rc = SPI_execute_plan(probe, NULL, NULL, true, 0);
	if (rc != SPI_OK_SELECT)
		ereport(ERROR,
				(errcode(ERRCODE_SYNTAX_ERROR),
				 errmsg("a source query must be a single query")));
	job->desc = CreateTupleDescCopy(SPI_tuptable->tupdesc);
	RequireColumn(job, job->user_col, "user_col", "user");
	RequireColumn(job, job->item_col, "item_col", "item");
	if (job->by_time || job->global_time)
		RequireColumn(job, job->time_col, "time_col", "timestamp");
	if (job->group_col != NULL && !HasColumn(job->desc, job->group_col))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" does not exist in the source", job->group_col),
				 errhint("Name the column whose rows stay together with options => '{\"group_col\": \"...\"}'.")));
}

/*
 * Fill the train and test tables (created empty with the source's columns)
 * in one statement: per user, the rows in seeded-hash order of the key
 * columns (or latest first by time), the first round(n x fraction), at most
 * n - 1, to test.  Returns the number of test rows.
 */
static int64
FillSplitTables(const SplitJob *job)
{
	StringInfoData hashed;
	StringInfoData cols;
	StringInfoData sql;
	char	   *rank_col = UnusedColumnName(job->desc, "recfair_split_rank");
	char	   *count_col = UnusedColumnName(job->desc, "recfair_split_count");
	char	   *test_col = UnusedColumnName(job->desc, "recfair_split_test");
	char	   *time_col = UnusedColumnName(job->desc, "recfair_split_time");
	char		fraction_text[FLOAT_SHORTEST_DECIMAL_LEN];
	const char *user = quote_identifier(job->user_col);
	const char *group = job->group_col ? quote_identifier(job->group_col) : NULL;
	const char *assigned;

	initStringInfo(&cols);
	for (int i = 0; i < job->desc->natts; i++)
	{
		if (TupleDescAttr(job->desc, i)->attisdropped)
			continue;
		appendStringInfo(&cols, "%s%s", cols.len > 0 ? ", " : "",
						 quote_identifier(NameStr(TupleDescAttr(job->desc, i)->attname)));
	}
	float_to_shortest_decimal_buf((float) job->fraction, fraction_text);

	if (job->global_time)
	{
		/*
		 * One cut for everyone: a row (or its group, by the group's latest
		 * time) is in test from the cut on; the cut is options->>'cut', or
		 * the time below which 1 - fraction of the rows fall
		 */
		const char *unit_time = group
			? psprintf("pg_catalog.max(src.%s) OVER (PARTITION BY src.%s, src.%s)", quote_identifier(job->time_col), user, group)
			: psprintf("src.%s", quote_identifier(job->time_col));
		char	   *cut;

		if (job->cut)
			cut = psprintf("%s::%s", quote_literal_cstr(job->cut),
						   format_type_be_qualified(TupleDescAttr(job->desc, FindColumn(job->desc, job->time_col))->atttypid));
		else
			cut = psprintf("(SELECT pg_catalog.percentile_disc(1::pg_catalog.float8 OPERATOR(pg_catalog.-) '%s'::pg_catalog.float8) "
						   "WITHIN GROUP (ORDER BY src.%s) FROM %s)", fraction_text, quote_identifier(job->time_col), job->from);
		assigned = psprintf("WITH timed AS (SELECT src.*, %s AS %s FROM %s),"
							" assigned AS (SELECT timed.*, coalesce(timed.%s OPERATOR(pg_catalog.>=) %s, false) AS %s FROM timed)",
							unit_time, quote_identifier(time_col), job->from,
							quote_identifier(time_col), cut, quote_identifier(test_col));
		/* coalesce is SQL syntax, not a function: a NULL time stays in train */
	}
	else
	{
		/* the units: rows, or groups of rows; ordered per user by a seeded hash of their key columns (or latest first) */
		initStringInfo(&hashed);
		if (group)
			appendStringInfo(&hashed, "src.%s, src.%s", user, group);
		else
		{
			appendStringInfo(&hashed, "src.%s, src.%s", user, quote_identifier(job->item_col));
			if (HasColumn(job->desc, job->time_col))
				appendStringInfo(&hashed, ", src.%s", quote_identifier(job->time_col));
		}
		assigned = psprintf("WITH timed AS (SELECT src.*%s FROM %s),"
							" ranked AS (SELECT src.*, pg_catalog.%s() OVER (PARTITION BY src.%s ORDER BY %s"
							"pg_catalog.hash_record_extended(ROW(%s), '" INT64_FORMAT "'::pg_catalog.int8)) AS %s FROM timed src),"
							" counted AS (SELECT ranked.*, %s OVER (PARTITION BY ranked.%s) AS %s FROM ranked),"
							" assigned AS (SELECT counted.*, counted.%s OPERATOR(pg_catalog.<=)"
							" CASE WHEN counted.%s OPERATOR(pg_catalog.<) '2'::pg_catalog.int8"
							" THEN '0'::pg_catalog.int8"
							" ELSE LEAST(counted.%s OPERATOR(pg_catalog.-) '1'::pg_catalog.int8,"
							" pg_catalog.round(counted.%s::pg_catalog.numeric OPERATOR(pg_catalog.*)"
							" '%s'::pg_catalog.numeric)::pg_catalog.int8) END"
							" AS %s FROM counted)",
							job->by_time && group
							? psprintf(", pg_catalog.max(src.%s) OVER (PARTITION BY src.%s, src.%s) AS %s",
									   quote_identifier(job->time_col), user, group, quote_identifier(time_col))
							: job->by_time ? psprintf(", src.%s AS %s", quote_identifier(job->time_col), quote_identifier(time_col)) : "",
							job->from,
							group ? "dense_rank" : "row_number", user,
							job->by_time ? psprintf("src.%s DESC NULLS LAST, ", quote_identifier(time_col)) : "",
							hashed.data, job->seed, quote_identifier(rank_col),
							/* the units per user: the highest dense rank, or the rows */
							group ? psprintf("pg_catalog.max(ranked.%s)", quote_identifier(rank_col)) : "pg_catalog.count(*)",
							user, quote_identifier(count_col),
							quote_identifier(rank_col), quote_identifier(count_col), quote_identifier(count_col),
							quote_identifier(count_col), fraction_text, quote_identifier(test_col));
	}
	initStringInfo(&sql);
	appendStringInfo(&sql, "%s, to_train AS (INSERT INTO %s SELECT %s FROM assigned WHERE NOT assigned.%s)"
					 " INSERT INTO %s SELECT %s FROM assigned WHERE assigned.%s",
					 assigned, job->train_table, cols.data, quote_identifier(test_col),
					 job->test_table, cols.data, quote_identifier(test_col));
	RunTableSql(sql.data, SPI_OK_INSERT);
	return (int64) SPI_processed;
}

/* Mark a table split() made: dropped with the extension, listed in split_tables. */
static void
RegisterSplitTable(Oid relid)
{
	ObjectAddress table;
	ObjectAddress extension;

	ObjectAddressSet(table, RelationRelationId, relid);
	ObjectAddressSet(extension, ExtensionRelationId, get_extension_oid("recfair", false));
	recordDependencyOn(&table, &extension, DEPENDENCY_AUTO_EXTENSION);
}

/*
 * split(source, target_prefix, test_fraction, method, options, user_col,
 * item_col, time_col, seed, source_query): train and test tables.
 */
PG_FUNCTION_INFO_V1(recfair_split);
Datum
recfair_split(PG_FUNCTION_ARGS)
{
	SplitJob	job;
	int64		ntest;
	int64		ntrain;
	bool		isnull;

	if (PG_NARGS() == split_legacy.old_nargs)
		return CallWithLegacyArgs(fcinfo, &split_legacy, recfair_split);
	memset(&job, 0, sizeof(job));
	ParseSplitCall(fcinfo, &job);
	InitMaterializedSRF(fcinfo, 0);
	SPI_connect();
	DescribeSource(&job);
	RunTableSql(psprintf("CREATE TABLE %s AS SELECT src.* FROM %s WITH NO DATA", job.train_table, job.from),
				SPI_OK_UTILITY);
	RunTableSql(psprintf("CREATE TABLE %s AS SELECT src.* FROM %s WITH NO DATA", job.test_table, job.from),
				SPI_OK_UTILITY);
	RegisterSplitTable(TableOid(job.train_table));
	RegisterSplitTable(TableOid(job.test_table));
	ntest = FillSplitTables(&job);
	RunTableSql(psprintf("SELECT pg_catalog.count(*) FROM %s", job.train_table), SPI_OK_SELECT);
	ntrain = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	RunTableSql(psprintf("ANALYZE %s, %s", job.train_table, job.test_table), SPI_OK_UTILITY);

	ReportTable(fcinfo, TableOid(job.train_table), ntrain);
	ReportTable(fcinfo, TableOid(job.test_table), ntest);
	SPI_finish();
	return (Datum) 0;
}
