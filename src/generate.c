/*-------------------------------------------------------------------------
 *
 * generate.c
 *	  recfair.generate_dataset(): a synthetic e-commerce dataset, deterministic
 *	  by seed, for tests, the demo and benchmarks.
 *
 * It creates <prefix>_users(user_id, segment, activity),
 * <prefix>_items(item_id, brand, category, price_tier, price) and
 * <prefix>_interactions(user_id, item_id, weight, ts).  The model:
 *
 * - Items have a global popularity rank.  Popularity follows a power law:
 *   rank = n * U^4 for uniform U, so the top 20% of the catalog takes
 *   two thirds of the interactions (as in MovieLens).  Item ids are a seeded permutation of the ranks.
 * - Brands: three big brands (Acme, Globex, Initech) own most of the head
 *   (an item of rank r belongs to one of them with probability
 *   0.05 + 0.9 exp(-r / (0.1 n))): about 14% of the catalog and half of the
 *   interactions and the long tail is spread over many small
 *   brands, so exposure by brand is visibly unequal.
 * - Twelve categories in six pairs; six user segments, each preferring one
 *   pair: 75% of a user's interactions pick a category of the segment and an
 *   item of it by the same power law over that category's items, the rest
 *   come from the whole catalog.  Each user also has a price tier (budget
 *   50%, mid 35%, premium 15%, as items): 60% of the in-segment picks stay
 *   in that tier.  Segment x tier is the structure a model can learn, and
 *   what popularity alone cannot.
 * - Users are drawn by a power law too (heavy users exist); activity is
 *   'heavy' for the top 10% of users by expected activity, 'medium' for the
 *   next 30%, 'light' for the rest.
 * - Weight: 1 for a view (75%), 3 for an add to cart (17%), 5 for a
 *   purchase (8%); ts uniform over the 180 days from 2026-01-01.
 *   Repeated (user, item) pairs happen, as in real logs.
 *
 * Rows go in with table_multi_insert() in batches into tables created
 * without indexes; primary keys are added and the tables analyzed at the
 * end, which is much faster than maintaining the indexes row by row.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "access/heapam.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "common/pg_prng.h"
#include "datatype/timestamp.h"
#include "executor/spi.h"
#include "executor/tuptable.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "options.h"
#include "portability/instr_time.h"
#include "progress.h"
#include "relnames.h"
#include "storage/shmem.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/memutils.h"
#include "utils/regproc.h"
#include "utils/rel.h"

#define NCATEGORIES 12
#define NSEGMENTS 6
#define NBIG_BRANDS 3
#define NTIERS 3
#define TIER_SHARE 0.6
#define INSERT_BATCH 1000
#define SEGMENT_SHARE 0.75
#define POPULARITY_POWER 4.0
#define USER_POWER 2.0

static const char *const categories[NCATEGORIES] = {
	"electronics", "gaming", "home", "kitchen", "fashion", "beauty",
	"sports", "outdoor", "toys", "baby", "grocery", "health"
};

/* segment s prefers categories 2s and 2s + 1 */
static const char *const segments[NSEGMENTS] = {
	"tech", "homemaker", "style", "active", "family", "everyday"
};

static const char *const big_brands[NBIG_BRANDS] = {"Acme", "Globex", "Initech"};

typedef struct Catalog
{
	int			nitems;
	int64	   *item_id;		/* by popularity rank */
	int		   *brand;			/* by rank: 0..NBIG_BRANDS-1 big, then tail */
	int		   *category;		/* by rank */
	int		   *tier;			/* by rank: 0 budget, 1 mid, 2 premium */
	int		   *by_category;	/* ranks grouped by category, each in rank order */
	int			cat_start[NCATEGORIES + 1];
	int		   *by_group;		/* ranks grouped by (category, tier), in rank order */
	int			group_start[NCATEGORIES * NTIERS + 1];
	int			nbrands;
} Catalog;

/* A rank in [0, n) drawn by the power law n * U^power. */
static inline int
PowerLawRank(pg_prng_state *rng, int n, double power)
{
	int			r = (int) (n * pow(pg_prng_double(rng), power));

	return Min(r, n - 1);
}

/*
 * User ids as a bijection of the activity ranks: rank * a + b mod n with a
 * coprime to n, so heavy users are not simply the lowest ids.
 */
typedef struct UserPermutation
{
	int64		n;
	int64		a;
	int64		b;
} UserPermutation;

static int64
Gcd(int64 a, int64 b)
{
	while (b != 0)
	{
		int64		t = a % b;

		a = b;
		b = t;
	}
	return a;
}

static UserPermutation
MakeUserPermutation(int64 n, pg_prng_state *rng)
{
	UserPermutation p;

	p.n = n;
	p.a = (int64) (n * 0.618) + 1;
	while (Gcd(p.a, n) != 1)
		p.a++;
	p.b = (int64) pg_prng_uint64_range(rng, 0, n - 1);
	return p;
}

static inline int64
UserId(const UserPermutation *p, int64 rank)
{
	return ((rank % p->n) * (p->a % p->n) + p->b) % p->n + 1;
}

/* Cumulative shares of the price tiers, for items and for users' preferences. */
static inline double
TierCut(int tier)
{
	return tier == 0 ? 0.5 : 0.85;
}

static const char *const tiers[NTIERS] = {"budget", "mid", "premium"};
static const double tier_base_price[NTIERS] = {5, 30, 120};

static void
BuildCatalog(Catalog *cat, int nitems, pg_prng_state *rng)
{
	int			fill[NCATEGORIES];

	cat->nitems = nitems;
	cat->nbrands = NBIG_BRANDS + Max(5, Min(500, nitems / 100));
	cat->item_id = palloc_extended(mul_size(sizeof(int64), nitems), MCXT_ALLOC_HUGE);
	cat->brand = palloc_extended(mul_size(sizeof(int), nitems), MCXT_ALLOC_HUGE);
	cat->category = palloc_extended(mul_size(sizeof(int), nitems), MCXT_ALLOC_HUGE);
	cat->by_category = palloc_extended(mul_size(sizeof(int), nitems), MCXT_ALLOC_HUGE);
	cat->tier = palloc_extended(mul_size(sizeof(int), nitems), MCXT_ALLOC_HUGE);
	cat->by_group = palloc_extended(mul_size(sizeof(int), nitems), MCXT_ALLOC_HUGE);

	/* ids: a seeded Fisher-Yates shuffle of 1..n over the ranks */
	for (int r = 0; r < nitems; r++)
		cat->item_id[r] = r + 1;
	for (int r = nitems - 1; r > 0; r--)
	{
		int			j = (int) pg_prng_uint64_range(rng, 0, r);
		int64		t = cat->item_id[r];

		cat->item_id[r] = cat->item_id[j];
		cat->item_id[j] = t;
	}

	memset(cat->cat_start, 0, sizeof(cat->cat_start));
	memset(cat->group_start, 0, sizeof(cat->group_start));
	for (int r = 0; r < nitems; r++)
	{
		double		u;

		double		p_big = 0.05 + 0.9 * exp(-r / (0.1 * nitems));

		if (pg_prng_double(rng) < p_big)
			cat->brand[r] = (int) pg_prng_uint64_range(rng, 0, NBIG_BRANDS - 1);
		else
			cat->brand[r] = NBIG_BRANDS +
				(int) pg_prng_uint64_range(rng, 0, cat->nbrands - NBIG_BRANDS - 1);
		cat->category[r] = (int) pg_prng_uint64_range(rng, 0, NCATEGORIES - 1);
		cat->cat_start[cat->category[r] + 1]++;
		u = pg_prng_double(rng);
		cat->tier[r] = u < TierCut(0) ? 0 : u < TierCut(1) ? 1 : 2;
		cat->group_start[cat->category[r] * NTIERS + cat->tier[r] + 1]++;
	}
	for (int g = 0; g < NCATEGORIES * NTIERS; g++)
		cat->group_start[g + 1] += cat->group_start[g];
	{
		int		   *gfill = palloc(sizeof(int) * NCATEGORIES * NTIERS);

		memcpy(gfill, cat->group_start, sizeof(int) * NCATEGORIES * NTIERS);
		for (int r = 0; r < nitems; r++)
			cat->by_group[gfill[cat->category[r] * NTIERS + cat->tier[r]]++] = r;
		pfree(gfill);
	}
	for (int c = 0; c < NCATEGORIES; c++)
	{
		cat->cat_start[c + 1] += cat->cat_start[c];
		fill[c] = cat->cat_start[c];
	}
	for (int r = 0; r < nitems; r++)
		cat->by_category[fill[cat->category[r]]++] = r;
}

static void
BrandName(int brand, char *buf, size_t len)
{
	if (brand < NBIG_BRANDS)
		strlcpy(buf, big_brands[brand], len);
	else
		snprintf(buf, len, "Brand %03d", brand - NBIG_BRANDS + 1);
}

/* Batched insertion into a freshly created table. */
typedef struct Inserter
{
	Relation	rel;
	BulkInsertState bistate;
	CommandId	cid;
	TupleTableSlot *slots[INSERT_BATCH];
	int			used;
	int64		rows;
	MemoryContext batch_cxt;
} Inserter;

static void
InserterOpen(Inserter *ins, Oid relid)
{
	ins->rel = table_open(relid, RowExclusiveLock);
	ins->bistate = GetBulkInsertState();
	ins->cid = GetCurrentCommandId(true);
	for (int i = 0; i < INSERT_BATCH; i++)
		ins->slots[i] = MakeSingleTupleTableSlot(RelationGetDescr(ins->rel), &TTSOpsVirtual);
	ins->used = 0;
	ins->rows = 0;
	ins->batch_cxt = AllocSetContextCreate(CurrentMemoryContext, "recfair generate batch",
										   ALLOCSET_DEFAULT_SIZES);
}

static void
InserterFlush(Inserter *ins)
{
	MemoryContext old;

	if (ins->used == 0)
		return;
	old = MemoryContextSwitchTo(ins->batch_cxt);
	table_multi_insert(ins->rel, ins->slots, ins->used, ins->cid, 0, ins->bistate);
	MemoryContextSwitchTo(old);
	for (int i = 0; i < ins->used; i++)
		ExecClearTuple(ins->slots[i]);
	MemoryContextReset(ins->batch_cxt);
	ins->rows += ins->used;
	ins->used = 0;
	CHECK_FOR_INTERRUPTS();
}

/* The next slot to fill: set tts_values / tts_isnull, then InserterAdd(). */
static TupleTableSlot *
InserterNext(Inserter *ins)
{
	TupleTableSlot *slot = ins->slots[ins->used];

	ExecClearTuple(slot);
	memset(slot->tts_isnull, 0, sizeof(bool) * slot->tts_tupleDescriptor->natts);
	return slot;
}

static void
InserterAdd(Inserter *ins)
{
	ExecStoreVirtualTuple(ins->slots[ins->used]);
	if (++ins->used == INSERT_BATCH)
		InserterFlush(ins);
}

static void
InserterClose(Inserter *ins)
{
	InserterFlush(ins);
	table_finish_bulk_insert(ins->rel, 0);
	FreeBulkInsertState(ins->bistate);
	for (int i = 0; i < INSERT_BATCH; i++)
		ExecDropSingleTupleTableSlot(ins->slots[i]);
	MemoryContextDelete(ins->batch_cxt);
	table_close(ins->rel, NoLock);
}

static Oid
CreateTable(const char *qualified, const char *columns)
{
	RunTableSql(psprintf("CREATE TABLE %s (%s)", qualified, columns), SPI_OK_UTILITY);
	return TableOid(qualified);
}

/* One generate_dataset() call: its arguments, and what the phases share. */
typedef struct GenerateJob
{
	char	   *prefix;
	int			nusers;
	int			nitems;
	int64		ninteractions;
	pg_prng_state rng;
	char	   *users_table;
	char	   *items_table;
	char	   *inter_table;
	Oid			users_oid;
	Oid			items_oid;
	Oid			inter_oid;
	Catalog		cat;			/* WriteItems */
	UserPermutation uperm;		/* WriteUsers */
	int		   *user_segment;
	int		   *user_tier;
} GenerateJob;

/* Read and check the arguments. */
static void
ParseGenerateCall(FunctionCallInfo fcinfo, GenerateJob *job)
{
	CheckArgsNotNull(fcinfo, 5, 0);
	job->prefix = text_to_cstring(PG_GETARG_TEXT_PP(0));
	job->nusers = PG_GETARG_INT32(1);
	job->nitems = PG_GETARG_INT32(2);
	job->ninteractions = PG_GETARG_INT64(3);
	pg_prng_seed(&job->rng, (uint64) (int64) PG_GETARG_INT32(4));
	if (job->nusers < 1 || job->nitems < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("users and items must be at least 1")));
	if (job->ninteractions < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("interactions must not be negative")));
}

/* The three tables, empty, with their names checked and quoted. */
static void
CreateShopTables(GenerateJob *job)
{
	job->users_table = PrefixedTableName(job->prefix, "users");
	job->items_table = PrefixedTableName(job->prefix, "items");
	job->inter_table = PrefixedTableName(job->prefix, "interactions");
	job->users_oid = CreateTable(job->users_table, "user_id pg_catalog.int8 NOT NULL, segment pg_catalog.text NOT NULL, "
								 "activity pg_catalog.text NOT NULL");
	job->items_oid = CreateTable(job->items_table, "item_id pg_catalog.int8 NOT NULL, brand pg_catalog.text NOT NULL, "
								 "category pg_catalog.text NOT NULL, price_tier pg_catalog.text NOT NULL, "
								 "price pg_catalog.numeric(10,2) NOT NULL");
	job->inter_oid = CreateTable(job->inter_table, "user_id pg_catalog.int8 NOT NULL, item_id pg_catalog.int8 NOT NULL, "
								 "weight pg_catalog.float4 NOT NULL, ts pg_catalog.timestamptz NOT NULL");
}

/* The catalog: brand, category, price tier and price of every item. */
static void
WriteItems(GenerateJob *job)
{
	Inserter	ins;

	BuildCatalog(&job->cat, job->nitems, &job->rng);
	InserterOpen(&ins, job->items_oid);
	for (int r = 0; r < job->nitems; r++)
	{
		TupleTableSlot *slot = InserterNext(&ins);
		MemoryContext old = MemoryContextSwitchTo(ins.batch_cxt);
		char		brand[32];
		const char *tier = tiers[job->cat.tier[r]];
		double		base = tier_base_price[job->cat.tier[r]];
		char		price[32];

		BrandName(job->cat.brand[r], brand, sizeof(brand));
		snprintf(price, sizeof(price), "%.2f", base * (1.0 + 2.0 * pg_prng_double(&job->rng)));
		slot->tts_values[0] = Int64GetDatum(job->cat.item_id[r]);
		slot->tts_values[1] = CStringGetTextDatum(brand);
		slot->tts_values[2] = CStringGetTextDatum(categories[job->cat.category[r]]);
		slot->tts_values[3] = CStringGetTextDatum(tier);
		slot->tts_values[4] = DirectFunctionCall3(numeric_in, CStringGetDatum(price),
												  ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
		MemoryContextSwitchTo(old);
		InserterAdd(&ins);
	}
	InserterClose(&ins);
}

/* The users, by activity rank, each with a segment and a preferred price tier. */
static void
WriteUsers(GenerateJob *job)
{
	Inserter	ins;

	job->uperm = MakeUserPermutation(job->nusers, &job->rng);
	job->user_segment = palloc_extended(mul_size(sizeof(int), job->nusers), MCXT_ALLOC_HUGE);
	job->user_tier = palloc_extended(mul_size(sizeof(int), job->nusers), MCXT_ALLOC_HUGE);
	InserterOpen(&ins, job->users_oid);
	for (int r = 0; r < job->nusers; r++)
	{
		TupleTableSlot *slot = InserterNext(&ins);
		MemoryContext old = MemoryContextSwitchTo(ins.batch_cxt);
		double		u;

		job->user_segment[r] = (int) pg_prng_uint64_range(&job->rng, 0, NSEGMENTS - 1);
		u = pg_prng_double(&job->rng);
		job->user_tier[r] = u < TierCut(0) ? 0 : u < TierCut(1) ? 1 : 2;
		slot->tts_values[0] = Int64GetDatum(UserId(&job->uperm, r));
		slot->tts_values[1] = CStringGetTextDatum(segments[job->user_segment[r]]);
		slot->tts_values[2] = CStringGetTextDatum(r < job->nusers * 0.1 ? "heavy" :
												  r < job->nusers * 0.4 ? "medium" : "light");
		MemoryContextSwitchTo(old);
		InserterAdd(&ins);
	}
	InserterClose(&ins);
}

/* An item for a user of activity rank urank: mostly from the user's segment and tier. */
static int
DrawItem(GenerateJob *job, int urank)
{
	const Catalog *cat = &job->cat;

	if (pg_prng_double(&job->rng) < SEGMENT_SHARE)
	{
		int			c = 2 * job->user_segment[urank] + (int) (pg_prng_uint64(&job->rng) & 1);
		int			g = c * NTIERS + job->user_tier[urank];
		int			size = cat->cat_start[c + 1] - cat->cat_start[c];
		int			gsize = cat->group_start[g + 1] - cat->group_start[g];

		if (gsize > 0 && pg_prng_double(&job->rng) < TIER_SHARE)
			return cat->by_group[cat->group_start[g] + PowerLawRank(&job->rng, gsize, POPULARITY_POWER)];
		if (size > 0)
			return cat->by_category[cat->cat_start[c] + PowerLawRank(&job->rng, size, POPULARITY_POWER)];
	}
	return PowerLawRank(&job->rng, job->nitems, POPULARITY_POWER);
}

/* The interactions: power-law users and items, event weights 1, 3, 5, 180 days of timestamps. */
static void
WriteInteractions(GenerateJob *job)
{
	TimestampTz ts_base = (TimestampTz) (date2j(2026, 1, 1) - POSTGRES_EPOCH_JDATE) * USECS_PER_DAY;
	Inserter	ins;

	InserterOpen(&ins, job->inter_oid);
	for (int64 n = 0; n < job->ninteractions; n++)
	{
		TupleTableSlot *slot = InserterNext(&ins);
		int			urank = PowerLawRank(&job->rng, job->nusers, USER_POWER);
		int			rank = DrawItem(job, urank);
		double		e = pg_prng_double(&job->rng);

		slot->tts_values[0] = Int64GetDatum(UserId(&job->uperm, urank));
		slot->tts_values[1] = Int64GetDatum(job->cat.item_id[rank]);
		slot->tts_values[2] = Float4GetDatum(e < 0.75 ? 1.0f : e < 0.92 ? 3.0f : 5.0f);
		slot->tts_values[3] = TimestampTzGetDatum(ts_base +
												  (TimestampTz) (pg_prng_double(&job->rng) * 180.0 * USECS_PER_DAY));
		InserterAdd(&ins);
	}
	InserterClose(&ins);
}

/* Primary keys and statistics, once the rows are in. */
static void
FinishShopTables(GenerateJob *job)
{
	RunTableSql(psprintf("ALTER TABLE %s ADD PRIMARY KEY (user_id)", job->users_table), SPI_OK_UTILITY);
	RunTableSql(psprintf("ALTER TABLE %s ADD PRIMARY KEY (item_id)", job->items_table), SPI_OK_UTILITY);
	RunTableSql(psprintf("ANALYZE %s, %s, %s", job->users_table, job->items_table, job->inter_table),
				SPI_OK_UTILITY);
}

/* generate_dataset(prefix, users, items, interactions, seed): the synthetic shop. */
PG_FUNCTION_INFO_V1(recfair_generate_dataset);
Datum
recfair_generate_dataset(PG_FUNCTION_ARGS)
{
	GenerateJob job;
	instr_time	start;

	memset(&job, 0, sizeof(job));
	ParseGenerateCall(fcinfo, &job);
	InitMaterializedSRF(fcinfo, 0);
	INSTR_TIME_SET_CURRENT(start);

	SPI_connect();
	CreateShopTables(&job);
	WriteItems(&job);
	WriteUsers(&job);
	WriteInteractions(&job);
	FinishShopTables(&job);
	SPI_finish();

	/* timing is progress: shown only when asked for, as training's is */
	if (recfair_progress_notices)
		ereport(NOTICE,
				(errmsg("generated %d users, %d items and %lld interactions in %.2f s",
						job.nusers, job.nitems, (long long) job.ninteractions, SecondsSince(start))));
	ReportTable(fcinfo, job.users_oid, job.nusers);
	ReportTable(fcinfo, job.items_oid, job.nitems);
	ReportTable(fcinfo, job.inter_oid, job.ninteractions);
	return (Datum) 0;
}
