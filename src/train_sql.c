/*-------------------------------------------------------------------------
 *
 * train_sql.c
 *	  train()'s aggregate engine: implicit ALS run as SQL queries over
 *	  recfair's ALS aggregates (als_agg.c), so that the work happens where
 *	  the data is.
 *
 * The interactions are first summed per (user, item) into two work tables:
 * one laid out by user, one by item.  Each half-step is then one query,
 *
 *	  SELECT t.user_id, als_solve(als_normal(o.factors, t.weight, alpha), $gram, lambda)
 *	  FROM by_user t JOIN items o ON t.item_id = o.item_id GROUP BY t.user_id
 *
 * with the other side's Gram matrix computed first and passed in as a
 * parameter; the same for items over the layout by item.
 *
 * On a Citus cluster (the source distributed by hash) the layouts are
 * distributed tables, each by its own id, so that every group of a
 * half-step lives on one worker and the query runs there whole: no partial
 * normal equations cross the network (grouping by item over rows
 * distributed by user would ship one k x k state per item and shard).  The
 * factors of the side that is not being solved are a reference table,
 * copied to every node.  The layout by user is co-located with a source
 * distributed by user, so that summing the source into it is pushed down
 * too; the layout by item gets as few shards as its memory allows
 * (FillByItem).  Citus runs the session's statements on the workers
 * over one connection per node (sequential mode): the work tables are
 * created and written in this transaction, and a placement written over one
 * connection must be read over the same one.
 *
 * The layouts are stored in the order of their key, so that each group's
 * rows reach its aggregate together (InsertInOrder), and the half-steps
 * run with settings of their own (SetHalfStepSettings).  The loss comes
 * from partial sums: the item half-step keeps each item's als_fit.
 *
 * On one node the layouts are unlogged tables and each half-step is a
 * CREATE TABLE AS, which PostgreSQL may plan with parallel query (the
 * aggregates have combine functions), unlike INSERT ... SELECT.
 *
 * The work tables live in the caller's transaction: an error or a cancel
 * drops them with everything else, and the new model becomes visible at
 * commit, as with the in-memory engine.
 *
 * The solves are exact (Cholesky in double precision), as the in-memory
 * engine's "cholesky" solver; with the same seed the two give the same
 * model to rounding (test/citus/train.sql).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "access/xact.h"
#include "catalog/pg_type.h"
#include "ceilings.h"
#include "embedding.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "model_store.h"
#include "portability/instr_time.h"
#include "progress.h"
#include "train_sql.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/resowner.h"

/* The work tables of one run. */
typedef struct WorkTables
{
	char	   *by_user;
	char	   *by_item;
	char	   *users;
	char	   *items;
	bool		cluster;
	bool		by_user_colocated;	/* with the source: summing into it is pushed down */
	const char *schema;
	const char *prefix;
} WorkTables;

static void
Run(const char *sql, int nargs, Oid *types, Datum *values, int expected)
{
	int			rc;
	instr_time	start;

	CHECK_FOR_INTERRUPTS();
	INSTR_TIME_SET_CURRENT(start);
	rc = SPI_execute_with_args(sql, nargs, types, values, NULL, false, 0);
	if (rc != expected)
		elog(ERROR, "SPI_execute_with_args failed (%s): %s", SPI_result_code_string(rc), sql);
	elog(DEBUG1, "aggregate engine: %.3f s for %s", SecondsSince(start), sql);
}

/* The first column of the one row a query returns, copied; NULL sets *isnull. */
static Datum
RunScalar(const char *sql, int nargs, Oid *types, Datum *values, bool *isnull)
{
	Form_pg_attribute att;
	Datum		d;

	Run(sql, nargs, types, values, SPI_OK_SELECT);
	if (SPI_processed != 1)
		elog(ERROR, "expected one row from: %s", sql);
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, isnull);
	att = TupleDescAttr(SPI_tuptable->tupdesc, 0);
	return *isnull ? (Datum) 0 : datumCopy(d, att->attbyval, att->attlen);
}

static int64
RunCount(const char *sql)
{
	bool		isnull;
	Datum		d = RunScalar(sql, 0, NULL, NULL, &isnull);

	return isnull ? 0 : DatumGetInt64(d);
}

/* A source column as src."name". */
static char *
Col(const char *name)
{
	return psprintf("src.%s", quote_identifier(name));
}

/*
 * The types of the source's columns, checked as the in-memory reader
 * checks them; the id types become the work tables' (so that a layout can
 * be co-located with the source).
 */
static void
SourceTypes(const InteractionSource *src, char **user_type, char **item_type)
{
	TupleDesc	desc;

	Run(psprintf("SELECT %s, %s%s%s FROM %s LIMIT 0", Col(src->user_col), Col(src->item_col),
				 src->weight_col ? ", " : "", src->weight_col ? Col(src->weight_col) : "",
				 SourceFromClause(src)), 0, NULL, NULL, SPI_OK_SELECT);
	desc = SPI_tuptable->tupdesc;
	CheckIdType(TupleDescAttr(desc, 0)->atttypid, src->user_col);
	CheckIdType(TupleDescAttr(desc, 1)->atttypid, src->item_col);
	if (src->weight_col)
		CheckWeightType(TupleDescAttr(desc, 2)->atttypid, src->weight_col);
	*user_type = format_type_be(TupleDescAttr(desc, 0)->atttypid);
	*item_type = format_type_be(TupleDescAttr(desc, 1)->atttypid);
}

static void
CreateWorkTables(WorkTables *w, const char *schema, const InteractionSource *src,
				 const char *distributed_by, const char *user_type, const char *item_type)
{
	const char *prefix = psprintf("recfair_als_%d_", MyProcPid);
	const char *persistence = w->cluster ? "" : "UNLOGGED ";

	w->schema = schema;
	w->prefix = prefix;
	w->by_user = quote_qualified_identifier(schema, psprintf("%sby_user", prefix));
	w->by_item = quote_qualified_identifier(schema, psprintf("%sby_item", prefix));
	w->users = quote_qualified_identifier(schema, psprintf("%susers", prefix));
	w->items = quote_qualified_identifier(schema, psprintf("%sitems", prefix));
	Run(psprintf("CREATE %sTABLE %s (user_id %s NOT NULL, item_id %s NOT NULL, weight real NOT NULL, "
				 "nrows bigint NOT NULL)", persistence, w->by_user, user_type, item_type),
		0, NULL, NULL, SPI_OK_UTILITY);
	Run(psprintf("CREATE %sTABLE %s (item_id %s NOT NULL, user_id %s NOT NULL, weight real NOT NULL)",
				 persistence, w->by_item, item_type, user_type), 0, NULL, NULL, SPI_OK_UTILITY);
	/* on a cluster with a key, for the half-steps' index lookups (SetHalfStepSettings) */
	Run(psprintf("CREATE %sTABLE %s (user_id %s NOT NULL%s, factors recfair.embedding NOT NULL, n bigint)",
				 persistence, w->users, user_type, w->cluster ? " PRIMARY KEY" : ""), 0, NULL, NULL, SPI_OK_UTILITY);
	Run(psprintf("CREATE %sTABLE %s (item_id %s NOT NULL%s, factors recfair.embedding NOT NULL, n bigint, "
				 "fit double precision)",
				 persistence, w->items, item_type, w->cluster ? " PRIMARY KEY" : ""), 0, NULL, NULL, SPI_OK_UTILITY);
	if (w->cluster)
	{
		/*
		 * The layout by user co-located with a source distributed by user,
		 * so that summing the source into it is pushed down; the layout by
		 * item is distributed once the items are counted (DistributeByItem).
		 */
		const char *source = quote_literal_cstr(SourceDescription(src));
		bool		by_user = strcmp(distributed_by, src->user_col) == 0;

		w->by_user_colocated = by_user;
		Run(psprintf("SELECT pg_catalog.create_distributed_table(%s::pg_catalog.regclass, 'user_id', colocate_with => %s)",
					 quote_literal_cstr(w->by_user), by_user ? source : "'default'"),
			0, NULL, NULL, SPI_OK_SELECT);
		Run(psprintf("SELECT pg_catalog.create_reference_table(%s::pg_catalog.regclass)", quote_literal_cstr(w->users)),
			0, NULL, NULL, SPI_OK_SELECT);
		Run(psprintf("SELECT pg_catalog.create_reference_table(%s::pg_catalog.regclass)", quote_literal_cstr(w->items)),
			0, NULL, NULL, SPI_OK_SELECT);
	}
}

/*
 * INSERT INTO table the rows of a SELECT, stored in the order of its first
 * columns (ORDER BY order) within each shard, and return how many.  The
 * half-steps' hash joins then hand each group's rows to its aggregate one
 * after another, so that the group's k x k state stays in the CPU's cache
 * (3.3 times faster than rows in random order, measured at 64 factors).  On
 * a cluster, a SELECT that Citus cannot push down into the table's shards
 * (it repartitions rows, and a shard takes the pieces in any order) goes
 * into a co-located table first, which is then copied in order.
 */
static uint64
InsertInOrder(const WorkTables *w, const char *table, const char *dist_col, const char *select,
			  const char *order, bool pushed_down)
{
	char	   *staging;
	uint64		n;

	if (!w->cluster || pushed_down)
	{
		Run(psprintf("INSERT INTO %s %s ORDER BY %s", table, select, order), 0, NULL, NULL, SPI_OK_INSERT);
		return SPI_processed;
	}
	staging = quote_qualified_identifier(w->schema, psprintf("%sstaging", w->prefix));
	Run(psprintf("CREATE TABLE %s (LIKE %s)", staging, table), 0, NULL, NULL, SPI_OK_UTILITY);
	Run(psprintf("SELECT pg_catalog.create_distributed_table(%s::pg_catalog.regclass, %s, colocate_with => %s)",
				 quote_literal_cstr(staging), quote_literal_cstr(dist_col), quote_literal_cstr(table)),
		0, NULL, NULL, SPI_OK_SELECT);
	Run(psprintf("INSERT INTO %s %s", staging, select), 0, NULL, NULL, SPI_OK_INSERT);
	n = SPI_processed;
	Run(psprintf("INSERT INTO %s SELECT * FROM %s ORDER BY %s", table, staging, order), 0, NULL, NULL, SPI_OK_INSERT);
	Run(psprintf("DROP TABLE %s", staging), 0, NULL, NULL, SPI_OK_UTILITY);
	return n;
}

/*
 * Sum the source per (user, item) into the layout by user; the counts, the
 * NOTICEs and the errors are the in-memory reader's.
 */
static void
FillLayouts(const WorkTables *w, const InteractionSource *src, Interactions *counts)
{
	const char *u = Col(src->user_col);
	const char *i = Col(src->item_col);
	const char *wt = src->weight_col ? Col(src->weight_col) : NULL;
	const char *from = SourceFromClause(src);
	/* a weight is valid if finite, non-negative and within a real (NaN sorts above every number) */
	const char *valid = wt ? psprintf("(%s::pg_catalog.float8 OPERATOR(pg_catalog.>=) 0 AND %s::pg_catalog.float8 "
									  "OPERATOR(pg_catalog.<=) %.17g)", wt, wt, (double) FLT_MAX) : NULL;
	int64		null_id;
	int64		null_weight = 0;
	int64		invalid = 0;
	bool		isnull;
	Datum		d;

	Run(psprintf("SELECT pg_catalog.count(*), pg_catalog.count(*) FILTER (WHERE %s IS NULL OR %s IS NULL)%s "
				 "FROM %s", u, i,
				 wt ? psprintf(", pg_catalog.count(*) FILTER (WHERE %s IS NOT NULL AND %s IS NOT NULL AND %s IS NULL), "
							   "pg_catalog.count(*) FILTER (WHERE %s IS NOT NULL AND %s IS NOT NULL AND NOT %s)",
							   u, i, wt, u, i, valid) : "",
				 from), 0, NULL, NULL, SPI_OK_SELECT);
	null_id = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
	if (wt)
	{
		null_weight = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3, &isnull));
		invalid = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 4, &isnull));
	}
	if (invalid > 0)
	{
		Run(psprintf("SELECT %s::pg_catalog.float8, %s::pg_catalog.int8, %s::pg_catalog.int8 FROM %s "
					 "WHERE %s IS NOT NULL AND %s IS NOT NULL AND NOT %s LIMIT 1", wt, u, i, from, u, i, valid),
			0, NULL, NULL, SPI_OK_SELECT);
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("invalid weight %s for user %s and item %s",
						SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1),
						SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2),
						SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3)),
				 errdetail("Weights must be finite, non-negative numbers.")));
	}

	/* summed in double, as the in-memory reader does; a sum beyond a real fails the cast (22003) */
	counts->nnz = (int64) InsertInOrder(w, w->by_user, "user_id",
										psprintf("SELECT %s, %s, %s, pg_catalog.count(*) FROM %s "
												 "WHERE %s IS NOT NULL AND %s IS NOT NULL%s%s GROUP BY %s, %s",
												 u, i,
												 wt ? psprintf("pg_catalog.sum(%s::pg_catalog.float8)::pg_catalog.float4", wt)
												 : "pg_catalog.count(*)::pg_catalog.float4",
												 from, u, i, wt ? " AND " : "", wt ? psprintf("%s IS NOT NULL", wt) : "", u, i),
										"1, 2", w->by_user_colocated);
	counts->rows_null_id = null_id;
	counts->rows_null_weight = null_weight;
	counts->rows_read = RunCount(psprintf("SELECT pg_catalog.sum(nrows)::pg_catalog.int8 FROM %s", w->by_user));
	ReportSkippedRows(src, null_id, null_weight, counts->rows_read);

	Run(psprintf("SELECT pg_catalog.count(*), pg_catalog.sum(s.w) FROM "
				 "(SELECT user_id, pg_catalog.sum(weight::pg_catalog.float8) AS w FROM %s GROUP BY user_id) s",
				 w->by_user), 0, NULL, NULL, SPI_OK_SELECT);
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	if (DatumGetInt64(d) > PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many distinct user ids")));
	counts->nusers = (int32) DatumGetInt64(d);
	counts->total_weight = DatumGetFloat8(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
}

/*
 * Bytes to budget per group for an als_normal state of k factors: twice the
 * state's 8 (k^2 + k + 2) bytes, headroom for the hash table's own entries.
 */
static double
NormalStateBytes(int k)
{
	return 2.0 * 8.0 * ((double) k * k + k + 2) + 64.0;
}

/*
 * The layout by item: on a cluster in as many shards as keep a task's
 * normal equations (about 2 x 8 k^2 bytes per item) within
 * ITEM_STATES_PER_TASK, and no fewer than there are workers.  Each task
 * hashes all the user factors, so more shards than that only repeat that
 * work (at 32 shards it was half of the item half-step's time).  Then the
 * copy, and statistics for both layouts, so that the half-steps hash the
 * other side's factors instead of sorting both sides.
 */
#define ITEM_STATES_PER_TASK (256.0 * 1024 * 1024)

static void
FillByItem(const WorkTables *w, const AlsOptions *opt, const Interactions *counts)
{
	if (w->cluster)
	{
		int64		workers = RunCount("SELECT pg_catalog.count(*)::pg_catalog.int8 FROM pg_catalog.citus_get_active_worker_nodes()");
		double		state = NormalStateBytes(opt->factors);
		double		needed = ceil(counts->nitems * state / ITEM_STATES_PER_TASK);
		int			shards;

		workers = Max(workers, 1);
		shards = (int) Min(Max(ceil(needed / workers) * workers, (double) workers), 1024.0);
		Run(psprintf("SELECT pg_catalog.create_distributed_table(%s::pg_catalog.regclass, 'item_id', "
					 "colocate_with => 'none', shard_count => %d)", quote_literal_cstr(w->by_item), shards),
			0, NULL, NULL, SPI_OK_SELECT);
	}
	(void) InsertInOrder(w, w->by_item, "item_id", psprintf("SELECT item_id, user_id, weight FROM %s", w->by_user),
						 "1, 2", false);
	Run(psprintf("ANALYZE %s", w->by_user), 0, NULL, NULL, SPI_OK_UTILITY);
	Run(psprintf("ANALYZE %s", w->by_item), 0, NULL, NULL, SPI_OK_UTILITY);
}

/*
 * The starting item factors: the in-memory engine's, item for item.  It
 * numbers items by descending number of source rows, then id, and draws
 * their factors in that order from the seed (AlsInitFactors).
 */
static void
InitItems(const WorkTables *w, const AlsOptions *opt, Interactions *counts, MemoryBudget *budget)
{
	int			k = opt->factors;
	int64		n;
	Datum	   *ids;
	Datum	   *embeddings;
	float4	   *init;
	Oid			types[2];
	Datum		values[2];
	Oid			embedding = EmbeddingTypeOid();

	Run(psprintf("SELECT item_id::pg_catalog.int8 FROM %s GROUP BY item_id "
				 "ORDER BY pg_catalog.sum(nrows) DESC, item_id", w->by_user), 0, NULL, NULL, SPI_OK_SELECT);
	n = (int64) SPI_processed;
	if (n > PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many distinct item ids")));
	counts->nitems = (int32) n;
	BudgetReserve(budget, mul_size(add_size(mul_size(sizeof(float4), k), sizeof(Datum) * 2 + sizeof(Embedding) + 8),
								   Max(n, 1)), "the starting item factors");
	init = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(mul_size(sizeof(float4), k), Max(n, 1)));
	ids = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(Datum), Max(n, 1)));
	embeddings = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(Datum), Max(n, 1)));
	AlsInitFactors(init, n, k, opt->seed + 1);
	for (int64 r = 0; r < n; r++)
	{
		bool		isnull;

		ids[r] = SPI_getbinval(SPI_tuptable->vals[r], SPI_tuptable->tupdesc, 1, &isnull);
		embeddings[r] = MakeEmbedding(init + r * k, k);
	}
	types[0] = INT8ARRAYOID;
	types[1] = get_array_type(embedding);
	values[0] = PointerGetDatum(construct_array(ids, (int) n, INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
	values[1] = PointerGetDatum(construct_array(embeddings, (int) n, embedding, -1, false, TYPALIGN_INT));
	Run(psprintf("INSERT INTO %s (item_id, factors) SELECT * FROM ROWS FROM (pg_catalog.unnest($1), pg_catalog.unnest($2))", w->items),
		2, types, values, SPI_OK_INSERT);
	/* on one node, statistics as after every half-step (HalfStep); on a cluster see SetHalfStepSettings */
	if (!w->cluster)
		Run(psprintf("ANALYZE %s", w->items), 0, NULL, NULL, SPI_OK_UTILITY);
}

/* The smallest number of shards of the two layouts. */
static double
ShardCount(const WorkTables *w)
{
	Oid			types[2] = {TEXTOID, TEXTOID};
	Datum		values[2] = {CStringGetTextDatum(w->by_user), CStringGetTextDatum(w->by_item)};
	bool		isnull;
	Datum		d = RunScalar("SELECT pg_catalog.min(n) FROM (SELECT pg_catalog.count(*) AS n FROM pg_catalog.pg_dist_shard "
							  "WHERE logicalrelid OPERATOR(pg_catalog.=) ANY (ARRAY[$1::pg_catalog.regclass, $2::pg_catalog.regclass]) "
							  "GROUP BY logicalrelid) s", 2, types, values, &isnull);

	return isnull ? 1.0 : Max((double) DatumGetInt64(d), 1.0);
}

/*
 * Settings for the half-steps, on every node, as SET LOCAL:
 *  - work_mem enough that a half-step keeps in memory the hash table of the
 *    other side's factors and the normal equations of the groups it solves
 *    (about 2 x 8 k^2 bytes each, a shard's share of them on a cluster), so
 *    that neither spills to disk; at least 64 MB, at most a quarter of
 *    recfair.training_memory_limit (hash tables may take hash_mem_multiplier
 *    times work_mem);
 *  - no JIT: it compiled each task's expressions anew, about 0.1 s a task,
 *    more than many tasks' own work;
 *  - on a cluster, the other side's factors looked up by their key for each
 *    row of the layout, in the layout's order (a nested loop over an index,
 *    cached by PostgreSQL's Memoize): so each group's rows reach its
 *    aggregate together and its state stays in the CPU's cache
 *    (InsertInOrder).  The planner has no statistics for the factor tables
 *    (Citus cannot ANALYZE a reference table written in this transaction),
 *    guessed them several times as many as they are, and merge-joined,
 *    sorting the layout by the other id: 1.4 times slower per half-step at
 *    2M interactions.  On one node each half-step analyzes its factors
 *    instead (HalfStep), and the hash join it then plans keeps the order;
 *  - on a cluster, no parallel plans on the workers: a worker's partial
 *    aggregates would ship k x k states between its processes, and Citus
 *    already keeps every worker busy with one task at a time.
 * Citus passes a SET LOCAL on to the workers (citus.propagate_set_commands)
 * only in what it counts as a transaction block, which a C function's SPI
 * call is not and a DO block is: hence the DO.  The coordinator's settings
 * come back when train() returns (AtEOXact_GUC in SqlAlsTrain); the
 * workers keep theirs until the transaction ends.
 */
static void
SetHalfStepSettings(const WorkTables *w, const SqlAlsRun *run)
{
	int			k = run->opt->factors;
	double		side = Max(run->counts.nusers, run->counts.nitems);
	double		state = NormalStateBytes(k);
	double		need = side * (4.0 * k + 64.0) + ceil(side / (w->cluster ? ShardCount(w) : 1.0)) * state;
	double		kb = Min(Max(need / 1024.0, 64.0 * 1024.0), (double) TrainingMemoryLimit() / 4.0 / 1024.0);

	kb = Min(kb, (double) (MAX_KILOBYTES));
	if (w->cluster)
		(void) set_config_option("citus.propagate_set_commands", "local", PGC_USERSET, PGC_S_SESSION,
								 GUC_ACTION_SAVE, true, 0, false);
	Run(psprintf("DO $settings$ BEGIN SET LOCAL work_mem = '%.0fkB'; SET LOCAL jit = off;%s END $settings$", kb,
				 w->cluster ? " SET LOCAL enable_mergejoin = off; SET LOCAL enable_hashjoin = off;"
				 " SET LOCAL max_parallel_workers_per_gather = 0;" : ""),
		0, NULL, NULL, SPI_OK_UTILITY);
}

/* recfair.gram() of a factor table, as a double precision[] datum. */
static Datum
Gram(const char *table)
{
	bool		isnull;
	Datum		g = RunScalar(psprintf("SELECT recfair.gram(factors) FROM %s", table), 0, NULL, NULL, &isnull);

	if (isnull)
		elog(ERROR, "no factors in %s", table);
	return g;
}

/*
 * The weight as the confidence uses it, in a query over a layout t with eps
 * as parameter eps_param: as stored, or log(1 + w / eps).  Computed where
 * used, so that the layouts keep their physical order (an UPDATE would
 * rewrite them).
 */
static const char *
WeightExpression(const AlsOptions *opt, int eps_param)
{
	if (opt->weighting == ALS_WEIGHTING_LOG)
		return psprintf("pg_catalog.ln(1::pg_catalog.float8 OPERATOR(pg_catalog.+) "
						"(t.weight::pg_catalog.float8 OPERATOR(pg_catalog./) $%d))::pg_catalog.float4", eps_param);
	return "t.weight";
}

/*
 * confidence log: eps and alpha where they are the defaults, from counts of
 * the weights by power of two as als.c takes them, and the total weight as
 * the confidence uses it; then lambda where it is the default.
 */
static void
ScaleWeights(const WorkTables *w, AlsOptions *opt, Interactions *counts)
{
	StringInfoData q;
	Oid			types[1] = {FLOAT8OID};
	Datum		values[1];
	bool		isnull;
	Datum		d;

	if (opt->weighting != ALS_WEIGHTING_LOG)
	{
		AlsResolveDefaults(opt, 1.0);
		AlsResolveRegularization(opt, counts->total_weight, counts->nnz);
		return;
	}
	if (opt->eps <= 0)
	{
		int64		at_least[ALS_EPS_EXPONENTS];

		initStringInfo(&q);
		appendStringInfoString(&q, "SELECT ");
		for (int e = ALS_EPS_MIN_EXP; e <= ALS_EPS_MAX_EXP; e++)
			appendStringInfo(&q, "%spg_catalog.count(*) FILTER (WHERE weight OPERATOR(pg_catalog.>=) %.17g::pg_catalog.float4)",
							 e > ALS_EPS_MIN_EXP ? ", " : "", ldexp(1.0, e));
		appendStringInfo(&q, " FROM %s", w->by_user);
		Run(q.data, 0, NULL, NULL, SPI_OK_SELECT);
		for (int e = ALS_EPS_MIN_EXP; e <= ALS_EPS_MAX_EXP; e++)
			at_least[e - ALS_EPS_MIN_EXP] = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc,
																	 e - ALS_EPS_MIN_EXP + 1, &isnull));
		AlsResolveDefaults(opt, AlsEpsFromCounts(at_least, counts->nnz));
	}
	else
		AlsResolveDefaults(opt, opt->eps);
	values[0] = Float8GetDatum(opt->eps);
	d = RunScalar(psprintf("SELECT pg_catalog.sum((%s)::pg_catalog.float8) FROM %s t", WeightExpression(opt, 1),
						   w->by_user), 1, types, values, &isnull);
	counts->total_weight = isnull ? 0.0 : DatumGetFloat8(d);
	AlsResolveRegularization(opt, counts->total_weight, counts->nnz);
}

/*
 * One half-step: solve every row of the target side (users or items) from
 * the layout keyed by it, against the other side's factors and Gram matrix.
 * The item half-step also keeps each item's part of the loss (als_fit):
 * the solve sits in a subquery with OFFSET 0 so that it runs once per item,
 * not once per use.
 */
static void
HalfStep(const WorkTables *w, bool users, Datum gram, const AlsOptions *opt)
{
	const char *target = users ? w->users : w->items;
	const char *layout = users ? w->by_user : w->by_item;
	const char *other = users ? w->items : w->users;
	const char *id = users ? "user_id" : "item_id";
	const char *other_id = users ? "item_id" : "user_id";
	Oid			types[4] = {FLOAT8ARRAYOID, FLOAT8OID, FLOAT8OID, FLOAT8OID};
	Datum		values[4] = {gram, Float8GetDatum(opt->alpha), Float8GetDatum(opt->regularization),
	Float8GetDatum(opt->eps)};
	char	   *normal = psprintf("SELECT t.%s, recfair.als_normal(o.factors, %s, $2) AS normal, "
								  "pg_catalog.count(*) AS n "
								  "FROM %s t JOIN %s o ON t.%s OPERATOR(pg_catalog.=) o.%s GROUP BY t.%s",
								  id, WeightExpression(opt, 4), layout, other, other_id, other_id, id);
	/* ALS-WR: lambda times the row's interactions */
	const char *lambda = opt->weighted_regularization
		? "$3 OPERATOR(pg_catalog.*) s.n::pg_catalog.float8" : "$3";

	/*
	 * The Gram matrix is a parameter, which Citus sends with every task.
	 * Read instead from a one-row reference table, an iteration at 2M
	 * interactions and 64 factors shipped 43.4 MB instead of 46.0 MB, but
	 * its half-steps took 15% longer (bench/citus.sh and the half-steps'
	 * own timings), so it stays a parameter.
	 */
	char	   *select = users
		? psprintf("SELECT s.%s, recfair.als_solve(s.normal, $1, %s) AS factors, s.n FROM (%s) s", id, lambda, normal)
		: psprintf("SELECT s.%s, v.x AS factors, s.n, recfair.als_fit(s.normal, v.x) AS fit FROM (%s) s "
				   "CROSS JOIN LATERAL (SELECT recfair.als_solve(s.normal, $1, %s) AS x OFFSET 0) v", id, normal, lambda);

	if (w->cluster)
	{
		/* Citus pushes the SELECT down whole: each group is on one worker */
		Run(psprintf("TRUNCATE %s", target), 0, NULL, NULL, SPI_OK_UTILITY);
		Run(psprintf("INSERT INTO %s (%s, factors, n%s) %s", target, id, users ? "" : ", fit", select),
			4, types, values, SPI_OK_INSERT);
	}
	else
	{
		/*
		 * CREATE TABLE AS, unlike INSERT ... SELECT, runs its query in
		 * parallel; then statistics, so that the next half-step hashes
		 * these factors and reads its layout in order (InsertInOrder)
		 * instead of merge-joining, which sorts the layout by the other id
		 */
		Run(psprintf("DROP TABLE %s", target), 0, NULL, NULL, SPI_OK_UTILITY);
		Run(psprintf("CREATE UNLOGGED TABLE %s AS %s", target, select), 4, types, values, SPI_OK_UTILITY);
		Run(psprintf("ANALYZE %s", target), 0, NULL, NULL, SPI_OK_UTILITY);
	}
}

/* Inner product and trace of k x k Gram matrices (double precision[] datums, row-major). */
static void
GramTerms(Datum gx, Datum gy, int k, double *inner, double *traces)
{
	const float8 *x = (const float8 *) ARR_DATA_PTR(DatumGetArrayTypeP(gx));
	const float8 *y = (const float8 *) ARR_DATA_PTR(DatumGetArrayTypeP(gy));

	*inner = *traces = 0.0;
	for (int64 i = 0; i < (int64) k * k; i++)
		*inner += x[i] * y[i];
	for (int i = 0; i < k; i++)
		*traces += x[(int64) i * k + i] + y[(int64) i * k + i];
}

/*
 * The loss of als.c (its header comment), from partial sums: the observed
 * cells' sum [c (1 - s)^2 - s^2] is the sum of the confidences plus the
 * items' als_fit terms that the item half-step kept; the rest comes from
 * the two Gram matrices.
 */
static double
Loss(const WorkTables *w, const AlsOptions *opt, const Interactions *counts, Datum gram_x, Datum gram_y)
{
	bool		isnull;
	double		confidences = counts->nnz + opt->alpha * counts->total_weight;
	double		fit;
	double		inner;
	double		traces;
	double		cells;
	Datum		d;

	d = RunScalar(psprintf("SELECT pg_catalog.sum(fit) FROM %s", w->items), 0, NULL, NULL, &isnull);
	fit = isnull ? 0.0 : DatumGetFloat8(d);
	GramTerms(gram_x, gram_y, opt->factors, &inner, &traces);
	if (opt->weighted_regularization)
	{
		/* lambda (sum_u n_u |x_u|^2 + sum_i n_i |y_i|^2) */
		const char *sq = "pg_catalog.sum(n::pg_catalog.float8 OPERATOR(pg_catalog.*) "
			"(recfair.norm(factors) OPERATOR(pg_catalog.*) recfair.norm(factors)))";

		d = RunScalar(psprintf("SELECT (SELECT %s FROM %s) OPERATOR(pg_catalog.+) (SELECT %s FROM %s)",
							   sq, w->users, sq, w->items), 0, NULL, NULL, &isnull);
		traces = isnull ? 0.0 : DatumGetFloat8(d);
	}
	/* every cell has confidence 1, an observed one 1 + alpha w (the engine's only confidence) */
	cells = (double) counts->nusers * counts->nitems + opt->alpha * counts->total_weight;
	return (confidences + fit + inner + opt->regularization * traces) / cells;
}

/*
 * The model's rows, from the work tables, with each user's seen items and
 * (since 0.8.0) their weights as the confidence took them, for explain().
 */
static void
WriteFactors(const WorkTables *w, const char *model, const AlsOptions *opt)
{
	Oid			types[2] = {TEXTOID, FLOAT8OID};
	Datum		values[2] = {CStringGetTextDatum(model), Float8GetDatum(opt->eps)};
	Oid			relid = RecfairTableOid("user_factors");
	bool		weights = OidIsValid(relid) && get_attnum(relid, "seen_weights") != InvalidAttrNumber;
	char	   *weight = weights ? psprintf(", pg_catalog.array_agg(%s ORDER BY t.item_id) AS seen_weights",
										  WeightExpression(opt, 2)) : "";

	DeleteModelFactors(model);
	Run(psprintf("INSERT INTO recfair.user_factors (model, user_id, factors, bias, seen%s) "
				 "SELECT $1, u.user_id, u.factors, NULL, s.seen%s FROM %s u JOIN "
				 "(SELECT t.user_id, recfair.idset(pg_catalog.array_agg(t.item_id::pg_catalog.int8 ORDER BY t.item_id)) AS seen%s "
				 "FROM %s t GROUP BY t.user_id) s ON u.user_id OPERATOR(pg_catalog.=) s.user_id",
				 weights ? ", seen_weights" : "", weights ? ", s.seen_weights" : "",
				 w->users, weight, w->by_user), 2, types, values, SPI_OK_INSERT);
	Run(psprintf("INSERT INTO recfair.item_factors (model, item_id, factors, bias) "
				 "SELECT $1, item_id, factors, NULL FROM %s", w->items), 1, types, values, SPI_OK_INSERT);
}

/*
 * CreateWorkTables on a cluster, in a subtransaction: Citus refuses the
 * sequential mode the work tables need in a transaction that already ran a
 * parallel multi-shard query, and a caller who did not ask for the engine
 * should then get the in-memory one, not an error.  False (with the
 * error's message in *reason) if that failed; nothing of it remains.
 */
static bool
TryCreateWorkTables(WorkTables *w, const SqlAlsRun *run, const char *user_type, const char *item_type,
					char **reason)
{
	MemoryContext context = CurrentMemoryContext;
	ResourceOwner owner = CurrentResourceOwner;
	volatile bool created = true;

	BeginInternalSubTransaction(NULL);
	MemoryContextSwitchTo(context);
	PG_TRY();
	{
		CreateWorkTables(w, run->work_schema, run->src, run->distributed_by, user_type, item_type);
		ReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(context);
		CurrentResourceOwner = owner;
	}
	PG_CATCH();
	{
		ErrorData  *edata;

		MemoryContextSwitchTo(context);
		edata = CopyErrorData();
		FlushErrorState();
		RollbackAndReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(context);
		CurrentResourceOwner = owner;
		*reason = edata->message;
		created = false;
	}
	PG_END_TRY();
	return created;
}

/*
 * Train; false if the work tables could not be made on the cluster and
 * fall_back allows it (then nothing was done, and *reason says why).
 */
bool
SqlAlsTrain(SqlAlsRun *run, bool fall_back, char **reason)
{
	AlsOptions *opt = run->opt;
	WorkTables	w;
	char	   *user_type;
	char	   *item_type;
	int			nest = NewGUCNestLevel();
	instr_time	phase;
	Datum		gram_y;

	memset(&w, 0, sizeof(w));
	w.cluster = run->distributed_by != NULL;
	if (w.cluster)
		/* one connection per worker for the work tables this transaction creates and reads */
		(void) set_config_option("citus.multi_shard_modify_mode", "sequential", PGC_USERSET, PGC_S_SESSION,
								 GUC_ACTION_SAVE, true, 0, false);

	ProgressSetPhase(PROGRESS_PHASE_READING);
	INSTR_TIME_SET_CURRENT(phase);
	SourceTypes(run->src, &user_type, &item_type);
	if (w.cluster && fall_back)
	{
		if (!TryCreateWorkTables(&w, run, user_type, item_type, reason))
		{
			AtEOXact_GUC(true, nest);
			return false;
		}
	}
	else
		CreateWorkTables(&w, run->work_schema, run->src, run->distributed_by, user_type, item_type);
	FillLayouts(&w, run->src, &run->counts);
	ScaleWeights(&w, run->opt, &run->counts);
	InitItems(&w, opt, &run->counts, run->budget);
	FillByItem(&w, opt, &run->counts);
	SetHalfStepSettings(&w, run);
	run->read_s = SecondsSince(phase);

	ProgressSetPhase(PROGRESS_PHASE_TRAINING);
	INSTR_TIME_SET_CURRENT(phase);
	gram_y = Gram(w.items);
	for (int it = 1; it <= opt->iterations; it++)
	{
		Datum		gram_x;

		HalfStep(&w, true, gram_y, opt);
		gram_x = Gram(w.users);
		HalfStep(&w, false, gram_x, opt);
		gram_y = Gram(w.items);
		if (run->progress)
			run->progress(it, Loss(&w, opt, &run->counts, gram_x, gram_y), run->progress_arg);
	}
	run->train_s = SecondsSince(phase);

	ProgressSetPhase(PROGRESS_PHASE_WRITING);
	INSTR_TIME_SET_CURRENT(phase);
	WriteFactors(&w, run->model, opt);
	Run(psprintf("DROP TABLE %s, %s, %s, %s", w.by_user, w.by_item, w.users, w.items), 0, NULL, NULL,
		SPI_OK_UTILITY);
	run->write_s = SecondsSince(phase);
	AtEOXact_GUC(true, nest);
	return true;
}
