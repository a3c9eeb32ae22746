/*-------------------------------------------------------------------------
 *
 * model_store.c
 *	  Reading and writing models as rows, and resolving which model a call
 *	  means.
 *
 * Factors are written in batches of rows, each batch one INSERT ... SELECT
 * over unnest() of arrays built in C (ids, embeddings, and for users the
 * slice bounds into one flat array of the items they saw), so the executor
 * maintains the primary keys and no SQL text is built per row.  Retraining
 * deletes and inserts inside the caller's transaction: MVCC gives readers
 * the old model until the commit.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/heapam.h"
#include "access/table.h"
#include "access/tableam.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "compat.h"
#include "embedding.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "idset.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "model_store.h"
#include "nodes/makefuncs.h"
#include "parser/parse_type.h"
#include "security.h"
#include "shared_cache.h"
#include "storage/lock.h"
#include "storage/shmem.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#define WRITE_BATCH 20000
#define WRITE_BATCH_SEEN (4 * 1024 * 1024)

char	   *recfair_default_model = NULL;

/* One of recfair's own tables by name, or InvalidOid if this version has none. */
Oid
RecfairTableOid(const char *name)
{
	return get_relname_relid(name, get_namespace_oid("recfair", false));
}

Oid
EmbeddingTypeOid(void)
{
	static Oid	cached = InvalidOid;

	/* A type OID can change only if the extension is dropped and recreated. */
	if (!OidIsValid(cached) || !OidIsValid(get_array_type(cached)))
		cached = typenameTypeId(NULL, makeTypeNameFromNameList(list_make2(makeString("recfair"),
																		  makeString("embedding"))));
	return cached;
}

static void
Execute(const char *sql, int nargs, Oid *types, Datum *values, int expected)
{
	int			rc = SPI_execute_with_args(sql, nargs, types, values, NULL, false, 0);

	if (rc != expected)
		elog(ERROR, "SPI_execute_with_args failed (%s): %s", SPI_result_code_string(rc), sql);
}

/*
 * Serialize the calls that write a model (train, drop_model,
 * register_tables) by name: a transaction-level lock on a tag of recfair's
 * own (the last field, MODEL_LOCK_SPACE, is neither 1 nor 2), which SQL's
 * advisory-lock functions cannot take, so a role without recfair's rights
 * cannot block training by holding it.  Waiting for it can be cancelled.
 */
#define MODEL_LOCK_SPACE 0x726d	/* "rm" */

void
LockModelName(const char *model)
{
	uint64		hash = hash_bytes_extended((const unsigned char *) model, (int) strlen(model), 0);
	LOCKTAG		tag;

	SET_LOCKTAG_ADVISORY(tag, MyDatabaseId, (uint32) (hash >> 32), (uint32) hash, MODEL_LOCK_SPACE);
	(void) LockAcquire(&tag, ExclusiveLock, false, false);
}

/*
 * recfair.lock_model(model): the same lock, for register_tables() (SQL).
 * Only roles that may change models may take it.
 */
PG_FUNCTION_INFO_V1(recfair_lock_model);
Datum
recfair_lock_model(PG_FUNCTION_ARGS)
{
	char	   *model = text_to_cstring(PG_GETARG_TEXT_PP(0));

	CheckTablePrivilege("models", ACL_UPDATE, "UPDATE", "lock_model");
	LockModelName(model);
	PG_RETURN_VOID();
}

void
DeleteModelFactors(const char *model)
{
	Oid			types[1] = {TEXTOID};
	Datum		values[1] = {CStringGetTextDatum(model)};

	Execute("DELETE FROM recfair.user_factors WHERE model OPERATOR(pg_catalog.=) $1", 1, types, values, SPI_OK_DELETE);
	Execute("DELETE FROM recfair.item_factors WHERE model OPERATOR(pg_catalog.=) $1", 1, types, values, SPI_OK_DELETE);
	/* and its item index (a table since 0.9.0) */
	if (OidIsValid(RecfairTableOid("item_index")) &&
		pg_class_aclcheck(RecfairTableOid("item_index"), GetUserId(), ACL_DELETE) == ACLCHECK_OK)
		Execute("DELETE FROM recfair.item_index WHERE model OPERATOR(pg_catalog.=) $1", 1, types, values, SPI_OK_DELETE);
	/* and its feature maps (a table since 0.8.0) */
	if (OidIsValid(RecfairTableOid("feature_maps")))
		Execute("DELETE FROM recfair.feature_maps WHERE model OPERATOR(pg_catalog.=) $1", 1, types, values, SPI_OK_DELETE);
}

/* A factor row as an embedding (train() checked every value is finite). */
Datum
MakeEmbedding(const float4 *x, int k)
{
	Embedding  *e = InitEmbedding(k);

	memcpy(e->x, x, sizeof(float4) * k);
	return PointerGetDatum(e);
}

/*
 * The row written i-th: rows go out in key order, so that the primary key
 * index takes its insertions page after page instead of at random and the
 * next retrain finds the old rows it replaces in the same order in the heap.
 * Users are numbered in id order already (ReadInteractions); items are
 * numbered by popularity and have their id order at hand.
 */
static inline int64
RowAt(const Interactions *data, bool users, int64 i)
{
	return users ? i : data->items_by_id[i];
}

/*
 * The direct path: rows built in C go into the heap with table_multi_insert()
 * in batches (one WAL record and one buffer lock per page rather than per
 * row) and into the indexes with ExecInsertIndexTuples(), as COPY does.  It
 * is taken only when nothing the executor would add applies: the session may
 * insert into the table, and the table has exactly its own columns, no
 * triggers, no CHECK constraints and no row security; otherwise the SQL path
 * above runs.
 */
#define DIRECT_BATCH 1000

/* A user's weights (as training used them) as a real[]. */
static Datum
WeightArray(const float4 *w, int n)
{
	Datum	   *d = palloc(sizeof(Datum) * Max(n, 1));

	for (int i = 0; i < n; i++)
		d[i] = Float4GetDatum(w[i]);
	return PointerGetDatum(construct_array(d, n, FLOAT4OID, sizeof(float4), true, TYPALIGN_INT));
}

static bool
DirectInsertPossible(Relation rel, bool users)
{
	TupleDesc	desc = RelationGetDescr(rel);
	static const char *const user_cols[] = {"model", "user_id", "factors", "bias", "seen", "seen_weights"};
	static const char *const item_cols[] = {"model", "item_id", "factors", "bias"};
	const char *const *cols = users ? user_cols : item_cols;
	/* seen_weights since 0.8.0: the library writes the tables of 0.7.0 too, until the update */
	int			ncols = users ? (desc->natts == lengthof(user_cols) ? lengthof(user_cols) : lengthof(user_cols) - 1)
		: lengthof(item_cols);

	if (pg_class_aclcheck(RelationGetRelid(rel), GetUserId(), ACL_INSERT) != ACLCHECK_OK)
		return false;
	if (rel->rd_rel->relkind != RELKIND_RELATION || rel->trigdesc != NULL ||
		rel->rd_rel->relrowsecurity || (desc->constr && desc->constr->num_check > 0) ||
		desc->natts != ncols)
		return false;
	/* seen is written as recfair.idset (a bigint[] before the 0.4.0 update) */
	if (users && TupleDescAttr(desc, 4)->atttypid !=
		LookupTypeNameOid(NULL, makeTypeNameFromNameList(list_make2(makeString("recfair"), makeString("idset"))), true))
		return false;
	for (int i = 0; i < ncols; i++)
		if (TupleDescAttr(desc, i)->attisdropped ||
			strcmp(NameStr(TupleDescAttr(desc, i)->attname), cols[i]) != 0)
			return false;
	return true;
}

static void
StoreFactorsDirect(Relation rel, const char *model, bool users, const Interactions *data,
				   const float4 *factors, const float4 *bias, const float4 *seen_weights, int k)
{
	bool		weights_col = users && RelationGetDescr(rel)->natts == 6;
	int64		n = users ? data->nusers : data->nitems;
	const int64 *ids = users ? data->user_ids : data->item_ids;
	EState	   *estate = CreateExecutorState();
	ResultRelInfo *rri = makeNode(ResultRelInfo);
	BulkInsertState bistate = GetBulkInsertState();
	CommandId	cid = GetCurrentCommandId(true);
	TupleTableSlot *slots[DIRECT_BATCH];
	MemoryContext batch_cxt = AllocSetContextCreate(CurrentMemoryContext, "recfair factor rows",
													ALLOCSET_DEFAULT_SIZES);
	Datum		model_datum = CStringGetTextDatum(model);
	int			used = 0;
	int64	   *seen = NULL;

	if (users)
	{
		int64		most = 1;

		for (int64 u = 0; u < n; u++)
			most = Max(most, data->user_ptr[u + 1] - data->user_ptr[u]);
		seen = palloc_extended(mul_size(sizeof(int64), most), MCXT_ALLOC_HUGE);
	}
	InitResultRelInfo(rri, rel, 1, NULL, 0);
	ExecOpenIndices(rri, false);
	for (int i = 0; i < DIRECT_BATCH; i++)
		slots[i] = MakeSingleTupleTableSlot(RelationGetDescr(rel), &TTSOpsVirtual);

	for (int64 i = 0; i <= n; i++)
	{
		if (used == DIRECT_BATCH || (i == n && used > 0))
		{
			MemoryContext old = MemoryContextSwitchTo(batch_cxt);

			table_multi_insert(rel, slots, used, cid, 0, bistate);
			for (int j = 0; j < used; j++)
			{
				List	   *recheck = InsertIndexTuples(rri, slots[j], estate, false, false, NULL, NIL);

				list_free(recheck);
				ResetPerTupleExprContext(estate);
			}
			MemoryContextSwitchTo(old);
			for (int j = 0; j < used; j++)
				ExecClearTuple(slots[j]);
			MemoryContextReset(batch_cxt);
			used = 0;
			CHECK_FOR_INTERRUPTS();
		}
		if (i == n)
			break;
		{
			int64		row = RowAt(data, users, i);
			TupleTableSlot *slot = slots[used];
			MemoryContext old = MemoryContextSwitchTo(batch_cxt);

			ExecClearTuple(slot);
			slot->tts_values[0] = model_datum;
			slot->tts_isnull[0] = false;
			slot->tts_values[1] = Int64GetDatum(ids[row]);
			slot->tts_isnull[1] = false;
			slot->tts_values[2] = MakeEmbedding(factors + row * k, k);
			slot->tts_isnull[2] = false;
			slot->tts_isnull[3] = bias == NULL;
			slot->tts_values[3] = bias ? Float4GetDatum(bias[row]) : (Datum) 0;
			if (users)
			{
				int64		lo = data->user_ptr[row];
				int			nseen = (int) (data->user_ptr[row + 1] - lo);

				for (int j = 0; j < nseen; j++)
					seen[j] = data->item_ids[data->user_items[lo + j]];
				slot->tts_values[4] = IdSetFromSorted(seen, nseen);
				slot->tts_isnull[4] = false;
				if (weights_col)
				{
					slot->tts_isnull[5] = seen_weights == NULL;
					slot->tts_values[5] = seen_weights ? WeightArray(seen_weights + lo, nseen) : (Datum) 0;
				}
			}
			ExecStoreVirtualTuple(slot);
			MemoryContextSwitchTo(old);
			used++;
		}
	}

	for (int i = 0; i < DIRECT_BATCH; i++)
		ExecDropSingleTupleTableSlot(slots[i]);
	FreeBulkInsertState(bistate);
	if (seen)
		pfree(seen);
	table_finish_bulk_insert(rel, 0);
	ExecCloseIndices(rri);
	FreeExecutorState(estate);
	MemoryContextDelete(batch_cxt);
}

static void
StoreFactors(const char *model, bool users, const Interactions *data,
			 const float4 *factors, const float4 *bias, const float4 *seen_weights, int k)
{
	int64		n = users ? data->nusers : data->nitems;
	const int64 *ids = users ? data->user_ids : data->item_ids;
	Oid			emb = EmbeddingTypeOid();
	Oid			types[8] = {TEXTOID, INT8ARRAYOID, get_array_type(emb), FLOAT4ARRAYOID,
	INT4ARRAYOID, INT4ARRAYOID, INT8ARRAYOID, FLOAT4ARRAYOID};
	Oid			user_relid = RecfairTableOid("user_factors");
	bool		weights_col = users && OidIsValid(user_relid) &&
		get_attnum(user_relid, "seen_weights") != InvalidAttrNumber;
	const char *sql = !users ?
		"INSERT INTO recfair.item_factors (model, item_id, factors, bias) "
		"SELECT $1, t.id, t.f, t.b "
		"FROM ROWS FROM (pg_catalog.unnest($2), pg_catalog.unnest($3), pg_catalog.unnest($4)) AS t(id, f, b)" :
		weights_col ?
		"INSERT INTO recfair.user_factors (model, user_id, factors, bias, seen, seen_weights) "
		"SELECT $1, t.id, t.f, t.b, $7[t.lo OPERATOR(pg_catalog.+) 1 : t.hi], "
		"$8[t.lo OPERATOR(pg_catalog.+) 1 : t.hi] "
		"FROM ROWS FROM (pg_catalog.unnest($2), pg_catalog.unnest($3), pg_catalog.unnest($4), "
		"pg_catalog.unnest($5), pg_catalog.unnest($6)) AS t(id, f, b, lo, hi)" :
		"INSERT INTO recfair.user_factors (model, user_id, factors, bias, seen) "
		"SELECT $1, t.id, t.f, t.b, $7[t.lo OPERATOR(pg_catalog.+) 1 : t.hi] "
		"FROM ROWS FROM (pg_catalog.unnest($2), pg_catalog.unnest($3), pg_catalog.unnest($4), "
		"pg_catalog.unnest($5), pg_catalog.unnest($6)) AS t(id, f, b, lo, hi)";
	SPIPlanPtr	plan = SPI_prepare(sql, !users ? 4 : weights_col ? 8 : 7, types);
	MemoryContext batch_cxt = AllocSetContextCreate(CurrentMemoryContext, "recfair factor batch",
													ALLOCSET_DEFAULT_SIZES);

	if (plan == NULL)
		elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));

	{
		Oid			relid = RecfairTableOid(users ? "user_factors" : "item_factors");
		Relation	rel;

		if (!OidIsValid(relid))
			elog(ERROR, "recfair's factor tables are missing");
		rel = table_open(relid, RowExclusiveLock);

		if (DirectInsertPossible(rel, users))
		{
			StoreFactorsDirect(rel, model, users, data, factors, bias, seen_weights, k);
			table_close(rel, NoLock);
			SPI_freeplan(plan);
			MemoryContextDelete(batch_cxt);
			return;
		}
		table_close(rel, NoLock);
	}

	for (int64 start = 0, count = 0; start < n; start += count)
	{
		MemoryContext old = MemoryContextSwitchTo(batch_cxt);
		Datum	   *id_datums = palloc(sizeof(Datum) * WRITE_BATCH);
		Datum	   *emb_datums = palloc(sizeof(Datum) * WRITE_BATCH);
		Datum		values[8];
		char		nulls[8] = {' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '};
		int			rc;
		int64		nseen = 0;

		/* up to WRITE_BATCH rows, and for users up to WRITE_BATCH_SEEN seen items */
		for (count = 0; count < WRITE_BATCH && start + count < n; count++)
		{
			int64		row = RowAt(data, users, start + count);
			int64		rowseen = users ? data->user_ptr[row + 1] - data->user_ptr[row] : 0;

			if (count > 0 && nseen + rowseen > WRITE_BATCH_SEEN)
				break;
			nseen += rowseen;
		}

		for (int i = 0; i < count; i++)
		{
			int64		row = RowAt(data, users, start + i);

			id_datums[i] = Int64GetDatum(ids[row]);
			emb_datums[i] = MakeEmbedding(factors + row * k, k);
		}
		values[0] = CStringGetTextDatum(model);
		values[1] = PointerGetDatum(construct_array(id_datums, (int) count, INT8OID, sizeof(int64),
													FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
		values[2] = PointerGetDatum(construct_array(emb_datums, (int) count, emb, -1, false,
													TYPALIGN_INT));
		if (bias != NULL)
		{
			Datum	   *bias_datums = palloc(sizeof(Datum) * count);

			for (int i = 0; i < count; i++)
				bias_datums[i] = Float4GetDatum(bias[RowAt(data, users, start + i)]);
			values[3] = PointerGetDatum(construct_array(bias_datums, (int) count, FLOAT4OID,
														sizeof(float4), true, TYPALIGN_INT));
		}
		else
		{
			values[3] = (Datum) 0;
			nulls[3] = 'n';
		}
		if (users)
		{
			Datum	   *lo = palloc(sizeof(Datum) * count);
			Datum	   *hi = palloc(sizeof(Datum) * count);
			Datum	   *seen = palloc_extended(mul_size(sizeof(Datum), Max(nseen, 1)), MCXT_ALLOC_HUGE);

			nseen = 0;
			for (int i = 0; i < count; i++)
			{
				int64		row = RowAt(data, users, start + i);

				lo[i] = Int32GetDatum((int32) nseen);
				for (int64 p = data->user_ptr[row]; p < data->user_ptr[row + 1]; p++)
					seen[nseen++] = Int64GetDatum(data->item_ids[data->user_items[p]]);
				hi[i] = Int32GetDatum((int32) nseen);
			}
			values[4] = PointerGetDatum(construct_array(lo, (int) count, INT4OID, sizeof(int32), true,
														TYPALIGN_INT));
			values[5] = PointerGetDatum(construct_array(hi, (int) count, INT4OID, sizeof(int32), true,
														TYPALIGN_INT));
			values[6] = PointerGetDatum(construct_array(seen, (int) nseen, INT8OID, sizeof(int64),
														FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
			if (weights_col && seen_weights != NULL)
			{
				Datum	   *w = palloc_extended(mul_size(sizeof(Datum), Max(nseen, 1)), MCXT_ALLOC_HUGE);

				nseen = 0;
				for (int i = 0; i < count; i++)
				{
					int64		row = RowAt(data, users, start + i);

					for (int64 p = data->user_ptr[row]; p < data->user_ptr[row + 1]; p++)
						w[nseen++] = Float4GetDatum(seen_weights[p]);
				}
				values[7] = PointerGetDatum(construct_array(w, (int) nseen, FLOAT4OID, sizeof(float4), true,
															TYPALIGN_INT));
			}
			else
			{
				values[7] = (Datum) 0;
				nulls[7] = 'n';
			}
		}
		MemoryContextSwitchTo(old);

		rc = SPI_execute_plan(plan, values, nulls, false, 0);
		if (rc != SPI_OK_INSERT)
			elog(ERROR, "SPI_execute_plan failed: %s", SPI_result_code_string(rc));
		MemoryContextReset(batch_cxt);
		CHECK_FOR_INTERRUPTS();
	}
	SPI_freeplan(plan);
	MemoryContextDelete(batch_cxt);
}

void
StoreUserFactors(const char *model, const Interactions *data, const float4 *factors,
				 const float4 *bias, const float4 *seen_weights, int k)
{
	StoreFactors(model, true, data, factors, bias, seen_weights, k);
}

void
StoreItemFactors(const char *model, const Interactions *data, const float4 *factors,
				 const float4 *bias, int k)
{
	StoreFactors(model, false, data, factors, bias, NULL, k);
}

/*
 * The model a call means: the name given; else recfair.default_model; else
 * the only model.  Errors list the models.  Returns a palloc'd name.
 */
char *
ResolveModelName(const char *model)
{
	const char *name = model;
	int			rc;

	if (name == NULL && recfair_default_model != NULL && recfair_default_model[0] != '\0')
		name = recfair_default_model;

	if (name != NULL)
	{
		Oid			types[1] = {TEXTOID};
		Datum		values[1] = {CStringGetTextDatum(name)};

		rc = SPI_execute_with_args("SELECT 1 FROM recfair.models WHERE name OPERATOR(pg_catalog.=) $1",
								   1, types, values, NULL, true, 1);
		if (rc != SPI_OK_SELECT)
			elog(ERROR, "SPI_execute_with_args failed: %s", SPI_result_code_string(rc));
		if (SPI_processed == 0)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_OBJECT),
					 errmsg("model \"%s\" does not exist", name),
					 model == NULL ? errdetail("It is named by recfair.default_model.") : 0,
					 errhint("SELECT name FROM recfair.models lists the models.")));
		return pstrdup(name);
	}

	rc = SPI_execute("SELECT name FROM recfair.models ORDER BY name LIMIT 6", true, 0);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute failed: %s", SPI_result_code_string(rc));
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("there is no model"),
				 errhint("Train one with recfair.train().")));
	if (SPI_processed > 1)
	{
		StringInfoData names;

		initStringInfo(&names);
		for (uint64 i = 0; i < SPI_processed && i < 5; i++)
			appendStringInfo(&names, "%s%s", i > 0 ? ", " : "",
							 SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1));
		if (SPI_processed > 5)
			appendStringInfoString(&names, ", ...");
		ereport(ERROR,
				(errcode(ERRCODE_AMBIGUOUS_PARAMETER),
				 errmsg("the model must be named"),
				 errdetail("More than one model exists: %s.", names.data),
				 errhint("Pass model => '...', or SET recfair.default_model.")));
	}
	return SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
}

/* drop_model(model): deletes a model the caller may change; false if there was none. */
PG_FUNCTION_INFO_V1(recfair_drop_model);
Datum
recfair_drop_model(PG_FUNCTION_ARGS)
{
	char	   *model = text_to_cstring(PG_GETARG_TEXT_PP(0));
	Oid			types[1] = {TEXTOID};
	Datum		values[1] = {CStringGetTextDatum(model)};
	bool		existed;

	SPI_connect();
	if (!CheckModelWritable(model, "drop_model", true, NULL))
	{
		SPI_finish();
		PG_RETURN_BOOL(false);
	}
	Execute("DELETE FROM recfair.models WHERE name OPERATOR(pg_catalog.=) $1", 1, types, values, SPI_OK_DELETE);
	existed = SPI_processed > 0;
	DeleteModelFactors(model);
	/* and its amortized exposure, so a new model of that name starts afresh (table since 0.3.0) */
	if (OidIsValid(RecfairTableOid("fair_exposure")))
		Execute("DELETE FROM recfair.fair_exposure WHERE model OPERATOR(pg_catalog.=) $1", 1, types, values, SPI_OK_DELETE);
	/* the server's shared copies go now (a cache: after a rollback the next request loads it again) */
	SharedCacheForget(model);
	SPI_finish();
	PG_RETURN_BOOL(existed);
}
