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
	const int64 *sorted_ids;	/* with seg: the item ids ascending (index is NULL) */
	const int32 *sorted_pos;	/* and their positions */
	float4	   *popularity;		/* recommend_or_popular's fallback scores, or NULL until used */
	int8	   *qfactors;		/* quantized.c's int8 copy (nitems x k), or NULL */
	float4	   *qscale;			/* its scale per item */
	uint64		last_used;
} ModelCache;

/* The position of an item id in the cached model, or -1. */
static inline int32
ItemPosition(const ModelCache *m, int64 id)
{
	int32		lo = 0;
	int32		hi = m->nitems - 1;

	if (m->index != NULL)
	{
		IdMapEntry *e = idmap_lookup(m->index, id);

		return e ? e->index : -1;
	}
	if (m->sorted_ids == NULL)
		return -1;				/* a view without lookups (fair_sql.c's candidates) */
	while (lo <= hi)
	{
		int32		mid = lo + (hi - lo) / 2;

		if (m->sorted_ids[mid] == id)
			return m->sorted_pos[mid];
		if (m->sorted_ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
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
	bool		plain;			/* set by the caller: it only takes the top k (int8 candidates suffice) */
	int32		n;
	int32	   *start;
	int32	   *end;
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
