/*-------------------------------------------------------------------------
 *
 * shared_cache.c
 *	  One copy of a model's serving data per server.  The first backend to
 *	  serve a model version loads it as before (serve.c, item_index.c),
 *	  then copies it into a dynamic shared memory segment and registers the
 *	  segment in a small table in shared memory; every other backend maps
 *	  that segment instead of loading its own copy, so a connection adds
 *	  only its per-request buffers and its fair group maps to its private
 *	  memory.
 *
 * The table: SHARED_SLOTS entries of (database, model, version, index
 * build, segment handle, bytes, last use) under one LWLock; it lives in
 * the main shared memory when recfair is in shared_preload_libraries
 * (before PostgreSQL 17) or in a named DSM segment (17 and later, no
 * preloading needed).  Without either, or with recfair.shared_cache_size
 * = 0, every backend keeps its own copy, as before 0.9.0.
 *
 * Lifetimes: a registered segment is pinned (it outlives the backends that
 * map it) until it is replaced or evicted, then unpinned, and PostgreSQL
 * frees it when the last backend mapping it detaches: a retrain publishes
 * the new version while readers of the old one finish on their mapping.
 * The total of registered segments stays within recfair.shared_cache_size
 * by evicting the least recently used; a model bigger than the setting, or
 * a segment PostgreSQL cannot create (too little /dev/shm: the error is
 * caught in a subtransaction and logged), stays in the backend's own
 * cache.  drop_model() unregisters the model's segments.  After a crash
 * restart, shared memory starts empty and the first request loads again.
 *
 * Rights: a backend maps a segment only after GetModel() read the model's
 * row with the caller's privileges (and checked SELECT on the model
 * tables), exactly as a load would, so sharing grants nothing.
 *
 * Item lookups (id to position) use a table of positions stored in the
 * segment (open addressing, at most half full: 8 bytes an item), instead
 * of a per-backend hash.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/xact.h"
#include "compat.h"
#include "item_index.h"
#include "miscadmin.h"
#include "model_store.h"
#include "port/atomics.h"
#include "shared_cache.h"
#include "storage/dsm.h"
#include "storage/ipc.h"
#include "storage/lwlock.h"
#include "storage/shmem.h"
#include "funcapi.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"
#include "utils/resowner.h"
#ifdef RECFAIR_HAVE_DSM_REGISTRY
#include "storage/dsm_registry.h"
#endif

#define SHARED_SLOTS 32
#define SEGMENT_ALIGN 64		/* cache lines, for the vector loads over the factors */

int			recfair_shared_cache_size_mb = 1024;

typedef struct SharedModelSlot
{
	Oid			dbid;
	char		name[NAMEDATALEN * 2];
	int64		version;
	int64		index_built;
	dsm_handle	handle;			/* DSM_HANDLE_INVALID: free */
	Size		bytes;
	pg_atomic_uint64 last_used;
} SharedModelSlot;

typedef struct SharedCacheCtl
{
	LWLock		lock;
	int			tranche;
	Size		bytes;			/* of the registered segments */
	pg_atomic_uint64 clock;
	SharedModelSlot slots[SHARED_SLOTS];
} SharedCacheCtl;

/* What a segment starts with: the sizes, then where each array is. */
typedef struct SharedModelHeader
{
	int32		k;
	int32		nitems;
	int32		nlists;			/* 0: no item index */
	bool		has_bias;
	Size		ids;			/* int64[nitems], in cache order */
	Size		factors;		/* float4[nitems * k] */
	Size		norms;			/* float4[nitems] */
	Size		bias;			/* float4[nitems], if has_bias */
	Size		gram;			/* float4[k * k] */
	Size		id_slots;		/* int32[id_mask + 1]: ItemPosition's table */
	uint32		id_mask;
	Size		centroids;		/* float4[nlists * k] */
	Size		list_start;		/* int32[nlists + 1] */
	bool		quantized;		/* an int8 copy follows */
	Size		qfactors;		/* int8[nitems * k] */
	Size		qscale;			/* float4[nitems] */
} SharedModelHeader;

static SharedCacheCtl *ctl = NULL;
static bool tranche_registered = false;

#ifndef RECFAIR_HAVE_DSM_REGISTRY
static shmem_request_hook_type prev_shmem_request_hook = NULL;
static shmem_startup_hook_type prev_shmem_startup_hook = NULL;
#endif

static void
InitCtl(void *ptr)
{
	SharedCacheCtl *c = (SharedCacheCtl *) ptr;

	memset(c, 0, sizeof(SharedCacheCtl));
	c->tranche = LWLockNewTrancheId();
	LWLockInitialize(&c->lock, c->tranche);
	pg_atomic_init_u64(&c->clock, 0);
	for (int i = 0; i < SHARED_SLOTS; i++)
	{
		c->slots[i].handle = DSM_HANDLE_INVALID;
		pg_atomic_init_u64(&c->slots[i].last_used, 0);
	}
}

#ifndef RECFAIR_HAVE_DSM_REGISTRY
static void
SharedCacheShmemRequest(void)
{
	if (prev_shmem_request_hook)
		prev_shmem_request_hook();
	RequestAddinShmemSpace(sizeof(SharedCacheCtl));
}

static void
SharedCacheShmemStartup(void)
{
	bool		found;

	if (prev_shmem_startup_hook)
		prev_shmem_startup_hook();
	LWLockAcquire(AddinShmemInitLock, LW_EXCLUSIVE);
	ctl = ShmemInitStruct("recfair shared models", sizeof(SharedCacheCtl), &found);
	if (!found)
		InitCtl(ctl);
	LWLockRelease(AddinShmemInitLock);
}
#endif

/* From _PG_init: before PostgreSQL 17, a preloaded library requests the table here. */
void
SharedCacheInit(void)
{
#ifndef RECFAIR_HAVE_DSM_REGISTRY
	if (!process_shared_preload_libraries_in_progress)
		return;
	prev_shmem_request_hook = shmem_request_hook;
	shmem_request_hook = SharedCacheShmemRequest;
	prev_shmem_startup_hook = shmem_startup_hook;
	shmem_startup_hook = SharedCacheShmemStartup;
#endif
}

/* The table, attaching on first use where possible; NULL when sharing is off or impossible. */
static SharedCacheCtl *
Ctl(void)
{
	if (recfair_shared_cache_size_mb <= 0)
		return NULL;
#ifdef RECFAIR_HAVE_DSM_REGISTRY
	if (ctl == NULL)
	{
		bool		found;

		ctl = GetNamedDSMSegment("recfair_shared_models", sizeof(SharedCacheCtl), InitCtl, &found);
	}
#endif
	if (ctl != NULL && !tranche_registered)
	{
		LWLockRegisterTranche(ctl->tranche, "recfair_shared_models");
		tranche_registered = true;
	}
	return ctl;
}

static inline Size
Aligned(Size offset)
{
	return TYPEALIGN(SEGMENT_ALIGN, offset);
}

/* Slots of ItemPosition's table for n items: a power of two, at least 2n. */
static Size
IdSlots(Size n)
{
	Size		slots = 2;

	while (slots < 2 * n)
		slots <<= 1;
	return slots;
}

/* Fill ItemPosition's table (serve.h) with the positions of ids, + 1. */
static void
FillIdSlots(int32 *slots, uint32 mask, const int64 *ids, int32 nitems)
{
	memset(slots, 0, sizeof(int32) * ((Size) mask + 1));
	for (int32 i = 0; i < nitems; i++)
	{
		uint32		s = IdMapHash(ids[i]) & mask;

		while (slots[s] != 0)
			s = (s + 1) & mask;
		slots[s] = i + 1;
	}
}

/* The layout of a segment for the entry's data; returns its size. */
static Size
Layout(const ModelCache *m, SharedModelHeader *h)
{
	Size		n = Max(m->nitems, 1);
	Size		at = Aligned(sizeof(SharedModelHeader));

	memset(h, 0, sizeof(*h));
	h->k = m->k;
	h->nitems = m->nitems;
	h->nlists = m->ivf ? m->ivf->nlists : 0;
	h->has_bias = m->item_bias != NULL;
	h->ids = at;
	at = Aligned(add_size(at, mul_size(sizeof(int64), n)));
	h->factors = at;
	at = Aligned(add_size(at, mul_size(mul_size(sizeof(float4), n), m->k)));
	h->norms = at;
	at = Aligned(add_size(at, mul_size(sizeof(float4), n)));
	h->bias = at;
	if (h->has_bias)
		at = Aligned(add_size(at, mul_size(sizeof(float4), n)));
	h->gram = at;
	at = Aligned(add_size(at, mul_size(mul_size(sizeof(float4), m->k), m->k)));
	h->id_mask = IdSlots(n) - 1;
	h->id_slots = at;
	at = Aligned(add_size(at, mul_size(sizeof(int32), (Size) h->id_mask + 1)));
	h->centroids = at;
	at = Aligned(add_size(at, mul_size(mul_size(sizeof(float4), h->nlists), m->k)));
	h->list_start = at;
	at = Aligned(add_size(at, mul_size(sizeof(int32), h->nlists + 1)));
	h->quantized = m->qfactors != NULL;
	h->qfactors = at;
	h->qscale = at;
	if (h->quantized)
	{
		at = Aligned(add_size(at, mul_size(n, m->k)));
		h->qscale = at;
		at = Aligned(add_size(at, mul_size(sizeof(float4), n)));
	}
	return at;
}

/* Point the entry's arrays into a mapped segment. */
static void
UseSegment(ModelCache *m, dsm_segment *seg)
{
	char	   *base = dsm_segment_address(seg);
	const SharedModelHeader *h = (const SharedModelHeader *) base;

	m->seg = seg;
	m->nitems = h->nitems;
	m->item_ids = (int64 *) (base + h->ids);
	m->factors = (float4 *) (base + h->factors);
	m->norms = (float4 *) (base + h->norms);
	m->item_bias = h->has_bias ? (float4 *) (base + h->bias) : NULL;
	m->gram = (float4 *) (base + h->gram);
	m->id_slots = (const int32 *) (base + h->id_slots);
	m->id_mask = h->id_mask;
	m->index = NULL;
	m->ivf = NULL;
	m->qfactors = h->quantized ? (int8 *) (base + h->qfactors) : NULL;
	m->qscale = h->quantized ? (float4 *) (base + h->qscale) : NULL;
	if (h->nlists > 0)
	{
		ItemIndex  *ivf = MemoryContextAlloc(m->cxt, sizeof(ItemIndex));

		ivf->built = m->index_built;
		ivf->nlists = h->nlists;
		ivf->centroids = (float4 *) (base + h->centroids);
		ivf->list_start = (int32 *) (base + h->list_start);
		m->ivf = ivf;
	}
}

static SharedModelSlot *
FindSlot(SharedCacheCtl *c, const ModelCache *m)
{
	for (int i = 0; i < SHARED_SLOTS; i++)
	{
		SharedModelSlot *s = &c->slots[i];

		if (s->handle != DSM_HANDLE_INVALID && s->dbid == MyDatabaseId && s->version == m->version_loading &&
			s->index_built == m->index_built && strcmp(s->name, m->name) == 0)
			return s;
	}
	return NULL;
}

/*
 * Map the registered segment of the entry's model version (name, version
 * being loaded and index build set); false when there is none.
 */
bool
SharedCacheAttach(ModelCache *m)
{
	SharedCacheCtl *c = Ctl();
	SharedModelSlot *s;
	dsm_segment *seg = NULL;

	if (c == NULL)
		return false;
	LWLockAcquire(&c->lock, LW_SHARED);
	s = FindSlot(c, m);
	if (s != NULL)
	{
		seg = dsm_find_mapping(s->handle);
		if (seg == NULL)
		{
			seg = dsm_attach(s->handle);
			if (seg != NULL)
				dsm_pin_mapping(seg);
		}
		if (seg != NULL)
			pg_atomic_write_u64(&s->last_used, pg_atomic_add_fetch_u64(&c->clock, 1));
	}
	LWLockRelease(&c->lock);
	if (seg == NULL)
		return false;
	UseSegment(m, seg);
	return true;
}

/* Unregister a slot (lock held exclusively); its segment goes when the last mapping does. */
static void
FreeSlot(SharedCacheCtl *c, SharedModelSlot *s)
{
	dsm_unpin_segment(s->handle);
	c->bytes -= s->bytes;
	s->handle = DSM_HANDLE_INVALID;
	s->bytes = 0;
}

/* Unregister the model's other versions (lock held exclusively). */
static void
ForgetOtherVersions(SharedCacheCtl *c, const ModelCache *m)
{
	for (int i = 0; i < SHARED_SLOTS; i++)
	{
		SharedModelSlot *s = &c->slots[i];

		if (s->handle != DSM_HANDLE_INVALID && s->dbid == MyDatabaseId && strcmp(s->name, m->name) == 0 &&
			(s->version != m->version_loading || s->index_built != m->index_built))
			FreeSlot(c, s);
	}
}

/* Copy the entry's data into a new segment, mapped here; NULL when PostgreSQL cannot make one. */
static dsm_segment *
CopyToSegment(ModelCache *m, const SharedModelHeader *layout, Size bytes)
{
	MemoryContext oldcontext = CurrentMemoryContext;
	ResourceOwner oldowner = CurrentResourceOwner;
	dsm_segment *volatile seg = NULL;

	/* a subtransaction, so that a failure to create it (no room in /dev/shm) leaves serving working */
	BeginInternalSubTransaction(NULL);
	MemoryContextSwitchTo(oldcontext);
	PG_TRY();
	{
		char	   *base;
		SharedModelHeader *h;

		seg = dsm_create(bytes, DSM_CREATE_NULL_IF_MAXSEGMENTS);
		if (seg != NULL)
		{
			base = dsm_segment_address(seg);
			h = (SharedModelHeader *) base;
			*h = *layout;
			memcpy(base + h->ids, m->item_ids, sizeof(int64) * m->nitems);
			memcpy(base + h->factors, m->factors, sizeof(float4) * m->nitems * m->k);
			memcpy(base + h->norms, m->norms, sizeof(float4) * m->nitems);
			if (h->has_bias)
				memcpy(base + h->bias, m->item_bias, sizeof(float4) * m->nitems);
			memcpy(base + h->gram, m->gram, sizeof(float4) * m->k * m->k);
			FillIdSlots((int32 *) (base + h->id_slots), h->id_mask, m->item_ids, m->nitems);
			if (h->quantized)
			{
				memcpy(base + h->qfactors, m->qfactors, (Size) m->nitems * m->k);
				memcpy(base + h->qscale, m->qscale, sizeof(float4) * m->nitems);
			}
			if (h->nlists > 0)
			{
				memcpy(base + h->centroids, m->ivf->centroids, sizeof(float4) * h->nlists * m->k);
				memcpy(base + h->list_start, m->ivf->list_start, sizeof(int32) * (h->nlists + 1));
			}
			dsm_pin_mapping(seg);
		}
		ReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(oldcontext);
		CurrentResourceOwner = oldowner;
	}
	PG_CATCH();
	{
		ErrorData  *edata;

		MemoryContextSwitchTo(oldcontext);
		edata = CopyErrorData();
		FlushErrorState();
		RollbackAndReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(oldcontext);
		CurrentResourceOwner = oldowner;
		ereport(LOG,
				(errmsg("recfair: model \"%s\" is served from this backend's memory: %s", m->name, edata->message)));
		FreeErrorData(edata);
		seg = NULL;
	}
	PG_END_TRY();
	return seg;
}

/*
 * After the entry was loaded into this backend's memory: share it, when
 * there is room, and serve from the shared copy (freeing the private one).
 */
void
SharedCachePublish(ModelCache *m)
{
	SharedCacheCtl *c = Ctl();
	SharedModelHeader layout;
	Size		bytes;
	Size		limit;
	dsm_segment *seg;
	SharedModelSlot *slot = NULL;
	bool		registered = false;

	if (c == NULL)
		return;
	bytes = Layout(m, &layout);
	limit = (Size) recfair_shared_cache_size_mb * 1024 * 1024;
	if (bytes > limit)
	{
		/* older versions of the model go all the same */
		LWLockAcquire(&c->lock, LW_EXCLUSIVE);
		ForgetOtherVersions(c, m);
		LWLockRelease(&c->lock);
		ereport(DEBUG1,
				(errmsg("recfair: model \"%s\" takes %zu bytes, more than recfair.shared_cache_size: served from this backend's memory",
						m->name, bytes)));
		return;
	}
	seg = CopyToSegment(m, &layout, bytes);
	if (seg == NULL)
		return;

	LWLockAcquire(&c->lock, LW_EXCLUSIVE);
	if (FindSlot(c, m) == NULL)
	{
		/* older versions of the model go; then the least recently used until it fits */
		ForgetOtherVersions(c, m);
		for (;;)
		{
			SharedModelSlot *lru = NULL;

			slot = NULL;
			for (int i = 0; i < SHARED_SLOTS; i++)
			{
				SharedModelSlot *s = &c->slots[i];

				if (s->handle == DSM_HANDLE_INVALID)
					slot = slot ? slot : s;
				else if (lru == NULL || pg_atomic_read_u64(&s->last_used) < pg_atomic_read_u64(&lru->last_used))
					lru = s;
			}
			if (slot != NULL && c->bytes + bytes <= limit)
				break;
			if (lru == NULL)
				break;
			FreeSlot(c, lru);
		}
		if (slot != NULL && c->bytes + bytes <= limit)
		{
			dsm_pin_segment(seg);
			slot->dbid = MyDatabaseId;
			strlcpy(slot->name, m->name, sizeof(slot->name));
			slot->version = m->version_loading;
			slot->index_built = m->index_built;
			slot->bytes = bytes;
			slot->handle = dsm_segment_handle(seg);
			pg_atomic_write_u64(&slot->last_used, pg_atomic_add_fetch_u64(&c->clock, 1));
			c->bytes += bytes;
			registered = true;
		}
	}
	LWLockRelease(&c->lock);
	if (!registered)
	{
		/* another backend published it meanwhile, or no room: keep the private copy */
		dsm_detach(seg);
		return;
	}
	/* serve from the shared copy; the private arrays go */
	MemoryContextReset(m->cxt);
	UseSegment(m, seg);
}

/* Before the entry is reused: unmap its segment, if it has one. */
void
SharedCacheDetach(ModelCache *m)
{
	if (m->seg != NULL)
	{
		dsm_detach(m->seg);
		m->seg = NULL;
	}
	m->id_slots = NULL;
}

/* drop_model(): unregister every shared version of the model in this database. */
void
SharedCacheForget(const char *model)
{
	SharedCacheCtl *c = Ctl();

	if (c == NULL)
		return;
	LWLockAcquire(&c->lock, LW_EXCLUSIVE);
	for (int i = 0; i < SHARED_SLOTS; i++)
		if (c->slots[i].handle != DSM_HANDLE_INVALID && c->slots[i].dbid == MyDatabaseId &&
			strcmp(c->slots[i].name, model) == 0)
			FreeSlot(c, &c->slots[i]);
	LWLockRelease(&c->lock);
}

/*
 * shared_models(): the models of this database in the server's shared
 * cache: (model, version, bytes, indexed), for monitoring and tests.  Names
 * and versions are what recfair.models shows, so the caller needs SELECT on
 * it, as serving does.
 */
PG_FUNCTION_INFO_V1(recfair_shared_models);
Datum
recfair_shared_models(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	SharedCacheCtl *c;
	SharedModelSlot copy[SHARED_SLOTS];
	int			n = 0;

	{
		Oid			models = RecfairTableOid("models");

		if (OidIsValid(models) && pg_class_aclcheck(models, GetUserId(), ACL_SELECT) != ACLCHECK_OK)
			ereport(ERROR,
					(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					 errmsg("permission denied for table recfair.models"),
					 errdetail("shared_models() shows the models' names and versions."),
					 errhint("As its owner or a superuser: SELECT recfair.grant_serving(%s) grants what serving needs.",
							 quote_literal_cstr(GetUserNameFromId(GetUserId(), false)))));
	}
	InitMaterializedSRF(fcinfo, 0);
	c = Ctl();
	if (c == NULL)
		return (Datum) 0;
	LWLockAcquire(&c->lock, LW_SHARED);
	for (int i = 0; i < SHARED_SLOTS; i++)
		if (c->slots[i].handle != DSM_HANDLE_INVALID && c->slots[i].dbid == MyDatabaseId)
			memcpy(&copy[n++], &c->slots[i], sizeof(SharedModelSlot));
	LWLockRelease(&c->lock);
	for (int i = 0; i < n; i++)
	{
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};

		values[0] = CStringGetTextDatum(copy[i].name);
		values[1] = Int64GetDatum(copy[i].version);
		values[2] = Int64GetDatum((int64) copy[i].bytes);
		values[3] = BoolGetDatum(copy[i].index_built != 0);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
