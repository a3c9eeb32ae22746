/*-------------------------------------------------------------------------
 *
 * interactions.c
 *	  Read a source of (user, item, weight) rows into the sparse matrix that
 *	  training works on, and account the memory it takes.
 *
 * A plain local heap table or materialized view is read with a direct heap
 * scan (no executor, no per-row SPI), which is what makes reading millions
 * of rows per second possible; views, partitioned and foreign tables,
 * inheritance parents, other table access methods, tables with row-level
 * security, Citus tables (whose local heap is a shell) and queries go
 * through an SPI cursor, fetched in batches.  Names are resolved through the catalog and quoted: the only SQL
 * we build wraps a user's query as a subquery, so a name can never become
 * SQL.
 *
 * Ids are mapped to dense indexes on the fly (idmap.h), and each row is kept
 * as (int32 user, int32 item, float4 weight).  The by-user (CSR) and by-item
 * (CSC) forms are then built with two counting sorts: sorting by item and
 * then, stably, by user leaves every user's items in order, so duplicate
 * (user, item) rows are adjacent and are summed in one pass, with no
 * comparison sort.  Sums are taken in double and must stay below FLT_MAX;
 * evaluation keeps the largest rating of a pair instead (keep_max).
 *
 * Before that, users are renumbered in the order of their ids and items by
 * descending number of rows, then id.  Either way a model does not depend on
 * the order in which the source returned its rows (the seeded initial
 * factors go to the same ids).  User rows are then written in key order
 * without sorting; popular items next to each other keep the factors that
 * training reads most in fewer cache lines (numbering items by id instead
 * looked slower on the 10M benchmark, though within this machine's noise).
 * The second counting sort takes
 * the items in id order, so that each user's items come out ascending by id,
 * as user_factors.seen stores them.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "access/relation.h"
#include "access/table.h"
#include "access/tableam.h"
#include "catalog/pg_am.h"
#include "catalog/pg_class.h"
#include "catalog/pg_namespace.h"
#include "catalog/pg_inherits.h"
#include "catalog/pg_type.h"
#include "ceilings.h"
#include "executor/spi.h"
#include "executor/tuptable.h"
#include "idmap.h"
#include "interactions.h"
#include "miscadmin.h"
#include "options.h"
#include "parser/parser.h"
#include "storage/lmgr.h"
#include "storage/shmem.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/rls.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/varlena.h"

int			recfair_training_memory_limit_kb = 2 * 1024 * 1024;

#define READ_BATCH 10000
#define INITIAL_ROWS 65536

/*
 * Memory budget
 */
void
BudgetReserve(MemoryBudget *budget, Size bytes, const char *what)
{
	Size		needed = add_size(budget->used, bytes);

	if (needed > TrainingMemoryLimit())
		TrainingMemoryExceeded(needed, what);
	budget->used = needed;
}

static void
BudgetRelease(MemoryBudget *budget, Size bytes)
{
	budget->used -= Min(bytes, budget->used);
}

static void *
BudgetAlloc(MemoryBudget *budget, Size bytes, const char *what)
{
	BudgetReserve(budget, bytes, what);
	return MemoryContextAllocHuge(CurrentMemoryContext, bytes);
}

/*
 * The rows read so far, as dense indexes.
 */
/*
 * External ids -> dense indexes.  Ids are most often small non-negative
 * integers (serial keys): then a plain array indexed by id answers with one
 * memory access, where a hash table of 200k users misses the cache on every
 * row (it was 40% of reading).  When an id is negative or the array would be
 * more than 16 times sparser than the ids seen, the index moves to a hash
 * table for good.
 */
typedef struct IdIndex
{
	int32	   *direct;			/* by id: dense index or -1; NULL once hashed */
	int64		direct_size;
	idmap_hash *map;			/* NULL until hashed */
	int64	   *ids;			/* dense -> external */
	int64		cap;
	int32		count;
} IdIndex;

#define DIRECT_SLACK (4 * 1024 * 1024)	/* ids below this always index directly (16 MB) */

static void
IdIndexInit(IdIndex *index)
{
	index->direct_size = 1024;
	index->direct = palloc(sizeof(int32) * index->direct_size);
	memset(index->direct, 0xff, sizeof(int32) * index->direct_size);
	index->map = NULL;
	index->cap = 1024;
	index->ids = palloc(sizeof(int64) * index->cap);
	index->count = 0;
}

static void
IdIndexToHash(IdIndex *index)
{
	index->map = idmap_create(CurrentMemoryContext, Max(index->count * 2, 1024), NULL);
	for (int32 i = 0; i < index->count; i++)
	{
		bool		found;

		idmap_insert(index->map, index->ids[i], &found)->index = i;
	}
	pfree(index->direct);
	index->direct = NULL;
}

typedef struct RowBuffer
{
	int64		n;
	int64		capacity;
	int32	   *users;
	int32	   *items;
	float4	   *weights;
	IdIndex		user_index;
	IdIndex		item_index;
	MemoryBudget *budget;
	const InteractionSource *src;
	Oid			id_types[2];
	Oid			weight_type;
	int64		rows_null_id;
	int64		rows_null_weight;
} RowBuffer;

#define ROW_BYTES (sizeof(int32) * 2 + sizeof(float4))

static void
GrowRows(RowBuffer *buf)
{
	int64		newcap = buf->capacity * 2;

	BudgetReserve(buf->budget, mul_size(buf->capacity, ROW_BYTES), "the interaction rows");
	buf->users = repalloc_huge(buf->users, mul_size(sizeof(int32), newcap));
	buf->items = repalloc_huge(buf->items, mul_size(sizeof(int32), newcap));
	buf->weights = repalloc_huge(buf->weights, mul_size(sizeof(float4), newcap));
	buf->capacity = newcap;
}

static int32
NewId(IdIndex *index, int64 id, MemoryBudget *budget, const char *what)
{
	if (index->count >= PG_INT32_MAX - 1)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many distinct %s ids", what)));
	if (index->count >= index->cap)
	{
		BudgetReserve(budget, sizeof(int64) * index->cap, "the id maps");
		index->ids = repalloc_huge(index->ids, sizeof(int64) * index->cap * 2);
		index->cap *= 2;
	}
	index->ids[index->count] = id;
	return index->count++;
}

static inline int32
MapId(IdIndex *index, int64 id, MemoryBudget *budget, const char *what)
{
	bool		found;
	IdMapEntry *entry;

	if (index->direct != NULL)
	{
		if (id >= 0 && id < index->direct_size)
		{
			if (index->direct[id] < 0)
				index->direct[id] = NewId(index, id, budget, what);
			return index->direct[id];
		}
		if (id >= 0 && id < (int64) 16 * (index->count + 1) + DIRECT_SLACK)
		{
			int64		size = Max(index->direct_size * 2, id + 1);

			size = Min(size, (int64) 16 * (index->count + 1) + DIRECT_SLACK);
			BudgetReserve(budget, sizeof(int32) * (size - index->direct_size), "the id maps");
			index->direct = repalloc_huge(index->direct, sizeof(int32) * size);
			memset(index->direct + index->direct_size, 0xff, sizeof(int32) * (size - index->direct_size));
			index->direct_size = size;
			index->direct[id] = NewId(index, id, budget, what);
			return index->direct[id];
		}
		IdIndexToHash(index);
	}
	entry = idmap_insert(index->map, id, &found);
	if (!found)
		entry->index = NewId(index, id, budget, what);
	return entry->index;
}

void
CheckIdType(Oid type, const char *col)
{
	if (type != INT2OID && type != INT4OID && type != INT8OID)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("column \"%s\" must be of type smallint, integer or bigint, not %s",
						col, format_type_be(type))));
}

void
CheckWeightType(Oid type, const char *col)
{
	if (type != INT2OID && type != INT4OID && type != INT8OID &&
		type != FLOAT4OID && type != FLOAT8OID && type != NUMERICOID)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("column \"%s\" must be of a numeric type, not %s",
						col, format_type_be(type))));
}

static int64
IdDatum(Datum d, Oid type)
{
	switch (type)
	{
		case INT2OID:
			return DatumGetInt16(d);
		case INT4OID:
			return DatumGetInt32(d);
		default:
			return DatumGetInt64(d);
	}
}

static double
WeightDatum(Datum d, Oid type)
{
	switch (type)
	{
		case INT2OID:
			return DatumGetInt16(d);
		case INT4OID:
			return DatumGetInt32(d);
		case INT8OID:
			return (double) DatumGetInt64(d);
		case FLOAT4OID:
			return DatumGetFloat4(d);
		case FLOAT8OID:
			return DatumGetFloat8(d);
		default:
			return DatumGetFloat8(DirectFunctionCall1(numeric_float8, d));
	}
}

/* Add one source row; values/nulls hold user, item and (optionally) weight. */
static inline void
AddRow(RowBuffer *buf, const Datum *values, const bool *nulls)
{
	int64		user_id;
	int64		item_id;
	double		weight = 1.0;

	if (nulls[0] || nulls[1])
	{
		buf->rows_null_id++;
		return;
	}
	if (buf->src->weight_col != NULL && nulls[2])
	{
		buf->rows_null_weight++;
		return;
	}
	user_id = IdDatum(values[0], buf->id_types[0]);
	item_id = IdDatum(values[1], buf->id_types[1]);
	if (buf->src->weight_col != NULL)
	{
		weight = WeightDatum(values[2], buf->weight_type);
		if (isnan(weight) || isinf(weight) || weight < 0 || weight > FLT_MAX)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("invalid weight %g for user %lld and item %lld",
							weight, (long long) user_id, (long long) item_id),
					 errdetail("Weights must be finite, non-negative numbers.")));
	}

	if (buf->n == buf->capacity)
		GrowRows(buf);
	buf->users[buf->n] = MapId(&buf->user_index, user_id, buf->budget, "user");
	buf->items[buf->n] = MapId(&buf->item_index, item_id, buf->budget, "item");
	buf->weights[buf->n] = (float4) weight;
	buf->n++;
}

/* The argument that names a source column, for the hint of a missing one. */
static const char *
ColumnArg(const InteractionSource *src, const char *col)
{
	if (col == src->user_col)
		return "user_col";
	if (col == src->item_col)
		return "item_col";
	return src->weight_arg ? src->weight_arg : "weight_col";
}

static AttrNumber
ColumnOf(const InteractionSource *src, Oid relid, const char *col)
{
	AttrNumber	attnum = get_attnum(relid, col);

	if (attnum == InvalidAttrNumber || attnum < 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of relation \"%s\" does not exist", col,
						get_rel_name(relid)),
				 errhint("Name the source's column with %s => '...'.", ColumnArg(src, col))));
	return attnum;
}

/*
 * A query source's columns, checked before reading so that a missing one
 * names the argument to set (PostgreSQL's own error would not).
 */
static void
CheckQueryColumns(const InteractionSource *src, const char *from_clause)
{
	const char *cols[3] = {src->user_col, src->item_col, src->weight_col};
	TupleDesc	desc;

	if (SPI_execute(psprintf("SELECT * FROM %s LIMIT 0", from_clause), true, 0) != SPI_OK_SELECT)
		return;					/* a statement that is not a query fails below, as before */
	desc = SPI_tuptable->tupdesc;
	for (int c = 0; c < 3; c++)
	{
		bool		found = false;

		if (cols[c] == NULL)
			continue;
		for (int a = 0; a < desc->natts && !found; a++)
			found = !TupleDescAttr(desc, a)->attisdropped &&
				strcmp(NameStr(TupleDescAttr(desc, a)->attname), cols[c]) == 0;
		if (!found)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_COLUMN),
					 errmsg("column \"%s\" does not exist in the source", cols[c]),
					 errhint("Name the source's column with %s => '...'.", ColumnArg(src, cols[c]))));
	}
	SPI_freetuptable(SPI_tuptable);
}

/* Direct heap scan of a plain table or materialized view. */
static void
ScanRelation(RowBuffer *buf, Relation rel)
{
	const InteractionSource *src = buf->src;
	Oid			relid = RelationGetRelid(rel);
	AttrNumber	atts[3];
	int			natts = src->weight_col ? 3 : 2;
	AttrNumber	maxatt = 0;
	TableScanDesc scan;
	TupleTableSlot *slot;
	int64		n = 0;

	atts[0] = ColumnOf(src, relid, src->user_col);
	atts[1] = ColumnOf(src, relid, src->item_col);
	buf->id_types[0] = get_atttype(relid, atts[0]);
	buf->id_types[1] = get_atttype(relid, atts[1]);
	CheckIdType(buf->id_types[0], src->user_col);
	CheckIdType(buf->id_types[1], src->item_col);
	if (src->weight_col)
	{
		atts[2] = ColumnOf(src, relid, src->weight_col);
		buf->weight_type = get_atttype(relid, atts[2]);
		CheckWeightType(buf->weight_type, src->weight_col);
	}
	for (int i = 0; i < natts; i++)
		maxatt = Max(maxatt, atts[i]);

	scan = table_beginscan(rel, GetActiveSnapshot(), 0, NULL);
	slot = table_slot_create(rel, NULL);
	while (table_scan_getnextslot(scan, ForwardScanDirection, slot))
	{
		Datum		values[3];
		bool		nulls[3] = {false, false, true};

		slot_getsomeattrs(slot, maxatt);
		for (int i = 0; i < natts; i++)
		{
			values[i] = slot->tts_values[atts[i] - 1];
			nulls[i] = slot->tts_isnull[atts[i] - 1];
		}
		AddRow(buf, values, nulls);
		if ((++n & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	ExecDropSingleTupleTableSlot(slot);
	table_endscan(scan);
}

/* Read through an SPI cursor: views, partitioned tables, RLS, queries. */
static void
ScanQuery(RowBuffer *buf, const char *from_clause)
{
	const InteractionSource *src = buf->src;
	StringInfoData sql;
	SPIPlanPtr	plan;
	Portal		portal;
	int			natts = src->weight_col ? 3 : 2;

	CheckQueryColumns(src, from_clause);
	initStringInfo(&sql);
	appendStringInfo(&sql, "SELECT src.%s, src.%s", quote_identifier(src->user_col),
					 quote_identifier(src->item_col));
	if (src->weight_col)
		appendStringInfo(&sql, ", src.%s", quote_identifier(src->weight_col));
	appendStringInfo(&sql, " FROM %s", from_clause);

	plan = SPI_prepare(sql.data, 0, NULL);
	if (plan == NULL)
		elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
	portal = SPI_cursor_open(NULL, plan, NULL, NULL, true);

	for (;;)
	{
		TupleDesc	desc;

		SPI_cursor_fetch(portal, true, READ_BATCH);
		if (SPI_processed == 0)
			break;
		desc = SPI_tuptable->tupdesc;
		if (buf->id_types[0] == InvalidOid)
		{
			buf->id_types[0] = TupleDescAttr(desc, 0)->atttypid;
			buf->id_types[1] = TupleDescAttr(desc, 1)->atttypid;
			CheckIdType(buf->id_types[0], src->user_col);
			CheckIdType(buf->id_types[1], src->item_col);
			if (src->weight_col)
			{
				buf->weight_type = TupleDescAttr(desc, 2)->atttypid;
				CheckWeightType(buf->weight_type, src->weight_col);
			}
		}
		for (uint64 r = 0; r < SPI_processed; r++)
		{
			Datum		values[3];
			bool		nulls[3] = {false, false, true};

			for (int i = 0; i < natts; i++)
				values[i] = SPI_getbinval(SPI_tuptable->vals[r], desc, i + 1, &nulls[i]);
			AddRow(buf, values, nulls);
		}
		SPI_freetuptable(SPI_tuptable);
		CHECK_FOR_INTERRUPTS();
	}
	SPI_cursor_close(portal);
}

/* Positions of parse errors point into the source, shown as the query. */
static void
SourceParseErrorCallback(void *arg)
{
	int			pos = geterrposition();

	if (pos > 0)
	{
		errposition(0);
		internalerrposition(pos);
		internalerrquery((const char *) arg);
	}
}

/*
 * The text of a query source, checked to be one query (a trailing
 * semicolon is dropped): more than one statement, or a statement that is
 * not a query, is refused before any SQL is built around it.
 */
static char *
SourceQuery(const char *source)
{
	ErrorContextCallback callback;
	List	   *stmts;
	RawStmt    *stmt;

	callback.callback = SourceParseErrorCallback;
	callback.arg = (void *) source;
	callback.previous = error_context_stack;
	error_context_stack = &callback;
	stmts = raw_parser(source, RAW_PARSE_DEFAULT);
	error_context_stack = callback.previous;
	if (list_length(stmts) != 1)
		ereport(ERROR,
				(errcode(ERRCODE_SYNTAX_ERROR),
				 errmsg("a source query must be a single query"),
				 errdetail("The query has %d statements.", list_length(stmts))));
	stmt = linitial_node(RawStmt, stmts);
	if (!IsA(stmt->stmt, SelectStmt))
		ereport(ERROR,
				(errcode(ERRCODE_SYNTAX_ERROR),
				 errmsg("a source query must be a single query"),
				 errdetail("The statement is not a SELECT, VALUES or TABLE query.")));
	if (stmt->stmt_len > 0)
		return pnstrdup(source + stmt->stmt_location, stmt->stmt_len);
	return pstrdup(source + stmt->stmt_location);
}

/*
 * The source a call names: its regclass argument relarg or its query text
 * argument queryarg, exactly one of them.  A relation is locked and checked
 * to still exist (a regclass value can outlive its table); the caller's
 * privileges are checked when it is read.
 */
void
SourceFromArgs(FunctionCallInfo fcinfo, int relarg, int queryarg, InteractionSource *src)
{
	bool		has_rel = !PG_ARGISNULL(relarg);
	bool		has_query = !PG_ARGISNULL(queryarg);

	if (has_rel == has_query)
		ereport(ERROR,
				(errcode(has_rel ? ERRCODE_INVALID_PARAMETER_VALUE : ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 has_rel ? errmsg("%s and %s cannot both be given", ArgName(fcinfo, relarg), ArgName(fcinfo, queryarg))
				 : errmsg("%s or %s must be given", ArgName(fcinfo, relarg), ArgName(fcinfo, queryarg)),
				 errhint("Pass a table or view as %s, or the text of a query as %s => '...'.",
						 ArgName(fcinfo, relarg), ArgName(fcinfo, queryarg))));
	src->relid = InvalidOid;
	src->query = NULL;
	if (has_rel)
	{
		Oid			relid = PG_GETARG_OID(relarg);

		LockRelationOid(relid, AccessShareLock);
		if (!SearchSysCacheExists1(RELOID, ObjectIdGetDatum(relid)))
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_TABLE),
					 errmsg("relation with OID %u does not exist", relid)));
		src->relid = relid;
	}
	else
	{
		char	   *query = text_to_cstring(PG_GETARG_TEXT_PP(queryarg));

		if (query[0] == '\0')
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s must not be empty", ArgName(fcinfo, queryarg))));
		src->query = query;
	}
}

static char *
QuotedRelationName(Oid relid)
{
	return quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)), get_rel_name(relid));
}

/*
 * A FROM item for a source, aliased src: the relation quoted with its
 * schema, or the query (checked to be one query) in parentheses.
 */
char *
SourceFromClause(const InteractionSource *src)
{
	if (OidIsValid(src->relid))
		return psprintf("%s AS src", QuotedRelationName(src->relid));
	return psprintf("(%s\n) AS src", SourceQuery(src->query));
}

/* What models.source records: the quoted relation name, or the query. */
char *
SourceDescription(const InteractionSource *src)
{
	return OidIsValid(src->relid) ? QuotedRelationName(src->relid) : pstrdup(src->query);
}

/* A column name longer than an identifier can be is an error of its own. */
void
CheckColumnNameLength(const char *col)
{
	if (col != NULL && strlen(col) >= NAMEDATALEN)
		ereport(ERROR,
				(errcode(ERRCODE_NAME_TOO_LONG),
				 errmsg("column name \"%s\" is too long", col),
				 errdetail("A column name has at most %d bytes.", NAMEDATALEN - 1)));
}

/*
 * Whether Citus manages the relation (a distributed, reference or Citus
 * local table): then its local heap is a shell, empty or stale, and only a
 * query reads its rows.  Without Citus there is no pg_dist_partition.
 */
static bool
CitusManaged(Oid relid)
{
	Oid			catalog = get_relname_relid("pg_dist_partition", PG_CATALOG_NAMESPACE);
	Oid			types[1] = {REGCLASSOID};
	Datum		values[1] = {ObjectIdGetDatum(relid)};
	int			rc;

	if (!OidIsValid(catalog))
		return false;
	rc = SPI_execute_with_args("SELECT 1 FROM pg_catalog.pg_dist_partition "
							   "WHERE logicalrelid OPERATOR(pg_catalog.=) $1",
							   1, types, values, NULL, true, 1);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute_with_args failed: %s", SPI_result_code_string(rc));
	return SPI_processed > 0;
}

/*
 * The NOTICEs for rows left out, and the error for a source with none to
 * train on (kept = the rows used).
 */
void
ReportSkippedRows(const InteractionSource *src, int64 null_id, int64 null_weight, int64 kept)
{
	if (null_id > 0)
		ereport(NOTICE,
				(errmsg("skipped %lld rows with a NULL user or item id", (long long) null_id)));
	if (null_weight > 0)
		ereport(NOTICE,
				(errmsg("skipped %lld rows with a NULL value in column \"%s\"",
						(long long) null_weight, src->weight_col)));
	if (kept == 0 && !src->allow_empty)
		ereport(ERROR,
				(errcode(ERRCODE_NO_DATA_FOUND),
				 errmsg("the source has no interactions to train on")));
}

/*
 * The distribution column of a Citus hash-distributed table, or NULL if the
 * relation is not one (or Citus is not installed).
 */
char *
CitusDistributionColumn(Oid relid)
{
	Oid			catalog = get_relname_relid("pg_dist_partition", PG_CATALOG_NAMESPACE);
	Oid			types[1] = {REGCLASSOID};
	Datum		values[1] = {ObjectIdGetDatum(relid)};
	int			rc;

	if (!OidIsValid(catalog) || !OidIsValid(relid))
		return NULL;
	rc = SPI_execute_with_args("SELECT pg_catalog.column_to_column_name(logicalrelid, partkey) "
							   "FROM pg_catalog.pg_dist_partition "
							   "WHERE logicalrelid OPERATOR(pg_catalog.=) $1 AND partmethod OPERATOR(pg_catalog.=) 'h'",
							   1, types, values, NULL, true, 1);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute_with_args failed: %s", SPI_result_code_string(rc));
	return SPI_processed > 0 ? SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1) : NULL;
}

/*
 * The direct scan reads a relation's own heap: valid only for a plain local
 * heap table (or materialized view) without inheritance children, that the
 * caller may read without row security.  Everything else is read by a
 * query: views, partitioned, foreign and Citus tables, other table access
 * methods, children, row security.
 */
static bool
DirectScanValid(Oid relid)
{
	char		kind = get_rel_relkind(relid);
	HeapTuple	tup;
	bool		heap = false;

	if (kind != RELKIND_RELATION && kind != RELKIND_MATVIEW)
		return false;
	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (HeapTupleIsValid(tup))
	{
		heap = ((Form_pg_class) GETSTRUCT(tup))->relam == HEAP_TABLE_AM_OID;
		ReleaseSysCache(tup);
	}
	return heap && !has_subclass(relid) &&
		pg_class_aclcheck(relid, GetUserId(), ACL_SELECT) == ACLCHECK_OK &&
		check_enable_rls(relid, InvalidOid, true) != RLS_ENABLED &&
		!CitusManaged(relid);
}

static void
ReadSource(RowBuffer *buf)
{
	const InteractionSource *src = buf->src;
	Oid			relid = src->relid;

	if (!OidIsValid(relid))
	{
		ScanQuery(buf, SourceFromClause(src));
		return;
	}
	if (DirectScanValid(relid))
	{
		Relation	rel = table_open(relid, AccessShareLock);

		ScanRelation(buf, rel);
		table_close(rel, AccessShareLock);
	}
	else
	{
		/* Check the columns first, for a clear error naming them. */
		ColumnOf(src, relid, src->user_col);
		ColumnOf(src, relid, src->item_col);
		if (src->weight_col)
			ColumnOf(src, relid, src->weight_col);
		ScanQuery(buf, SourceFromClause(src));
	}
}

/* Order of dense indexes: by descending count when counts is set, then by id. */
typedef struct IndexOrder
{
	const int64 *ids;
	const int64 *counts;
} IndexOrder;

static int
CompareIndexes(const void *a, const void *b, void *arg)
{
	const IndexOrder *o = (const IndexOrder *) arg;
	int32		x = *(const int32 *) a;
	int32		y = *(const int32 *) b;

	if (o->counts && o->counts[x] != o->counts[y])
		return o->counts[x] > o->counts[y] ? -1 : 1;
	return (o->ids[x] > o->ids[y]) - (o->ids[x] < o->ids[y]);
}

/* The count dense indexes in the order above (palloc'd). */
static int32 *
SortedIndexes(const int64 *ids, const int64 *counts, int32 count)
{
	IndexOrder	o = {ids, counts};
	int32	   *order = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(int32), Max(count, 1)));

	for (int32 i = 0; i < count; i++)
		order[i] = i;
	qsort_arg(order, count, sizeof(int32), CompareIndexes, &o);
	return order;
}

/*
 * Renumber count dense indexes (ids[index] is the external id) in the order
 * above, in ids (and counts) and in the n rows that use them.
 */
static void
Renumber(int64 *ids, int64 *counts, int32 count, int32 *rows, int64 n, MemoryBudget *budget)
{
	Size		bytes = mul_size(sizeof(int32) * 2 + sizeof(int64), Max(count, 1));
	int32	   *order;
	int32		first_moved = 0;

	BudgetReserve(budget, bytes, "the id order");
	order = SortedIndexes(ids, counts, count);
	while (first_moved < count && order[first_moved] == first_moved)
		first_moved++;
	if (first_moved < count)
	{
		int32	   *rank = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(int32), count));
		int64	   *sorted = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(int64), count));

		for (int32 r = 0; r < count; r++)
			rank[order[r]] = r;
		for (int side = 0; side < (counts ? 2 : 1); side++)
		{
			int64	   *values = side == 0 ? ids : counts;

			for (int32 r = 0; r < count; r++)
				sorted[r] = values[order[r]];
			memcpy(values, sorted, mul_size(sizeof(int64), count));
		}
		for (int64 r = 0; r < n; r++)
			rows[r] = rank[rows[r]];
		pfree(rank);
		pfree(sorted);
	}
	pfree(order);
	BudgetRelease(budget, bytes);
}

/* The weight of user u's pair at p, which must fit a float4. */
static void
StorePairWeight(Interactions *m, int32 u, int64 p, double weight)
{
	if (weight > FLT_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("the weights of user %lld and item %lld sum to %g, more than a real can hold",
						(long long) m->user_ids[u], (long long) m->item_ids[m->user_items[p]], weight),
				 errdetail("Duplicate (user, item) rows are summed; the sum must be at most %g.", FLT_MAX)));
	m->user_weights[p] = (float4) weight;
}

/*
 * Build CSR and CSC from the rows, summing duplicate pairs; see the header
 * comment for the renumbering and the two counting sorts.
 */
static void
BuildMatrices(Interactions *m, RowBuffer *buf, MemoryBudget *budget)
{
	int64		n = buf->n;
	int64	   *ptr;
	int32	   *by_item_users;
	float4	   *by_item_weights;
	int64		nnz;

	/* 0. users in id order; items by popularity, then id */
	Renumber(m->user_ids, NULL, m->nusers, buf->users, n, budget);
	ptr = BudgetAlloc(budget, mul_size(sizeof(int64), add_size(m->nitems, 1)), "the item index");
	memset(ptr, 0, mul_size(sizeof(int64), add_size(m->nitems, 1)));
	for (int64 r = 0; r < n; r++)
		ptr[buf->items[r] + 1]++;
	Renumber(m->item_ids, ptr + 1, m->nitems, buf->items, n, budget);
	BudgetReserve(budget, mul_size(sizeof(int32), Max(m->nitems, 1)), "the item order");
	m->items_by_id = SortedIndexes(m->item_ids, NULL, m->nitems);
	CHECK_FOR_INTERRUPTS();

	/* 1. counting sort by item */
	for (int32 i = 0; i < m->nitems; i++)
		ptr[i + 1] += ptr[i];
	by_item_users = BudgetAlloc(budget, mul_size(sizeof(int32), n), "the by-item matrix");
	by_item_weights = BudgetAlloc(budget, mul_size(sizeof(float4), n), "the by-item matrix");
	{
		int64	   *fill = BudgetAlloc(budget, mul_size(sizeof(int64), m->nitems), "the item index");

		memcpy(fill, ptr, mul_size(sizeof(int64), m->nitems));
		for (int64 r = 0; r < n; r++)
		{
			int64		pos = fill[buf->items[r]]++;

			by_item_users[pos] = buf->users[r];
			by_item_weights[pos] = buf->weights[r];
		}
		pfree(fill);
		BudgetRelease(budget, mul_size(sizeof(int64), m->nitems));
	}
	CHECK_FOR_INTERRUPTS();

	/* 2. stable counting sort by user, items taken in id order: each user's items come out ascending by id */
	m->user_ptr = BudgetAlloc(budget, mul_size(sizeof(int64), add_size(m->nusers, 1)), "the user index");
	memset(m->user_ptr, 0, mul_size(sizeof(int64), add_size(m->nusers, 1)));
	for (int64 r = 0; r < n; r++)
		m->user_ptr[by_item_users[r] + 1]++;
	for (int32 u = 0; u < m->nusers; u++)
		m->user_ptr[u + 1] += m->user_ptr[u];
	/* reuse the row buffer's arrays as the CSR: same sizes */
	{
		int64	   *fill = BudgetAlloc(budget, mul_size(sizeof(int64), m->nusers), "the user index");
		int32	   *cols = buf->users;	/* free now: the rows are in by_item_* */
		float4	   *vals = buf->weights;

		memcpy(fill, m->user_ptr, mul_size(sizeof(int64), m->nusers));
		for (int32 r = 0; r < m->nitems; r++)
		{
			int32		i = m->items_by_id[r];

			for (int64 p = ptr[i]; p < ptr[i + 1]; p++)
			{
				int64		pos = fill[by_item_users[p]]++;

				cols[pos] = i;
				vals[pos] = by_item_weights[p];
			}
		}
		pfree(fill);
		BudgetRelease(budget, mul_size(sizeof(int64), m->nusers));
		m->user_items = cols;
		m->user_weights = vals;
	}
	CHECK_FOR_INTERRUPTS();

	/*
	 * 3. sum duplicates (or keep the largest), now adjacent, compacting in
	 * place; sums in double, checked against what a float4 holds
	 */
	nnz = 0;
	{
		int64		start = 0;

		for (int32 u = 0; u < m->nusers; u++)
		{
			int64		end = m->user_ptr[u + 1];
			int64		row_start = nnz;
			double		acc = 0.0;

			for (int64 p = start; p < end; p++)
			{
				if (nnz > row_start && m->user_items[nnz - 1] == m->user_items[p])
				{
					if (buf->src->keep_max)
						acc = Max(acc, (double) m->user_weights[p]);
					else
						acc += m->user_weights[p];
					continue;
				}
				if (nnz > row_start)
					StorePairWeight(m, u, nnz - 1, acc);
				m->user_items[nnz] = m->user_items[p];
				acc = m->user_weights[p];
				nnz++;
			}
			if (nnz > row_start)
				StorePairWeight(m, u, nnz - 1, acc);
			start = end;
			m->user_ptr[u + 1] = nnz;
		}
	}
	m->nnz = nnz;

	/* 4. the by-item form of the summed matrix, in the by-item arrays */
	memset(ptr, 0, mul_size(sizeof(int64), add_size(m->nitems, 1)));
	for (int64 p = 0; p < nnz; p++)
		ptr[m->user_items[p] + 1]++;
	for (int32 i = 0; i < m->nitems; i++)
		ptr[i + 1] += ptr[i];
	{
		int64	   *fill = BudgetAlloc(budget, mul_size(sizeof(int64), m->nitems), "the item index");

		memcpy(fill, ptr, mul_size(sizeof(int64), m->nitems));
		for (int32 u = 0; u < m->nusers; u++)
			for (int64 p = m->user_ptr[u]; p < m->user_ptr[u + 1]; p++)
			{
				int64		pos = fill[m->user_items[p]]++;

				by_item_users[pos] = u;
				by_item_weights[pos] = m->user_weights[p];
			}
		pfree(fill);
		BudgetRelease(budget, mul_size(sizeof(int64), m->nitems));
	}
	m->item_ptr = ptr;
	m->item_users = by_item_users;
	m->item_weights = by_item_weights;
	pfree(buf->items);
	BudgetRelease(budget, mul_size(sizeof(int32), buf->capacity));

	m->total_weight = 0;
	for (int64 p = 0; p < nnz; p++)
		m->total_weight += m->user_weights[p];
}

Interactions *
ReadInteractions(const InteractionSource *src, MemoryBudget *budget)
{
	RowBuffer	buf;
	Interactions *m = palloc0(sizeof(Interactions));

	CheckColumnNameLength(src->user_col);
	CheckColumnNameLength(src->item_col);
	CheckColumnNameLength(src->weight_col);
	memset(&buf, 0, sizeof(buf));
	buf.src = src;
	buf.budget = budget;
	buf.capacity = INITIAL_ROWS;
	BudgetReserve(budget, INITIAL_ROWS * ROW_BYTES, "the interaction rows");
	buf.users = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(int32) * buf.capacity);
	buf.items = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(int32) * buf.capacity);
	buf.weights = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(float4) * buf.capacity);
	IdIndexInit(&buf.user_index);
	IdIndexInit(&buf.item_index);

	ReadSource(&buf);

	m->rows_read = buf.n;
	m->rows_null_id = buf.rows_null_id;
	m->rows_null_weight = buf.rows_null_weight;
	m->nusers = buf.user_index.count;
	m->nitems = buf.item_index.count;
	m->user_ids = buf.user_index.ids;
	m->item_ids = buf.item_index.ids;
	for (int side = 0; side < 2; side++)
	{
		IdIndex    *index = side == 0 ? &buf.user_index : &buf.item_index;

		if (index->direct)
			pfree(index->direct);
		if (index->map)
			idmap_destroy(index->map);
	}

	ReportSkippedRows(src, buf.rows_null_id, buf.rows_null_weight, buf.n);

	BuildMatrices(m, &buf, budget);
	return m;
}
