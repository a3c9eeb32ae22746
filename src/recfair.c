/*-------------------------------------------------------------------------
 *
 * recfair.c
 *	  Module entry point: the PostgreSQL module magic and _PG_init, which
 *	  defines the extension's GUCs, reserves the "recfair." prefix and, in
 *	  a library preloaded before PostgreSQL 17, requests the shared memory
 *	  of recfair.training_progress (progress.c).
 *
 * _PG_init must not start BLAS work: when the library is preloaded, it runs
 * in the postmaster, and forked backends would inherit a broken thread pool
 * (docs/design.md, "Threads").
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <limits.h>

#include "ceilings.h"
#include "fmgr.h"
#include "interactions.h"
#include "model_store.h"
#include "parallel.h"
#include "progress.h"
#include "item_index.h"
#include "shared_cache.h"
#include "utils/guc.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/* Define the settings; when preloaded, request shared memory (no BLAS here). */
void
_PG_init(void)
{
	DefineCustomIntVariable("recfair.threads",
							"Compute threads for training and evaluation (0: one per CPU), at most recfair.max_threads.",
							NULL, &recfair_threads, 0, 0, RECFAIR_MAX_THREADS,
							PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("recfair.max_threads",
							"Ceiling of recfair.threads that only a superuser can change (0: one per CPU).",
							NULL, &recfair_max_threads, 0, 0, RECFAIR_MAX_THREADS,
							PGC_SUSET, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("recfair.training_memory_limit",
							"Memory that one training run may use, at most recfair.max_training_memory; above it, training stops with an error before allocating.",
							NULL, &recfair_training_memory_limit_kb, 2 * 1024 * 1024, 1024, INT_MAX,
							PGC_USERSET, GUC_UNIT_KB, NULL, NULL, NULL);
	DefineCustomIntVariable("recfair.max_training_memory",
							"Ceiling of recfair.training_memory_limit that only a superuser can change.",
							NULL, &recfair_max_training_memory_kb, 2 * 1024 * 1024, 1024, INT_MAX,
							PGC_SUSET, GUC_UNIT_KB, NULL, NULL, NULL);
	DefineCustomStringVariable("recfair.default_model",
							   "Model used by serving functions called with model => NULL.",
							   NULL, &recfair_default_model, NULL,
							   PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomBoolVariable("recfair.progress_notices",
							 "Training reports a NOTICE per iteration and a summary, and evaluation its time.",
							 "Off: only NOTICEs about the data (skipped rows); recfair.training_progress shows running training either way.",
							 &recfair_progress_notices, false,
							 PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("recfair.index_probes",
							"Lists of a model's item index that serving searches per request (0: the index's default, 1/64 of its lists, at least 16).",
							"More lists: higher recall, slower requests.  Models without an index score every item.",
							&recfair_index_probes, 0, 0, 65536,
							PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomBoolVariable("recfair.exact_search",
							 "Serving scores every item even when the model has an item index.",
							 NULL, &recfair_exact_search, false,
							 PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("recfair.shared_cache_size",
							"Shared memory that models' serving data may take, one copy per server for every backend (0: each backend keeps its own).",
							"Needs recfair in shared_preload_libraries before PostgreSQL 17.  A model bigger than this, or beyond it once the least recently used are evicted, is served from each backend's own memory.",
							&recfair_shared_cache_size_mb, 1024, 0, INT_MAX / 2,
							PGC_SIGHUP, GUC_UNIT_MB, NULL, NULL, NULL);
	MarkGUCPrefixReserved("recfair");
	SharedCacheInit();
	ProgressInit();
}
