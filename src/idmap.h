/*-------------------------------------------------------------------------
 *
 * idmap.h
 *	  A hash map from external bigint ids (users, items) to dense int32
 *	  indexes, on PostgreSQL's simplehash.  Shared by reading interactions
 *	  and by the serving cache.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_IDMAP_H
#define RECFAIR_IDMAP_H

/* A 64-bit finalizer mix (as in splitmix64): ids are often sequential. */
static inline uint32
IdMapHash(int64 id)
{
	uint64		h = (uint64) id;

	h ^= h >> 33;
	h *= UINT64CONST(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64CONST(0xc4ceb9fe1a85ec53);
	h ^= h >> 33;
	return (uint32) h;
}

typedef struct IdMapEntry
{
	int64		key;			/* external id */
	int32		index;			/* dense index */
	char		status;			/* simplehash bookkeeping */
} IdMapEntry;

#define SH_PREFIX idmap
#define SH_ELEMENT_TYPE IdMapEntry
#define SH_KEY_TYPE int64
#define SH_KEY key
#define SH_HASH_KEY(tb, k) IdMapHash(k)
#define SH_EQUAL(tb, a, b) ((a) == (b))
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

#endif							/* RECFAIR_IDMAP_H */
