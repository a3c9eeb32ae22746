/*-------------------------------------------------------------------------
 *
 * explain.h
 *	  Why a model scores an item for a user (explain.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_EXPLAIN_H
#define RECFAIR_EXPLAIN_H

#include "serve.h"

/* Per row of a list: its top history reason, if found. */
typedef struct RowReasons
{
	int64	   *item;
	double	   *contribution;
	bool	   *found;
} RowReasons;

extern void ExplainRows(const ModelCache *m, int64 user_id, int n, const int32 *item_index, RowReasons *reasons);

#endif							/* RECFAIR_EXPLAIN_H */
