/*-------------------------------------------------------------------------
 *
 * serve.h
 *	  The per-backend model cache and top-k selection shared by serving
 *	  (serve.c), evaluation (evaluate.c) and fair re-ranking; what fair
 *	  re-ranking keeps per model is fair.h's, behind one pointer.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_SERVE_H
#define RECFAIR_SERVE_H

#include "idmap.h"

#define MAX_K 10000
#define CACHE_SLOTS 4

struct FairModelState;			/* fair.h */
struct ItemIndex;				/* item_index.h */
struct dsm_segment;				/* storage/dsm.h */
struct ArrayType;				/* utils/array.h */

typedef struct ModelCache
{
	char		name[NAMEDATALEN * 2];
	int64		version;		/* 0: empty slot */
	MemoryContext cxt;
	int			k;
	int32		nitems;
	bool		explicit_model;	/* als_explicit: scores are predicted ratings */
	double		global_mean;
	double		alpha;
	double		confidence_offset;
	double		regularization;
	bool		weighted_regularization;	/* lambda times the row's interactions */
	double		unit_weight;	/* an interaction of weight 1 as the confidence takes it */
	char		algorithm[16];	/* als, als_explicit, bpr or popularity */
	int64	   *item_ids;
	float4	   *factors;		/* nitems x k */
	float4	   *item_bias;		/* NULL unless the model has item biases */
	float4	   *norms;
	float4	   *gram;			/* Y'Y, k x k */
	idmap_hash *index;
	struct FairModelState *fair;	/* fair.c's state for this version; NULL until used */
	struct ItemIndex *ivf;		/* item_index.c's candidate index, or NULL: score every item */
	int64		index_built;	/* recfair.item_index.built of that index, or 0 */
	int64		version_loading;	/* the version being loaded (version is 0 until done) */
	struct dsm_segment *seg;	/* shared_cache.c's segment the arrays are in, or NULL: private */
	const int32 *id_slots;		/* with seg: ItemPosition's table (index is NULL) */
	uint32		id_mask;		/* its size - 1, a power of two */
	float4	   *popularity;		/* recommend_or_popular's fallback scores, or NULL until used */
	int8	   *qfactors;		/* quantized.c's int8 copy (nitems x k), or NULL */
	float4	   *qscale;			/* its scale per item */
	uint64		last_used;
} ModelCache;

/*
 * The position of an item id in the cached model, or -1: the backend's
 * hash, or a shared copy's table of positions + 1 (0: an empty slot),
 * open addressing by IdMapHash with linear probing, at most half full, so
 * a lookup reads about two cache lines (a binary search of the sorted ids
 * read one per step: 13 misses a lookup at 7.4M items, most of a request's
 * time for a user with hundreds of seen items).
 */
static inline int32
ItemPosition(const ModelCache *m, int64 id)
{
	if (m->index != NULL)
	{
		IdMapEntry *e = idmap_lookup(m->index, id);

		return e ? e->index : -1;
	}
	if (m->id_slots == NULL)
		return -1;				/* a view without lookups (fair_sql.c's candidates) */
	for (uint32 s = IdMapHash(id) & m->id_mask;; s = (s + 1) & m->id_mask)
	{
		int32		p = m->id_slots[s];

		if (p == 0)
			return -1;
		if (m->item_ids[p - 1] == id)
			return p - 1;
	}
}

/* The top k of scores (skipping -inf), best first; ties go to the lower id. */
typedef struct Candidate
{
	float4		score;
	int32		index;
} Candidate;

/*
 * Which items a scores array holds: every item (n < 0), or only the items
 * of these position ranges [start, end) (an item index's lists), the rest
 * unset.
 */
typedef struct ScoredRanges
{
	/* set by the caller: what it reads of the scores */
	bool		plain;			/* only the top k (int8 candidates suffice) */
	bool		pool;			/* a fair re-ranker's top candidates (wanted) */
	/* and each group's best group_wanted too (quantized.c), unless NULL */
	const int32 *group_of;		/* the group of each item */
	int32		ngroups;
	int32		group_wanted;	/* items it may take from one group (k) */
	/* set on return */
	int32		n;
	int32	   *start;
	int32	   *end;
	bool		candidates;		/* the int8 copy's candidates, not every item of the lists */
	/* and then, for a second look (QuantizedAddGroupBest): */
	float4	   *query;			/* the user's factors */
	int32		nscanned;		/* the ranges scored approximately (-1: every item) */
	int32	   *scanned_start;
	int32	   *scanned_end;
} ScoredRanges;

/* These run inside an SPI connection. */
extern ModelCache *GetModel(const char *model);
extern ModelCache *CachedModelSlot(int slot);
extern int	TopK(const ModelCache *m, const float4 *scores, int k, Candidate *out);
extern int	TopKOf(const ModelCache *m, const float4 *scores, const ScoredRanges *ranges, int k, Candidate *out);
extern void CheckK(int k);
extern float4 *UserScores(const ModelCache *m, int64 user_id, bool exclude_seen, int32 wanted,
						  ScoredRanges *ranges);
extern void AddBiases(const ModelCache *m, float4 *scores, float4 user_bias);
extern float4 *BasketScores(const ModelCache *m, struct ArrayType *basket);

#endif							/* RECFAIR_SERVE_H */
