/*-------------------------------------------------------------------------
 *
 * item_index.h
 *	  The candidate index for large catalogs (item_index.c): an inverted
 *	  file of the item factors, partitioned by k-means, that serving
 *	  searches over recfair.index_probes lists instead of every item.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_ITEM_INDEX_H
#define RECFAIR_ITEM_INDEX_H

#include "serve.h"

/* A model's index as the serving cache holds it (items reordered by list). */
typedef struct ItemIndex
{
	int64		built;			/* recfair.item_index.built: which build this is */
	int32		nlists;
	float4	   *centroids;		/* nlists x k */
	int32	   *list_start;		/* nlists + 1: list l is cache items [start[l], start[l+1]) */
} ItemIndex;

/* recfair.index_probes: lists searched per request (0: the index's default). */
extern int	recfair_index_probes;

/* recfair.exact_search: score every item even when the model has an index. */
extern bool recfair_exact_search;

extern void LoadItemIndex(ModelCache *m, int64 built);
extern int32 IndexProbes(const ItemIndex *index);
extern float4 *IndexScores(const ModelCache *m, const float4 *query, int32 wanted, const int32 *excluded,
						   int32 nexcluded, ScoredRanges *ranges);
extern int32 ModelIndexLists(const char *model);
extern void RebuildItemIndex(const char *model, int32 lists);

#endif							/* RECFAIR_ITEM_INDEX_H */
