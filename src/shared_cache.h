/*-------------------------------------------------------------------------
 *
 * shared_cache.h
 *	  One copy of a model's serving data per server (shared_cache.c): the
 *	  item ids, factors, norms, biases, Y'Y and item index in a dynamic
 *	  shared memory segment that every backend maps, instead of a copy per
 *	  backend.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_SHARED_CACHE_H
#define RECFAIR_SHARED_CACHE_H

#include "serve.h"

/* recfair.shared_cache_size (MB): the bytes all shared models may take; 0: none. */
extern int	recfair_shared_cache_size_mb;

extern void SharedCacheInit(void);
extern bool SharedCacheAttach(ModelCache *entry);
extern void SharedCachePublish(ModelCache *entry);
extern void SharedCacheDetach(ModelCache *entry);
extern void SharedCacheForget(const char *model);

#endif							/* RECFAIR_SHARED_CACHE_H */
